"""The "how to reach you" step: the reporter's contact details and preferences, the person it
happened to when someone else reports, and interpreter needs. Every field is optional."""

from __future__ import annotations

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, Field, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import Email, Optional, ValidationError

from .. import interpreters, vocab
from ..bidi import ltr
from ..i18n import language_choices
from .fields import LONG_TEXT_MAX, SHORT_TEXT_MAX, Written, options, require, too_long


def _email_field(label: Any) -> StringField:
    return StringField(
        label,
        validators=[
            Optional(),
            too_long(254),
            Email(
                message=_l("Enter an email address like name@example.com."),
                check_deliverability=False,
            ),
        ],
    )


def _phone_error(value: str | None) -> Any:
    """The message for a phone number without 7 to 15 digits, else None."""
    if value and not 7 <= len(PHONE_DIGITS.findall(value)) <= 15:
        return _l(
            "Enter a phone number with its area code, like %(example)s.",
            example=ltr("312 555 0100"),
        )
    return None


PHONE_DIGITS = re.compile(r"\d")


class ContactForm(FlaskForm):
    """Step 5: how to reach the resident. Every field is optional; none makes it anonymous."""

    name = StringField(_l("Your name"), validators=[Optional(), too_long(SHORT_TEXT_MAX)])
    email = _email_field(_l("Email"))
    phone = StringField(
        _l("Phone"),
        validators=[Optional(), too_long(40)],
        render_kw={"autocomplete": "tel", "inputmode": "tel"},
    )
    mailing_address = TextAreaField(
        _l("Mailing address"), validators=[Optional(), too_long(LONG_TEXT_MAX)]
    )
    preferred_method = RadioField(
        _l("How should we contact you?"),
        choices=options(vocab.choices(vocab.CONTACT_METHODS)),
        validators=[Optional()],
    )
    best_time = StringField(
        _l("Best time to reach you"), validators=[Optional(), too_long(SHORT_TEXT_MAX)]
    )
    safe_to_leave_message = RadioField(
        _l("Is it safe to leave you a message?"),
        choices=options(vocab.choices(vocab.YES_NO)),
        validators=[Optional()],
    )
    preferred_language = SelectField(
        _l("Language you prefer for calls and letters"), validators=[Optional()]
    )
    accommodations = TextAreaField(
        _l("Do you need an accommodation to take part?"),
        description=_l(
            "For example: large print, a meeting place without stairs, or more time to answer."
        ),
        validators=[Optional(), too_long(LONG_TEXT_MAX)],
    )
    email_updates = BooleanField(
        _l("Email me when there is news about my report."),
        description=_l("The email only says that there is news, never what it is."),
    )
    affected_name = StringField(_l("Their name"), validators=[Optional(), too_long(SHORT_TEXT_MAX)])
    affected_email = _email_field(_l("Their email"))
    affected_phone = StringField(
        _l("Their phone"),
        validators=[Optional(), too_long(40)],
        render_kw={"autocomplete": "off", "inputmode": "tel"},
    )
    affected_mailing_address = TextAreaField(
        _l("Their mailing address"), validators=[Optional(), too_long(LONG_TEXT_MAX)]
    )
    interpreter_language = SelectField(
        _l("Do you need an interpreter?"),
        description=_l(
            "For phone calls and meetings, free of charge. Choose the language, even if this "
            "website is not in it."
        ),
        validators=[Optional()],
    )
    interpreter_other = StringField(_l("Which language?"), validators=[Optional(), too_long(100)])
    share_with_police = BooleanField(
        _l("You may share my name and contact details with the police.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.pop("kind", None)
        kwargs.pop("today", None)
        super().__init__(*args, **kwargs)
        self.preferred_language.choices = options(
            [("", _l("Choose a language"))], language_choices()
        )
        self.interpreter_language.choices = options(
            [("", _l("No, I do not need an interpreter"))], interpreters.choices()
        )
        if self.interpreter_language.data == interpreters.OTHER:
            require(self.interpreter_other, _l("Write the language you need."), Written)

    def validate_email_updates(self, field: Field) -> None:
        """Email notices need an address."""
        if field.data and not (self.email.data or "").strip():
            raise ValidationError(_l("Add your email to get email notices."))

    def validate_phone(self, field: Field) -> None:
        """A phone number has 7 to 15 digits, whatever the spacing."""
        error = _phone_error(field.data)
        if error is not None:
            raise ValidationError(error)

    def validate_affected_phone(self, field: Field) -> None:
        """The same rule for the phone of the person it happened to."""
        self.validate_phone(field)

    def validate_interpreter_language(self, field: Field) -> None:
        """Only a language from the list (or "another language")."""
        if field.data and field.data not in interpreters.codes():
            raise ValidationError(_l("Choose a language from the list."))

    def validate_preferred_method(self, field: Field) -> None:
        """The chosen way to reach someone needs the detail that goes with it."""
        needs = {
            "email": (self.email, _l("Add your email, or choose another way to contact you.")),
            "phone": (self.phone, _l("Add your phone number, or choose another way.")),
            "text": (self.phone, _l("Add your phone number, or choose another way.")),
            "mail": (self.mailing_address, _l("Add your mailing address, or choose another way.")),
        }
        if field.data in needs:
            detail, message = needs[field.data]
            if not (detail.data or "").strip():
                raise ValidationError(message)
