"""Incidents: the list, one incident's page with its message to every reporter, and the case
page's grouping forms ("Possibly the same event"). Rules live in intake/cases/incidents.py."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from ..auth.guard import allow
from ..cases import access, incidents
from ..extensions import db
from ..i18n import NATIVE_NAMES, direction
from ..models import MAX_ID, Incident, Report
from ..roles import READ_CASES, Can
from .views import _case_to_work, _render_case, bp, me


class CreateIncidentForm(FlaskForm):  # type: ignore[misc]  # untyped Flask-WTF
    """A new incident from the case page, with the suggested cases ticked."""

    title = StringField(
        _l("Title of the incident"),
        id="incident-title",
        validators=[Length(max=incidents.TITLE_LENGTH * 2)],
        description=_l("A few words staff will recognise, such as “Flyers on Devon Ave, March”."),
    )


class JoinIncidentForm(FlaskForm):  # type: ignore[misc]
    """Add the case to an existing incident, by its number."""

    number = StringField(_l("Incident number"), id="incident-number", validators=[Length(max=20)])


class LeaveIncidentForm(FlaskForm):  # type: ignore[misc]
    """Take a case out of its incident (the button alone)."""


def message_form(audiences: dict[str, list[Report]]) -> FlaskForm:
    """One text box per language the incident's reporters wrote in, and the confirmations."""

    class IncidentMessageForm(FlaskForm):  # type: ignore[misc]
        confirm = BooleanField(
            _l("I checked: this message is for the residents to read, not an internal note."),
            id="incident-message-confirm",
            validators=[
                InputRequired(
                    message=_l("Tick the box to confirm that the residents should read this.")
                )
            ],
        )
        skip_blank = BooleanField(
            _l("Send anyway: reporters whose language is left blank get nothing."),
            id="incident-message-skip-blank",
        )

    for code, reports in audiences.items():
        label = ngettext(
            "%(language)s (%(num)d reporter)",
            "%(language)s (%(num)d reporters)",
            len(reports),
            language=NATIVE_NAMES.get(code, code),
        )
        field = TextAreaField(
            label, id=f"incident-message-{code}", validators=[Optional(), Length(max=10_000)]
        )
        setattr(IncidentMessageForm, f"body_{code}", field)
    return IncidentMessageForm()


def _incident_or_404(incident_id: int) -> tuple[Incident, list[Report]]:
    """The incident and its cases the signed-in staff member may open; 404 when they open none
    (the page does not confirm that an incident exists)."""
    incident = incidents.get(incident_id) if incident_id <= MAX_ID else None
    members = incidents.members(incident, me()) if incident is not None else []
    if incident is None or not members:
        abort(404)
    return incident, members


@bp.app_context_processor
def _incident_context() -> dict[str, Any]:
    return {"incident_panel": incident_panel, "language_direction": direction}


def incident_panel(report: Report) -> dict[str, Any]:
    """What the case page's incident part shows: the case's incident, suggestions, forms."""
    staff = me()
    incident = incidents.get(report.incident_id) if report.incident_id else None
    return {
        "incident": incident,
        "suggestions": incidents.suggestions(report, staff),
        "window": incidents.window_days(),
        "may_work": access.can_work(staff, report),
        "create_form": CreateIncidentForm(),
        "join_form": JoinIncidentForm(),
        "leave_form": LeaveIncidentForm(),
    }


@bp.get("/incidents")
@allow(*READ_CASES)
def incidents_list() -> str:
    """Every incident with a case the staff member may open."""
    return render_template("staff/incidents.html", listed=incidents.listing(me()))


def _render_incident(
    incident: Incident, members: list[Report], form: FlaskForm | None = None, blank: Any = ()
) -> str:
    audiences = incidents.audiences(incident, me())
    return render_template(
        "staff/incident.html",
        incident=incident,
        members=members,
        audiences=audiences,
        unreachable=incidents.unreachable(incident, me()),
        form=form or message_form(audiences),
        leave_form=LeaveIncidentForm(),
        blank=blank,
    )


@bp.get("/incidents/<int:incident_id>")
@allow(*READ_CASES)
def incident(incident_id: int) -> str:
    """One incident: its cases, and a message to every reporter in their language."""
    found, members = _incident_or_404(incident_id)
    return _render_incident(found, members)


