"""What every form of the resident's steps shares: length limits with messages the resident can
act on, and choices built from vocabularies."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import Field, SelectChoice
from wtforms.validators import InputRequired, Length, StopValidation

NARRATIVE_MAX = 10_000
SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 2_000


def too_long(limit: int) -> Length:
    """A length limit with a message the resident can act on."""
    return Length(max=limit, message=_l("Please shorten this to %(max)d characters or fewer."))


def options(*groups: Any) -> list[SelectChoice]:
    """WTForms choices from (value, label) pairs: a blank first option, vocabularies, lists."""
    return [SelectChoice(str(value), label) for group in groups for value, label in group]


class Written(InputRequired):
    """Required, and more than spaces and line breaks (a message of blanks is no message)."""

    def __call__(self, form: Any, field: Field) -> None:
        super().__call__(form, field)
        if not str(field.data or "").strip():
            field.errors[:] = []
            raise StopValidation(self.message)


def require(field: Field, message: Any, rule: type[InputRequired] = InputRequired) -> None:
    """Make a field required for this form instance only (`rule`: Written for text)."""
    field.validators = [rule(message=message), *field.validators]
    field.flags.required = True
