"""Every question a resident may be asked: its section, its page, and when it applies.

One table. A question applies when the kind of report asks it and the earlier answers make it
relevant ("which city?" only after "not in Chicago"; contact preferences only once there is a way
to reach the resident). The form's pages, the review, the filing and the staff case page all ask
`applies`, so an answer that no longer applies is neither shown nor stored.

Answers are the draft's `steps`: `{section: {question: value}}`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
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


def _reporter(steps: Steps) -> str:
    return str(steps.get("incident", {}).get("reporter_role") or "self")


def for_someone(steps: Steps) -> bool:
    """Whether the report is made on behalf of the person it happened to."""
    return _reporter(steps) == "behalf"


def about_someone_else(steps: Steps) -> bool:
    """Whether the reporter is not the person it happened to (on their behalf, or a witness)."""
    return _reporter(steps) in ("behalf", "witness")


def _other_interpreter(steps: Steps) -> bool:
    return steps.get("contact", {}).get("interpreter_language") == "other"


def _has_email(steps: Steps) -> bool:
    return _given(steps, "contact", "email")


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _number(value: Any) -> int | None:
    return int(value) if value not in (None, "") else None


def _yes_no(value: Any) -> bool | None:
    return {"yes": True, "no": False}.get(str(value)) if value else None


@dataclass(frozen=True)
class Stored:
    """How an answer becomes a column's value, and back into what the form holds."""

    to_column: Callable[[Any], Any]
    from_column: Callable[[Any], Any]


TEXT = Stored(_text, lambda value: value)
# Reports from before the question was asked were made by the person it happened to.
REPORTER = Stored(lambda value: _text(value) or "self", lambda value: value)
NUMBER = Stored(_number, lambda value: "" if value is None else str(value))
YES_NO = Stored(_yes_no, lambda value: None if value is None else ("yes" if value else "no"))
FLAG = Stored(bool, bool)
# Several choices, stored one ReportTerm row each, in the order given.
TERMS = Stored(lambda value: list(value or []), list)


@dataclass(frozen=True)
class Question:
    """One stored question: the form field `name` on `page`, part of `section`, stored in the
    column of the same name on the report or its contact (`on`), or as terms of `vocabulary`."""

    name: str
    section: str
    page: str
    kinds: frozenset[str] = ALL_KINDS
    when: Condition = _always
    stored: Stored = TEXT
    on: str = "report"
    vocabulary: str | None = None
    # The column's name where it differs from the question's ("affected_name" → "name").
    column: str | None = None

    @property
    def column_name(self) -> str:
        """The column this answer is stored in."""
        return self.column or self.name


def _terms(name: str, section: str, page: str, vocabulary: str, kinds: frozenset[str]) -> Question:
    return Question(name, section, page, kinds, stored=TERMS, vocabulary=vocabulary)


def _contact(name: str, page: str, when: Condition = _always, stored: Stored = TEXT) -> Question:
    return Question(name, "contact", page, when=when, stored=stored, on="contact")


def _affected(name: str) -> Question:
    """The contact details of the person it happened to, when someone else reports."""
    column = name.removeprefix("affected_")
    return Question(
        name, "contact", "affected", when=about_someone_else, on="affected", column=column
    )


