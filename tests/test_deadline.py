"""The 365-day filing window: a gentle warning, a flag for staff, never a refusal."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from sqlalchemy import select

from intake import rules
from intake.extensions import db
from intake.models import Report

from .helpers import Resident, discrimination_answers, hate_answers

WARNING = "A discrimination complaint usually has to reach us within 365 days."
OLD = {"incident_year": str(date.today().year - 2), "incident_month": "1", "incident_day": ""}


def test_old_discrimination_is_warned_accepted_and_flagged(app: Flask, resident: Resident) -> None:
    answers = discrimination_answers(incident=OLD)
    resident.begin(answers)
    resident.post("/report/incident", answers["incident"])
    assert WARNING in resident.get("/report/when").get_data(as_text=True)
    resident.post("/report/place", answers["place"])
    assert WARNING in resident.get("/report/review").get_data(as_text=True)
    page = resident.file(answers).get_data(as_text=True)
    assert "more than a year ago" in page
    with app.app_context():
        assert db.session.scalars(select(Report)).one().past_filing_deadline is True


def test_old_hate_incidents_are_not_warned(app: Flask, resident: Resident) -> None:
    answers = hate_answers(incident=OLD)
    resident.begin(answers)
    resident.post("/report/incident", answers["incident"])
    assert WARNING not in resident.get("/report/review").get_data(as_text=True)
    resident.file(answers)
    with app.app_context():
        assert db.session.scalars(select(Report)).one().past_filing_deadline is False


@pytest.mark.parametrize(
    ("kind", "year", "month", "day", "still", "expected"),
    [
        ("discrimination", 2025, 11, 25, False, False),  # exactly 365 days before
        ("discrimination", 2025, 11, 24, False, True),  # 366 days before
        ("discrimination", 2025, 11, None, False, False),  # the month's last day counts
        ("discrimination", 2025, 10, None, False, True),
        ("unsure", 2024, 1, None, False, True),
        ("discrimination", 2020, 1, None, True, False),  # still happening
        ("hate", 2020, 1, None, False, False),
    ],
)
def test_filing_window(
    kind: str, year: int, month: int, day: int | None, still: bool, expected: bool
) -> None:
    today = date(2026, 11, 25)
    assert rules.past_filing_deadline(kind, year, month, day, still, today) is expected
