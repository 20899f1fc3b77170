"""After a report is sent: its public status, messages both ways, more files, contact added later.

Every message and every resident sign-in goes to the audit trail; every email goes through the
outbox and is sent after the commit, so a mail server that is down never loses a message.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import update

from . import mail, notifications, statuses, uploads
from .cases import audit
from .crypto import email_hash
from .extensions import db
from .letters import library, seed
from .models import Attachment, Contact, Message, OutboxEmail, Report, Staff, utcnow
from .questions import IDENTIFYING_FIELDS
from .statuses import StatusInfo


def emails(report: Report) -> list[OutboxEmail]:
    """Every email about the case, queued or sent, oldest first (for staff)."""
    return list(
        db.session.scalars(
            db.select(OutboxEmail)
            .where(OutboxEmail.report_id == report.id)
            .order_by(OutboxEmail.id)
        )
    )


def report(report_id: int) -> Report | None:
    """The report `report_id`, if any (for a resident who has opened it)."""
    return db.session.get(Report, report_id)


def public_status(report: Report) -> StatusInfo:
    """Where the report is, in plain words (`public_title`, `public_explanation`); internal
    detail (notes, assignment) is never shown."""
    return statuses.info(report.status)


# The four message templates the letter library was seeded with (migration 0017); staff now
# pick from the library (intake/letters), where administrators edit them and add more.
TEMPLATES: dict[str, tuple[LazyString, LazyString]] = {
    default.key: (_l(default.name), _l(default.body)) for default in seed.DEFAULTS
}


def template_text(key: str, report: Report) -> str:
    """A library template filled in for this report, in the resident's language (English when
    that language has no text yet); KeyError for a template the library does not have."""
    template = library.by_key(key)
    filled = library.for_case(template, report) if template is not None else None
    if filled is None:
        raise KeyError(key)
    return filled.text


def thread(report: Report) -> list[Message]:
    """The case's messages, oldest first."""
    return list(
        db.session.scalars(
            db.select(Message)
            .where(Message.report_id == report.id)
            .order_by(Message.created_at, Message.id)
        )
    )


def staff_message(staff: Staff, report: Report, body: str) -> Message:
    """A message from staff to the resident; the resident is told by email if they agreed."""
    message = Message(report_id=report.id, sender="staff", staff_id=staff.id, body=body.strip())
    db.session.add(message)
    audit.record(staff, "message_sent", report)
    notice = notifications.new_message(report)
    db.session.commit()
    mail.deliver([notice])
    return message


def unread_reply(report: Report) -> bool:
    """Whether the resident wrote since the assigned investigator last opened the case."""
    wrote, read = report.resident_wrote_at, report.assignee_read_at
    return wrote is not None and (read is None or wrote > read)


def resident_message(report: Report, body: str) -> Message:
    """A reply or more information from the resident; the assigned investigator is told."""
    message = Message(report_id=report.id, sender="resident", body=body.strip())
    db.session.add(message)
    # Not through the case's version: a staff member editing it now must not be refused.
    db.session.execute(
        update(Report).where(Report.id == report.id).values(resident_wrote_at=utcnow())
    )
    audit.record(None, "resident_message", report)
    notice = notifications.resident_wrote(report)
    db.session.commit()
    mail.deliver([notice])
    return message


def resident_signed_in(report: Report) -> None:
    """Record that the resident opened their report with the receipt."""
    audit.record(None, "resident_login", report)
    db.session.commit()


def add_contact(report: Report, values: dict[str, Any]) -> list[str]:
    """Add, correct or erase contact details from the status page; returns the fields that
    changed. The form shows the current details, so a field emptied there is erased; with no
    name, email, phone or address left, the report is anonymous again and nothing else about
    the resident is kept."""
    contact = report.contact or Contact()
    changed = []
    for name, value in values.items():
        new: Any = (
            value if value is None or isinstance(value, bool) else (str(value).strip() or None)
        )
        if new != getattr(contact, name) and not (new is False and report.contact is None):
            setattr(contact, name, new)
            changed.append(name)
    reachable = any(getattr(contact, name) for name in IDENTIFYING_FIELDS)
    if not changed or (report.contact is None and not reachable):
        return []
    # Which fields, never their values: the audit trail is not a second copy of contact data.
    detail = ", ".join(sorted(changed))
    if not reachable:
        report.contact = None  # The row goes with it (delete-orphan).
        report.anonymous = True
        audit.record(None, "contact_erased", report, detail=detail)
        db.session.commit()
        return changed
    contact.email_updates = bool(contact.email_updates and contact.email)
    contact.email_hash = email_hash(contact.email) if contact.email else None
    if report.contact is None:
        report.contact = contact
    report.anonymous = False
    audit.record(None, "contact_added", report, detail=detail)
    db.session.commit()
    return changed


def add_files(report: Report, files: list[tuple[uploads.CleanFile, str]]) -> int:
    """Store more evidence on a sent report, all or nothing."""
    names = [uploads.store_pending(clean) for clean, _name in files]
    for (clean, original), stored in zip(files, names, strict=True):
        report.attachments.append(
            Attachment(
                stored_name=stored,
                original_name=original,
                content_type=clean.content_type,
                size=len(clean.data),
                sha256=clean.sha256,
            )
        )
        audit.record(None, "file_added", report, detail=clean.content_type)
    moved: list[str] = []
    try:
        db.session.flush()
        moved = uploads.promote(names)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        uploads.demote(moved)
        uploads.remove_pending(names)
        raise
    return len(names)