QUESTIONS = (
    Question("kind", "kind", "kind"),
    # Danger first: someone in danger is told to call 911 before anything else is asked.
    Question("in_danger", "incident", "danger", HATE, stored=YES_NO),
    Question("reporter_role", "incident", "reporter", stored=REPORTER),
    Question("reporter_relationship", "incident", "relationship", when=for_someone),
    Question("affected_consent", "incident", "relationship", when=for_someone),
    Question("covered_area", "incident", "area", DISCRIMINATION),
    _terms("protected_classes", "incident", "reasons", "protected_class", DISCRIMINATION),
    _terms("bias_categories", "incident", "targeted", "bias_category", HATE),
    _terms("incident_types", "incident", "acts", "incident_type", HATE),
    Question("incident_month", "incident", "when", stored=NUMBER),
    Question("incident_day", "incident", "when", stored=NUMBER),
    Question("incident_year", "incident", "when", stored=NUMBER),
    Question("still_happening", "incident", "when", stored=FLAG),
    Question("narrative", "incident", "story"),
    Question("in_city", "place", "where"),
    Question("city", "place", "location", when=_outside_chicago),
    Question("address", "place", "location"),
    Question("community_area", "place", "location", when=_maybe_in_chicago, stored=NUMBER),
    Question("ward", "place", "location", when=_maybe_in_chicago, stored=NUMBER),
    Question("location_type", "place", "location"),
    Question("respondent_type", "place", "who"),
    Question("respondent_name", "place", "who"),
    # Discrimination: the formal complaint is mailed to the respondent at this address.
    Question("respondent_address", "place", "who", DISCRIMINATION),
    Question("respondent_role", "place", "who"),
    Question("witnesses", "place", "witnesses"),
    _terms("reported_to", "place", "reported", "reported_to", ALL_KINDS),
    Question("reported_details", "place", "reported"),
    _terms("help_wanted", "place", "help", "help_wanted", ALL_KINDS),
    Question("help_details", "place", "help"),
    _contact("name", "details"),
    _contact("email", "details"),
    _contact("phone", "details"),
    _contact("mailing_address", "details"),
    _affected("affected_name"),
    _affected("affected_email"),
    _affected("affected_phone"),
    _affected("affected_mailing_address"),
    _contact("preferred_method", "reach", reachable),
    _contact("best_time", "reach", reachable),
    _contact("safe_to_leave_message", "reach", reachable, YES_NO),
    _contact("preferred_language", "reach", reachable),
    _contact("accommodations", "reach", reachable),
    _contact("email_updates", "reach", _has_email, FLAG),
    # Asked of everyone, anonymous or not: stored on the report, not with the contact details.
    Question("interpreter_language", "contact", "interpreter"),
    Question("interpreter_other", "contact", "interpreter_other", when=_other_interpreter),
    Question("share_with_police", "contact", "police", HATE, when=reachable, stored=FLAG),
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


@dataclass
class Columns:
    """The stored form of a set of answers: report columns, contact columns, chosen terms."""

    report: dict[str, Any]
    contact: dict[str, Any]
    terms: list[tuple[str, str]]  # (vocabulary, code), in the order given
    affected: dict[str, Any] = field(default_factory=dict)


def to_columns(steps: Steps) -> Columns:
    """What the answers that apply store: each question in its column, or as terms."""
    steps = keep_applicable(steps)
    columns = Columns({}, {}, [])
    for question in QUESTIONS:
        saved = steps.get(question.section, {})
        if question.name not in saved:
            continue
        value = question.stored.to_column(saved[question.name])
        if question.vocabulary is not None:
            columns.terms += [(question.vocabulary, code) for code in value]
        elif question.on == "contact":
            columns.contact[question.name] = value
        elif question.on == "affected":
            columns.affected[question.column_name] = value
        else:
            columns.report[question.name] = value
    return columns


def from_columns(
    report: dict[str, Any],
    contact: dict[str, Any] | None,
    terms: list[tuple[str, str]],
    affected: dict[str, Any] | None = None,
) -> Steps:
    """The answers a stored report gave, as the form holds them (the inverse of to_columns)."""
    steps: Steps = {section: {} for section in SECTIONS}
    for question in QUESTIONS:
        value: Any
        if question.vocabulary is not None:
            value = [code for vocabulary, code in terms if vocabulary == question.vocabulary]
        elif question.on == "contact":
            value = None if contact is None else contact.get(question.name)
        elif question.on == "affected":
            value = None if affected is None else affected.get(question.column_name)
        else:
            value = report.get(question.name)
        steps[question.section][question.name] = question.stored.from_column(value)
    return keep_applicable(steps)
