"""The resident's path through the form: the steps, their order, and the answers kept between them.

Answers are kept per step as plain JSON (what each form's fields held), so any step can be shown
again, changed and checked without touching the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, Form, SelectFieldBase
from wtforms.validators import Length

from .. import drafts, rules, vocab
from ..models import Report
from .forms import STEP_FORMS


@dataclass(frozen=True)
class Step:
    """One page of the form."""

    name: str
    title: LazyString


STEPS = (
    Step("kind", _l("What happened")),
    Step("incident", _l("Tell us about it")),
    Step("place", _l("Where and who")),
    Step("evidence", _l("Photos and files")),
    Step("contact", _l("How to reach you")),
    Step("review", _l("Check and send")),
)
STEP_NAMES = tuple(step.name for step in STEPS)
FORM_STEPS = tuple(STEP_FORMS)
SKIPPED_FIELDS = frozenset({"csrf_token", "files"})


def number(name: str) -> int:
    """The 1-based position of a step."""
    return STEP_NAMES.index(name) + 1


def title(name: str) -> LazyString:
    """The heading of a step."""
    return STEPS[STEP_NAMES.index(name)].title


def new_answers() -> dict[str, Any]:
    """An empty draft."""
    return {"steps": {}, "files": [], "reviewing": False}


def load_answers() -> dict[str, Any]:
    """The visitor's draft, or an empty one."""
    return drafts.load() or new_answers()


def kind_of(answers: dict[str, Any]) -> str | None:
    """The kind of report chosen on the first step, if any."""
    kind = answers["steps"].get("kind", {}).get("kind")
    return str(kind) if kind else None


def make_form(
    name: str, answers: dict[str, Any], today: date, formdata: Any = None, **kwargs: Any
) -> Form:
    """The form of step `name`, filled from `formdata` when posted, else from the saved answers."""
    form_class = STEP_FORMS[name]
    saved = answers["steps"].get(name, {})
    extra = {"kind": kind_of(answers) or "", "today": today} if name != "kind" else {}
    if formdata is not None:
        return form_class(formdata=formdata, **extra, **kwargs)
    return form_class(formdata=None, data=saved, **extra, **kwargs)


def form_answers(form: Form) -> dict[str, Any]:
    """What a form's fields hold, as JSON-ready values."""
    return {name: field.data for name, field in form._fields.items() if name not in SKIPPED_FIELDS}


def storable(form: Form) -> bool:
    """Whether unchecked answers may be kept as they are (when switching language): no text is
    longer than its field allows. Longer text would be stored unchecked, so the page shows its
    errors instead, with everything still typed in."""
    for field in form:
        limits = [v.max for v in field.validators if isinstance(v, Length) and v.max >= 0]
        if limits and isinstance(field.data, str) and len(field.data) > min(limits):
            return False
    return True


def _as_formdata(saved: dict[str, Any]) -> MultiDict[str, str]:
    pairs: list[tuple[str, str]] = []
    for name, value in saved.items():
        if isinstance(value, list):
            pairs.extend((name, str(item)) for item in value)
        elif value is True:
            pairs.append((name, "y"))
        elif value not in (None, False, ""):
            pairs.append((name, str(value)))
    return MultiDict(pairs)


def check(name: str, answers: dict[str, Any], today: date) -> Form:
    """Step `name`'s saved answers, validated again (the kind may have changed since)."""
    form_class = STEP_FORMS[name]
    extra = {"kind": kind_of(answers) or "", "today": today} if name != "kind" else {}
    form = form_class(
        formdata=_as_formdata(answers["steps"].get(name, {})), meta={"csrf": False}, **extra
    )
    form.validate()
    return form


# Set in the draft when a step was sent with mistakes: its next GET shows them.
SHOW_ERRORS = "show_errors"


def with_errors(name: str, answers: dict[str, Any], today: date) -> Form:
    """Step `name`'s form holding its saved answers and their errors (after a redirect)."""
    form = make_form(name, answers, today)
    checked = check(name, answers, today)
    for field_name, field in checked._fields.items():
        if field_name in form._fields:
            form[field_name].errors = list(field.errors)
    return form


def first_unfinished(answers: dict[str, Any], today: date) -> str | None:
    """The first form step whose saved answers do not pass, or None when all do."""
    for name in FORM_STEPS:
        if name == "contact" and "contact" not in answers["steps"]:
            continue  # Contact is optional: skipping it leaves the report anonymous.
        if name not in answers["steps"] or check(name, answers, today).errors:
            return name
    return None


# Set in the draft once the resident has seen the "in danger now" page and chosen to go on.
SAFETY_SEEN = "safety_seen"


