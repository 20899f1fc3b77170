"""What text may go into an export: every CSV and XLSX cell passes through `cell`, every text
drawn in a PDF or a chart through `printable`.

Stored text may hold anything a resident or an import once sent (control characters pasted from
a word processor, a name that starts like a formula): the exports cope with it here, in one
place per kind of output, whatever the forms check today.
"""

from __future__ import annotations

import re
from typing import Any

# XML 1.0 holds no other C0 control than tab, line feed and carriage return (openpyxl refuses
# them: openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE), no U+FFFE or U+FFFF, and no surrogate: alone,
# one is not a character and cannot be encoded. A spreadsheet has no use for any of them.
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A spreadsheet treats a cell starting with these as a formula: =HYPERLINK(...), +cmd|...
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Drawn text: every control character (C0, DEL, C1), surrogate and non-character.
NOT_DRAWN = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def neutralize(value: Any) -> Any:
    """Make text safe to open in a spreadsheet program (numbers pass through).

    Spreadsheets skip leading spaces before a formula, so " =1+1" is a formula too.
    """
    if isinstance(value, str) and (
        value.startswith(FORMULA_START) or value.lstrip().startswith(FORMULA_START)
    ):
        return "'" + value
    return value


def cell(value: Any) -> Any:
    """A value as a CSV or XLSX cell: text without what XML cannot hold, and never a formula;
    numbers, dates and None as they are (a negative number stays a number)."""
    if isinstance(value, str):
        return neutralize(NOT_IN_XML.sub("", value))
    return value


def _space_or_nothing(match: re.Match[str]) -> str:
    return " " if match[0].isspace() else ""


def printable(text: str, limit: int) -> str:
    """Text to draw in a PDF or a chart: on one line, without control characters, and at most
    `limit` characters (a table row must fit on a page)."""
    text = " ".join(NOT_DRAWN.sub(_space_or_nothing, text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
