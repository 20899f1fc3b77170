"""The question table is the one place a question lives: whatever a resident answers, of any kind
of report, is stored and read back exactly (the review, the confirmation and the case page all
show what was sent), and nothing that does not apply is kept."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest
from flask import Flask

from intake import questions, vocab
from intake.filing import build_report
from intake.public.steps import answers_from_report

CHOICES: dict[str, tuple[vocab.Term, ...]] = {
    "kind": vocab.KINDS,
    "covered_area": vocab.COVERED_AREAS,
    "protected_classes": vocab.PROTECTED_CLASSES,
    "bias_categories": vocab.BIAS_CATEGORIES,
    "incident_types": vocab.INCIDENT_TYPES,
    "in_city": vocab.IN_CITY,
    "location_type": vocab.LOCATION_TYPES,
    "respondent_type": vocab.RESPONDENT_TYPES,
    "respondent_role": vocab.RESPONDENT_ROLES,
    "reported_to": vocab.REPORTED_TO,
    "help_wanted": vocab.HELP_WANTED,
    "preferred_method": vocab.CONTACT_METHODS,
    "reporter_role": vocab.REPORTER_ROLES,
    "reporter_relationship": vocab.REPORTER_RELATIONSHIPS,
    "affected_consent": vocab.AFFECTED_CONSENT,
}
REQUIRED = {"kind", "reporter_role", "incident_month", "incident_year", "narrative", "in_city"}
NUMBERS = {"incident_month": (1, 12), "incident_day": (1, 28), "incident_year": (2010, 2025)}


def answer(question: questions.Question, rng: random.Random) -> Any:
    """A value as the form would hold it, in the form's own shape."""
    codes = [term.code for term in CHOICES.get(question.name, ())]
    required = question.name in REQUIRED
    if question.stored is questions.TERMS:
        return rng.sample(codes, rng.randint(0, 3))
    if question.stored is questions.FLAG:
        return rng.random() < 0.5
    if question.stored is questions.YES_NO:
        return rng.choice(["yes", "no", None])
    if question.stored is questions.NUMBER:
        low, high = NUMBERS.get(question.name, (1, 77))
        return str(rng.randint(low, high)) if required or rng.random() < 0.7 else ""
    if not required and rng.random() < 0.3:
        return None
    if codes:
        return rng.choice(codes)
    return f"{question.name} {rng.randint(1, 10**6)}"


def generated(kind: str, rng: random.Random) -> dict[str, dict[str, Any]]:
    steps: dict[str, dict[str, Any]] = {section: {} for section in questions.SECTIONS}
    for question in questions.QUESTIONS:
        steps[question.section][question.name] = answer(question, rng)
    steps["kind"]["kind"] = kind
    return steps


@pytest.mark.parametrize("kind", [term.code for term in vocab.KINDS])
def test_every_answer_is_stored_and_read_back(app: Flask, kind: str) -> None:
    rng = random.Random(kind)  # noqa: S311 - test data, repeatable on purpose
    with app.test_request_context("/"):
        for _ in range(200):
            steps = generated(kind, rng)
            report = build_report(steps, "en", date(2026, 1, 15))
            assert answers_from_report(report).steps == questions.keep_applicable(steps)


def test_an_answer_that_does_not_apply_is_not_stored(app: Flask) -> None:
    rng = random.Random(1)  # noqa: S311 - test data, repeatable on purpose
    steps = generated("discrimination", rng)
    steps["place"].update(in_city="yes", city="Evanston")
    steps["incident"]["bias_categories"] = ["religion"]
    steps["contact"] = {"best_time": "noon", "email_updates": True, "name": None}
    with app.test_request_context("/"):
        report = build_report(steps, "en", date(2026, 1, 15))
    assert report.city is None
    assert report.codes("bias_category") == []
    assert report.contact is None
    assert report.anonymous is True


def test_every_question_is_on_a_page_and_in_a_form(app: Flask) -> None:
    from intake.public.flow import PAGE_NAMES
    from intake.public.forms import STEP_FORMS

    with app.test_request_context("/"):
        for question in questions.QUESTIONS:
            assert question.page in PAGE_NAMES, question.name
            form = STEP_FORMS[question.section](
                meta={"csrf": False}, kind="unsure", today=date.today()
            )
            assert question.name in form._fields, question.name
