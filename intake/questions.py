"""Every question a resident may be asked: its section, its page, and when it applies.

One table. A question applies when the kind of report asks it and the earlier answers make it
relevant ("which city?" only after "not in Chicago"; contact preferences only once there is a way
to reach the resident). The form's pages, the review, the filing and the staff case page all ask
`applies`, so an answer that no longer applies is neither shown nor stored.

Answers are the draft's `steps`: `{section: {question: value}}`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Steps = dict[str, dict[str, Any]]
Condition = Callable[[Steps], bool]

ALL_KINDS = frozenset({"discrimination", "hate", "unsure"})
DISCRIMINATION = frozenset({"discrimination", "unsure"})
HATE = frozenset({"hate", "unsure"})
IDENTIFYING_FIELDS = ("name", "email", "phone", "mailing_address")


def _given(steps: Steps, section: str, name: str) -> bool:
    return bool(str(steps.get(section, {}).get(name) or "").strip())


def reachable(steps: Steps) -> bool:
    """Whether the resident gave a name, email, phone or mailing address (not anonymous)."""
    return any(_given(steps, "contact", name) for name in IDENTIFYING_FIELDS)


def _always(_steps: Steps) -> bool:
    return True


def _outside_chicago(steps: Steps) -> bool:
    return steps.get("place", {}).get("in_city") == "no"


def _maybe_in_chicago(steps: Steps) -> bool:
    return not _outside_chicago(steps)


def _has_email(steps: Steps) -> bool:
    return _given(steps, "contact", "email")


@dataclass(frozen=True)
class Question:
    """One stored question: the form field `name` on `page`, part of `section`."""

    name: str
    section: str
    page: str
    kinds: frozenset[str] = ALL_KINDS
    when: Condition = _always


QUESTIONS = (
    Question("kind", "kind", "kind"),
    Question("in_danger", "incident", "danger", HATE),
    Question("covered_area", "incident", "area", DISCRIMINATION),
    Question("protected_classes", "incident", "reasons", DISCRIMINATION),
    Question("bias_categories", "incident", "targeted", HATE),
    Question("incident_types", "incident", "acts", HATE),
    Question("incident_month", "incident", "when"),
    Question("incident_day", "incident", "when"),
    Question("incident_year", "incident", "when"),
    Question("still_happening", "incident", "when"),
    Question("narrative", "incident", "story"),
    Question("in_city", "place", "where"),
    Question("city", "place", "location", when=_outside_chicago),
    Question("address", "place", "location"),
    Question("community_area", "place", "location", when=_maybe_in_chicago),
    Question("ward", "place", "location", when=_maybe_in_chicago),
    Question("location_type", "place", "location"),
    Question("respondent_type", "place", "who"),
    Question("respondent_name", "place", "who"),
    Question("respondent_role", "place", "who"),
    Question("witnesses", "place", "witnesses"),
    Question("reported_to", "place", "reported"),
    Question("reported_details", "place", "reported"),
    Question("help_wanted", "place", "help"),
    Question("help_details", "place", "help"),
    Question("name", "contact", "details"),
    Question("email", "contact", "details"),
    Question("phone", "contact", "details"),
    Question("mailing_address", "contact", "details"),
    Question("preferred_method", "contact", "reach", when=reachable),
    Question("best_time", "contact", "reach", when=reachable),
    Question("safe_to_leave_message", "contact", "reach", when=reachable),
    Question("preferred_language", "contact", "reach", when=reachable),
    Question("accommodations", "contact", "reach", when=reachable),
    Question("email_updates", "contact", "reach", when=_has_email),
    Question("share_with_police", "contact", "police", HATE, when=reachable),
)
BY_NAME = {question.name: question for question in QUESTIONS}
SECTIONS = ("kind", "incident", "place", "contact")


def kind_of(steps: Steps) -> str | None:
    """The kind of report chosen on the first page, if any."""
    kind = steps.get("kind", {}).get("kind")
    return str(kind) if kind else None


def asks(kind: str | None, name: str) -> bool:
    """Whether a report of this kind ever asks question `name` ("not sure" asks both sets)."""
    question = BY_NAME.get(name)
    return question is None or (kind or "") in question.kinds or question.kinds == ALL_KINDS


def applies(name: str, steps: Steps) -> bool:
    """Whether question `name` is asked, given the kind of report and the answers so far."""
    question = BY_NAME.get(name)
    if question is None:
        return False
    return asks(kind_of(steps), name) and question.when(steps)


def on_page(page: str) -> tuple[Question, ...]:
    """The questions a page may ask, in order."""
    return tuple(question for question in QUESTIONS if question.page == page)


def in_section(section: str) -> tuple[Question, ...]:
    """The questions a section may ask, in order."""
    return tuple(question for question in QUESTIONS if question.section == section)


def keep_applicable(steps: Steps) -> Steps:
    """The answers with every question that does not apply left out (what gets stored)."""
    return {
        section: {
            name: value
            for name, value in steps.get(section, {}).items()
            if name not in BY_NAME or applies(name, steps)
        }
        for section in steps
    }
