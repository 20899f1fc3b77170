"""The audit trail as staff read it: changes in plain words, newest first, a page at a time.

Routine events (a case opened, a picture viewed, an email queued or sent, a resident opening
their report) are kept like every other event and shown with "everything"; by default the trail
shows what changed. Codes become words in the reader's language; values of a vocabulary
(statuses, closure reasons, agencies) become their labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from .. import vocab
from ..extensions import db
from ..models import AuditEvent, Report
from . import calendar

PER_PAGE = 50
ROUTINE = frozenset(
    {
        "view",
        "view_file",
        "download",
        "email_queued",
        "email_sent",
        "resident_login",
        "letter_previewed",
        "resident_download",
    }
)
ACTIONS: dict[str, LazyString] = {
    "view": _l("Opened the case"),
    "view_file": _l("Viewed a file"),
    "download": _l("Downloaded a file"),
    "email_queued": _l("Email queued"),
    "email_sent": _l("Email sent"),
    "resident_login": _l("The resident opened the report"),
    "change": _l("Changed"),
    "assign": _l("Assigned"),
    "note": _l("Added an internal note"),
    "link": _l("Linked a related case"),
    "tag_added": _l("Added a tag"),
    "event_recorded": _l("Recorded on the calendar"),
    "deadline_extended": _l("Extended a deadline"),
    "tag_removed": _l("Removed a tag"),
    "message_sent": _l("Wrote to the resident"),
    "letter_printed": _l("Printed a letter"),
    "letter_previewed": _l("Previewed a letter template with this case"),
    "respondent_added": _l("Added a respondent"),
    "respondent_changed": _l("Changed a respondent"),
    "respondent_removed": _l("Removed a respondent"),
    "notice_printed": _l("Printed the notice to a respondent"),
    "document_shared": _l("Shared a file with the resident"),
    "document_added": _l("Added a file for staff"),
    "resident_download": _l("The resident downloaded a shared file"),
    "resident_message": _l("The resident wrote"),
    "file_added": _l("The resident added a file"),
    "contact_added": _l("The resident gave or corrected contact details"),
    "contact_erased": _l("The resident erased contact details"),
    "contact_revealed": _l("Showed the contact details"),
    "contact_access_granted": _l("Gave access to the contact details"),
    "consent_given": _l("Consent to share with the police given"),
    "consent_withdrawn": _l("Consent to share with the police withdrawn"),
    "withdrawal_requested": _l("The resident asked to withdraw the report"),
    "legal_hold_set": _l("Put on legal hold"),
    "legal_hold_released": _l("Legal hold released"),
    "disposal_proposed": _l("Disposal proposed"),
    "disposal_approved": _l("Disposal approved"),
    "disposal_cancelled": _l("Disposal cancelled"),
    "disposed": _l("Disposed of"),
    "report_taken": _l("Took the report down for the resident"),
    "callback_closed": _l("Took the report from a call-back request"),
}
FIELDS: dict[str, LazyString] = {
    "status": _l("Status"),
    "closure_reason": _l("Closure reason"),
    "referred_to": _l("Referred to"),
    "referral_note": _l("Referral note"),
    "urgent": _l("Urgent (danger or violence)"),
    "assignee": _l("Assigned to"),
    "tags": _l("Tags"),
    # The calendar's events and deadlines (their keys never clash with a field's name).
    **calendar.EVENTS,
    **{rule.key: rule.label for rule in calendar.RULES},
}
VALUES = {
    "status": vocab.STATUSES,
    "closure_reason": vocab.CLOSURE_REASONS,
    "referred_to": vocab.REFERRAL_AGENCIES,
    "urgent": vocab.YES_NO,  # The trail stores a flag as "yes" or "no" (audit._text).
}
# What a resident does (the trail names them, not "the portal").
RESIDENT = frozenset(
    {
        "resident_login",
        "resident_message",
        "file_added",
        "contact_added",
        "contact_erased",
        "withdrawal_requested",
        "resident_download",
    }
)
# Where the detail says something a reader needs (the reason given, which emails).
SHOWN_DETAIL = frozenset({"contact_revealed", "email_queued", "email_sent", "contact_erased"})


@dataclass(frozen=True)
class Entry:
    """One event, in words."""

    at: datetime
    who: str | LazyString
    what: str | LazyString
    field: str | LazyString | None
    old: str | LazyString | None
    new: str | LazyString | None
    detail: str | None
    linked: str | None = None  # The case number of a linked case.


@dataclass(frozen=True)
class TrailPage:
    """A page of the trail, newest first."""

    entries: list[Entry]
    number: int
    pages: int
    everything: bool


def _value(field: str | None, value: str | None) -> str | LazyString | None:
    if value is None or field is None:
        return value
    if field in VALUES:
        return vocab.label(VALUES[field], value)
    return value


def _who(event: AuditEvent) -> str | LazyString:
    if event.staff is not None:
        return str(event.staff.name)
    if event.action in RESIDENT or (event.detail or "").endswith("status_page"):
        return _l("Resident")
    return _l("The portal")


def _detail(event: AuditEvent) -> str | None:
    if event.action == "report_taken":  # The channel it came by.
        return str(vocab.label(vocab.CHANNELS, event.detail))
    return event.detail if event.action in SHOWN_DETAIL else None


def _entry(event: AuditEvent) -> Entry:
    # A call-back's own status (open → converted) is the request's, not the case's.
    own = event.action != "callback_closed"
    field = event.field if own else None
    return Entry(
        at=event.created_at,
        who=_who(event),
        what=ACTIONS.get(event.action, event.action),
        field=FIELDS.get(field, field) if field else None,
        old=_value(field, event.old_value) if own else None,
        new=_value(field, event.new_value) if own else None,
        detail=_detail(event),
        linked=event.new_value if event.action == "link" else None,
    )


def page(report: Report, *, everything: bool = False, number: int = 1) -> TrailPage:
    """One page of the case's trail: changes only, or `everything`."""
    where = [AuditEvent.report_id == report.id]
    if not everything:
        where.append(AuditEvent.action.not_in(ROUTINE))
    total = db.session.scalar(select(func.count()).select_from(AuditEvent).where(*where)) or 0
    pages = max(1, -(-total // PER_PAGE))
    number = min(max(1, number), pages)
    events = db.session.scalars(
        select(AuditEvent)
        .where(*where)
        .options(selectinload(AuditEvent.staff))
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
        .limit(PER_PAGE)
        .offset((number - 1) * PER_PAGE)
    )
    return TrailPage([_entry(event) for event in events], number, pages, everything)
