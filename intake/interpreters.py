"""Interpreter needs: the languages a resident may ask an interpreter for.

Chicago's most spoken languages after English (the portal's nine and more it does not ship),
named in the reader's language by Babel (CLDR), so a new entry needs no translation. American
Sign Language has no name in most CLDR locales and is translated here. "other" lets the resident
write any language this list lacks.
"""

from __future__ import annotations

from babel import Locale
from babel.core import UnknownLocaleError
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

# ISO 639 codes, in no language's alphabetical order (sorted by name when shown).
LANGUAGES = (
    "es", "pl", "zh", "yue", "ar", "tl", "ko", "hi", "ur", "uk", "ru", "vi", "gu", "fr", "ht",
    "pt", "it", "el", "sr", "bs", "ro", "am", "ti", "so", "sw", "yo", "ne", "bn", "fa", "ps",
    "rhg", "my", "ja", "de", "lt", "bg", "tr", "he", "pa", "ml", "te", "ta", "th", "km", "lo",
)  # fmt: skip
SIGN_LANGUAGE = "ase"
OTHER = "other"
SIGN_LANGUAGE_NAME = _l("American Sign Language (ASL)")
OTHER_NAME = _l("Another language")


def name(code: str | None, other: str | None = None) -> str:
    """The name of the language `code` in the reader's language ("" for none); for "other",
    what the resident wrote."""
    if not code:
        return ""
    if code == SIGN_LANGUAGE:
        return str(SIGN_LANGUAGE_NAME)
    if code == OTHER:
        return other or str(OTHER_NAME)
    try:
        reader = Locale.parse(str(get_locale() or "en"))
    except (UnknownLocaleError, ValueError):
        reader = Locale("en")
    found = reader.languages.get(code) or Locale("en").languages.get(code)
    return str(found or code)


def choices() -> list[tuple[str, str]]:
    """Every language to choose, by name in the reader's language; ASL and "another" last."""
    named = sorted(((code, name(code)) for code in LANGUAGES), key=lambda pair: pair[1].lower())
    return [*named, (SIGN_LANGUAGE, name(SIGN_LANGUAGE)), (OTHER, str(OTHER_NAME))]


def codes() -> frozenset[str]:
    """Every code a resident may choose."""
    return frozenset({*LANGUAGES, SIGN_LANGUAGE, OTHER})
