"""The attestation a complainant signs, in English (the legal text) and in their language.

Regulations 210.410 and 210.420: a complaint is verified under oath or affirmation, and a false
statement in it carries penalties. The English text is what binds; a translation helps the
resident understand it and is shown beside it, never instead of it.
"""

from __future__ import annotations

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

SOURCE_LANGUAGE = "en"
ATTESTATION = _l(
    "I swear or affirm under penalty of law that the statements in this complaint are true and "
    "correct to the best of my knowledge, information and belief. I understand that a false "
    "statement in this complaint may be punished under the Commission's regulations (210.410 "
    "and 210.420)."
)
CHECKBOX = _l(
    "I swear or affirm under penalty of law that the statements in this complaint are true."
)


def english() -> str:
    """The legal text."""
    with force_locale(SOURCE_LANGUAGE):
        return str(ATTESTATION)


def translated(language: str) -> str | None:
    """The attestation in `language`, or None for English or a language without a translation
    yet (the English is then shown alone)."""
    if language == SOURCE_LANGUAGE:
        return None
    with force_locale(language):
        text = str(ATTESTATION)
    return None if text == english() else text
