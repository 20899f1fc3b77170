"""Tags on cases: administrators keep the list; staff who work a case put tags on it and take
them off. Each change is one audit entry naming the tag (a curated label, never personal data)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select

from ..extensions import db
from ..models import Report, ReportTag, Staff, Tag
from ..models.tags import TAG_NAME_LENGTH
from . import audit


class TagError(ValueError):
    """A tag name that cannot be used, with a message for staff."""

    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = message


def all_tags() -> list[Tag]:
    """Every tag, retired ones too, by name (for administrators)."""
    return list(db.session.scalars(select(Tag).order_by(func.lower(Tag.name))))


def active_tags() -> list[Tag]:
    """The tags staff may put on cases, by name."""
    return [tag for tag in all_tags() if tag.active]


def get(tag_id: int) -> Tag | None:
    """The tag `tag_id`, if any."""
    return db.session.get(Tag, tag_id)


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise TagError(_l("Enter the tag's name."))
    if len(name) > TAG_NAME_LENGTH:
        raise TagError(_l("A tag's name can be at most %(num)d characters.", num=TAG_NAME_LENGTH))
    return name


def _taken(name: str, other_than: int | None = None) -> bool:
    query = select(Tag.id).where(func.lower(Tag.name) == name.lower())
    if other_than is not None:
        query = query.where(Tag.id != other_than)
    return db.session.scalar(query) is not None


def create(staff: Staff, name: str) -> Tag:
    """Add a tag to the list (TagError when the name is empty, too long or taken)."""
    name = _clean(name)
    if _taken(name):
        raise TagError(_l("There is already a tag with that name."))
    tag = Tag(name=name)
    db.session.add(tag)
    audit.record(staff, "tag_created", new=name)
    db.session.commit()
    return tag


def rename(staff: Staff, tag: Tag, name: str) -> None:
    """Give a tag a new name; the cases that carry it keep it."""
    name = _clean(name)
    if _taken(name, tag.id):
        raise TagError(_l("There is already a tag with that name."))
    if name != tag.name:
        audit.record(staff, "tag_renamed", old=tag.name, new=name)
        tag.name = name
    db.session.commit()


def set_active(staff: Staff, tag: Tag, active: bool) -> None:
    """Retire a tag (it leaves the choices, cases keep it) or bring it back."""
    if tag.active != active:
        tag.active = active
        audit.record(staff, "tag_restored" if active else "tag_retired", new=tag.name)
    db.session.commit()


def of_cases(report_ids: Iterable[int]) -> dict[int, list[Tag]]:
    """The tags of each of these cases, by name (one query for a whole page of cases)."""
    ids = list(report_ids)
    found: dict[int, list[Tag]] = defaultdict(list)
    if not ids:
        return found
    rows = db.session.execute(
        select(ReportTag.report_id, Tag)
        .join(Tag, Tag.id == ReportTag.tag_id)
        .where(ReportTag.report_id.in_(ids))
        .order_by(func.lower(Tag.name))
    )
    for report_id, tag in rows:
        found[report_id].append(tag)
    return found


def has(report: Report, tag: Tag) -> bool:
    """Whether the case carries the tag."""
    return db.session.get(ReportTag, (report.id, tag.id)) is not None


def add(staff: Staff, report: Report, tag: Tag) -> bool:
    """Put the tag on the case (in the caller's transaction); False if it was already there.
    A retired tag cannot be added."""
    if not tag.active:
        raise TagError(_l("That tag is no longer in use."))
    if has(report, tag):
        return False
    db.session.add(ReportTag(report_id=report.id, tag_id=tag.id))
    audit.record(staff, "tag_added", report, field="tags", new=tag.name)
    return True


def remove(staff: Staff, report: Report, tag: Tag) -> bool:
    """Take the tag off the case (in the caller's transaction); False if it was not there."""
    removed = db.session.execute(
        delete(ReportTag).where(ReportTag.report_id == report.id, ReportTag.tag_id == tag.id)
    )
    if not removed.rowcount:  # type: ignore[attr-defined]
        return False
    audit.record(staff, "tag_removed", report, field="tags", old=tag.name)
    return True
