"""Demo cases at each stage after acceptance (issue 17): a complaint being drafted, one waiting
for the resident's signature, one signed online, one signed on paper whose respondent was served
(the answer due this week), and one whose respondent answered late, the complainant's reply now
running and the investigation extended. Made through the real functions, on the demo
investigator's accepted discrimination cases. Every name here is invented."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from fpdf import FPDF
from sqlalchemy import select

from .cases import calendar
from .clock import today
from .complaints import drafting, signing
from .extensions import db
from .models import Report, Staff
from .respondents import notices, records
from .uploads import CleanFile


def _scan(name: str) -> CleanFile:
    """A one-page PDF standing in for a scanned, signed paper complaint."""
    page = FPDF()
    page.add_page()
    page.set_font("helvetica", size=14)
    page.cell(0, 10, "Signed complaint (demo scan)", new_x="LMARGIN", new_y="NEXT")
    page.cell(0, 10, name)
    return CleanFile(bytes(page.output()), "application/pdf")


# What staff fill in when the report left it out (an anonymous report has no name, and a demo
# report no respondent's address).
FILLED_IN = {
    "complainant_name": "Jordan Example",
    "respondent_name": "Example Property Management",
    "respondent_address": "100 W. Example St., Chicago, IL 60601",
    "covered_area": "housing",
    "protected_classes": "race",
    "incident_dates": "Spring this year",
    "statement": "The manager refused to show the apartment after hearing my name.",
}


def _draft(staff: Staff, report: Report) -> None:
    complaint = drafting.start(staff, report)
    missing = {name: value for name, value in FILLED_IN.items() if not getattr(complaint, name)}
    if missing:
        values = {name: getattr(complaint, name) for name in drafting.FIELDS} | missing
        drafting.save(staff, report, complaint, values, complaint.version)


def _ready(staff: Staff, report: Report) -> None:
    _draft(staff, report)
    complaint = drafting.latest(report)
    assert complaint is not None  # noqa: S101 - drafted just above
    drafting.mark_ready(staff, report, complaint, complaint.version)


def _signed_online(staff: Staff, report: Report) -> None:
    _ready(staff, report)
    complaint = drafting.to_sign(report)
    assert complaint is not None  # noqa: S101 - made ready just above
    signing.sign_online(report, complaint, "Dana Example", complaint.version, language="en")


def _served(staff: Staff, report: Report, signed: int, served: int) -> None:
    """Signed on paper `signed` days ago; the notice mailed two days later and served `served`
    days ago."""
    _ready(staff, report)
    complaint = drafting.to_sign(report)
    assert complaint is not None  # noqa: S101 - made ready just above
    now = today()
    signing.sign_paper(
        staff,
        report,
        complaint,
        scan=_scan("Jordan Example"),
        file_name="signed-complaint.pdf",
        name="Jordan Example",
        day=now - timedelta(days=signed),
        seen=complaint.version,
    )
    details = records.prefill(report) or records.Details(kind="organisation", name="Example Co.")
    respondent = records.add(staff, report, details)
    notices.notice_sent(staff, report, respondent, now - timedelta(days=signed - 2))
    notices.served(staff, report, respondent, now - timedelta(days=served), "mail")


def _answered_late(staff: Staff, report: Report) -> None:
    _served(staff, report, signed=70, served=60)
    respondent = records.of_case(report)[0]
    notices.responded(staff, report, respondent, today() - timedelta(days=20))
    deadline = next(d for d in calendar.deadlines(report) if d.key == "investigation")
    calendar.extend(
        staff, report, "investigation", deadline.due_on + timedelta(days=28), "Witness abroad"
    )
    db.session.commit()


STAGES: tuple[Callable[[Staff, Report], None], ...] = (
    _draft,
    _ready,
    _signed_online,
    lambda staff, report: _served(staff, report, signed=30, served=24),
    _answered_late,
)


def seed(staff: Staff) -> None:
    """Move five accepted discrimination cases, received at least 80 days ago, through the
    stages above (as `staff`, a supervisor)."""
    oldest = today() - timedelta(days=80)
    cases = db.session.scalars(
        select(Report)
        .where(
            Report.status == "accepted",
            Report.kind == "discrimination",
            Report.received_on <= oldest,
        )
        .order_by(Report.id)
        .limit(len(STAGES))
    ).all()
    for stage, report in zip(STAGES, cases, strict=False):
        stage(staff, report)
