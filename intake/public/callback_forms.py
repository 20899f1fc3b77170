"""The call-back request form: a phone number, the language, good times, whether a message may be
left, and interpreter needs; nothing else."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectField, StringField
from wtforms.validators import InputRequired, Optional, ValidationError

from .. import interpreters, vocab
from ..bidi import ltr
from ..i18n import NATIVE_NAMES, shipped
from .contact_forms import _phone_error
from .forms import SHORT_TEXT_MAX, options, too_long


class CallbackForm(FlaskForm):
    """Ask to be called back."""

    phone = StringField(
        _l("Your phone number"),
        description=_l("With the area code, like %(example)s.", example=ltr("312 555 0100")),
        validators=[InputRequired(message=_l("Enter your phone number.")), too_long(40)],
        render_kw={"autocomplete": "tel", "inputmode": "tel"},
    )
    language = SelectField(_l("Which language should we speak?"), validate_choice=False)
    good_times = StringField(
        _l("When is a good time to call?"),
        description=_l("For example: weekdays after 3 pm."),
        validators=[Optional(), too_long(SHORT_TEXT_MAX)],
    )
    may_leave_message = RadioField(
        _l("May we leave a voice message if you do not answer?"),
        description=_l("The message only says who we are and asks you to call back."),
        choices=options(vocab.choices(vocab.YES_NO)),
        validators=[InputRequired(message=_l("Choose yes or no."))],
    )
    interpreter_language = SelectField(
        _l("Do you need an interpreter?"),
        description=_l("Free of charge. Choose the language, even if this website is not in it."),
        validators=[Optional()],
        validate_choice=False,
    )
    interpreter_other = StringField(
        # Not Optional(): it would stop the check that "another language" has its name.
        _l("If you chose another language, which one?"),
        validators=[too_long(100)],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language.choices = options((code, NATIVE_NAMES[code]) for code in shipped())
        self.interpreter_language.choices = options(
            [("", _l("No, I do not need an interpreter"))], interpreters.choices()
        )

    def validate_phone(self, field: Field) -> None:
        """A phone number has 7 to 15 digits, whatever the spacing (as on the report form)."""
        error = _phone_error(field.data)
        if error is not None:
            raise ValidationError(error)

    def validate_language(self, field: Field) -> None:
        """Only a language the portal is in."""
        if field.data not in shipped():
            raise ValidationError(_l("Choose a language from the list."))

    def validate_interpreter_language(self, field: Field) -> None:
        """Only a language from the list (or "another language")."""
        if field.data and field.data not in interpreters.codes():
            raise ValidationError(_l("Choose a language from the list."))

    def validate_interpreter_other(self, field: Field) -> None:
        """ "Another language" needs its name."""
        if self.interpreter_language.data == interpreters.OTHER and not (field.data or "").strip():
            raise ValidationError(_l("Write the language you need."))
