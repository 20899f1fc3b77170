"""Every public page carries the help numbers, the quick exit and the language switcher."""

from __future__ import annotations

import re

import pytest
from flask import Flask

from intake.public.flow import PAGE_NAMES

from .helpers import IDENTIFIED_CONTACT, Resident, hate_answers

# Every page of the form: a "not sure" report with contact details is asked every question.
PUBLIC_PAGES = ["/", "/report/paper", *(f"/report/{name}" for name in PAGE_NAMES)]
HELP_LINKS = [
    "tel:911",
    "tel:+13127444111",
    "tel:+13127441088",
    "tel:+13127444874",
    "tel:311",
    "tel:988",
    "tel:+18554357693",
]


@pytest.fixture
def started(resident: Resident) -> Resident:
    # Reported for someone else, with an interpreter in a language the portal does not ship:
    # every page of the form applies.
    answers = hate_answers(
        kind={"kind": "unsure"},
        incident={
            "covered_area": "public_accommodation",
            "protected_classes": ["religion"],
            "reporter_role": "behalf",
            "reporter_relationship": "friend",
            "affected_consent": "yes",
        },
        contact={**IDENTIFIED_CONTACT, "interpreter_language": "other", "interpreter_other": "Mam"},
    )
    resident.begin(answers)
    for name in ("incident", "place", "contact"):
        assert resident.post(f"/report/{name}", answers[name]).status_code == 302
    return resident


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_help_numbers_and_quick_exit_on_every_page(started: Resident, url: str) -> None:
    page = started.get(url).get_data(as_text=True)
    assert started.last is not None
    assert started.last.status_code == 200
    for link in HELP_LINKS:
        assert f'href="{link}"' in page
    assert "Leave this site quickly" in page
    assert 'href="/exit"' in page
    assert "data-quick-exit" in page


def test_help_numbers_come_from_configuration(app_factory: object) -> None:
    app: Flask = app_factory(
        HELP_NUMBERS={  # type: ignore[operator]
            "emergency": "911",
            "commission": "(312) 555-0000",
            "crisis": "988",
        }
    )
    page = app.test_client().get("/").get_data(as_text=True)
    assert 'href="tel:+13125550000"' in page
    assert "tel:311" not in page


def test_landing_page_explains_the_service(client: object) -> None:
    page = client.get("/").get_data(as_text=True)  # type: ignore[attr-defined]
    assert "You can stay anonymous" in page
    assert "Who can report" in page
    assert "We never ask about it." in page
    assert 'href="/report"' in page


def test_the_form_never_asks_immigration_status(started: Resident) -> None:
    for url in PUBLIC_PAGES:
        page = started.get(url).get_data(as_text=True).lower()
        page = re.sub(r"<footer.*</footer>", "", page, flags=re.S)
        for word in ("citizenship", "immigration status", "date of birth", "social security"):
            if url == "/":
                continue  # The landing page promises not to ask.
            assert word not in page, (url, word)


def test_pages_work_without_javascript(started: Resident) -> None:
    for url in ("/report/kind", "/report/when", "/report/where", "/report/review"):
        page = started.get(url).get_data(as_text=True)
        assert '<form method="post"' in page
        assert "<noscript" not in page
