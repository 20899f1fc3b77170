"""What the paper form says, in one language: every question of the web form, in its order.

The words come from the web form itself (`intake.public.forms.STEP_FORMS`, walked in the order of
`flow.PAGES` and `questions.QUESTIONS`), so the paper form cannot drift from it. Paper cannot
branch, so every question is printed, and one that the web form asks only for some reports says
so in a short note derived from the question's `kinds` and its `when` condition. A condition
without a note here stops the build (KeyError) rather than printing a question without its note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from wtforms import BooleanField, Field, Form, SelectFieldBase, TextAreaField

from .. import questions
from ..bidi import ltr
from ..clock import today
from ..pages import COMMISSION_NAME, help_lines
from ..public import flow
from ..public.forms import STEP_FORMS

# Notes for questions only some kinds of report are asked ("not sure" is asked both sets).
KIND_NOTES: dict[frozenset[str], LazyString | None] = {
    questions.ALL_KINDS: None,
    questions.DISCRIMINATION: _l(
        "Only if you were treated unfairly (discrimination) or are not sure"
    ),
    questions.HATE: _l("Only if you were targeted because of who you are, or are not sure"),
}
# Notes for questions asked only after some answer, keyed by the condition's function name.
WHEN_NOTES: dict[str, LazyString | None] = {
    "_always": None,
    "_outside_chicago": _l("Only if it did not happen in Chicago"),
    "_maybe_in_chicago": _l("Only if it happened in Chicago, or you are not sure"),
    "for_someone": _l("Only if you are reporting for the person it happened to"),
    "about_someone_else": _l("Only if it did not happen to you"),
    "_other_interpreter": _l("Only if you chose “Another language”"),
    "reachable": _l("Only if you gave us a way to reach you"),
    "_has_email": _l("Only if you gave your email"),
}
# Choices written in by hand on paper: a month, a day, a year, a neighborhood, a ward.
WRITE_IN = frozenset({"incident_month", "incident_day", "incident_year", "community_area", "ward"})
# Select boxes whose blank first choice is an answer, not a "Choose one" prompt.
BLANK_IS_AN_ANSWER = frozenset({"interpreter_language"})
# Lines to write on, for questions answered in more than one line.
LINES = {"narrative": 14, "witnesses": 4, "address": 3, "respondent_address": 3}
TEXT_LINES = 3
CHECK_ONE = _l("Check one box.")
ANONYMOUS = _l(
    "You may leave any contact detail blank to stay anonymous. Without a way to reach you, we "
    "cannot tell you what happens with your report."
)
PART_NOTES: dict[str, tuple[LazyString, ...]] = {
    "evidence": (
        _l(
            "You may send copies of photos, screenshots, letters or other papers with this form. "
            "Please keep the originals."
        ),
    ),
    "contact": (ANONYMOUS,),
}


@dataclass(frozen=True)
class Item:
    """One question as printed: its words, and how it is answered ("choices", "check", "line",
    "lines" or "short")."""

    name: str
    label: str
    answer: str
    description: str = ""
    notes: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    lines: int = 1


@dataclass
class Part:
    """A section of the form: its title, notes, and its pages' questions under their headings."""

    title: str
    notes: tuple[str, ...] = ()
    groups: list[tuple[str, list[Item]]] = field(default_factory=list)


@dataclass(frozen=True)
class Header:
    """The first page's top: who we are, how to reach us, where to mail the form."""

    commission: str
    title: str
    intro: tuple[str, ...]
    help_title: str
    address: tuple[str, ...]
    help: tuple[tuple[str, str], ...]
    back: tuple[str, ...]


def notes_for(question: questions.Question) -> tuple[str, ...]:
    """The short instructions for a question asked only for some reports."""
    found = (KIND_NOTES[question.kinds], WHEN_NOTES[question.when.__name__])
    return tuple(str(note) for note in found if note is not None)


def _choices(name: str, field_: SelectFieldBase) -> tuple[str, ...]:
    keep_blank = name in BLANK_IS_AN_ANSWER
    return tuple(
        str(label)
        for value, label, *_rest in field_.iter_choices()
        if value not in ("", None) or keep_blank
    )


def item(question: questions.Question, field_: Field) -> Item:
    """How one question is printed."""
    name = question.name
    label, hint = str(field_.label.text), str(field_.description or "")
    notes = notes_for(question)
    if isinstance(field_, BooleanField):
        return Item(name, label, "check", hint, notes)
    if isinstance(field_, SelectFieldBase) and name in WRITE_IN:
        return Item(name, label, "short", hint, notes)
    if isinstance(field_, SelectFieldBase):
        one = () if field_.type == "MultiCheckboxField" else (str(CHECK_ONE),)
        return Item(name, label, "choices", hint, notes + one, _choices(name, field_))
    if isinstance(field_, TextAreaField) or name in LINES:
        return Item(name, label, "lines", hint, notes, lines=LINES.get(name, TEXT_LINES))
    return Item(name, label, "line", hint, notes)


def section_forms() -> dict[str, Form]:
    """Each section's form, built in the current language (call inside `force_locale`)."""
    extra: dict[str, Any] = {"kind": "unsure", "today": today()}
    return {
        section: form_class(formdata=None, meta={"csrf": False}, **extra)
        if section != "kind"
        else form_class(formdata=None, meta={"csrf": False})
        for section, form_class in STEP_FORMS.items()
    }


def parts() -> list[Part]:
    """The form's sections in order, each with every question its pages may ask."""
    forms = section_forms()
    found: list[Part] = []
    for section in flow.SECTIONS:
        notes = tuple(str(note) for note in PART_NOTES.get(section.name, ()))
        part = Part(str(section.title), notes)
        for page in flow.PAGES:
            asked = questions.on_page(page.name)
            if page.section != section.name or not asked:
                continue
            items = [item(q, forms[q.section][q.name]) for q in asked]
            part.groups.append((str(page.title or ""), items))
        if part.groups or part.notes:
            found.append(part)
    return found


def header() -> Header:
    """The first page's top, in the current language (from configuration)."""
    config = current_app.config
    address = tuple(line for line in str(config["COMMISSION_ADDRESS"]).splitlines() if line)
    emergency = str(config["HELP_NUMBERS"].get("emergency", "911"))
    commission = str(config["HELP_NUMBERS"].get("commission", ""))
    return Header(
        commission=str(COMMISSION_NAME),
        title=str(_l("Report discrimination or a hate incident")),
        intro=(
            str(_l("Fill in this form by hand, in your own language, and mail it to us.")),
            str(ANONYMOUS),
            str(_l("If you are in danger now, call %(number)s", number=ltr(emergency))),
        ),
        help_title=str(_l("Need help now?")),
        address=(str(COMMISSION_NAME), *address),
        help=tuple((line["label"], line["number"]) for line in help_lines()),
        back=(
            str(_l("Mail the form to:")),
            str(_l("If you would rather talk, call us: %(number)s", number=ltr(commission))),
        ),
    )
