"""Turning a resident's checked answers into a stored report, in one transaction.

A failure leaves neither a half-written report nor evidence files without a report: the files move
into the evidence folder only inside the transaction, and move back if it fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import current_app
from sqlalchemy.exc import IntegrityError

from . import mail, notifications, questions, receipts, rules, uploads
from .cases.deadlines import due_dates
from .cases.duplicates import fingerprint
from .cases.numbers import next_case_number
from .crypto import email_hash
from .extensions import db
from .models import AffectedPerson, Attachment, Consent, Contact, Report, ReportTerm, Staff
from .records.consent import POLICE
from .statuses import Status

RECORD_NUMBER_TRIES = 5


@dataclass(frozen=True)
class Filed:
    """A stored report and its receipt, which exists nowhere else and is shown once."""

    report: Report
    receipt: str


def is_anonymous(contact: dict[str, Any]) -> bool:
    """A report is anonymous when it gives no name, email, phone or mailing address."""
    return not questions.reachable({"contact": contact})


def _contact(values: dict[str, Any], anonymous: bool) -> Contact | None:
    if anonymous:
        return None  # Preferences without a way to reach anyone are not asked, nor kept.
    contact = Contact(**values)
    if contact.email:
        contact.email_hash = email_hash(contact.email)
    return contact


def _affected(values: dict[str, Any]) -> AffectedPerson | None:
    if not any(values.values()):
        return None
    person = AffectedPerson(**values)
    if person.email:
        person.email_hash = email_hash(person.email)
    return person


def build_report(answers: dict[str, dict[str, Any]], language: str, today: date) -> Report:
    """A Report (not yet saved) from the answers of every section, keeping only what applies:
    each question's answer goes to its column (intake.questions); the rest is derived here."""
    stored = questions.to_columns(answers)
    anonymous = not questions.reachable(answers)
    values = stored.report
    kind, year, month = values["kind"], values["incident_year"], values["incident_month"]
    day, still = values.get("incident_day"), bool(values.get("still_happening"))
    incident_types = [code for vocabulary, code in stored.terms if vocabulary == "incident_type"]
    acknowledge_by, screen_by = due_dates(
        today,
        int(current_app.config["ACKNOWLEDGE_BUSINESS_DAYS"]),
        int(current_app.config["SCREENING_BUSINESS_DAYS"]),
    )
    return Report(
        **values,
        language=language,
        anonymous=anonymous,
        urgent=rules.is_urgent(values.get("in_danger"), incident_types),
        past_filing_deadline=rules.past_filing_deadline(kind, year, month, day, still, today),
        narrative_fingerprint=fingerprint(values["narrative"]),
        status=Status.NEW,
        received_on=today,
        acknowledge_by=acknowledge_by,
        screen_by=screen_by,
        terms=[
            ReportTerm(vocabulary=vocabulary, code=code, position=position)
            for position, (vocabulary, code) in enumerate(stored.terms)
        ],
        contact=_contact(stored.contact, anonymous),
        affected=_affected(stored.affected),
    )


def _attachments(files: list[dict[str, Any]]) -> list[Attachment]:
    return [
        Attachment(
            stored_name=item["stored_name"],
            original_name=item.get("original_name"),
            content_type=item["content_type"],
            size=item["size"],
            sha256=item["sha256"],
            # "original": the scanned letter or forwarded email a staff-taken report came as.
            source=item.get("source", "resident"),
        )
        for item in files
    ]


def _unused_record_number() -> str:
    for _ in range(RECORD_NUMBER_TRIES):
        number = receipts.new_record_number()
        taken = db.session.scalar(db.select(Report.id).where(Report.record_number == number))
        if taken is None:
            return number
    raise RuntimeError("no free record number after several tries")


def file_report(
    answers: dict[str, dict[str, Any]],
    files: list[dict[str, Any]],
    receipt_kind: str,
    language: str,
    today: date,
    *,
    receipt: str | None = None,
    channel: str = "online",
    taken_by: Staff | None = None,
) -> Filed:
    """Store the report, its contact, terms and files in one transaction; return its receipt
    (a new one, or `receipt` as given: the demo's fixed codes). A report taken down by staff
    names its `channel` and who took it (`taken_by`); `language` is the resident's."""
    report = build_report(answers, language, today)
    report.channel = channel
    report.taken_by = taken_by
    receipt = receipt or receipts.new_receipt(receipt_kind)
    receipts.stamp_receipt(report, receipt)
    report.attachments = _attachments(files)
    if report.share_with_police:
        report.consents = [Consent(subject=POLICE, given=True, channel=channel)]
    moved: list[str] = []
    for attempt in range(RECORD_NUMBER_TRIES):
        report.record_number = _unused_record_number()
        report.case_number = next_case_number(today.year)
        db.session.add(report)
        try:
            db.session.flush()
            notice = notifications.report_received(report)
            moved = uploads.promote(item["stored_name"] for item in files)
            db.session.commit()
            mail.deliver([notice])
            return Filed(report, receipt)
        except IntegrityError:
            # Two reports drew the same number at the same moment: draw again.
            db.session.rollback()
            uploads.demote(moved)
            moved = []
            if attempt == RECORD_NUMBER_TRIES - 1:
                raise
        except BaseException:
            db.session.rollback()
            uploads.demote(moved)
            raise
    raise AssertionError("unreachable")
