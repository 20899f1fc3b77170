"""The resident's answers between pages: reading, checking and keeping them.

Answers are kept per section as plain JSON (what each section form's fields held), so any page can
be shown again, changed and checked without touching the others. Which page asks what, and when,
is in `flow` and `intake.questions`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, Form, SelectFieldBase
from wtforms.validators import Length

from .. import dates, drafts, questions, rules, vocab
from ..models import Report
from . import flow
from .forms import STEP_FORMS

SKIPPED_FIELDS = frozenset({"csrf_token", "files"})


@dataclass
class Answers:
    """A resident's unsent report, kept in the server-side draft between pages."""

    # What each section's form held: {section: {question: value}}.
    steps: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)
    # The evidence files received so far (stored name, original name, type, size, hash).
    files: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    # Once the review was reached, "Continue" leads back to it.
    reviewing: bool = False
    # A page sent with mistakes: its next GET shows them (after the redirect).
    show_errors: str | None = None
    # The resident in danger has seen the "call 911" page and chosen to go on.
    safety_seen: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Answers:
        """A draft as stored (keys this version does not know are left out)."""
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})

    def to_json(self) -> dict[str, Any]:
        """The draft as stored."""
        return dataclasses.asdict(self)


def saved_answers() -> Answers | None:
    """The visitor's draft, if there is one."""
    data = drafts.load()
    return None if data is None else Answers.from_json(data)


def load_answers() -> Answers:
    """The visitor's draft, or an empty one."""
    return saved_answers() or Answers()


def save_answers(answers: Answers) -> None:
    """Keep the draft (a new one if the visitor had none)."""
    drafts.save(answers.to_json())


def kind_of(answers: Answers) -> str | None:
    """The kind of report chosen on the first page, if any."""
    return questions.kind_of(answers.steps)


def _extra(section: str, answers: Answers, today: date) -> dict[str, Any]:
    return {"kind": kind_of(answers) or "", "today": today} if section != "kind" else {}


def make_form(
    section: str, answers: Answers, today: date, formdata: Any = None, **kwargs: Any
) -> Form:
    """The form of `section`, filled from `formdata` when posted, else from the saved answers."""
    form_class = STEP_FORMS[section]
    extra = _extra(section, answers, today)
    if formdata is not None:
        return form_class(formdata=formdata, **extra, **kwargs)
    return form_class(formdata=None, data=answers.steps.get(section, {}), **extra, **kwargs)


def page_form(page: str, answers: Answers, today: date, posted: Any = None) -> Form:
    """The section form behind `page`: the saved answers, with what was just posted for this page.

    The whole section is checked, so rules across pages hold (housing and credit history), but
    only this page's questions keep their errors.
    """
    section = flow.BY_NAME[page].section
    if posted is None:
        return make_form(section, answers, today)
    asked = set(flow.fields(page, answers.steps))
    saved = _as_formdata(answers.steps.get(section, {}))
    merged = MultiDict([(k, v) for k, v in saved.items(multi=True) if k not in asked])
    for key, value in posted.items(multi=True):
        if key in asked or key == "csrf_token":
            merged.add(key, value)
    return make_form(section, answers, today, formdata=merged)


def keep_page(page: str, form: Form, answers: Answers) -> None:
    """Put what `form` holds for the questions `page` asks into the draft's answers."""
    section = flow.BY_NAME[page].section
    asked = flow.fields(page, answers.steps)
    answers.steps.setdefault(section, {}).update({name: form[name].data for name in asked})


def only_page_errors(page: str, form: Form, answers: Answers) -> bool:
    """Drop the errors of questions on other pages; whether this page still has any."""
    asked = set(flow.fields(page, answers.steps)) | {"csrf_token"}
    for name, field in form._fields.items():
        if name not in asked:
            field.errors = []
    return bool(form.errors)


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


def check(section: str, answers: Answers, today: date) -> Form:
    """A section's saved answers, validated again (the kind may have changed since)."""
    form = STEP_FORMS[section](
        formdata=_as_formdata(answers.steps.get(section, {})),
        meta={"csrf": False},
        **_extra(section, answers, today),
    )
    form.validate()
    return form


def with_errors(page: str, answers: Answers, today: date) -> Form:
    """The form of `page` holding its saved answers and their errors (after a redirect)."""
    section = flow.BY_NAME[page].section
    form = make_form(section, answers, today)
    checked = check(section, answers, today)
    asked = flow.fields(page, answers.steps)
    for name in asked:
        form[name].errors = list(checked[name].errors)
    return form


