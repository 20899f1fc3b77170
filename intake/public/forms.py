"""The resident's form, one class per step. Labels, hints and errors are all translated.

Which questions apply depends on what happened (the first step); each form takes that `kind` and
makes its questions required or not on the server, so the form works without JavaScript.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import (
    BooleanField,
    Field,
    Form,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    InputRequired,
    Optional,
    ValidationError,
)

from .. import dates, rules, vocab
from ..geography import community_area_choices, ward_choices

# The limits and helpers other forms have always imported from here (explicit re-exports).
from .fields import (
    LONG_TEXT_MAX as LONG_TEXT_MAX,
)
from .fields import (
    NARRATIVE_MAX as NARRATIVE_MAX,
)
from .fields import (
    SHORT_TEXT_MAX as SHORT_TEXT_MAX,
)
from .fields import (
    Written as Written,
)
from .fields import (
    options as options,
)
from .fields import (
    require,
)
from .fields import (
    too_long as too_long,
)


class MultiCheckboxField(SelectMultipleField):
    """Several choices, shown as checkboxes."""


def _optional_int(value: Any) -> int | None:
    """A whole number from a choice's value, or None (blank, or not a number at all)."""
    text = str(value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 4 else None


class KindForm(FlaskForm):
    """Step 1: what happened."""

    kind = RadioField(
        _l("What happened?"),
        choices=options(vocab.choices(vocab.KINDS)),
        validators=[InputRequired(message=_l("Choose the answer closest to what happened."))],
        description=_l("Choose the closest answer. You can change it later."),
    )


class IncidentForm(FlaskForm):
    """Step 2: what happened, when, and the questions for this kind of report."""

    reporter_role = RadioField(
        _l("Who is making this report?"),
        choices=options(vocab.choices(vocab.REPORTER_ROLES)),
        validators=[InputRequired(message=_l("Choose who is making this report."))],
        description=_l(
            "You can report for someone else, such as a family member. When the next questions "
            "say “you”, answer for the person it happened to."
        ),
    )
    reporter_relationship = RadioField(
        _l("Who are you to the person it happened to?"),
        choices=options(vocab.choices(vocab.REPORTER_RELATIONSHIPS)),
        validators=[Optional()],
    )
    affected_consent = RadioField(
        _l("Do they know about this report and agree to it?"),
        choices=options(vocab.choices(vocab.AFFECTED_CONSENT)),
        validators=[Optional()],
        description=_l("We contact them before we do anything that affects them."),
    )
    covered_area = RadioField(
        _l("Where were you treated unfairly?"),
        choices=options(vocab.choices(vocab.COVERED_AREAS)),
        validators=[Optional()],
    )
    protected_classes = MultiCheckboxField(
        _l("Why do you think it happened?"),
        choices=options(vocab.choices(vocab.PROTECTED_CLASSES)),
        description=_l("Choose all that apply."),
    )
    in_danger = RadioField(
        _l("Are you in danger now?"),
        choices=options(vocab.choices(vocab.YES_NO)),
        validators=[Optional()],
        description=_l("If you are in danger now, call 911 first."),
    )
    bias_categories = MultiCheckboxField(
        _l("Why do you think you were targeted?"),
        choices=options(vocab.choices(vocab.BIAS_CATEGORIES)),
        description=_l("Choose all that apply."),
    )
    incident_types = MultiCheckboxField(
        _l("What did they do?"),
        choices=options(vocab.choices(vocab.INCIDENT_TYPES)),
        description=_l("Choose all that apply."),
    )
    incident_month = SelectField(
        _l("Month"),
        validators=[InputRequired(message=_l("Choose the month it happened."))],
    )
    incident_year = SelectField(
        _l("Year"),
        validators=[InputRequired(message=_l("Choose the year it happened."))],
    )
    incident_day = SelectField(_l("Day (optional)"), validators=[Optional()])
    still_happening = BooleanField(_l("It is still happening"))
    narrative = TextAreaField(
        _l("Tell us what happened"),
        description=_l(
            "In your own words and your own language. Who was involved, what was said or done, "
            "and anything else you think is important."
        ),
        validators=[
            InputRequired(message=_l("Tell us what happened, in a few words or more.")),
            too_long(NARRATIVE_MAX),
        ],
    )

    def __init__(self, *args: Any, kind: str, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.today = today
        self.incident_month.choices = options([("", _l("Choose a month"))], dates.month_names())
        self.incident_year.choices = options([("", _l("Choose a year"))], rules.year_choices(today))
        self.incident_day.choices = options(
            [("", _l("I don't know"))], [(d, str(d)) for d in range(1, 32)]
        )
        if self.reporter_role.data == "behalf":
            require(self.reporter_relationship, _l("Choose who you are to them."))
            require(self.affected_consent, _l("Tell us whether they know about this report."))
        if kind == "discrimination":
            require(
                self.covered_area,
                _l("Choose where it happened, or “Somewhere else, or I am not sure”."),
            )
            require(
                self.protected_classes,
                _l("Choose at least one reason, or “Something else, or I am not sure”."),
            )
        if kind == "hate":
            require(
                self.bias_categories,
                _l("Choose at least one reason, or “Something else, or I am not sure”."),
            )
            require(self.incident_types, _l("Choose at least one, or “Something else”."))
        if kind in ("hate", "unsure"):
            require(self.in_danger, _l("Tell us whether you are in danger now."))

    def validate_protected_classes(self, field: Field) -> None:
        """Credit and criminal history are protected at work only, not in housing."""
        chosen = set(field.data or ())
        if self.covered_area.data == "housing" and chosen & {"credit_history", "criminal_history"}:
            raise ValidationError(
                _l(
                    "For housing, the law does not cover credit history or criminal history. "
                    "Uncheck them, or choose “Something else, or I am not sure”."
                )
            )

    def validate_incident_day(self, field: Field) -> None:
        """The date must exist and must not be in the future."""
        year = _optional_int(self.incident_year.data)
        month = _optional_int(self.incident_month.data)
        if year is None or month is None or not (1 <= year and 1 <= month <= 12):
            return  # Not a date at all: the year or month already has its own message.
        error = rules.incident_date_error(year, month, _optional_int(field.data), self.today)
        if error is not None:
            raise ValidationError(error)


class PlaceForm(FlaskForm):
    """Step 3: where it happened, who did it, and what the resident wants."""

    in_city = RadioField(
        _l("Did it happen in Chicago?"),
        choices=options(vocab.choices(vocab.IN_CITY)),
        validators=[InputRequired(message=_l("Choose yes, no, or “I am not sure”."))],
        description=_l("You can report even if you live somewhere else."),
    )
    city = StringField(
        _l("If not in Chicago, which city or town?"),
        validators=[Optional(), too_long(200)],
    )
    address = TextAreaField(
        _l("Address, corner or place"),
        description=_l("For example: the store's name and street, or the corner of two streets."),
        validators=[Optional(), too_long(LONG_TEXT_MAX)],
    )
    community_area = SelectField(_l("Neighborhood (community area)"), validators=[Optional()])
    ward = SelectField(_l("Ward"), validators=[Optional()])
    location_type = SelectField(
        _l("What kind of place was it?"),
        choices=options([("", _l("Choose one"))], vocab.choices(vocab.LOCATION_TYPES)),
        validators=[Optional()],
    )
    respondent_type = RadioField(
        _l("Who did it?"),
        choices=options(vocab.choices(vocab.RESPONDENT_TYPES)),
        validators=[Optional()],
    )
    respondent_name = StringField(
        _l("Their name, if you know it"),
        description=_l("A person's name, or the name of the business or organization."),
        validators=[Optional(), too_long(SHORT_TEXT_MAX)],
    )
    respondent_address = TextAreaField(
        _l("Their address, if you know it"),
        description=_l(
            "Where we can write to them, such as the business's street address. If your report "
            "becomes a formal complaint, we mail a copy there."
        ),
        validators=[Optional(), too_long(LONG_TEXT_MAX)],
    )
    respondent_role = RadioField(
        _l("Who were they to you?"),
        choices=options(vocab.choices(vocab.RESPONDENT_ROLES)),
        validators=[Optional()],
    )
    witnesses = TextAreaField(
        _l("Did anyone see or hear it?"),
        description=_l("Names or a description, and how to reach them if you know."),
        validators=[Optional(), too_long(LONG_TEXT_MAX)],
    )
    reported_to = MultiCheckboxField(
        _l("Have you reported this anywhere else?"),
        choices=options(vocab.choices(vocab.REPORTED_TO)),
    )
    reported_details = TextAreaField(
        _l("Where, and any report number"),
        validators=[Optional(), too_long(LONG_TEXT_MAX)],
    )
    help_wanted = MultiCheckboxField(
        _l("What would help you?"),
        choices=options(vocab.choices(vocab.HELP_WANTED)),
        description=_l("Choose all that apply."),
    )
    help_details = TextAreaField(
        _l("Anything else you would like"),
        validators=[Optional(), too_long(LONG_TEXT_MAX)],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.pop("kind", None)
        kwargs.pop("today", None)
        super().__init__(*args, **kwargs)
        self.community_area.choices = options([("", _l("I don't know"))], community_area_choices())
        self.ward.choices = options([("", _l("I don't know"))], ward_choices())

    def validate_reported_to(self, field: Field) -> None:
        """ "No, not yet" cannot go with a place it was reported."""
        chosen = set(field.data or ())
        if "none" in chosen and len(chosen) > 1:
            raise ValidationError(
                _l("You chose “No, not yet” and a place. Choose one or the other.")
            )


class EvidenceForm(FlaskForm):
    """Step 4: files that show what happened."""

    files = MultipleFileField(
        _l("Add files"),
        description=_l(
            "Photos, screenshots, PDF or text files, or sound recordings. "
            "We remove location and camera details from photos."
        ),
    )


class RemoveFileForm(FlaskForm):
    """Remove one uploaded file from the draft."""


class ReviewForm(FlaskForm):
    """The last step: choose the kind of receipt and send."""

    receipt_kind = RadioField(
        _l("Your secret code"),
        choices=options(vocab.choices(vocab.RECEIPT_KINDS)),
        default="words",
        validators=[InputRequired(message=_l("Choose words or numbers."))],
        description=_l(
            "After you send, we show you a secret code once. With it and your record number you "
            "can come back to read messages and add information, even without giving your name."
        ),
    )


class ConfirmSavedForm(FlaskForm):
    """The resident confirms they kept the receipt, so it can be hidden."""

    saved = BooleanField(
        _l("I have written down or saved my record number and secret code."),
        validators=[InputRequired(message=_l("Tick the box once you have saved them."))],
    )


class DiscardForm(FlaskForm):
    """Delete the unsent answers."""


from .contact_forms import ContactForm  # noqa: E402 (the last step's form, in its own module)

STEP_FORMS: dict[str, type[Form]] = {
    "kind": KindForm,
    "incident": IncidentForm,
    "place": PlaceForm,
    "contact": ContactForm,
}
