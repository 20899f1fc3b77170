"""Records retention for supervisors and administrators: cases due for disposal, legal holds,
and the two-person disposal steps. The pages show case numbers, kinds and dates, never content."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from ..auth.guard import allow
from ..clock import today
from ..records import disposal, retention
from ..roles import Can
from .forms import ActionForm, HoldForm
from .views import bp, me

# What each button does, and what the list says once it is done.
STEPS = {
    "propose": (disposal.propose, _l("Disposal proposed. A second person must approve it.")),
    "approve": (disposal.approve, _l("Disposal approved.")),
    "cancel": (disposal.cancel, _l("Disposal cancelled.")),
    "dispose": (
        disposal.dispose,
        _l("The case was disposed of. Its tombstone keeps the statistics."),
    ),
    "release": (disposal.release, _l("Legal hold released.")),
}


def _render(hold_form: HoldForm | None = None) -> str:
    return render_template(
        "staff/records.html",
        due=retention.due(today()),
        held=disposal.held(),
        rules=retention.RULES,
        years=retention.years,
        hold_form=hold_form or HoldForm(),
        action_form=ActionForm(),
        me=me(),
    )


@bp.get("/records")
@allow(Can.MANAGE_RECORDS)
def records() -> ResponseReturnValue:
    """Cases past their retention period, and cases on legal hold."""
    return _render()


@bp.post("/records/hold")
@allow(Can.MANAGE_RECORDS)
def records_hold() -> ResponseReturnValue:
    """Put a case on legal hold."""
    form = HoldForm()
    if form.validate_on_submit():
        report = disposal.find(form.number.data or "")
        if report is None:
            form.number.errors.append(_("No case has that number."))
        else:
            try:
                disposal.hold(me(), report, form.reason.data or "")
            except disposal.RecordsError as error:
                form.number.errors.append(str(error.message))
            else:
                flash(_("Case %(number)s is on legal hold.", number=report.case_number), "info")
                return redirect(url_for(".records"))
    return _render(hold_form=form)


@bp.post("/records/<int:case_id>/<step>")
@allow(Can.MANAGE_RECORDS)
def records_step(case_id: int, step: str) -> Response:
    """Propose, approve, cancel or carry out a disposal, or release a hold."""
    report = disposal.get(case_id)
    if step not in STEPS or report is None:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    action, done = STEPS[step]
    try:
        action(me(), report)
    except disposal.RecordsError as error:
        flash(str(error.message), "error")
    else:
        flash(str(done), "info")
    return redirect(url_for(".records"))
