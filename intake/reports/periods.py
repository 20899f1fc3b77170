"""Reporting periods: a month, a quarter, a year, or any range of days."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta


class PeriodError(ValueError):
    """A period that does not parse."""


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


def parse(text: str) -> Period:
    """ "2026-11", "2026-Q3", "2026", or "2026-01-15..2026-02-14" (both days included)."""
    text = text.strip()
    if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise PeriodError(text)
        return Period(date(year, month, 1), _month_end(year, month), text)
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", text, flags=re.IGNORECASE):
        year, quarter = int(match[1]), int(match[2])
        first = 3 * quarter - 2
        return Period(date(year, first, 1), _month_end(year, first + 2), f"{year}-Q{quarter}")
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return Period(date(year, 1, 1), date(year + 1, 1, 1), text)
    if match := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", text):
        try:
            start, last = date.fromisoformat(match[1]), date.fromisoformat(match[2])
        except ValueError:
            raise PeriodError(text) from None
        if last < start or (last - start).days > 3660:
            raise PeriodError(text)
        return Period(start, last + timedelta(days=1), text)
    raise PeriodError(text)


def current_quarter(today: date) -> Period:
    """The quarter `today` is in."""
    return parse(f"{today.year}-Q{(today.month - 1) // 3 + 1}")