def needs_safety_page(answers: dict[str, Any]) -> bool:
    """Whether the resident said they are in danger now and has not yet seen the safety page."""
    incident = answers["steps"].get("incident", {})
    return incident.get("in_danger") == "yes" and not answers.get(SAFETY_SEEN)


def next_step(current: str, answers: dict[str, Any]) -> str:
    """Where "Continue" leads: back to the review once the resident has reached it."""
    if answers.get("reviewing"):
        return "review"
    return STEP_NAMES[STEP_NAMES.index(current) + 1]


def previous_step(current: str) -> str | None:
    """Where "Back" leads."""
    index = STEP_NAMES.index(current)
    return STEP_NAMES[index - 1] if index else None


def deadline_warning(answers: dict[str, Any], today: date) -> bool:
    """Whether the resident should see the gentle 365-day warning."""
    kind = kind_of(answers)
    incident = answers["steps"].get("incident")
    if not kind or not incident or not incident.get("incident_year"):
        return False
    try:
        year, month = int(incident["incident_year"]), int(incident["incident_month"])
        day = int(incident["incident_day"]) if incident.get("incident_day") else None
        return rules.past_filing_deadline(
            kind, year, month, day, bool(incident.get("still_happening")), today
        )
    except (KeyError, TypeError, ValueError):
        return False


@dataclass(frozen=True)
class Answer:
    """One question and its answer, for the review and the printable summary."""

    label: str
    value: str | list[str]


def summary(name: str, answers: dict[str, Any], today: date) -> list[Answer]:
    """The questions this step asked and what the resident answered, in their language."""
    form = make_form(name, answers, today)
    shows = getattr(form, "shows", lambda _name: True)
    result = []
    for field_name, field in form._fields.items():
        if field_name in SKIPPED_FIELDS or not shows(field_name):
            continue
        value = _display(field)
        if value:
            result.append(Answer(str(field.label.text), value))
    return result


def _display(field: Any) -> str | list[str]:
    if isinstance(field, BooleanField):
        return str(_l("Yes")) if field.data else ""
    if isinstance(field, SelectFieldBase):
        labels = {str(code): str(text) for code, text, *_ in field.iter_choices() if code}
        if isinstance(field.data, list):
            return [labels.get(str(code), str(code)) for code in field.data]
        return labels.get(str(field.data), "") if field.data else ""
    return str(field.data).strip() if field.data else ""


def kind_name(answers: dict[str, Any]) -> str:
    """The short name of the chosen kind."""
    return str(vocab.label(vocab.KIND_NAMES, kind_of(answers)))


def answers_from_report(report: Report) -> dict[str, Any]:
    """A sent report as step answers, so its summary reads exactly like the review did."""
    contact = report.contact
    day = report.incident_day
    return {
        "steps": {
            "kind": {"kind": report.kind},
            "incident": {
                "covered_area": report.covered_area,
                "protected_classes": report.codes("protected_class"),
                "in_danger": _yes_no_code(report.in_danger),
                "bias_categories": report.codes("bias_category"),
                "incident_types": report.codes("incident_type"),
                "incident_month": str(report.incident_month),
                "incident_year": str(report.incident_year),
                "incident_day": str(day) if day else "",
                "still_happening": report.still_happening,
                "narrative": report.narrative,
            },
            "place": {
                "in_city": report.in_city,
                "city": report.city,
                "address": report.address,
                "community_area": _str(report.community_area),
                "ward": _str(report.ward),
                "location_type": report.location_type,
                "respondent_type": report.respondent_type,
                "respondent_name": report.respondent_name,
                "respondent_role": report.respondent_role,
                "witnesses": report.witnesses,
                "reported_to": report.codes("reported_to"),
                "reported_details": report.reported_details,
                "help_wanted": report.codes("help_wanted"),
                "help_details": report.help_details,
            },
            "contact": {}
            if contact is None
            else {
                "name": contact.name,
                "email": contact.email,
                "phone": contact.phone,
                "mailing_address": contact.mailing_address,
                "preferred_method": contact.preferred_method,
                "best_time": contact.best_time,
                "safe_to_leave_message": _yes_no_code(contact.safe_to_leave_message),
                "preferred_language": contact.preferred_language,
                "accommodations": contact.accommodations,
                "share_with_police": report.share_with_police,
            },
        },
        "files": [],
    }


def _yes_no_code(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def _str(value: int | None) -> str:
    return "" if value is None else str(value)


def sections(answers: dict[str, Any], today: date) -> list[tuple[str, LazyString, list[Answer]]]:
    """Every form step's title and answers, in order."""
    return [(name, title(name), summary(name, answers, today)) for name in FORM_STEPS]
