"""The call-back request page's forms: record a call, close the request."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from .. import callbacks
from ..public.forms import options


def _note_field() -> TextAreaField:
    return TextAreaField(
        _l("Note for staff"),
        description=_l("Only what the next caller needs. Deleted with the phone number."),
        validators=[Optional(), Length(max=callbacks.NOTE_MAX)],
    )


class AttemptForm(FlaskForm):
    """One call to the resident, and what came of it."""

    outcome = RadioField(
        _l("What happened?"),
        choices=options(callbacks.OUTCOMES.items()),
        validators=[InputRequired(message=_l("Choose what happened."))],
    )
    note = _note_field()


class CloseForm(FlaskForm):
    """Close the request without a report."""

    status = RadioField(
        _l("Close as"),
        choices=options((status, callbacks.STATUSES[status]) for status in callbacks.CLOSING),
        validators=[InputRequired(message=_l("Choose how to close the request."))],
    )
    note = _note_field()
