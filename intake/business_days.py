"""Business days: Monday to Friday, except the City of Chicago's holidays.

The holidays are the United States' and Illinois' (the `holidays` package: New Year's Day,
Martin Luther King Jr. Day, Lincoln's Birthday, Washington's Birthday, Casimir Pulaski Day,
Memorial Day, Juneteenth, Independence Day, Labor Day, Columbus Day, Election Day in even years,
Veterans Day, Thanksgiving, Christmas), without those named in CITY_HOLIDAYS_NOT_OBSERVED and
with the days in CITY_HOLIDAYS_EXTRA (the City's own observances, e.g. the day after
Thanksgiving, if the City closes). The commission confirms the list each year.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays
from flask import current_app, has_app_context


@lru_cache(maxsize=64)
def _holidays(year: int, not_observed: frozenset[str], extra: frozenset[date]) -> frozenset[date]:
    found = holidays.country_holidays("US", subdiv="IL", years=year)
    days = {day for day, name in found.items() if name not in not_observed}
    return frozenset(days | {day for day in extra if day.year == year})


def _settings() -> tuple[frozenset[str], frozenset[date]]:
    if not has_app_context():
        return frozenset(), frozenset()
    config = current_app.config
    return (
        frozenset(config.get("CITY_HOLIDAYS_NOT_OBSERVED", ())),
        frozenset(date.fromisoformat(day) for day in config.get("CITY_HOLIDAYS_EXTRA", ())),
    )


def is_holiday(day: date) -> bool:
    """Whether the City is closed for a holiday on `day`."""
    not_observed, extra = _settings()
    return day in _holidays(day.year, not_observed, extra)


def is_business_day(day: date) -> bool:
    """A weekday that is not a City holiday."""
    return day.weekday() < 5 and not is_holiday(day)


def add_business_days(start: date, days: int) -> date:
    """The date `days` business days after `start`."""
    current = start
    added = 0
    while added < days:
        current += timedelta(days=1)
        if is_business_day(current):
            added += 1
    return current


def add_days(start: date, days: int) -> date:
    """`days` calendar days after `start`; a deadline that falls on a weekend or a holiday moves
    to the next business day."""
    current = start + timedelta(days=days)
    while not is_business_day(current):
        current += timedelta(days=1)
    return current
