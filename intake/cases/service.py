"""Changes staff make to a case. Each writes its audit entries in the same transaction.

Every change names the version of the case the staff member was looking at; a case changed by
someone else since then is refused with ConflictError, never silently overwritten.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import update
from sqlalchemy.orm.exc import StaleDataError

from .. import mail, notifications, statuses
from ..clock import today
from ..extensions import db
from ..models import Attachment, CaseLink, Note, Report, Staff, utcnow
from ..records import consent
from ..roles import Can
from ..statuses import OPEN_STATUSES, Status
from . import audit, calendar
from .access import can_assign, can_take
from .workflow import WorkflowError, check_move


class ConflictError(Exception):
    """Someone else saved the case first."""

    message = _l(
        "Someone else changed this case while you were working on it. Your changes were not "
        "saved; they are still in the form below. Check the case as it is now, then save again."
    )


class PermissionDenied(Exception):
    """The staff member may not make this change."""


@contextmanager
def _saving(report: Report, expected_version: int) -> Iterator[None]:
    if report.version != expected_version:
        raise ConflictError
    try:
        yield
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        db.session.refresh(report)  # The page shown with the error holds the newer version.
        raise ConflictError from None
    except BaseException:
        db.session.rollback()
        raise


def _set(staff: Staff, report: Report, field: str, value: Any, *, text: bool = False) -> bool:
    """Change one field and record it; a free `text` is recorded as changed, never copied (the
    trail outlives the case's content, which disposal deletes)."""
    old = getattr(report, field)
    if old == value:
        return False
    setattr(report, field, value)
    if text:
        audit.record(staff, "change", report, field=field)
    else:
        audit.record(staff, "change", report, field=field, old=old, new=value)
    return True


def stamp_move(report: Report, status: str, now: datetime) -> None:
    """Set the timestamps that leaving the case's status and entering `status` record."""
    leaving, entering = statuses.info(report.status), statuses.info(status)
    if leaving.left_at:
        setattr(report, leaving.left_at, now)
    if entering.entered_at:
        setattr(report, entering.entered_at, now)


def update_case(
    staff: Staff,
    report: Report,
    expected_version: int,
    *,
    status: str | None = None,
    closure_reason: str | None = None,
    referred_to: str | None = None,
    referral_note: str | None = None,
    legal_reason: str | None = None,
    urgent: bool | None = None,
) -> None:
    """Move the case to a new status and/or change its priority. A referral is logged as a
    disclosure; one to police needs the resident's consent or a supervisor's legal reason."""
    moving = bool(status) and status != report.status
    with _saving(report, expected_version):
        if status and moving:
            check_move(report.status, status, closure_reason, referred_to)
            if status == Status.REFERRED and referred_to:
                shared, reason = consent.referral(staff, report, referred_to, legal_reason)
                consent.disclose(staff, report, referred_to, shared, reason)
            stamp_move(report, status, utcnow())
            if status == Status.CLOSED:
                _set(staff, report, "closure_reason", closure_reason)
            if status == Status.REFERRED:
                _set(staff, report, "referred_to", referred_to)
                _set(
                    staff, report, "referral_note", (referral_note or "").strip() or None, text=True
                )
            _set(staff, report, "status", status)
        if urgent is not None:
            _set(staff, report, "urgent", urgent)
        if status and moving:
            # Last: recording the event flushes, and the case must be written once (one version).
            calendar.status_moved(report, status, today())


def assign(staff: Staff, report: Report, expected_version: int, assignee: Staff | None) -> None:
    """Give the case to `assignee` (or to nobody)."""
    if not can_assign(staff, report):
        raise PermissionDenied
    if assignee is not None and not can_take(assignee):
        raise WorkflowError(_l("Cases can only be assigned to an active investigator."))
    notice = None
    with _saving(report, expected_version):
        old = report.assignee
        if (old.id if old else None) == (assignee.id if assignee else None):
            return
        report.assignee_id = assignee.id if assignee else None
        report.assignee = assignee
        audit.record(
            staff,
            "assign",
            report,
            field="assignee",
            old=old.email if old else None,
            new=assignee.email if assignee else None,
        )
        if assignee is not None and assignee.id != staff.id:
            notice = notifications.case_assigned(report, assignee)
    mail.deliver([notice])


def bulk_reassign(staff: Staff, from_staff: Staff, to_staff: Staff | None) -> int:
    """Move every open case of `from_staff` to `to_staff` (or back to unassigned)."""
    if not staff.can(Can.ASSIGN_ANY):
        raise PermissionDenied
    if to_staff is not None and not can_take(to_staff):
        raise WorkflowError(_l("Cases can only be assigned to an active investigator."))
    cases = db.session.scalars(
        db.select(Report).where(
            Report.assignee_id == from_staff.id, Report.status.in_(OPEN_STATUSES)
        )
    ).all()
    for report in cases:
        report.assignee_id = to_staff.id if to_staff else None
        audit.record(
            staff,
            "assign",
            report,
            field="assignee",
            old=from_staff.email,
            new=to_staff.email if to_staff else None,
            detail="bulk reassignment",
        )
    db.session.commit()
    return len(cases)


def add_note(staff: Staff, report: Report, body: str) -> Note:
    """Add an internal note."""
    note = Note(report_id=report.id, author_id=staff.id, body=body.strip())
    db.session.add(note)
    db.session.flush()
    # A reference, not the text: the audit trail is not a second copy of what staff wrote.
    audit.record(staff, "note", report, detail=f"note {note.id}")
    db.session.commit()
    return note


def link_cases(staff: Staff, report: Report, other: Report) -> bool:
    """Record that two cases are related; False when they already were (or are the same)."""
    if other.id == report.id:
        return False
    first, second = sorted((report.id, other.id))
    if db.session.get(CaseLink, (first, second)) is not None:
        return False
    db.session.add(CaseLink(report_id=first, other_id=second, created_by_id=staff.id))
    audit.record(staff, "link", report, new=other.case_number)
    audit.record(staff, "link", other, new=report.case_number)
    db.session.commit()
    return True


def linked_cases(report: Report) -> list[Report]:
    """The cases linked to this one."""
    rows = db.session.execute(
        db.select(CaseLink.report_id, CaseLink.other_id).where(
            (CaseLink.report_id == report.id) | (CaseLink.other_id == report.id)
        )
    ).all()
    ids = {a if b == report.id else b for a, b in rows}
    if not ids:
        return []
    return list(db.session.scalars(db.select(Report).where(Report.id.in_(ids))))


def notes(report: Report) -> list[Note]:
    """The case's internal notes, oldest first."""
    return list(
        db.session.scalars(
            db.select(Note).where(Note.report_id == report.id).order_by(Note.created_at)
        )
    )


def case(case_id: int) -> Report | None:
    """The case `case_id`, if any (whether the reader may open it is `access.can_view`)."""
    return db.session.get(Report, case_id)


def open_attachment(
    staff: Staff, report: Report, attachment_id: int, inline: bool
) -> tuple[Attachment, bool]:
    """A file of the case and whether it is shown in the page (pictures only), its viewing or
    download recorded in the audit trail. LookupError when the case has no such file."""
    item = db.session.get(Attachment, attachment_id)
    if item is None or item.report_id != report.id:
        raise LookupError(attachment_id)
    inline = inline and item.content_type.startswith("image/")
    action = "view_file" if inline else "download"
    audit.record(staff, action, report, detail=f"attachment {item.id}")
    db.session.commit()
    return item, inline


def record_view(staff: Staff, report: Report) -> None:
    """Write that `staff` opened the case; the assignee opening it has read any reply (kept
    out of the case's version and its last activity)."""
    audit.record(staff, "view", report)
    if report.assignee_id == staff.id:
        db.session.execute(
            update(Report)
            .where(Report.id == report.id)
            .values(assignee_read_at=utcnow(), updated_at=Report.updated_at)
        )
    db.session.commit()
