"""Forms of the staff intake: how the report came in, the resident's language, the evidence
(with the original the report came as)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, Field, IntegerField, RadioField, SelectField
from wtforms.validators import InputRequired, NumberRange, Optional, ValidationError
from wtforms.widgets import HiddenInput

from .. import vocab
from ..i18n import NATIVE_NAMES, shipped
from ..public.forms import EvidenceForm, options
from ..staff_intake import STAFF_CHANNELS

# The callback ids the start page accepts (an id past any integer column is simply not found).
MAX_ID = 2**31 - 1


class StartForm(FlaskForm):
    """The start page: how the report came in and which language the resident speaks."""

    channel = RadioField(
        _l("How did the report come in?"),
        choices=options(
            [(term.code, term.label) for term in vocab.CHANNELS if term.code in STAFF_CHANNELS]
        ),
        validate_choice=False,
        validators=[InputRequired(_l("Choose how the report came in."))],
    )
    language = SelectField(
        _l("The resident's language"),
        description=_l(
            "The report, its emails and the letter with the code are in this language. "
            "These pages stay in yours."
        ),
        validate_choice=False,
        validators=[InputRequired(_l("Choose the resident's language."))],
    )
    callback = IntegerField(
        widget=HiddenInput(), validators=[Optional(), NumberRange(min=1, max=MAX_ID)]
    )

    def validate_channel(self, field: Field) -> None:
        """One of the ways staff take reports."""
        if field.data not in STAFF_CHANNELS:
            raise ValidationError(_l("Choose how the report came in."))

    def validate_language(self, field: Field) -> None:
        """One of the languages this deployment ships."""
        if field.data not in shipped():
            raise ValidationError(_l("Choose the resident's language."))


def start_form(**kwargs: object) -> StartForm:
    """The start form, offering the languages this deployment ships."""
    form = StartForm(**kwargs)
    form.language.choices = options(
        [("", _l("Choose a language"))],
        [(code, NATIVE_NAMES.get(code, code)) for code in shipped()],
    )
    return form


class StaffEvidenceForm(EvidenceForm):
    """The evidence page; for mail, email and referrals a file may be the original itself."""

    original = BooleanField(_l("This is the original (scanned letter or forwarded email)"))
