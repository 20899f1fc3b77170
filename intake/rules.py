"""The rules of a report that do not depend on how it is entered: dates, deadlines, urgency."""

from __future__ import annotations

import calendar
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from .vocab import VIOLENT_INCIDENT_TYPES

FILING_DEADLINE_DAYS = 365
# How far back the form's year list goes.
YEARS_BACK = 20


def incident_date_error(year: int, month: int, day: int | None, today: date) -> LazyString | None:
    """Why this incident date cannot be right, or None: it must exist and not be in the future."""
    if not 1 <= month <= 12:
        return _l("Choose a month.")
    if day is not None:
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return _l("That day does not exist in that month. Check the day, or leave it empty.")
        if date(year, month, day) > today:
            return _l("The date cannot be in the future.")
    elif (year, month) > (today.year, today.month):
        return _l("The date cannot be in the future.")
    return None


def last_possible_day(year: int, month: int, day: int | None) -> date:
    """The latest date the answer allows: the day given, or the month's last day."""
    return date(year, month, day or calendar.monthrange(year, month)[1])


def past_filing_deadline(
    kind: str, year: int, month: int, day: int | None, still_happening: bool, today: date
) -> bool:
    """Whether a discrimination complaint (or a maybe-one) arrives after the 365-day window.

    Gives the resident the benefit of the doubt: with no day, the month's last day counts.
    Hate incidents have no filing deadline; something still happening is always in time.
    """
    if kind == "hate" or still_happening:
        return False
    return (today - last_possible_day(year, month, day)).days > FILING_DEADLINE_DAYS


def is_urgent(in_danger: bool | None, incident_types: list[str]) -> bool:
    """Danger now, or violence or a threat, puts a report at the top of the staff queue."""
    return bool(in_danger) or bool(VIOLENT_INCIDENT_TYPES.intersection(incident_types))


def year_choices(today: date) -> list[tuple[str, str]]:
    """The years the form offers, newest first."""
    return [(str(y), str(y)) for y in range(today.year, today.year - YEARS_BACK - 1, -1)]
