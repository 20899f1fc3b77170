"""The four message templates the portal had before the library, and their seeding.

Migration 0017 calls `rows()` to fill the new tables, so an upgraded database starts with the
same texts staff had before. The English text is below; each language's text comes from its
catalog (`translations/<lang>/LC_MESSAGES/messages.po`, the committed source, read with Babel:
the compiled `.mo` files are build products that may not exist when the migration runs, and a
migration has no request in which Flask-Babel could switch language). A language whose catalog
has no translation (or only a fuzzy one) gets no row: the library shows it as missing.

Catalog texts use `%(number)s` placeholders; library texts use `{number}` (render.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name, found by extraction
    """Mark a message for the catalogs without translating it here (it is translated when
    seeded, and seeded names when shown)."""
    return message


@dataclass(frozen=True)
class Default:
    """A template as the library starts with it."""

    key: str
    name: str
    body: str
    kind: str = "message"


DEFAULTS = (
    Default(
        "acknowledgement",
        N_("Acknowledgement"),
        N_(
            "Thank you for your report %(number)s. We have received it and a member of our staff "
            "is reviewing it. We will write to you here if we need more information."
        ),
    ),
    Default(
        "request_info",
        N_("Request for information"),
        N_(
            "Thank you for your report %(number)s. To help us understand what happened, could you "
            "tell us more about the following? You can answer here, and add photos or documents."
        ),
    ),
    Default(
        "referral",
        N_("Referral"),
        N_(
            "Thank you for your report %(number)s. Another agency can help you with this: "
            "%(agency)s. Please contact them; you can mention our record number."
        ),
    ),
    Default(
        "closure",
        N_("Closure"),
        N_(
            "Our work on your report %(number)s is finished and we have closed it. Thank you for "
            "telling us. If something new happens, you can file a new report at any time."
        ),
    ),
)
SOURCE_LANGUAGE = "en"
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def library_text(catalog_text: str) -> str:
    """A catalog text with library placeholders: braces doubled, `%(x)s` → `{x}`, `%%` → `%`."""
    text = catalog_text.replace("{", "{{").replace("}", "}}")
    return _PLACEHOLDER.sub(r"{\1}", text).replace("%%", "%")


def translations(directory: Path, language: str) -> dict[str, str]:
    """The translated default bodies of one language's catalog, by English text."""
    path = directory / language / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle)
    found = {}
    for default in DEFAULTS:
        message = catalog.get(default.body)
        if message is not None and message.string and not message.fuzzy:
            found[default.body] = str(message.string)
    return found


def rows(directory: Path, languages: tuple[str, ...]) -> list[tuple[Default, str, str]]:
    """(template, language, library text) for English and every translated language."""
    found = [(default, SOURCE_LANGUAGE, library_text(default.body)) for default in DEFAULTS]
    for language in languages:
        if language == SOURCE_LANGUAGE:
            continue
        texts = translations(directory, language)
        found.extend(
            (default, language, library_text(texts[default.body]))
            for default in DEFAULTS
            if default.body in texts
        )
    return found
