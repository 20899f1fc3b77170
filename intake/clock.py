"""The commission's calendar: "today" is a date in the commission's time zone."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from flask import current_app

from .models import utcnow


def today() -> date:
    """Today's date where the commission is (the "never in the future" rule uses it)."""
    return utcnow().astimezone(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()
