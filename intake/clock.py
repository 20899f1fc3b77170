"""The commission's calendar: "today" is a date in the commission's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app

from .models import utcnow


def today() -> date:
    """Today's date where the commission is (the "never in the future" rule uses it)."""
    return utcnow().astimezone(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()


def local_date_text(stored: str | None, zone: str) -> str | None:
    """SQLite's `intake_local_day(timestamp, zone)`: the day (YYYY-MM-DD) at `zone` of a UTC
    timestamp as SQLite stores it ("2026-03-06 05:30:00.000000"); NULL stays NULL. The summary's
    triggers count service targets by the day a step was done at the commission (migration
    0025); PostgreSQL does the same with AT TIME ZONE."""
    if stored is None:
        return None
    moment = datetime.fromisoformat(stored)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    # ZoneInfo keeps each zone it has loaded: no reading of the zone file per call.
    return moment.astimezone(ZoneInfo(zone)).date().isoformat()
