"""Documents both ways: who sent each file of a case, to whom it is visible, and sharing a file
with the resident.

Every file is an Attachment. `source` says who sent it: the resident (when filing or later on the
status page), a staff member (shared with the resident, or kept for staff), or a respondent (its
response, recorded by staff). Only files staff shared (`visible_to_resident`) appear on the
resident's status page, and only to the session that opened that report.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import func, select

from .. import uploads
from ..cases import audit
from ..extensions import db
from ..models import Attachment, Report, Respondent, Staff

RESIDENT = "resident"
STAFF = "staff"
RESPONDENT = "respondent"


@dataclass(frozen=True)
class Document:
    """A file of the case as the staff case page lists it."""

    item: Attachment
    sender: str | LazyString
    visible_to: LazyString


def store(
    report: Report,
    clean: uploads.CleanFile,
    name: str,
    *,
    source: str,
    staff: Staff | None,
    respondent: Respondent | None = None,
    visible: bool = False,
) -> Attachment:
    """Keep a cleaned file on the case, in the caller's transaction: the row is flushed and the
    file moved to the evidence folder; the caller commits (or calls `discard` on failure)."""
    stored = uploads.store_pending(clean)
    item = Attachment(
        stored_name=stored,
        original_name=name,
        content_type=clean.content_type,
        size=len(clean.data),
        sha256=clean.sha256,
        source=source,
        staff_id=staff.id if staff else None,
        respondent_id=respondent.id if respondent else None,
        visible_to_resident=visible,
    )
    report.attachments.append(item)
    try:
        db.session.flush()
        uploads.promote([stored])
    except BaseException:
        db.session.rollback()
        uploads.remove_pending([stored])
        raise
    return item


def share(staff: Staff, report: Report, clean: uploads.CleanFile, name: str, visible: bool) -> None:
    """A staff member adds a file to the case, shared with the resident or for staff only
    (audited with its type and visibility, never its name); commits."""
    item = store(report, clean, name, source=STAFF, staff=staff, visible=visible)
    action = "document_shared" if visible else "document_added"
    audit.record(staff, action, report, detail=f"attachment {item.id} {clean.content_type}")
    commit_or_forget([item.stored_name])


def commit_or_forget(names: list[str]) -> None:
    """Commit; if the commit fails, the promoted files are shredded (no row names them)."""
    try:
        db.session.commit()
    except BaseException:
        db.session.rollback()
        uploads.shred(names)
        raise


def _sender(item: Attachment, respondents: dict[int, Respondent]) -> str | LazyString:
    if item.source == STAFF:
        return item.staff.name if item.staff else _l("Staff")
    if item.source == RESPONDENT:
        respondent = respondents.get(item.respondent_id or 0)
        return (
            _l("Respondent: %(name)s", name=respondent.name) if respondent else _l("A respondent")
        )
    return _l("The resident")


def _visible_to(item: Attachment) -> LazyString:
    if item.visible_to_resident:
        return _l("Staff and the resident")
    return _l("Staff only")


def listing(report: Report) -> list[Document]:
    """Every file of the case, oldest first, with who sent it and who may see it."""
    respondents = {
        r.id: r
        for r in db.session.scalars(select(Respondent).where(Respondent.report_id == report.id))
    }
    return [
        Document(item, _sender(item, respondents), _visible_to(item)) for item in report.attachments
    ]


def shared_with_resident(report: Report) -> list[Attachment]:
    """The files staff shared with the resident, oldest first."""
    return [item for item in report.attachments if item.visible_to_resident]


def resident_file_count(report: Report) -> int:
    """How many files the resident sent (their limit counts only theirs)."""
    count = db.session.scalar(
        select(func.count())
        .select_from(Attachment)
        .where(Attachment.report_id == report.id, Attachment.source == RESIDENT)
    )
    return int(count or 0)


def open_for_resident(report: Report, attachment_id: int) -> Attachment:
    """A file staff shared with this report's resident, its download recorded; LookupError for
    any other file (another report's, a staff-only one, or none)."""
    item = db.session.get(Attachment, attachment_id)
    if item is None or item.report_id != report.id or not item.visible_to_resident:
        raise LookupError(attachment_id)
    audit.record(None, "resident_download", report, detail=f"attachment {item.id}")
    db.session.commit()
    return item
