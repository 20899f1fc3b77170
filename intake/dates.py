"""Dates the way each language writes them (Babel's CLDR data): the order of the day, month and
year questions, month names, and the incident's date as one phrase ("3 de marzo de 2026",
"2026年3月", "marzec 2026")."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date, format_skeleton, get_month_names
from flask_babel import get_locale

PARTS = {"d": "day", "M": "month", "L": "month", "y": "year"}


def part_order() -> tuple[str, ...]:
    """ "day", "month" and "year" in the order the reader's language writes a date."""
    pattern = get_locale().date_formats["short"].pattern
    order: list[str] = []
    for letter in pattern:
        part = PARTS.get(letter)
        if part and part not in order:
            order.append(part)
    for part in ("month", "day", "year"):
        if part not in order:
            order.append(part)
    return tuple(order)


def month_names() -> list[tuple[str, str]]:
    """("1", "January") … in the reader's language, as a month is named on its own."""
    names = get_month_names("wide", context="stand-alone", locale=get_locale())
    return [(str(number), str(names[number])) for number in range(1, 13)]


def incident_date(year: int, month: int, day: int | None) -> str:
    """The day, or the month, something happened, written in the reader's language."""
    if day:
        try:
            return format_date(date(year, month, day), "long", locale=get_locale())
        except ValueError:
            pass  # Not a real day (31 February): the month is what is known.
    return format_skeleton("yMMMM", date(year, month, 1), locale=get_locale())