def first_unfinished(answers: Answers, today: date, within: str | None = None) -> str | None:
    """The first page (of section `within`, if given) not yet answered or whose answers do not
    pass, or None when all do. Contact pages are optional: skipping them leaves it anonymous."""
    steps = answers.steps
    checked: dict[str, Form] = {}
    for page in flow.QUESTION_PAGES:
        asked = flow.fields(page, steps)
        section = flow.BY_NAME[page].section
        if not asked or within not in (None, section):
            continue
        if section != "contact" and not flow.answered(page, steps):
            return page
        if section in steps:
            form = checked.setdefault(section, check(section, answers, today))
            if any(form[name].errors for name in asked):
                return page
    return None


def needs_safety_page(answers: Answers) -> bool:
    """Whether the resident said they are in danger now and has not yet seen the safety page."""
    incident = answers.steps.get("incident", {})
    return incident.get("in_danger") == "yes" and not answers.safety_seen


def next_page(current: str, answers: Answers, today: date) -> str:
    """Where "Continue" leads. Once the resident has reached the review, it leads back there,
    after any follow-up question that their change has just called for."""
    steps = answers.steps
    if not answers.reviewing:
        return flow.following(current, steps)
    section = flow.BY_NAME[current].section
    name = flow.following(current, steps)
    if flow.BY_NAME[name].section == section and not flow.answered(name, steps):
        return name
    return first_unfinished(answers, today) or "review"


def deadline_warning(answers: Answers, today: date) -> bool:
    """Whether the resident should see the gentle 365-day warning."""
    kind = kind_of(answers)
    incident = answers.steps.get("incident")
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
    page: str


# The three questions of a date, shown as one answer written the reader's way.
DATE_PARTS = ("incident_month", "incident_day", "incident_year")


def summary(section: str, answers: Answers, today: date) -> list[Answer]:
    """The questions this section asked and what the resident answered, in their language."""
    form = make_form(section, answers, today)
    result = []
    for question in questions.in_section(section):
        if not questions.applies(question.name, answers.steps):
            continue
        if question.name in DATE_PARTS:
            if question.name == DATE_PARTS[0] and form["incident_year"].data:
                result.append(_date_answer(form, question.page))
            continue
        value = _display(form[question.name])
        if value:
            result.append(Answer(str(form[question.name].label.text), value, question.page))
    return result


def _date_answer(form: Any, page: str) -> Answer:
    day = form["incident_day"].data
    written = dates.incident_date(
        int(form["incident_year"].data), int(form["incident_month"].data), int(day) if day else None
    )
    return Answer(str(flow.BY_NAME[page].title), written, page)


def _display(field: Any) -> str | list[str]:
    if isinstance(field, BooleanField):
        return str(_l("Yes")) if field.data else ""
    if isinstance(field, SelectFieldBase):
        labels = {str(code): str(text) for code, text, *_ in field.iter_choices() if code}
        if isinstance(field.data, list):
            return [labels.get(str(code), str(code)) for code in field.data]
        return labels.get(str(field.data), "") if field.data else ""
    return str(field.data).strip() if field.data else ""


def kind_name(answers: Answers) -> str:
    """The short name of the chosen kind."""
    return str(vocab.label(vocab.KIND_NAMES, kind_of(answers)))


def answers_from_report(report: Report) -> Answers:
    """A sent report as the form's answers, so its summary reads exactly like the review did."""
    stored = [q for q in questions.QUESTIONS if q.vocabulary is None]
    contact, affected = report.contact, report.affected
    steps = questions.from_columns(
        {q.name: getattr(report, q.name) for q in stored if q.on == "report"},
        None
        if contact is None
        else {q.name: getattr(contact, q.name) for q in stored if q.on == "contact"},
        [(term.vocabulary, term.code) for term in report.terms],
        None
        if affected is None
        else {
            q.column_name: getattr(affected, q.column_name) for q in stored if q.on == "affected"
        },
    )
    return Answers(steps=steps)


def sections(answers: Answers, today: date) -> list[tuple[str, LazyString, list[Answer]]]:
    """Every form section's title and answers, in order."""
    return [
        (name, flow.section_title(name), summary(name, answers, today))
        for name in flow.FORM_SECTIONS
    ]
