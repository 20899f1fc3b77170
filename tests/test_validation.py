"""Every validation error is shown next to its field, and nothing typed is lost."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from intake import questions

from .helpers import RECENT, Resident, discrimination_answers, hate_answers


def start(resident: Resident, kind: str) -> None:
    response = resident.post("/report/kind", {"kind": kind})
    assert response.status_code == 302


def on_page(answers: dict[str, dict[str, Any]], page: str) -> dict[str, Any]:
    """The answers a page asks for."""
    return {
        q.name: answers[q.section][q.name]
        for q in questions.on_page(page)
        if q.name in answers.get(q.section, {})
    }


def test_choosing_nothing_on_the_first_step_is_explained(resident: Resident) -> None:
    page = resident.post("/report/kind", {}).get_data(as_text=True)
    assert "Choose the answer closest to what happened." in page
    assert 'class="error-summary"' in page


@pytest.mark.parametrize(
    ("kind", "missing", "message"),
    [
        ("discrimination", "covered_area", "Choose where it happened"),
        ("discrimination", "protected_classes", "Choose at least one reason"),
        ("hate", "bias_categories", "Choose at least one reason"),
        ("hate", "incident_types", "Choose at least one, or"),
        ("hate", "in_danger", "Tell us whether you are in danger now."),
        ("unsure", "in_danger", "Tell us whether you are in danger now."),
        ("hate", "incident_month", "Choose the month it happened."),
        ("hate", "incident_year", "Choose the year it happened."),
        ("discrimination", "narrative", "Tell us what happened, in a few words or more."),
    ],
)
def test_required_answers_are_asked_for(
    resident: Resident, kind: str, missing: str, message: str
) -> None:
    answers = discrimination_answers() if kind == "discrimination" else hate_answers()
    answers["incident"]["in_danger"] = "no"
    page_name = questions.BY_NAME[missing].page
    typed = on_page(answers, page_name)
    typed.pop(missing, None)
    start(resident, kind)
    response = resident.post(f"/report/{page_name}", typed, follow=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.request.path == f"/report/{page_name}"
    assert message in page
    assert 'aria-invalid="true"' in page
    # What was typed is still there (the month or the year, when the other is missing).
    for name, value in typed.items():
        if name in ("incident_month", "incident_year"):
            assert f'<option selected value="{value}">' in page, name


def test_future_dates_are_refused(resident: Resident) -> None:
    future = date.today() + timedelta(days=40)
    start(resident, "hate")
    incident = {
        **hate_answers()["incident"],
        "incident_year": str(future.year),
        "incident_month": str(future.month),
        "incident_day": str(future.day),
    }
    page = resident.post("/report/incident", incident, follow=True).get_data(as_text=True)
    assert "The date cannot be in the future." in page


def test_days_that_do_not_exist_are_refused(resident: Resident) -> None:
    start(resident, "hate")
    incident = {
        **hate_answers()["incident"],
        "incident_year": "2025",
        "incident_month": "2",
        "incident_day": "30",
    }
    page = resident.post("/report/incident", incident, follow=True).get_data(as_text=True)
    assert "That day does not exist in that month." in page


def test_narrative_over_ten_thousand_characters_is_refused_and_kept(resident: Resident) -> None:
    start(resident, "hate")
    long_story = "a" * 10_001
    page = resident.post("/report/story", {"narrative": long_story}).get_data(as_text=True)
    assert "Please shorten this to 10000 characters or fewer." in page
    assert long_story in page


def test_ten_thousand_characters_are_accepted(resident: Resident) -> None:
    start(resident, "hate")
    response = resident.post("/report/story", {"narrative": "b" * 10_000})
    assert response.status_code == 302


def test_housing_complaints_do_not_take_credit_or_criminal_history(resident: Resident) -> None:
    start(resident, "discrimination")
    incident = {
        **discrimination_answers()["incident"],
        "covered_area": "housing",
        "protected_classes": ["criminal_history"],
    }
    resident.post("/report/area", {"covered_area": "housing"})
    response = resident.post("/report/reasons", {"protected_classes": ["criminal_history"]})
    page = resident.get(response.headers["Location"]).get_data(as_text=True)
    assert response.headers["Location"] == "/report/reasons"
    assert "For housing, the law does not cover credit history or criminal history." in page
    # The same rule holds when the housing answer comes second.
    resident.post("/report/area", {"covered_area": "employment"})
    assert resident.post("/report/reasons", incident).status_code == 302
    response = resident.post("/report/area", {"covered_area": "housing"})
    assert response.status_code == 302
    review = resident.get("/report/review").get_data(as_text=True)
    assert "Some answers are missing" in review
    assert 'href="/report/reasons"' in review


def test_where_needs_an_answer_about_the_city(resident: Resident) -> None:
    start(resident, "hate")
    page = resident.post("/report/where", {}, follow=True).get_data(as_text=True)
    assert "Choose yes, no, or “I am not sure”." in page


def test_not_reported_cannot_go_with_a_place(resident: Resident) -> None:
    start(resident, "hate")
    page = resident.post(
        "/report/reported",
        {"reported_to": ["none", "police"], "reported_details": "Police report 123"},
        follow=True,
    ).get_data(as_text=True)
    assert "You chose “No, not yet” and a place." in page
    assert "Police report 123" in page


@pytest.mark.parametrize(
    ("contact", "message"),
    [
        ({"email": "not-an-email"}, "Enter an email address like name@example.com."),
        ({"phone": "12"}, "Enter a phone number with its area code"),
        ({"preferred_method": "email"}, "Add your email, or choose another way to contact you."),
        ({"preferred_method": "text"}, "Add your phone number, or choose another way."),
        ({"preferred_method": "mail"}, "Add your mailing address, or choose another way."),
        ({"name": "x" * 301}, "Please shorten this to 300 characters or fewer."),
    ],
)
def test_contact_details_are_checked(
    resident: Resident, contact: dict[str, str], message: str
) -> None:
    answers = hate_answers()
    resident.begin(answers)
    for name in ("incident", "place"):
        resident.post(f"/report/{name}", answers[name])
    details = {"name": "Ana", **{k: v for k, v in contact.items() if k != "preferred_method"}}
    response = resident.post("/report/details", details, follow=True)
    if "preferred_method" in contact:
        assert response.request.path == "/report/reach"
        response = resident.post("/report/reach", {"best_time": "mornings", **contact}, follow=True)
        assert "mornings" in response.get_data(as_text=True)
    page = response.get_data(as_text=True)
    assert message in page
    assert f'value="{details["name"][:20]}' in page or "mornings" in page


def test_the_review_refuses_to_send_an_unfinished_report(resident: Resident) -> None:
    start(resident, "hate")
    response = resident.post("/report/review", {"receipt_kind": "words"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Some answers are missing" in page
    assert 'href="/report/danger"' in page


def test_errors_are_in_the_residents_language(resident: Resident) -> None:
    resident.get("/?lang=es")
    page = resident.post("/report/kind", {}).get_data(as_text=True)
    assert '<html lang="es"' in page
    assert "Choose the answer closest to what happened." not in page


def test_recent_fixture_date_is_inside_the_window() -> None:
    assert (date.today() - RECENT).days < 365


def test_reasons_are_listed_by_meaning_not_by_english_alphabet(resident: Resident) -> None:
    start(resident, "discrimination")
    page = resident.get("/report/reasons?lang=es").get_data(as_text=True)
    codes = re.findall(r'name="protected_classes" value="(\w+)"', page)
    assert codes[:4] == ["race", "color", "ancestry", "national_origin"]
    assert codes.index("sex") < codes.index("gender_identity") < codes.index("sexual_orientation")
    assert codes[-1] == "other"
