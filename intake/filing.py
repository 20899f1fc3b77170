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
from .models import Attachment, Contact, Report, ReportTerm
from .questions import IDENTIFYING_FIELDS
from .statuses import Status

CONTACT_COLUMNS = (
    *IDENTIFYING_FIELDS,
    "best_time",
    "accommodations",
    "preferred_method",
    "preferred_language",
)
MULTI_FIELDS = {
    "protected_classes": "protected_class",
    "bias_categories": "bias_category",
    "incident_types": "incident_type",
    "reported_to": "reported_to",
    "help_wanted": "help_wanted",
}
RECORD_NUMBER_TRIES = 5


@dataclass(frozen=True)
class Filed:
    """A stored report and its receipt, which exists nowhere else and is shown once."""

    report: Report
    receipt: str


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _int(value: Any) -> int | None:
    return int(value) if value not in (None, "") else None


def _yes_no(value: Any) -> bool | None:
    return {"yes": True, "no": False}.get(str(value)) if value else None


def is_anonymous(contact: dict[str, Any]) -> bool:
    """A report is anonymous when it gives no name, email, phone or mailing address."""
    return not any(_text(contact.get(name)) for name in IDENTIFYING_FIELDS)


def _terms(answers: dict[str, Any]) -> list[ReportTerm]:
    terms = []
    for field, vocabulary in MULTI_FIELDS.items():
        for position, code in enumerate(answers.get(field) or []):
            terms.append(ReportTerm(vocabulary=vocabulary, code=code, position=position))
    return terms


def _contact(answers: dict[str, Any]) -> Contact | None:
    if is_anonymous(answers):
        return None  # Preferences without a way to reach anyone are not asked, nor kept.
    values = {name: _text(answers.get(name)) for name in CONTACT_COLUMNS}
    contact = Contact(
        **values,
        safe_to_leave_message=_yes_no(answers.get("safe_to_leave_message")),
        email_updates=bool(answers.get("email_updates")),
    )
    if contact.email:
        contact.email_hash = email_hash(contact.email)
    return contact


def build_report(answers: dict[str, dict[str, Any]], language: str, today: date) -> Report:
    """A Report (not yet saved) from the answers of every section, keeping only what applies."""
    answers = questions.keep_applicable(answers)
    kind = answers["kind"]["kind"]
    incident, place, contact = answers["incident"], answers["place"], answers.get("contact", {})
    merged = {**incident, **place}
    year, month = int(incident["incident_year"]), int(incident["incident_month"])
    day, still = _int(incident.get("incident_day")), bool(incident.get("still_happening"))
    in_danger = _yes_no(incident.get("in_danger"))
    incident_types = merged.get("incident_types") or []
    anonymous = is_anonymous(contact)
    acknowledge_by, screen_by = due_dates(
        today,
        int(current_app.config["ACKNOWLEDGE_BUSINESS_DAYS"]),
        int(current_app.config["SCREENING_BUSINESS_DAYS"]),
    )
    narrative = str(incident["narrative"]).strip()
    return Report(
        kind=kind,
        language=language,
        anonymous=anonymous,
        covered_area=_text(incident.get("covered_area")),
        in_danger=in_danger,
        urgent=rules.is_urgent(in_danger, incident_types),
        incident_year=year,
        incident_month=month,
        incident_day=day,
        still_happening=still,
        past_filing_deadline=rules.past_filing_deadline(kind, year, month, day, still, today),
        in_city=place["in_city"],
        city=_text(place.get("city")),
        address=_text(place.get("address")),
        community_area=_int(place.get("community_area")),
        ward=_int(place.get("ward")),
        location_type=_text(place.get("location_type")),
        respondent_name=_text(place.get("respondent_name")),
        respondent_type=_text(place.get("respondent_type")),
        respondent_role=_text(place.get("respondent_role")),
        narrative=narrative,
        narrative_fingerprint=fingerprint(narrative),
        status=Status.NEW,
        received_on=today,
        acknowledge_by=acknowledge_by,
        screen_by=screen_by,
        witnesses=_text(place.get("witnesses")),
        reported_details=_text(place.get("reported_details")),
        help_details=_text(place.get("help_details")),
        share_with_police=bool(contact.get("share_with_police")),
        terms=_terms(merged),
        contact=_contact(contact),
    )


def _attachments(files: list[dict[str, Any]]) -> list[Attachment]:
    return [
        Attachment(
            stored_name=item["stored_name"],
            original_name=item.get("original_name"),
            content_type=item["content_type"],
            size=item["size"],
            sha256=item["sha256"],
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
) -> Filed:
    """Store the report, its contact, terms and files in one transaction; return its receipt."""
    report = build_report(answers, language, today)
    receipt = receipts.new_receipt(receipt_kind)
    report.receipt_hash, report.receipt_version = receipts.hash_receipt(receipt)
    report.attachments = _attachments(files)
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
