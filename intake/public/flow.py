"""The resident's path, one short page at a time.

Each page asks about one thing (the questions in `intake.questions` name their page). A page is
shown only when at least one of its questions applies, so follow-up questions appear only after
the answer that calls for them, on the server, without JavaScript. The six sections remain what
the progress line counts and what the review groups by.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from .. import questions
from ..questions import Steps


@dataclass(frozen=True)
class Section:
    """A part of the form: what the progress line counts and the review groups by."""

    name: str
    title: LazyString


@dataclass(frozen=True)
class Page:
    """One page of questions. Without a title, its first question is the page's heading."""

    name: str
    section: str
    title: LazyString | None = None
    template: str = "public/page.html"


SECTIONS = (
    Section("kind", _l("What happened")),
    Section("incident", _l("Tell us about it")),
    Section("place", _l("Where and who")),
    Section("evidence", _l("Photos and files")),
    Section("contact", _l("How to reach you")),
    Section("review", _l("Check and send")),
)
SECTION_NAMES = tuple(section.name for section in SECTIONS)
FORM_SECTIONS = questions.SECTIONS

PAGES = (
    Page("kind", "kind", template="public/step_kind.html"),
    Page("danger", "incident"),
    Page("reporter", "incident"),
    Page("relationship", "incident", _l("The person it happened to")),
    Page("area", "incident"),
    Page("reasons", "incident"),
    Page("targeted", "incident"),
    Page("acts", "incident"),
    Page("when", "incident", _l("When did it happen?"), "public/page_when.html"),
    Page("story", "incident", template="public/page_story.html"),
    Page("where", "place"),
    Page("location", "place", _l("Where it happened")),
    Page("who", "place"),
    Page("witnesses", "place"),
    Page("reported", "place"),
    Page("help", "place"),
    Page("evidence", "evidence", template="public/step_evidence.html"),
    Page("details", "contact", _l("How to reach you"), "public/page_details.html"),
    Page("affected", "contact", _l("How to reach the person it happened to")),
    Page("reach", "contact"),
    Page("interpreter", "contact"),
    Page("interpreter_other", "contact"),
    Page("police", "contact", _l("Sharing with the police"), "public/page_police.html"),
    Page("review", "review", template="public/step_review.html"),
)
PAGE_NAMES = tuple(page.name for page in PAGES)
BY_NAME = {page.name: page for page in PAGES}
# The pages that hold questions (evidence and review are pages of their own kind).
QUESTION_PAGES = tuple(page.name for page in PAGES if questions.on_page(page.name))


def section_title(name: str) -> LazyString:
    """The heading of a section."""
    return SECTIONS[SECTION_NAMES.index(name)].title


def section_number(page: str) -> int:
    """The 1-based position of a page's section, for "Step 2 of 6"."""
    return SECTION_NAMES.index(BY_NAME[page].section) + 1


def fields(page: str, steps: Steps) -> tuple[str, ...]:
    """The questions `page` asks, given the answers so far."""
    return tuple(q.name for q in questions.on_page(page) if questions.applies(q.name, steps))


def shown(page: str, steps: Steps) -> bool:
    """Whether the resident sees `page` (evidence and review always; others when they ask)."""
    return page not in QUESTION_PAGES or bool(fields(page, steps))


def answered(page: str, steps: Steps) -> bool:
    """Whether every question the page asks now has a saved answer (the page was sent)."""
    section = BY_NAME[page].section
    saved = steps.get(section, {})
    return all(name in saved for name in fields(page, steps))


def following(page: str, steps: Steps) -> str:
    """The next page the resident sees after `page`."""
    for name in PAGE_NAMES[PAGE_NAMES.index(page) + 1 :]:
        if shown(name, steps):
            return name
    return "review"


def preceding(page: str, steps: Steps) -> str | None:
    """The page "Back" leads to."""
    for name in reversed(PAGE_NAMES[: PAGE_NAMES.index(page)]):
        if shown(name, steps):
            return name
    return None


def first_page(section: str, steps: Steps) -> str:
    """The first page of a section the resident sees."""
    for page in PAGES:
        if page.section == section and shown(page.name, steps):
            return page.name
    return "review"


def page_of(question: str) -> str:
    """The page that asks `question`."""
    return questions.BY_NAME[question].page
