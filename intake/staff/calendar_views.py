"""A case's calendar on its page: record an event, extend a deadline (rules in cases.calendar)."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from ..auth.guard import allow
from ..cases import calendar
from ..extensions import db
from ..roles import Can
from .calendar_forms import day_of, event_form, extend_form
from .views import _case_to_work, _render_case, bp, me


@bp.post("/cases/<int:case_id>/calendar/events")
@allow(Can.WORK_CASES)
def record_event(case_id: int) -> ResponseReturnValue:
    """Record that something happened on a day; the deadlines follow."""
    report = _case_to_work(case_id)
    form = event_form(request.form)
    if form.validate():
        try:
            calendar.record(me(), report, form.event.data, day_of(form.on))
        except calendar.CalendarError as error:
            db.session.rollback()
            form.on.errors = [str(error.message)]
        else:
            db.session.commit()
            flash(_("Saved on the calendar."), "info")
            return redirect(url_for(".case", case_id=report.id) + "#deadlines")
    return _render_case(report, event_form=form), 422


@bp.post("/cases/<int:case_id>/calendar/extend")
@allow(Can.WORK_CASES)
def extend_deadline(case_id: int) -> ResponseReturnValue:
    """Move a running deadline to a later day, with the reason."""
    report = _case_to_work(case_id)
    form = extend_form(calendar.running_choices(report), request.form)
    if form.validate():
        try:
            calendar.extend(
                me(), report, form.deadline.data, day_of(form.due_on), form.reason.data or ""
            )
        except calendar.CalendarError as error:
            db.session.rollback()
            form.due_on.errors = [str(error.message)]
        else:
            db.session.commit()
            flash(_("Deadline extended."), "info")
            return redirect(url_for(".case", case_id=report.id) + "#deadlines")
    return _render_case(report, extend_form=form), 422
