"""Forms for a case's calendar: record an event, extend a deadline."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from ..cases.queries import EARLIEST, LATEST
from ..public.forms import Written
from .forms import Chosen


class Day:
    """A day typed as YYYY-MM-DD (the browser's date box sends that), within sane years."""

    def __call__(self, form: Any, field: Any) -> None:
        try:
            day = date.fromisoformat((field.data or "").strip())
        except ValueError:
            raise ValidationError(_l("Enter the day as year-month-day, like 2026-03-31.")) from None
        if not EARLIEST <= day <= LATEST:
            raise ValidationError(_l("Enter a real day."))


def day_of(field: Any) -> date:
    """The validated day of a `Day` field."""
    return date.fromisoformat(field.data.strip())


class EventForm(FlaskForm):
    """Record that something happened on a day."""

    event = SelectField(
        _l("What happened"),
        id="event-key",
        validators=[
            InputRequired(message=_l("Choose what happened.")),
            Chosen(_l("Choose what happened.")),
        ],
        validate_choice=False,
    )
    on = StringField(
        _l("On"),
        id="event-on",
        validators=[InputRequired(message=_l("Enter the day.")), Day()],
        render_kw={"type": "date"},
    )


class ExtendForm(FlaskForm):
    """Move a running deadline to a later day."""

    deadline = SelectField(
        _l("Deadline"),
        id="extend-key",
        validators=[
            InputRequired(message=_l("Choose a deadline.")),
            Chosen(_l("Choose a deadline.")),
        ],
        validate_choice=False,
    )
    due_on = StringField(
        _l("New day"),
        id="extend-on",
        validators=[InputRequired(message=_l("Enter the day.")), Day()],
        render_kw={"type": "date"},
    )
    reason = TextAreaField(
        _l("Why the deadline moves"),
        id="extend-reason",
        validators=[Written(message=_l("Write why the deadline moves.")), Length(max=2000)],
    )


def event_form(formdata: Any = None) -> EventForm:
    """The event form with its choices (every event the calendar knows)."""
    from ..cases.calendar import EVENTS

    form = EventForm(formdata=formdata)
    form.event.choices = [("", _l("Choose…"))] + [(key, label) for key, label in EVENTS.items()]
    return form


def extend_form(running: list[tuple[str, Any]], formdata: Any = None) -> ExtendForm:
    """The extension form for the case's running deadlines (key, label)."""
    form = ExtendForm(formdata=formdata)
    form.deadline.choices = [("", _l("Choose…")), *running]
    return form
