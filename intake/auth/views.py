"""Sign-in in two steps (password, then a two-factor code), set-up, password change, sign-out."""

from __future__ import annotations

import time

from flask import (
    Blueprint,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from .. import accounts
from ..cases import audit
from ..cases.access import home_endpoint
from ..extensions import (
    configured_limit,
    failed_attempt,
    limit_key,
    limiter,
    login_manager,
)
from ..i18n import SESSION_KEY as LANG_KEY
from ..models import Staff
from ..sessions import renew
from . import passwords, totp
from .forms import ChangePasswordForm, CodeForm, SignInForm
from .guard import ANY_STAFF, SEEN_KEY, allow

bp = Blueprint("auth", __name__, url_prefix="/staff")
PENDING_KEY = "pending_staff"
# A password step is good for this long while the code is entered.
PENDING_SECONDS = 300


@login_manager.user_loader
def load_staff(session_id: str) -> Staff | None:
    """The signed-in staff member, if their session token is still the account's current one."""
    staff_id, _sep, token = session_id.partition(":")
    staff = accounts.get(int(staff_id)) if staff_id.isdigit() and len(staff_id) < 10 else None
    if staff is None or not staff.active or staff.session_token != token:
        return None
    return staff


_sign_in_limit = configured_limit("SIGN_IN_RATE_LIMIT")


def _submitted_email() -> str:
    return limit_key("sign-in", (request.form.get("email") or "").strip().casefold())


def _pending_key() -> str:
    pending = session.get(PENDING_KEY) or {}
    return f"two-factor:{pending.get('id')}"


def _pending_staff() -> Staff | None:
    pending = session.get(PENDING_KEY)
    if not pending or time.time() - float(pending.get("at", 0)) > PENDING_SECONDS:
        return None
    staff = accounts.get(int(pending["id"]))
    if staff is None or not staff.active or staff.session_token != pending.get("token"):
        return None
    return staff


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"], deduct_when=failed_attempt)
@limiter.limit(
    _sign_in_limit, methods=["POST"], key_func=_submitted_email, deduct_when=failed_attempt
)
def sign_in() -> str | Response:
    """Step one: email and password. The answer never says whether the account exists."""
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user)))
    form = SignInForm()
    if form.validate_on_submit():
        email = form.email.data.strip().casefold()
        staff = accounts.find(email)
        if staff is None or not staff.active:
            passwords.waste_time(form.password.data)
        elif passwords.verify_password(staff.password_hash, form.password.data):
            renew(keep=(LANG_KEY,))
            session[PENDING_KEY] = {"id": staff.id, "token": staff.session_token, "at": time.time()}
            target = "auth.two_factor" if staff.totp_confirmed else "auth.two_factor_setup"
            return redirect(url_for(target))
        # The account tried, by reference; a mistyped address may be anyone's, so none is kept.
        audit.note(None, "sign_in_failed", detail=f"account {staff.id}" if staff else None)
        flash(_("The email or password is not right."), "error")
    return render_template("auth/sign_in.html", form=form)


def _complete_sign_in(staff: Staff) -> Response:
    """A fresh session, under a new id, for the signed-in staff member."""
    renew(keep=(LANG_KEY,))
    login_user(staff)
    session[SEEN_KEY] = time.time()
    audit.note(staff, "sign_in")
    return redirect(url_for(home_endpoint(staff)))


@bp.route("/two-factor", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"], key_func=_pending_key, deduct_when=failed_attempt)
def two_factor() -> str | Response:
    """Step two: the code from the authenticator app. A code is accepted once only."""
    staff = _pending_staff()
    if staff is None:
        return redirect(url_for(".sign_in"))
    if not staff.totp_confirmed:
        return redirect(url_for(".two_factor_setup"))
    form = CodeForm()
    if form.validate_on_submit():
        if totp.accept_code(staff, form.code.data):
            return _complete_sign_in(staff)
        form.code.errors.append(
            _("That code is not right or was already used. Wait for a new code and try again.")
        )
    return render_template("auth/two_factor.html", form=form)


@bp.route("/two-factor/setup", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"], key_func=_pending_key, deduct_when=failed_attempt)
def two_factor_setup() -> str | Response:
    """First sign-in: scan the QR code (or type the secret), then confirm with a code."""
    staff = _pending_staff()
    if staff is None:
        return redirect(url_for(".sign_in"))
    if staff.totp_confirmed:
        return redirect(url_for(".two_factor"))
    secret = accounts.start_two_factor(staff)
    form = CodeForm()
    if form.validate_on_submit():
        if totp.accept_code(staff, form.code.data):
            accounts.confirm_two_factor(staff)
            return _complete_sign_in(staff)
        form.code.errors.append(
            _("That code is not right. Check the time on your phone and try the newest code.")
        )
    uri = totp.provisioning_uri(staff)
    return render_template(
        "auth/two_factor_setup.html", form=form, qr=totp.qr_svg(uri), secret=secret
    )


def _signed_in_key() -> str:
    return f"password:{current_user.get_id()}"


def _wrong_current_password(_response: Response) -> bool:
    return bool(g.get("wrong_password"))


@bp.route("/password", methods=["GET", "POST"])
@allow(ANY_STAFF)
@limiter.limit(
    _sign_in_limit, methods=["POST"], key_func=_signed_in_key, deduct_when=_wrong_current_password
)
@limiter.limit(_sign_in_limit, methods=["POST"], deduct_when=_wrong_current_password)
def change_password() -> str | Response:
    """Choose a new password; other sessions of the account end. Wrong current passwords are
    limited like failed sign-ins: a stolen session must not become a password guesser."""
    form = ChangePasswordForm(email=current_user.email)
    if form.validate_on_submit():
        if not passwords.verify_password(current_user.password_hash, form.current.data):
            g.wrong_password = True
            audit.note(current_user._get_current_object(), "password_change_failed")
            form.current.errors.append(_("The current password is not right."))
        else:
            staff: Staff = current_user._get_current_object()
            accounts.change_password(staff, form.new.data)
            login_user(staff)
            flash(_("Your password was changed."), "info")
            return redirect(url_for(home_endpoint(staff)))
    return render_template("auth/change_password.html", form=form)


@bp.post("/sign-out")
@allow(ANY_STAFF)
def sign_out() -> Response:
    """End the session."""
    audit.note(current_user._get_current_object(), "sign_out")
    logout_user()
    # The session's row is deleted: a copy of the old cookie opens nothing.
    renew(keep=(LANG_KEY,))
    flash(_("You are signed out."), "info")
    return redirect(url_for(".sign_in"))
