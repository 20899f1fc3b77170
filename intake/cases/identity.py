"""Need-to-know identity: a resident's contact details are masked on the case page until a staff
member who may see them asks, with a reason; each reveal is audited on its own.

Who may reveal: supervisors; while a case is new, the intake staff who read it first; after that
its intake officer (who moved it from new to screening) while it is in triage; the assigned
investigator; and anyone a supervisor grants. A reveal lasts CONTACT_REVEAL_MINUTES in that
browser session. Hints (duplicates, related cases) never show identity.
"""

from __future__ import annotations

import time

from flask import current_app, session
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..models import AuditEvent, ContactGrant, Report, Staff
from ..roles import Can
from ..statuses import TRIAGE_STATUSES, Status
from . import audit
from .access import can_view

SESSION_KEY = "revealed"


class IdentityError(Exception):
    """A reveal or grant that may not happen; `message` says why, translated."""

    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = message


def may_reveal(staff: Staff, report: Report) -> bool:
    """Whether `staff` may ask to see this case's contact details."""
    if report.contact is None or not can_view(staff, report):
        return False
    if staff.can(Can.GRANT_IDENTITY):
        return True
    if report.assignee_id == staff.id:
        return True
    if staff.can(Can.SEE_TRIAGE) and report.status in TRIAGE_STATUSES:
        if report.status == Status.NEW or _intake_officer(staff, report):
            return True
    return db.session.get(ContactGrant, (report.id, staff.id)) is not None


def _intake_officer(staff: Staff, report: Report) -> bool:
    """Whether `staff` acknowledged the case (moved it from new to screening)."""
    query = select(AuditEvent.id).where(
        AuditEvent.report_id == report.id,
        AuditEvent.staff_id == staff.id,
        AuditEvent.action == "change",
        AuditEvent.field == "status",
        AuditEvent.old_value == Status.NEW.value,
    )
    return db.session.scalar(query.limit(1)) is not None


def contact_shown(staff: Staff, report: Report) -> tuple[bool, bool]:
    """(whether `staff` may reveal the contact details, whether they show now: asked for
    recently and still allowed), deciding the first once for the case page."""
    allowed = may_reveal(staff, report)
    asked = session.get(SESSION_KEY, {}).get(str(report.id))
    minutes = int(current_app.config["CONTACT_REVEAL_MINUTES"])
    fresh = asked is not None and time.time() - float(asked) < minutes * 60
    return allowed, allowed and fresh


def reveal(staff: Staff, report: Report, reason: str) -> None:
    """Show the contact details to `staff` for a while, and record why."""
    if not may_reveal(staff, report):
        raise IdentityError(_l("Ask a supervisor for access to this case's contact details."))
    reason = " ".join(reason.split())
    if not reason:
        raise IdentityError(_l("Say why you need the contact details."))
    audit.record(staff, "contact_revealed", report, detail=reason[:500])
    db.session.commit()
    shown = dict(session.get(SESSION_KEY, {}))
    shown[str(report.id)] = time.time()
    session[SESSION_KEY] = shown


def grant(supervisor: Staff, report: Report, staff: Staff) -> None:
    """Let `staff` reveal this case's contact details."""
    if not supervisor.can(Can.GRANT_IDENTITY):
        raise IdentityError(_l("Only a supervisor can give access to contact details."))
    if not can_view(staff, report) or not staff.active:
        raise IdentityError(_l("That person cannot open this case."))
    if db.session.get(ContactGrant, (report.id, staff.id)) is None:
        db.session.add(
            ContactGrant(report_id=report.id, staff_id=staff.id, granted_by_id=supervisor.id)
        )
        audit.record(supervisor, "contact_access_granted", report, new=staff.email)
        db.session.commit()


def grantable(report: Report) -> list[Staff]:
    """Active staff who may open the case but not yet reveal its contact details."""
    query = select(Staff).where(Staff.active.is_(True)).order_by(Staff.name)
    return [
        staff
        for staff in db.session.scalars(query)
        if can_view(staff, report) and not may_reveal(staff, report)
    ]


def grant_choices(report: Report) -> list[tuple[str, str]]:
    """The staff a supervisor may give access to, as choices ("Name (email)")."""
    return [(str(staff.id), f"{staff.name} ({staff.email})") for staff in grantable(report)]


def grants(report: Report) -> list[ContactGrant]:
    """Who was granted access to this case's contact details."""
    query = select(ContactGrant).where(ContactGrant.report_id == report.id)
    return list(db.session.scalars(query))
