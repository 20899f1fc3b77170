"""Reporting periods: a month, a quarter, a year, or any range of days, from 1900 to 2100.

A period outside those years is refused, not computed: the commission holds no reports from
before 1900, a year like 0026 or 9999 is a slip of the keyboard that deserves an explanation
rather than an empty report, and the last days of year 9999 cannot be computed at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from babel.dates import format_skeleton
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from ..bidi import ltr

FIRST_YEAR = 1900
LAST_YEAR = 2100
# A range of days covers at most ten years (longer trends are read a year at a time).
MAX_DAYS = 3660
# The longest a period can be written ("2026-01-15..2026-02-14" is 22 characters).
MAX_LENGTH = 30
MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
QUARTER = re.compile(r"(\d{4})-Q([1-4])", re.ASCII | re.IGNORECASE)
YEAR = re.compile(r"\d{4}", re.ASCII)
DAYS = re.compile(r"((\d{4})-\d{2}-\d{2})\.\.((\d{4})-\d{2}-\d{2})", re.ASCII)

# The examples are what is typed: placeholders, isolated so they keep their order in Arabic or Urdu.
NOT_A_PERIOD = _l(
    "Choose a month (such as %(month)s), a quarter (%(quarter)s), a year (%(year)s), "
    "or the first and last day.",
    month=ltr("2026-11"),
    quarter=ltr("2026-Q3"),
    year=ltr("2026"),
)
NOT_IN_CALENDAR = _l("That month or day is not in the calendar.")
OUT_OF_RANGE = _l(
    "Choose a period between %(first)d and %(last)d.", first=FIRST_YEAR, last=LAST_YEAR
)
REVERSED = _l("The first day must not be after the last day.")
TOO_LONG = _l("Choose at most ten years of days, or one year at a time.")
BOTH_DAYS = _l("Choose both the first and the last day, or neither.")


class PeriodError(ValueError):
    """A period that does not parse or cannot be shown; `message` tells the person why."""

    def __init__(self, text: str, message: LazyString) -> None:
        super().__init__(text)
        self.message = message


@dataclass(frozen=True)
class Period:
    """Days from `start` up to, not including, `end` (dates at the commission)."""

    start: date
    end: date
    key: str

    @property
    def last_day(self) -> date:
        """The period's last day."""
        return self.end - timedelta(days=1)

    def months(self) -> list[tuple[int, int]]:
        """Every (year, month) the period touches, in order."""
        result = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.last_day.year, self.last_day.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result


def _month_end(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def _year(text: str, digits: str) -> int:
    """The year written, if periods may cover it."""
    year = int(digits)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(text, OUT_OF_RANGE)
    return year


def _days(text: str, match: re.Match[str]) -> Period:
    """A range of days, both included."""
    for digits in (match[2], match[4]):
        _year(text, digits)
    try:
        start, last = date.fromisoformat(match[1]), date.fromisoformat(match[3])
    except ValueError:
        raise PeriodError(text, NOT_IN_CALENDAR) from None
    if last < start:
        raise PeriodError(text, REVERSED)
    if (last - start).days > MAX_DAYS:
        raise PeriodError(text, TOO_LONG)
    return Period(start, last + timedelta(days=1), text)


def parse(text: str) -> Period:
    """ "2026-11", "2026-Q3", "2026", or "2026-01-15..2026-02-14" (both days included)."""
    if len(text) > MAX_LENGTH:
        raise PeriodError(text[:MAX_LENGTH], NOT_A_PERIOD)
    text = text.strip()
    if match := MONTH.fullmatch(text):
        year, month = _year(text, match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise PeriodError(text, NOT_IN_CALENDAR)
        return Period(date(year, month, 1), _month_end(year, month), text)
    if match := QUARTER.fullmatch(text):
        year, quarter = _year(text, match[1]), int(match[2])
        first = 3 * quarter - 2
        return Period(date(year, first, 1), _month_end(year, first + 2), f"{year}-Q{quarter}")
    if YEAR.fullmatch(text):
        year = _year(text, text)
        return Period(date(year, 1, 1), date(year + 1, 1, 1), text)
    if match := DAYS.fullmatch(text):
        return _days(text, match)
    raise PeriodError(text, NOT_A_PERIOD)


def chosen(period: str, start: str, end: str, today: date) -> Period:
    """The period a form asks for: its first and last day if either is given, else `period`,
    else the quarter `today` is in."""
    start, end = start.strip(), end.strip()
    if start or end:
        if not (start and end):
            raise PeriodError(f"{start}..{end}", BOTH_DAYS)
        return parse(f"{start}..{end}")
    return parse(period) if period.strip() else current_quarter(today)


def month_label(year: int, month: int) -> str:
    """A month as the reader's language writes it ("Oct 2026", "2026年10月", "أكتوبر 2026"): CLDR's
    year-and-short-month pattern, which puts the year first where the language does."""
    return format_skeleton("yMMM", date(year, month, 1), locale=get_locale() or "en")


def current_quarter(today: date) -> Period:
    """The quarter `today` is in."""
    return parse(f"{today.year}-Q{(today.month - 1) // 3 + 1}")
