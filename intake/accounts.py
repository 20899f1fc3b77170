"""Staff accounts: created, changed and deactivated (never deleted), each change audited."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from .auth.passwords import hash_password, temporary_password
from .auth.totp import new_secret
from .cases import audit
from .extensions import db
from .models import AuditEvent, Staff, new_session_token
from .roles import READ_CASES, ROLE_NAMES, Can, capabilities, holding

# Roles that open residents' cases: granting one is shown to every administrator.
# Audit actions that change who can do what, listed on the accounts page, with their names.
ACCESS_ACTIONS = {
    "staff_created": _l("Account created"),
    "staff_changed": _l("Roles changed"),
    "case_access_granted": _l("Access to cases granted"),
}


class AccountError(ValueError):
    """A change that cannot be made (the message is for the administrator)."""

    def __init__(self, message: LazyString | str) -> None:
        super().__init__(str(message))
        self.message = message


def find(email: str) -> Staff | None:
    """The account with this email (case ignored)."""
    return db.session.scalars(
        db.select(Staff).where(Staff.email == email.strip().casefold())
    ).one_or_none()


def create(
    actor: Staff | None,
    email: str,
    name: str,
    roles: Iterable[str],
    password: str | None = None,
    *,
    must_change_password: bool = True,
) -> tuple[Staff, str]:
    """A new account with a temporary password (returned once, to hand over)."""
    chosen = frozenset(roles)
    if not chosen or not chosen <= ROLE_NAMES:
        raise AccountError(_l("Choose at least one role."))
    if find(email) is not None:
        raise AccountError(_l("An account with this email already exists."))
    secret = password or temporary_password()
    staff = Staff(
        email=email.strip().casefold(),
        name=name.strip(),
        password_hash=hash_password(secret),
        must_change_password=must_change_password,
    )
    staff.set_roles(chosen)
    db.session.add(staff)
    db.session.flush()
    audit.record(actor, "staff_created", detail=f"{staff.email}: {', '.join(sorted(chosen))}")
    db.session.commit()
    return staff, secret


def update(actor: Staff, staff: Staff, name: str, roles: Iterable[str]) -> None:
    """Change a name and roles."""
    chosen = frozenset(roles)
    if not chosen or not chosen <= ROLE_NAMES:
        raise AccountError(_l("Choose at least one role."))
    before = frozenset(staff.role_names)
    if staff.id == actor.id and chosen != before:
        raise AccountError(
            _l("You cannot change your own roles. Ask another administrator to do it.")
        )
    staff.name = name.strip()
    if chosen != before:
        staff.set_roles(chosen)
        audit.record(
            actor,
            "staff_changed",
            detail=f"{staff.email}: {', '.join(sorted(before))} → {', '.join(sorted(chosen))}",
        )
        granted = sorted(
            name for name in chosen - before if capabilities([name]) & frozenset(READ_CASES)
        )
        if granted:
            audit.record(
                actor, "case_access_granted", detail=f"{staff.email}: {', '.join(granted)}"
            )
    db.session.commit()


def access_changes(limit: int = 20) -> list[AuditEvent]:
    """The latest changes to who can do what (accounts created, roles changed), newest first."""
    return list(
        db.session.scalars(
            db.select(AuditEvent)
            .where(AuditEvent.action.in_(list(ACCESS_ACTIONS)))
            .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
            .limit(limit)
        )
    )


def set_active(actor: Staff, staff: Staff, active: bool) -> None:
    """Deactivate (ending every session) or reactivate an account."""
    if staff.id == actor.id and not active:
        raise AccountError(_l("You cannot deactivate your own account."))
    staff.active = active
    staff.session_token = new_session_token()
    audit.record(actor, "staff_activated" if active else "staff_deactivated", detail=staff.email)
    db.session.commit()


def reset_password(actor: Staff, staff: Staff) -> str:
    """A new temporary password; the account's sessions end."""
    secret = temporary_password()
    staff.password_hash = hash_password(secret)
    staff.must_change_password = True
    staff.session_token = new_session_token()
    audit.record(actor, "password_reset", detail=staff.email)
    db.session.commit()
    return secret


def change_password(staff: Staff, new: str) -> None:
    """The account's own new password; its other sessions end."""
    staff.password_hash = hash_password(new)
    staff.must_change_password = False
    staff.session_token = new_session_token()
    audit.record(staff, "password_changed")
    db.session.commit()


def start_two_factor(staff: Staff) -> str:
    """The account's authenticator secret, made on its first sign-in."""
    if not staff.totp_secret:
        staff.totp_secret = new_secret()
        db.session.commit()
    return staff.totp_secret


def confirm_two_factor(staff: Staff) -> None:
    """The first code from the authenticator app was right: two-factor is set up."""
    staff.totp_confirmed = True
    audit.record(staff, "two_factor_set_up")
    db.session.commit()


def reset_two_factor(actor: Staff, staff: Staff) -> None:
    """Clear two-factor: the account sets it up again at its next sign-in."""
    staff.totp_secret = None
    staff.totp_confirmed = False
    staff.totp_last_step = None
    staff.session_token = new_session_token()
    audit.record(actor, "two_factor_reset", detail=staff.email)
    db.session.commit()


def investigators(*, inactive_too: bool = False) -> list[Staff]:
    """The staff who may take cases, by name: active ones, or everyone who ever could (a
    departed investigator's cases still need a new owner)."""
    from .models import StaffRole

    query = db.select(Staff).join(StaffRole).where(StaffRole.role.in_(holding(Can.TAKE_CASES)))
    if not inactive_too:
        query = query.where(Staff.active.is_(True))
    return list(db.session.scalars(query.distinct().order_by(Staff.name)))


def get(staff_id: int) -> Staff | None:
    """The account `staff_id`, if any."""
    return db.session.get(Staff, staff_id)


def everyone() -> list[Staff]:
    """Every account, active ones first, by name."""
    return list(db.session.scalars(db.select(Staff).order_by(Staff.active.desc(), Staff.name)))
