"""One thing per page: each kind of report sees the pages that apply to it, follow-up questions
appear only after the answer that calls for them (on the server, without JavaScript), and an
answer that no longer applies is neither shown nor stored."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from intake.extensions import db
from intake.models import Report

from .helpers import IDENTIFIED_CONTACT, Resident, discrimination_answers, hate_answers

START = ["kind"]  # Then "Who is making this report?" (after the danger question).
DETAILS = ["details", "interpreter"]
PLACE_AND_WHO = ["where", "location", "who", "witnesses", "reported", "help", "evidence"]


def only_report(app: Flask) -> Report:
    with app.app_context():
        report = db.session.scalars(select(Report)).one()
        db.session.expunge_all()
        return report


def unsure_answers(**overrides: Any) -> dict[str, dict[str, Any]]:
    answers = hate_answers(
        kind={"kind": "unsure"},
        incident={"covered_area": "housing", "protected_classes": ["religion"]},
    )
    for section, values in overrides.items():
        answers.setdefault(section, {}).update(values)
    return answers


@pytest.mark.parametrize(
    ("answers", "pages"),
    [
        (
            discrimination_answers(),
            [*START, "reporter", "area", "reasons", "when", "story", *PLACE_AND_WHO, *DETAILS],
        ),
        (
            hate_answers(),
            [*START, "danger", "reporter", "targeted", "acts", "when", "story"]
            + [*PLACE_AND_WHO, *DETAILS],
        ),
        (
            hate_answers(contact=IDENTIFIED_CONTACT),
            [*START, "danger", "reporter", "targeted", "acts", "when", "story", *PLACE_AND_WHO]
            + ["details", "reach", "interpreter", "police"],
        ),
        (
            unsure_answers(),
            [*START, "danger", "reporter", "area", "reasons", "targeted", "acts", "when", "story"]
            + [*PLACE_AND_WHO, *DETAILS],
        ),
        (
            discrimination_answers(contact={"email": "ana@example.org"}),
            [*START, "reporter", "area", "reasons", "when", "story", *PLACE_AND_WHO]
            + ["details", "reach", "interpreter"],
        ),
        (
            discrimination_answers(
                incident={
                    "reporter_role": "behalf",
                    "reporter_relationship": "family",
                    "affected_consent": "yes",
                },
                contact={"interpreter_language": "other", "interpreter_other": "Kʼicheʼ"},
            ),
            ["kind", "reporter", "relationship", "area", "reasons", "when", "story"]
            + [*PLACE_AND_WHO, "details", "affected", "interpreter", "interpreter_other"],
        ),
        (
            hate_answers(incident={"reporter_role": "witness"}),
            [*START, "danger", "reporter", "targeted", "acts", "when", "story", *PLACE_AND_WHO]
            + ["details", "affected", "interpreter"],
        ),
    ],
    ids=[
        "discrimination",
        "hate",
        "hate-with-contact",
        "unsure",
        "discrimination-email",
        "for-someone-else",
        "witness",
    ],
)
def test_each_kind_of_report_sees_its_pages_in_order(
    app: Flask, resident: Resident, answers: dict[str, dict[str, Any]], pages: list[str]
) -> None:
    assert resident.walk(answers) == pages
    resident.send()
    assert only_report(app).kind == answers["kind"]["kind"]


def test_every_question_page_asks_one_thing(resident: Resident) -> None:
    resident.walk(unsure_answers(contact=IDENTIFIED_CONTACT))
    for page in ("danger", "area", "reasons", "targeted", "acts", "where", "witnesses", "story"):
        html = resident.get(f"/report/{page}").get_data(as_text=True)
        assert html.count("<h1") == 1, page
        # The only question is the page's heading, as a legend or a label.
        assert "<legend" in html.split("<h1")[0][-200:] or "<label" in html.split("<h1")[1][:40]
    checkboxes = resident.get("/report/reasons").get_data(as_text=True).count('type="checkbox"')
    assert checkboxes < 20


def test_which_city_is_asked_only_after_not_in_chicago(app: Flask, resident: Resident) -> None:
    answers = hate_answers(place={"in_city": "no", "city": "Evanston", "community_area": "14"})
    resident.post("/report/kind", answers["kind"])
    resident.post("/report/incident", answers["incident"])
    assert (
        resident.post("/report/where", {"in_city": "no"})
        .headers["Location"]
        .endswith("/report/location")
    )
    page = resident.get("/report/location").get_data(as_text=True)
    assert "which city or town?" in page
    assert "Neighborhood (community area)" not in page
    assert 'name="ward"' not in page

    resident.post("/report/where", {"in_city": "yes"})
    page = resident.get("/report/location").get_data(as_text=True)
    assert "which city or town?" not in page
    assert 'name="ward"' in page


def test_an_answer_that_no_longer_applies_is_not_kept(app: Flask, resident: Resident) -> None:
    answers = hate_answers(place={"in_city": "no", "city": "Evanston"})
    answers["place"].pop("community_area")
    resident.walk(answers)
    review = resident.get("/report/review").get_data(as_text=True)
    assert "Evanston" in review
    # From the review: it was in Chicago after all. The city goes; the neighborhood is asked.
    response = resident.post("/report/where", {"in_city": "yes"})
    assert response.headers["Location"].endswith("/report/location")
    response = resident.post("/report/location", {"community_area": "14", "address": "Main St"})
    assert response.headers["Location"].endswith("/report/review")
    review = resident.get("/report/review").get_data(as_text=True)
    assert "Evanston" not in review
    resident.send()
    report = only_report(app)
    assert report.city is None
    assert report.community_area == 14
    assert report.address == "Main St"


def test_contact_preferences_are_asked_and_kept_only_with_a_way_to_reach(
    app: Flask, resident: Resident
) -> None:
    answers = hate_answers()
    resident.post("/report/kind", {"kind": "hate"})
    for section in ("incident", "place"):
        resident.post(f"/report/{section}", answers[section])
    response = resident.post("/report/details", {})
    # Without a way to reach anyone, only the interpreter question is left (anyone may need one).
    assert response.headers["Location"].endswith("/report/interpreter")
    for page in ("reach", "police", "affected", "interpreter_other"):
        location = resident.get(f"/report/{page}").headers["Location"]
        assert location.endswith(("/report/interpreter", "/report/review")), page
    # Someone who first answered the preferences and then removed their details is anonymous.
    resident.post("/report/details", {"phone": "312 555 0100"})
    resident.post(
        "/report/reach",
        {"preferred_method": "phone", "safe_to_leave_message": "yes", "best_time": "noon"},
    )
    resident.post("/report/police", {"share_with_police": "y"})
    resident.post("/report/details", {})
    resident.post("/report/interpreter", {})
    review = resident.get("/report/review").get_data(as_text=True)
    assert "noon" not in review
    resident.send()
    with app.app_context():
        report = db.session.scalars(select(Report)).one()
        assert report.anonymous is True
        assert report.contact is None
        assert report.share_with_police is False


def test_back_leads_to_the_page_before_that_applies(resident: Resident) -> None:
    resident.walk(discrimination_answers())
    page = resident.get("/report/when").get_data(as_text=True)
    assert '<a href="/report/reasons">' in page
    page = resident.get("/report/area").get_data(as_text=True)
    assert '<a href="/report/reporter">' in page
    page = resident.get("/report/reporter").get_data(as_text=True)
    assert '<a href="/report/kind">' in page
    resident.walk(hate_answers())
    page = resident.get("/report/reporter").get_data(as_text=True)
    assert '<a href="/report/danger">' in page


def test_each_answer_on_the_review_links_to_its_page(resident: Resident) -> None:
    resident.walk(discrimination_answers(contact=IDENTIFIED_CONTACT))
    review = resident.get("/report/review").get_data(as_text=True)
    for page in ("kind", "area", "reasons", "when", "story", "where", "location", "who"):
        assert f'href="/report/{page}"' in review, page
    assert 'href="/report/details"' in review
    assert 'href="/report/reach"' in review


def test_a_draft_saved_by_an_older_version_still_opens() -> None:
    from intake.public.steps import Answers

    stored = {"steps": {"kind": {"kind": "hate"}}, "files": [], "reviewing": True, "retired": 1}
    answers = Answers.from_json(stored)
    assert answers.reviewing is True
    assert answers.steps == {"kind": {"kind": "hate"}}
    assert answers.show_errors is None
    assert Answers.from_json(answers.to_json()) == answers
