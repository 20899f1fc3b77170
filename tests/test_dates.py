"""Dates follow each language: the order of the day, month and year questions, the month names,
and one written date (not three rows) on the review and the case page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask

from .helpers import RECENT, Resident, hate_answers

YEAR = RECENT.year - 1


def reviewed(app: Flask, language: str, day: str) -> str:
    resident = Resident(app.test_client())
    resident.get(f"/?lang={language}")
    answers = hate_answers(
        incident={"incident_month": "3", "incident_day": day, "incident_year": str(YEAR)}
    )
    resident.begin(answers)
    for name in ("incident", "place"):
        assert resident.post(f"/report/{name}", answers[name]).status_code == 302
    resident.post("/report/evidence", {"action": "continue"})
    return resident.get("/report/review").get_data(as_text=True)


@pytest.mark.parametrize(
    ("language", "with_day", "month_only"),
    [
        ("en", f"March 9, {YEAR}", f"March {YEAR}"),
        ("es", f"9 de marzo de {YEAR}", f"marzo de {YEAR}"),
        ("pl", f"9 marca {YEAR}", f"marzec {YEAR}"),
        ("zh", f"{YEAR}年3月9日", f"{YEAR}年3月"),
        ("ko", f"{YEAR}년 3월 9일", f"{YEAR}년 3월"),
    ],
)
def test_the_review_writes_the_date_once_the_languages_way(
    app: Flask, language: str, with_day: str, month_only: str
) -> None:
    page = reviewed(app, language, "9")
    assert with_day in page
    assert page.count('href="/report/when"') == 1  # One answer, one "Change" link.
    assert month_only in reviewed(app, language, "")


def date_questions(app: Flask, language: str) -> list[str]:
    resident = Resident(app.test_client())
    resident.get(f"/report/kind?lang={language}")
    resident.post("/report/kind", {"kind": "unsure"})
    page = resident.get("/report/when").get_data(as_text=True)
    return re.findall(r'<select[^>]*name="incident_(\w+)"', page)


@pytest.mark.parametrize(
    ("language", "order"),
    [
        ("en", ["month", "day", "year"]),
        ("es", ["day", "month", "year"]),
        ("pl", ["day", "month", "year"]),
        ("zh", ["year", "month", "day"]),
        ("ko", ["year", "month", "day"]),
    ],
)
def test_the_date_questions_come_in_the_languages_order(
    app: Flask, language: str, order: list[str]
) -> None:
    assert date_questions(app, language) == order


def test_month_names_are_the_languages_own(app: Flask) -> None:
    resident = Resident(app.test_client())
    resident.get("/report/kind?lang=pl")
    resident.post("/report/kind", {"kind": "unsure"})
    page = resident.get("/report/when").get_data(as_text=True)
    assert ">styczeń<" in page  # Named on its own (nominative), not "stycznia".


def test_the_case_page_shows_one_date(app: Flask, make_case: Any, staff_browser: Any) -> None:
    case_id = make_case(
        hate_answers(
            incident={"incident_month": "3", "incident_day": "", "incident_year": str(YEAR)}
        )
    )
    page = staff_browser("supervisor").get(f"/staff/cases/{case_id}").get_data(as_text=True)
    assert f"March {YEAR}" in page
    assert ">Month<" not in page
    assert ">Year<" not in page
