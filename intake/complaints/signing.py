"""Signing the complaint: online by the resident (typed full name and the attestation, in the
session opened with record number and code), or on paper (staff upload the scan).

Signing makes the PDF, stores it encrypted beside the evidence with its SHA-256, and records the
"complaint signed" event, which starts the deadline to notify the respondent, all in one
transaction. The trail says who signed which version and how, never the name typed.
"""

from __future__ import annotations

import hashlib
from datetime import date

from flask_babel import lazy_gettext as _l

from .. import uploads
from ..cases import audit, calendar
from ..clock import today
from ..extensions import db
from ..models import Attachment, Complaint, Report, Staff, utcnow
from . import pdf
from .drafting import ComplaintError

NAME_MAX = 300
CHANGED = _l(
    "The commission changed the complaint while you were reading it. Read it again, then sign."
)


def _check(complaint: Complaint, seen: int, name: str) -> str:
    if complaint.state != "ready":
        raise ComplaintError(_l("This complaint is not waiting for a signature."))
    if complaint.version != seen:
        raise ComplaintError(CHANGED)
    name = " ".join(name.split())
    if not name:
        raise ComplaintError(_l("Type your full name to sign."))
    if len(name) > NAME_MAX:
        raise ComplaintError(_l("The name is too long."))
    return name


def _seal(staff: Staff | None, report: Report, complaint: Complaint, day: date) -> None:
    """Make and store the PDF, record the event, audit, and commit (all or nothing)."""
    complaint.state = "signed"
    complaint.signed_on = day
    data = pdf.build(report, complaint)
    stored = uploads.store_pending(uploads.CleanFile(data, "application/pdf"))
    complaint.pdf_stored_name = stored
    complaint.pdf_sha256 = hashlib.sha256(data).hexdigest()
    audit.record(
        staff,
        "complaint_signed",
        report,
        field="complaint",
        new=complaint.number,
        detail=complaint.signed_via,
    )
    moved: list[str] = []
    try:
        calendar.record(staff, report, "complaint_signed", day)
        db.session.flush()
        moved = uploads.promote([stored])
        db.session.commit()
    except BaseException:
        db.session.rollback()
        uploads.demote(moved)
        uploads.remove_pending([stored])
        raise


def sign_online(
    report: Report, complaint: Complaint, name: str, seen: int, *, language: str
) -> None:
    """The resident signs the version they read (`seen`: its version when the page was shown),
    in `language`: the PDF gives the attestation in it beside the English."""
    complaint.signed_name = _check(complaint, seen, name)
    complaint.language = language
    complaint.signed_via = "online"
    complaint.signed_at = utcnow()
    _seal(None, report, complaint, today())


def sign_paper(
    staff: Staff,
    report: Report,
    complaint: Complaint,
    *,
    scan: uploads.CleanFile,
    file_name: str,
    name: str,
    day: date,
    seen: int,
) -> None:
    """Staff record a signature on paper: the cleaned scan joins the case's files."""
    signed_name = _check(complaint, seen, name)
    if day > today():
        raise ComplaintError(_l("The day of the signature cannot be in the future."))
    if day < report.received_on:
        raise ComplaintError(_l("The day cannot be before the report arrived."))
    stored = uploads.store_pending(scan)
    attachment = Attachment(
        stored_name=stored,
        original_name=file_name,
        content_type=scan.content_type,
        size=len(scan.data),
        sha256=scan.sha256,
    )
    report.attachments.append(attachment)
    moved: list[str] = []
    try:
        db.session.flush()
        complaint.paper_attachment_id = attachment.id
        complaint.signed_name = signed_name
        complaint.signed_via = "paper"
        complaint.signed_at = utcnow()
        audit.record(staff, "file_added", report, detail=scan.content_type)
        moved = uploads.promote([stored])
        _seal(staff, report, complaint, day)
    except BaseException:
        db.session.rollback()
        uploads.demote(moved)
        uploads.remove_pending([stored])
        raise


def signed_pdf(complaint: Complaint) -> bytes:
    """The stored PDF of a signed version, after checking it against its digest."""
    if complaint.state != "signed" or not complaint.pdf_stored_name:
        raise ComplaintError(_l("This version is not signed."))
    data = b"".join(uploads.read_evidence(complaint.pdf_stored_name))
    if hashlib.sha256(data).hexdigest() != complaint.pdf_sha256:
        raise ComplaintError(_l("The stored PDF does not match its digest. Call the commission."))
    return data


def stored_files(report: Report) -> list[str]:
    """The signed PDFs' stored names (disposal shreds them)."""
    return [
        name
        for name in db.session.scalars(
            db.select(Complaint.pdf_stored_name).where(Complaint.report_id == report.id)
        )
        if name
    ]


def record_download(staff: Staff | None, report: Report, complaint: Complaint) -> None:
    """Note in the trail that a signed complaint's PDF was downloaded (and by whom)."""
    audit.record(staff, "complaint_downloaded", report, field="complaint", new=complaint.number)
    db.session.commit()
