"""The formal complaint: drafted by staff from an accepted discrimination report, signed by the
resident online (or on paper by staff), kept as a PDF whose digest verifies, versioned after
signing, and the notice deadline it starts."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from io import BytesIO
from typing import Any

import pytest
from flask import Flask

from intake.extensions import db
from intake.models import AuditEvent, CaseDeadline, CaseEvent, Complaint, Report

from .helpers import (
    IDENTIFIED_CONTACT,
    Resident,
    StaffBrowser,
    commission_today,
    discrimination_answers,
    hate_answers,
    pdf_bytes,
)

RECEIPT = re.compile(r'class="receipt__code"[^>]*>([a-z ]+)</p>')
ADDRESS = "1200 W Example Ave, Suite 5, Chicago IL 60600"
SIGNED_NAME = "Maria Q. Example"


def file_discrimination(app: Flask, language: str = "en") -> tuple[int, str, str]:
    """File a discrimination report through the form, and accept it; (case id, record, code)."""
    resident = Resident(app.test_client())
    resident.get(f"/?lang={language}")
    answers = discrimination_answers(
        place={"respondent_address": ADDRESS}, contact=IDENTIFIED_CONTACT
    )
    page = resident.file(answers).get_data(as_text=True)
    receipt = RECEIPT.search(page)
    assert receipt
    with app.app_context():
        report = db.session.scalars(db.select(Report).order_by(Report.id.desc())).first()
        assert report is not None
        report.status = "accepted"  # Screening is tested elsewhere; the complaint starts here.
        db.session.commit()
        return report.id, report.record_number, receipt.group(1)


def open_report(app: Flask, number: str, receipt: str) -> Resident:
    resident = Resident(app.test_client())
    response = resident.post("/check", {"record_number": number, "receipt": receipt})
    assert response.status_code == 302, response.get_data(as_text=True)
    return resident


def complaint_row(app: Flask, case_id: int, number: int) -> Complaint:
    with app.app_context():
        found = db.session.scalar(
            db.select(Complaint).where(Complaint.report_id == case_id, Complaint.number == number)
        )
        assert found is not None
        db.session.expunge(found)
        return found


def version_of(page: str, form_id: str) -> str:
    match = re.search(rf'id="{form_id}" name="version" type="hidden" value="(\d+)"', page)
    assert match, form_id
    return match.group(1)


def draft_and_ready(staff: StaffBrowser, case_id: int) -> None:
    page = f"/staff/cases/{case_id}/complaint"
    assert staff.post(f"{page}/draft", page=page).status_code == 302
    html = staff.get(page).get_data(as_text=True)
    response = staff.post(
        f"{page}/ready", {"version": version_of(html, "ready-version")}, page=page
    )
    assert response.status_code == 302, response.get_data(as_text=True)


def test_discrimination_reports_ask_for_the_respondents_address(app: Flask) -> None:
    from intake import questions

    assert questions.applies("respondent_address", discrimination_answers())
    assert not questions.applies("respondent_address", hate_answers())
    case_id, _number, _receipt = file_discrimination(app)
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert report.respondent_address == ADDRESS
        stored = db.session.execute(
            db.text("SELECT respondent_address FROM report WHERE id = :id"), {"id": case_id}
        ).scalar()
        assert ADDRESS not in str(stored)  # Encrypted at rest.


def test_draft_ready_sign_online_pdf_verifies_and_starts_the_notice_deadline(
    app: Flask, staff_browser: Any
) -> None:
    case_id, number, receipt = file_discrimination(app)
    staff = staff_browser("supervisor")
    case_page = staff.get(f"/staff/cases/{case_id}").get_data(as_text=True)
    assert ADDRESS in case_page  # With the other answers.
    assert "Draft the complaint" in case_page
    page = f"/staff/cases/{case_id}/complaint"
    assert staff.post(f"{page}/draft", page=page).status_code == 302
    html = staff.get(page).get_data(as_text=True)
    assert "Maria Example" in html
    assert ADDRESS in html
    assert "too old" in html

    # A save against an older version is refused, and what was typed stays on the page.
    stale = {
        "version": "0",
        "complainant_name": "Maria Example",
        "respondent_name": "Acme Widgets",
        "respondent_address": ADDRESS,
        "covered_area": "employment",
        "protected_classes": ["age"],
        "incident_dates": "Last month",
        "statement": "A statement typed against an old version.",
    }
    response = staff.post(f"{page}/save", stale, page=page)
    assert response.status_code == 409
    assert "A statement typed against an old version." in response.get_data(as_text=True)
    fresh = {**stale, "version": version_of(html, "complaint-version"), "statement": "Cut hours."}
    assert staff.post(f"{page}/save", fresh, page=page).status_code == 302
    draft_and_ready(staff, case_id)

    resident = open_report(app, number, receipt)
    status = resident.get("/check/report").get_data(as_text=True)
    assert "Your complaint is ready to sign" in status
    review = resident.get("/check/report/complaint").get_data(as_text=True)
    assert "Cut hours." in review
    assert "under penalty of law" in review
    seen = version_of(review, "sign-version")
    # Without the attestation: refused, the name kept.
    response = resident.post(
        "/check/report/complaint/sign",
        {"full_name": SIGNED_NAME, "version": seen},
        page="/check/report/complaint",
    )
    assert response.status_code == 422
    assert SIGNED_NAME in response.get_data(as_text=True)
    response = resident.post(
        "/check/report/complaint/sign",
        {"full_name": SIGNED_NAME, "attest": "y", "version": seen},
        page="/check/report/complaint",
    )
    assert response.status_code == 302, response.get_data(as_text=True)

    signed = complaint_row(app, case_id, 1)
    assert (signed.state, signed.signed_via, signed.signed_name) == (
        "signed",
        "online",
        SIGNED_NAME,
    )
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert signed.filed_on == report.received_on
        events = db.session.scalars(
            db.select(CaseEvent.key).where(CaseEvent.report_id == case_id)
        ).all()
        assert "complaint_signed" in events
        notice = db.session.get(CaseDeadline, (case_id, "notice"))
        assert notice is not None
        assert notice.starts_on == signed.signed_on
        assert notice.due_on >= signed.signed_on + timedelta(days=10)
        trail = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.report_id == case_id)
        ).all()
        assert "complaint_signed" in {event.action for event in trail}
        for event in trail:  # No typed text in the trail.
            for value in (event.old_value, event.new_value, event.detail):
                assert SIGNED_NAME not in str(value)
                assert "Cut hours" not in str(value)

    download = resident.get("/check/report/complaint/1/pdf")
    assert download.status_code == 200
    assert download.data.startswith(b"%PDF")
    assert hashlib.sha256(download.data).hexdigest() == signed.pdf_sha256
    staff_copy = staff.get(f"{page}/1/pdf")
    assert staff_copy.status_code == 200
    assert staff_copy.data == download.data
    assert "Your signed complaint" in resident.get("/check/report").get_data(as_text=True)

    # A change after signing is version 2; version 1 stays readable as signed.
    assert staff.post(f"{page}/draft", page=page).status_code == 302
    assert complaint_row(app, case_id, 2).state == "draft"
    first = staff.get(f"{page}/1").get_data(as_text=True)
    assert SIGNED_NAME in first
    assert "Cut hours." in first
    assert "You signed this complaint" in resident.get("/check/report/complaint").get_data(
        as_text=True
    )


def test_a_tampered_pdf_is_not_served(app: Flask, staff_browser: Any) -> None:
    from intake import uploads

    case_id, number, receipt = file_discrimination(app)
    staff = staff_browser("supervisor")
    draft_and_ready(staff, case_id)
    resident = open_report(app, number, receipt)
    review = resident.get("/check/report/complaint").get_data(as_text=True)
    resident.post(
        "/check/report/complaint/sign",
        {"full_name": SIGNED_NAME, "attest": "y", "version": version_of(review, "sign-version")},
        page="/check/report/complaint",
    )
    signed = complaint_row(app, case_id, 1)
    with app.test_request_context():
        from intake import filecrypt

        assert signed.pdf_stored_name
        path = uploads.evidence_path(signed.pdf_stored_name)
        path.unlink()
        filecrypt.write(path, [b"%PDF-1.4 something else"])
    assert resident.get("/check/report/complaint/1/pdf").status_code == 404
    response = staff.get(f"/staff/cases/{case_id}/complaint/1/pdf")
    assert response.status_code == 302  # Back to the complaint, with the reason.


def test_paper_signature(app: Flask, staff_browser: Any) -> None:
    case_id, _number, _receipt = file_discrimination(app)
    staff = staff_browser("supervisor")
    draft_and_ready(staff, case_id)
    page = f"/staff/cases/{case_id}/complaint"
    html = staff.get(page).get_data(as_text=True)
    seen = version_of(html, "paper-version")
    tomorrow = (commission_today() + timedelta(days=2)).isoformat()
    response = staff.post(
        f"{page}/paper",
        {
            "version": seen,
            "signed_name": SIGNED_NAME,
            "signed_on": tomorrow,
            "scan": (BytesIO(pdf_bytes()), "signed.pdf"),
        },
        page=page,
        content_type="multipart/form-data",
    )
    assert response.status_code == 409
    assert SIGNED_NAME in response.get_data(as_text=True)
    response = staff.post(
        f"{page}/paper",
        {
            "version": seen,
            "signed_name": SIGNED_NAME,
            "signed_on": commission_today().isoformat(),
            "scan": (BytesIO(pdf_bytes()), "signed.pdf"),
        },
        page=page,
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    signed = complaint_row(app, case_id, 1)
    assert (signed.state, signed.signed_via) == ("signed", "paper")
    assert signed.paper_attachment_id is not None
    scan = staff.get(f"/staff/cases/{case_id}/attachments/{signed.paper_attachment_id}")
    assert scan.status_code == 200
    assert scan.data.startswith(b"%PDF")
    download = staff.get(f"{page}/1/pdf")
    assert hashlib.sha256(download.data).hexdigest() == signed.pdf_sha256
    with app.app_context():
        assert db.session.get(CaseDeadline, (case_id, "notice")) is not None


@pytest.mark.parametrize("language", ["es", "ar"])
def test_the_resident_signs_in_their_language(
    app: Flask, staff_browser: Any, language: str
) -> None:
    case_id, number, receipt = file_discrimination(app, language)
    draft_and_ready(staff_browser("supervisor"), case_id)
    resident = open_report(app, number, receipt)
    resident.get(f"/check/report?lang={language}")
    review = resident.get("/check/report/complaint").get_data(as_text=True)
    assert 'lang="en" dir="ltr"' in review  # The legal text stays English.
    response = resident.post(
        "/check/report/complaint/sign",
        {"full_name": "مريم مثال", "attest": "y", "version": version_of(review, "sign-version")},
        page="/check/report/complaint",
    )
    assert response.status_code == 302
    signed = complaint_row(app, case_id, 1)
    assert signed.language == language
    assert resident.get("/check/report/complaint/1/pdf").data.startswith(b"%PDF")


def test_wrong_code_or_case_is_refused(app: Flask, staff_browser: Any, make_case: Any) -> None:
    case_id, number, receipt = file_discrimination(app)
    draft_and_ready(staff_browser("supervisor"), case_id)
    stranger = Resident(app.test_client())
    assert stranger.get("/check/report/complaint").headers["Location"].endswith("/check")
    response = stranger.post("/check", {"record_number": number, "receipt": "wrong words here"})
    assert response.status_code == 200  # Not opened.
    assert stranger.get("/check/report/complaint").status_code == 302
    # Another resident's own report has no complaint: their page has nothing to sign.
    other = Resident(app.test_client())
    page = other.file(hate_answers()).get_data(as_text=True)
    other_receipt = RECEIPT.search(page)
    assert other_receipt
    with app.app_context():
        other_report = db.session.scalars(db.select(Report).order_by(Report.id.desc())).first()
        assert other_report is not None
        other_number = other_report.record_number
    other = open_report(app, other_number, other_receipt.group(1))
    assert other.get("/check/report/complaint").status_code == 302
    assert other.get("/check/report/complaint/1/pdf").status_code == 404
    response = other.post(
        "/check/report/complaint/sign",
        {"full_name": "Someone", "attest": "y", "version": "1"},
        page="/check/report",
    )
    assert response.status_code == 302
    assert complaint_row(app, case_id, 1).state == "ready"
    # Staff: a hate report has no complaint; an investigator not assigned does not see it.
    hate_case = make_case()
    supervisor = staff_browser("supervisor")
    assert supervisor.get(f"/staff/cases/{hate_case}/complaint").status_code == 404
    assert staff_browser("investigator").get(f"/staff/cases/{case_id}/complaint").status_code == 404