@bp.post("/incidents/<int:incident_id>/message")
@allow(Can.WORK_CASES)
def incident_message(incident_id: int) -> ResponseReturnValue:
    """Send the message, each reporter the text written for their language."""
    found, members = _incident_or_404(incident_id)
    audiences = incidents.audiences(found, me())
    form = message_form(audiences)
    if not form.validate_on_submit():
        return _render_incident(found, members, form), 422
    bodies = {code: (form[f"body_{code}"].data or "").strip() for code in audiences}
    blank = [code for code, body in bodies.items() if not body]
    if len(blank) == len(bodies):
        form.confirm.errors = [_("Write the message in at least one language.")]
        return _render_incident(found, members, form, blank), 422
    if blank and not form.skip_blank.data:
        names = ", ".join(NATIVE_NAMES.get(code, code) for code in blank)
        form.skip_blank.errors = [
            _(
                "Reporters in %(languages)s would get nothing. Write their message, or tick "
                "the box to send without them.",
                languages=names,
            )
        ]
        return _render_incident(found, members, form, blank), 422
    sent = incidents.send(me(), found, bodies)
    flash(
        ngettext("Message sent to %(num)d reporter.", "Message sent to %(num)d reporters.", sent),
        "info",
    )
    return redirect(url_for(".incident", incident_id=found.id))


def _ticked_cases(report: Report) -> list[Report]:
    """The case itself and the ticked suggestions the staff member may open."""
    chosen = [report]
    for value in request.form.getlist("case")[:50]:
        if value.isdigit() and int(value) <= MAX_ID and int(value) != report.id:
            other = _case_or_none(int(value))
            if other is not None:
                chosen.append(other)
    return chosen


def _case_or_none(case_id: int) -> Report | None:
    other = db.session.get(Report, case_id)
    return other if other is not None and access.can_view(me(), other) else None


@bp.post("/cases/<int:case_id>/incident")
@allow(Can.WORK_CASES)
def create_incident(case_id: int) -> ResponseReturnValue:
    """Group this case and the ticked suggestions into a new incident."""
    report = _case_to_work(case_id)
    form = CreateIncidentForm()
    if form.validate_on_submit():
        try:
            created = incidents.create(me(), form.title.data, _ticked_cases(report))
        except incidents.IncidentError as error:
            form.title.errors = [str(error.message)]
        else:
            flash(_("Incident created."), "info")
            return redirect(url_for(".incident", incident_id=created.id))
    return _render_case(report, incident_form=form), 422


@bp.post("/cases/<int:case_id>/incident/join")
@allow(Can.WORK_CASES)
def join_incident(case_id: int) -> ResponseReturnValue:
    """Add this case to an existing incident."""
    report = _case_to_work(case_id)
    form = JoinIncidentForm()
    if form.validate_on_submit():
        number = (form.number.data or "").strip().lstrip("#")
        found = incidents.get(int(number)) if number.isdigit() and int(number) <= MAX_ID else None
        if found is None or not incidents.members(found, me()):
            form.number.errors = [_("No incident you can open has that number.")]
        else:
            try:
                incidents.join(me(), found, report)
            except incidents.IncidentError as error:
                form.number.errors = [str(error.message)]
            else:
                flash(_("Case added to the incident."), "info")
                return redirect(url_for(".case", case_id=report.id) + "#incident")
    return _render_case(report, join_form=form), 422


@bp.post("/cases/<int:case_id>/incident/leave")
@allow(Can.WORK_CASES)
def leave_incident(case_id: int) -> ResponseReturnValue:
    """Take this case out of its incident (from the case page or the incident's page)."""
    report = _case_to_work(case_id)
    form = LeaveIncidentForm()
    if not form.validate_on_submit():
        abort(400)
    was = report.incident_id
    if incidents.leave(me(), report):
        flash(_("Case removed from the incident."), "info")
    if request.form.get("back") == "incident":
        # Back to the incident, or to the list once this staff member opens none of its cases.
        left = incidents.get(was) if was is not None else None
        if left is not None and incidents.members(left, me()):
            return redirect(url_for(".incident", incident_id=left.id))
        return redirect(url_for(".incidents_list"))
    return redirect(url_for(".case", case_id=report.id) + "#incident")
