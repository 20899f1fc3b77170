"""Staff accounts, for administrators: create, change roles, deactivate, reset."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from .. import accounts
from ..auth.guard import allow
from ..models import Staff
from ..roles import Can
from .forms import ActionForm, StaffForm
from .views import bp, me


@bp.route("/admin/staff", methods=["GET", "POST"])
@allow(Can.ADMINISTER)
def admin_staff() -> ResponseReturnValue:
    """Every account, and a form to add one."""
    form = StaffForm()
    if form.validate_on_submit():
        try:
            staff, password = accounts.create(
                me(), form.email.data, form.name.data, form.roles.data
            )
        except accounts.AccountError as error:
            form.email.errors.append(str(error.message))
        else:
            flash(
                _(
                    "Account created for %(email)s. Temporary password: %(password)s — give it "
                    "to them in person; they choose their own at first sign-in.",
                    email=staff.email,
                    password=password,
                ),
                "info",
            )
            return redirect(url_for(".admin_staff"))
    people = accounts.everyone()
    return render_template(
        "staff/admin_staff.html",
        form=form,
        people=people,
        action_form=ActionForm(),
        access_changes=accounts.access_changes(),
        access_actions=accounts.ACCESS_ACTIONS,
    )


def _account(staff_id: int) -> Staff:
    staff = accounts.get(staff_id)
    if staff is None:
        abort(404)
    return staff


@bp.route("/admin/staff/<int:staff_id>", methods=["GET", "POST"])
@allow(Can.ADMINISTER)
def admin_staff_edit(staff_id: int) -> ResponseReturnValue:
    """Change a name and roles."""
    staff = _account(staff_id)
    form = StaffForm(
        data={"email": staff.email, "name": staff.name, "roles": sorted(staff.role_names)}
    )
    if form.validate_on_submit():
        try:
            accounts.update(me(), staff, form.name.data, form.roles.data)
        except accounts.AccountError as error:
            form.roles.errors.append(str(error.message))
        else:
            flash(_("Account updated."), "info")
            return redirect(url_for(".admin_staff"))
    return render_template(
        "staff/admin_staff_edit.html", form=form, staff=staff, action_form=ActionForm()
    )


@bp.post(
    "/admin/staff/<int:staff_id>/<any(deactivate, activate, reset_password, "
    "reset_two_factor):action>"
)
@allow(Can.ADMINISTER)
def admin_staff_action(staff_id: int, action: str) -> Response:
    """Deactivate or reactivate an account, or reset its password or two-factor."""
    staff = _account(staff_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        if action in ("deactivate", "activate"):
            accounts.set_active(me(), staff, action == "activate")
            flash(
                _("Account deactivated.") if action == "deactivate" else _("Account reactivated."),
                "info",
            )
        elif action == "reset_password":
            password = accounts.reset_password(me(), staff)
            flash(
                _(
                    "New temporary password for %(email)s: %(password)s",
                    email=staff.email,
                    password=password,
                ),
                "info",
            )
        else:
            accounts.reset_two_factor(me(), staff)
            flash(
                _(
                    "Two-factor reset. %(email)s sets it up again at the next sign-in.",
                    email=staff.email,
                ),
                "info",
            )
    except accounts.AccountError as error:
        flash(str(error.message), "error")
    return redirect(url_for(".admin_staff_edit", staff_id=staff.id))
