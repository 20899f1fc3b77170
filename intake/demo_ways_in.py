"""Demo reports for every way in (issue 16): one taken by phone (Spanish, with an interpreter),
a paper form that came back by mail with its scan, a police referral, a report made by a relative
for someone else, and a call-back request waiting in the queue. Filed through the real functions,
as the intake officer would. Every name and story here is invented."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fpdf import FPDF

from . import callbacks, uploads
from .cases import audit
from .clock import today
from .extensions import db
from .filing import file_report
from .models import Staff
from .staff_intake import AUDIT_ACTION, RECEIPT_KIND


def _place(**extra: Any) -> dict[str, Any]:
    return {"in_city": "yes", "reported_to": ["none"], "help_wanted": ["investigate"], **extra}


def _incident(narrative: str, days_ago: int, **extra: Any) -> dict[str, Any]:
    day = today() - timedelta(days=days_ago)
    return {
        "reporter_role": "self",
        "incident_month": str(day.month),
        "incident_year": str(day.year),
        "incident_day": str(day.day),
        "narrative": narrative,
        **extra,
    }


def _reports() -> list[tuple[str, str, dict[str, dict[str, Any]], bool]]:
    """(channel, the resident's language, answers, a scan of the paper form?)"""
    return [
        (
            "phone",
            "es",
            {
                "kind": {"kind": "discrimination"},
                "incident": _incident(
                    "La dueña del restaurante me dijo que no contrata a personas con acento.",
                    12,
                    covered_area="employment",
                    protected_classes=["national_origin"],
                ),
                "place": _place(community_area="58", respondent_name="Example Diner"),
                "contact": {
                    "name": "Rosa Ejemplo",
                    "phone": "312 555 0140",
                    "preferred_method": "phone",
                    "safe_to_leave_message": "yes",
                    "preferred_language": "es",
                    "interpreter_language": "es",
                },
            },
            False,
        ),
        (
            "mail",
            "pl",
            {
                "kind": {"kind": "hate"},
                "incident": _incident(
                    "Ktoś napisał obraźliwe słowa na naszym płocie.",
                    20,
                    in_danger="no",
                    bias_categories=["national_origin"],
                    incident_types=["vandalism"],
                ),
                "place": _place(community_area="17", location_type="home", help_wanted=["record"]),
                "contact": {
                    "name": "Jan Przykład",
                    "mailing_address": "5000 W. Example Ave, Chicago IL",
                    "preferred_method": "mail",
                    "preferred_language": "pl",
                },
            },
            True,
        ),
        (
            "police",
            "en",
            {
                "kind": {"kind": "hate"},
                "incident": _incident(
                    "Referred by the 12th District with consent: a man shouted slurs and pushed "
                    "the victim off the bus step.",
                    5,
                    in_danger="no",
                    bias_categories=["race"],
                    incident_types=["assault", "verbal"],
                ),
                "place": _place(
                    community_area="28", location_type="transit", reported_to=["police"]
                ),
                "contact": {
                    "name": "Marcus Example",
                    "phone": "312 555 0177",
                    "preferred_method": "phone",
                },
            },
            False,
        ),
        (
            "online",
            "en",
            {
                "kind": {"kind": "discrimination"},
                "incident": _incident(
                    "My father uses a wheelchair; the clinic told him to come back with "
                    "someone who could carry him up the stairs.",
                    30,
                    reporter_role="behalf",
                    reporter_relationship="family",
                    affected_consent="yes",
                    covered_area="public_accommodation",
                    protected_classes=["disability"],
                ),
                "place": _place(community_area="6", respondent_name="Example Clinic"),
                "contact": {
                    "name": "Priya Example",
                    "email": "priya.example@example.org",
                    "preferred_method": "email",
                    "affected_name": "Raj Example",
                    "affected_phone": "312 555 0199",
                },
            },
            False,
        ),
    ]


def _scan() -> uploads.CleanFile:
    """A one-page PDF standing in for the scanned paper form."""
    page = FPDF()
    page.add_page()
    page.set_font("helvetica", size=14)
    page.cell(0, 10, "Paper report form, returned by mail (demo scan)")
    return uploads.CleanFile(bytes(page.output()), "application/pdf")


def seed(intake_officer: Staff) -> None:
    """File the reports above (those not online as taken by `intake_officer`) and a call-back."""
    for channel, language, answers, scanned in _reports():
        files = []
        if scanned:
            scan = _scan()
            files.append(
                {
                    "stored_name": uploads.store_pending(scan),
                    "original_name": "paper-form.pdf",
                    "content_type": scan.content_type,
                    "size": len(scan.data),
                    "sha256": scan.sha256,
                    "source": "original",
                }
            )
        staff = None if channel == "online" else intake_officer
        kind = RECEIPT_KIND if staff else "words"
        filed = file_report(
            answers, files, kind, language, today(), channel=channel, taken_by=staff
        )
        if staff is not None:
            audit.record(staff, AUDIT_ACTION, filed.report, detail=channel)
    callbacks.request_callback(
        language="ur",
        phone="312 555 0163",
        may_leave_message=False,
        received=today(),
        good_times="Weekday mornings",
        interpreter_language="ur",
    )
    db.session.commit()
