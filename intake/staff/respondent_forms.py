"""Forms for a case's respondents, the notice's steps, and documents shared with the resident.

Several respondents share one page, so each form of one respondent is built with a prefix
(`r<id>`): every element id stays unique. Choices are checked by the domain modules, which
answer a wrong value with a translated message (validate_choice=False).
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from ..public.forms import Written, options
from ..respondents import notices, records
from .calendar_forms import Day


def _day(label: Any) -> StringField:
    return StringField(
        label,
        validators=[InputRequired(message=_l("Enter the day.")), Day()],
        render_kw={"type": "date"},
    )


class RespondentForm(FlaskForm):  # type: ignore[misc]  # Flask-WTF is untyped
    """Who a respondent is and how to reach them."""

    kind = RadioField(
        _l("Person or organization"),
        choices=options(records.KINDS),
        default="organization",
        validate_choice=False,
        validators=[InputRequired(message=_l("Choose a person or an organization."))],
    )
    name = StringField(
        _l("Name"),
        validators=[
            Written(message=_l("Write the respondent's name.")),
            Length(max=records.LIMITS["name"]),
        ],
    )
    address = TextAreaField(
        _l("Postal address"),
        validators=[Optional(), Length(max=records.LIMITS["address"])],
        description=_l("Where the notice is mailed."),
    )
    email = StringField(_l("Email"), validators=[Optional(), Length(max=records.LIMITS["email"])])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=records.LIMITS["phone"])])
    representative_name = StringField(
        _l("Representative's name"),
        validators=[Optional(), Length(max=records.LIMITS["representative_name"])],
        description=_l("A lawyer or another person who acts for the respondent, if any."),
    )
    representative_contact = TextAreaField(
        _l("Representative's address, email or phone"),
        validators=[Optional(), Length(max=records.LIMITS["representative_contact"])],
    )

    def details(self) -> records.Details:
        """What was typed, for the domain module."""
        return records.Details(
            kind=self.kind.data or "",
            **{name: getattr(self, name).data or "" for name in records.FIELDS},
        )


class DayForm(FlaskForm):  # type: ignore[misc]
    """Something that happened on a day (the notice mailed, the complainant's reply)."""

    on = _day(_l("On"))


class ServiceForm(FlaskForm):  # type: ignore[misc]
    """The notice was served: when and how."""

    on = _day(_l("Served on"))
    how = SelectField(
        _l("How"),
        choices=options(notices.SERVICE_METHODS),
        validate_choice=False,
        validators=[InputRequired(message=_l("Choose how the notice was served."))],
    )


class ResponseForm(FlaskForm):  # type: ignore[misc]
    """The respondent's written response: when it arrived, and its file if there is one."""

    on = _day(_l("Received on"))
    file = FileField(
        _l("The response (optional)"),
        description=_l("A PDF, photo or text file; kept for staff only."),
    )


class ShareForm(FlaskForm):  # type: ignore[misc]
    """A file staff add to the case, shown to the resident or kept for staff."""

    file = FileField(
        _l("File"),
        id="share-file",
        description=_l(
            "A PDF, photo, text file or recording. Details such as location are removed."
        ),
    )
    visible = BooleanField(
        _l("Show it to the resident on their status page"), id="share-visible", default=True
    )
