"""The letter library's rules: current texts, translation status, saving a new version, and what
the case page offers.

Every change is a new LetterVersion (nothing is overwritten), written to the audit trail by
template, language and version number, never with its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from .. import notifications
from ..cases import audit
from ..extensions import db
from ..models import LetterTemplate, LetterVersion, Report, Staff
from . import render
from .seed import SOURCE_LANGUAGE

KINDS = (("message", _l("Message on the portal")), ("letter", _l("Printed letter")))


class LetterError(Exception):
    """A change the library refuses; `message` says why, translated."""

    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = message


class Status(StrEnum):
    """How a language's text stands against the English one."""

    CURRENT = "current"
    OUTDATED = "outdated"
    MISSING = "missing"


STATUS_LABELS = {
    Status.CURRENT: _l("Up to date"),
    Status.OUTDATED: _l("Older than English"),
    Status.MISSING: _l("Missing"),
}


def languages() -> tuple[str, ...]:
    """Every shipped language, English first."""
    return tuple(current_app.config["LANGUAGES"])


def display_name(template: LetterTemplate) -> str:
    """The template's name in the reader's language (seeded names are in the catalogs)."""
    return str(_(template.name))


def templates(*, active_only: bool = False, kind: str | None = None) -> list[LetterTemplate]:
    """The library's templates, by name."""
    query = db.select(LetterTemplate).order_by(LetterTemplate.kind, LetterTemplate.name)
    if active_only:
        query = query.where(LetterTemplate.active.is_(True))
    if kind is not None:
        query = query.where(LetterTemplate.kind == kind)
    return list(db.session.scalars(query))


def by_key(key: str) -> LetterTemplate | None:
    """The template called `key`, if any."""
    found: LetterTemplate | None = db.session.scalar(
        db.select(LetterTemplate).where(LetterTemplate.key == key[:40])
    )
    return found


def current(template: LetterTemplate, language: str) -> LetterVersion | None:
    """The newest text of one language, if it has one."""
    found: LetterVersion | None = db.session.scalar(
        db.select(LetterVersion)
        .where(LetterVersion.template_id == template.id, LetterVersion.language == language)
        .order_by(LetterVersion.number.desc())
        .limit(1)
    )
    return found


def currents(template: LetterTemplate) -> dict[str, LetterVersion]:
    """The newest text of every language that has one."""
    newest: dict[str, LetterVersion] = {}
    for version in template.versions:
        if version.language not in newest or version.number > newest[version.language].number:
            newest[version.language] = version
    return newest


def history(template: LetterTemplate, language: str) -> list[LetterVersion]:
    """Every version of one language, newest first."""
    return list(
        db.session.scalars(
            db.select(LetterVersion)
            .where(LetterVersion.template_id == template.id, LetterVersion.language == language)
            .order_by(LetterVersion.number.desc())
        )
    )


def status(newest: dict[str, LetterVersion], language: str) -> Status:
    """Whether `language`'s text translates the current English text."""
    version, english = newest.get(language), newest.get(SOURCE_LANGUAGE)
    if version is None:
        return Status.MISSING
    if english is not None and version.source_number < english.number:
        return Status.OUTDATED
    return Status.CURRENT


def save(staff: Staff, template: LetterTemplate, language: str, body: str) -> LetterVersion:
    """Add the next version of one language's text (the earlier ones stay)."""
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise LetterError(_l("Write the text of the template."))
    found = render.problems(body)
    if found:
        raise LetterError(" ".join(found))
    before = current(template, language)
    english = before if language == SOURCE_LANGUAGE else current(template, SOURCE_LANGUAGE)
    number = before.number + 1 if before else 1
    source = number if language == SOURCE_LANGUAGE else (english.number if english else 0)
    if before is not None and before.body == body and before.source_number == source:
        raise LetterError(_l("The text is the same as the current version: nothing to save."))
    version = LetterVersion(
        template_id=template.id,
        language=language,
        number=number,
        body=body,
        source_number=source,
        created_by_id=staff.id,
    )
    db.session.add(version)
    audit.record(staff, "letter_saved", detail=f"{template.key} {language} v{number}")
    try:
        db.session.commit()
    except IntegrityError:
        # Two editors saved the same language at once: the other's version has this number.
        db.session.rollback()
        raise LetterError(
            _l("Someone saved this text at the same moment. Open it again to see theirs.")
        ) from None
    return version


def _key(name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:30] or "template"
    key, counter = base, 1
    while by_key(key) is not None:
        counter += 1
        key = f"{base}_{counter}"
    return key


def create(staff: Staff, name: str, kind: str, body: str) -> LetterTemplate:
    """A new template with its English text as version 1."""
    name = " ".join(name.split())
    if not name:
        raise LetterError(_l("Give the template a name."))
    if kind not in dict(KINDS):
        raise LetterError(_l("Choose whether it is a message or a letter."))
    found = render.problems(body)
    if found:
        raise LetterError(" ".join(found))
    template = LetterTemplate(key=_key(name), name=name[:200], kind=kind, active=True)
    db.session.add(template)
    db.session.flush()
    save(staff, template, SOURCE_LANGUAGE, body)
    return template


def set_active(staff: Staff, template: LetterTemplate, active: bool) -> None:
    """Offer the template on case pages again, or stop offering it (its texts stay)."""
    template.active = active
    audit.record(staff, "letter_active" if active else "letter_inactive", detail=template.key)
    db.session.commit()


@dataclass(frozen=True)
class Filled:
    """A template filled in for a case: the text, its language, and whether it fell back."""

    template: LetterTemplate
    version: LetterVersion
    text: str
    language: str
    fallback: bool  # The resident's language has no text yet: this is the English one.


def for_case(template: LetterTemplate, report: Report) -> Filled | None:
    """The template in the resident's language (else English), filled in for the case."""
    wanted = notifications.resident_language(report)
    version = current(template, wanted)
    if version is None:
        version = current(template, SOURCE_LANGUAGE)
    if version is None:
        return None
    text = render.fill(version.body, render.case_values(report, version.language))
    return Filled(template, version, text, version.language, version.language != wanted)


def picker(kind: str | None, language: str) -> list[tuple[str, str]]:
    """(key, name) of the active templates of one kind (any: None) for the case page; a name
    says when `language` has no text yet (the English one is used)."""
    found = templates(active_only=True, kind=kind)
    written = set(
        db.session.scalars(
            db.select(LetterVersion.template_id)
            .where(LetterVersion.language == language)
            .distinct()
        )
    )
    return [
        (
            t.key,
            display_name(t)
            if t.id in written
            else _("%(name)s (not yet translated)", name=display_name(t)),
        )
        for t in found
    ]


def message_picker(report: Report) -> list[tuple[str, str]]:
    """The case page's message templates, named for the resident's language."""
    return picker("message", notifications.resident_language(report))


def message_prefill(key: str, report: Report) -> Filled | None:
    """The message template `key` filled in for the case, if it is one on offer."""
    template = by_key(key) if key else None
    if template is None or not template.active or template.kind != "message":
        return None
    return for_case(template, report)
