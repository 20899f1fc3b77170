"""Documents both ways: staff share a file with the resident; every file says who sent it."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from io import BytesIO
from typing import Any

from flask import Flask

from intake.extensions import db
from intake.models import Attachment, AuditEvent, Report

from .helpers import Resident, commission_today, hate_answers, pdf_bytes

RECEIPT = re.compile(r'class="receipt__code"[^>]*>([a-z ]+)</p>')
LINK = re.compile(r'href="(/check/report/documents/(\d+))"')


def file_report(app: Flask) -> tuple[int, str, str]:
    """A report filed through the form with one file; (case id, record number, receipt)."""
    resident = Resident(app.test_client())
    answers = hate_answers()
    resident.begin(answers)
    for name in ("incident", "place"):
        assert resident.post(f"/report/{name}", answers[name]).status_code == 302
    response = resident.post(
        "/report/evidence",
        {"action": "upload", "files": [(BytesIO(b"What they wrote on the wall.\n"), "wall.txt")]},
    )
    assert response.status_code in (200, 302)
    page = resident.send().get_data(as_text=True)
    receipt = RECEIPT.search(page)
    assert receipt
    with app.app_context():
        report = db.session.scalars(db.select(Report).order_by(Report.id.desc())).first()
        assert report is not None
        report.received_on = commission_today() - timedelta(days=60)
        db.session.commit()
        return report.id, report.record_number, receipt.group(1)


def open_status(app: Flask, number: str, receipt: str) -> Resident:
    resident = Resident(app.test_client())
    response = resident.post("/check", {"record_number": number, "receipt": receipt})
    assert response.status_code == 302
    return resident


def share(browser: Any, case_id: int, name: str, data: bytes, *, visible: bool) -> Any:
    page = f"/staff/cases/{case_id}"
    form: dict[str, Any] = {"file": (BytesIO(data), name)}
    if visible:
        form["visible"] = "y"
    return browser.post(f"{page}/documents", form, page=page)


def test_a_shared_document_appears_on_the_status_page_and_downloads(
    app: Flask, staff_browser: Any
) -> None:
    case_id, number, receipt = file_report(app)
    staff = staff_browser("supervisor")
    response = share(staff, case_id, "hearing-notice.pdf", pdf_bytes(), visible=True)
    assert response.status_code == 302
    resident = open_status(app, number, receipt)
    html = resident.get("/check/report").get_data(as_text=True)
    assert "Documents from the commission" in html
    links = LINK.findall(html)
    assert len(links) == 1
    assert "hearing-notice.pdf" in html
    assert "wall.txt" not in html  # The resident's own file is not offered back.
    download = resident.get(links[0][0])
    assert download.status_code == 200
    assert download.mimetype == "application/pdf"
    assert "hearing-notice.pdf" in download.headers["Content-Disposition"]
    with app.app_context():
        item = db.session.get(Attachment, int(links[0][1]))
        assert item is not None
        assert (item.source, item.staff_id, item.visible_to_resident) == (
            "staff",
            staff.staff_id,
            True,
        )
        assert hashlib.sha256(download.data).hexdigest() == item.sha256
        actions = db.session.scalars(
            db.select(AuditEvent.action).where(AuditEvent.report_id == case_id)
        ).all()
    assert "document_shared" in actions
    assert "resident_download" in actions
    # Another report's resident, and a browser with no report open, get nothing.
    other_id, other_number, other_receipt = file_report(app)
    stranger = open_status(app, other_number, other_receipt)
    assert stranger.get(links[0][0]).status_code == 404
    nobody = Resident(app.test_client()).get(links[0][0])
    assert nobody.status_code == 302
    assert nobody.headers["Location"].endswith("/check")


def test_staff_only_documents_never_show_on_the_status_page(app: Flask, staff_browser: Any) -> None:
    case_id, number, receipt = file_report(app)
    staff = staff_browser("supervisor")
    assert (
        share(staff, case_id, "internal-memo.txt", b"For staff.\n", visible=False).status_code
        == 302
    )
    page = f"/staff/cases/{case_id}"
    add = {"new-respondent-kind": "organization", "new-respondent-name": "Acme Rentals"}
    assert staff.post(f"{page}/respondents", add, page=page).status_code == 302
    with app.app_context():
        respondent_id = db.session.scalars(db.text("SELECT id FROM respondent")).one()
    response = staff.post(
        f"{page}/respondents/{respondent_id}/response",
        {
            f"r{respondent_id}-response-on": commission_today().isoformat(),
            f"r{respondent_id}-response-file": (BytesIO(b"We deny it.\n"), "answer.txt"),
        },
        page=page,
    )
    assert response.status_code == 302
    with app.app_context():
        hidden = db.session.scalars(
            db.select(Attachment.id).where(Attachment.report_id == case_id)
        ).all()
    assert len(hidden) == 3  # The resident's file, the memo, the response.
    resident = open_status(app, number, receipt)
    html = resident.get("/check/report").get_data(as_text=True)
    assert "Documents from the commission" not in html
    assert "internal-memo" not in html
    assert "answer.txt" not in html
    assert "You have sent 1 file." in html  # Staff files do not count against the resident's.
    for attachment_id in hidden:
        assert resident.get(f"/check/report/documents/{attachment_id}").status_code == 404


def test_every_document_on_the_case_page_says_who_sent_it_when_and_who_sees_it(
    app: Flask, staff_browser: Any
) -> None:
    case_id, _number, _receipt = file_report(app)
    staff = staff_browser("supervisor")
    with app.app_context():
        staff_name = db.session.execute(
            db.text("SELECT name FROM staff WHERE id = :id"), {"id": staff.staff_id}
        ).scalar_one()
    assert share(staff, case_id, "shared.pdf", pdf_bytes(), visible=True).status_code == 302
    assert share(staff, case_id, "memo.txt", b"Staff only.\n", visible=False).status_code == 302
    page = f"/staff/cases/{case_id}"
    add = {"new-respondent-kind": "organization", "new-respondent-name": "Acme Rentals"}
    assert staff.post(f"{page}/respondents", add, page=page).status_code == 302
    with app.app_context():
        respondent_id = db.session.scalars(db.text("SELECT id FROM respondent")).one()
    staff.post(
        f"{page}/respondents/{respondent_id}/response",
        {
            f"r{respondent_id}-response-on": commission_today().isoformat(),
            f"r{respondent_id}-response-file": (BytesIO(b"Our answer.\n"), "answer.txt"),
        },
        page=page,
    )
    html = staff.get(page).get_data(as_text=True)
    section = html[html.index('id="documents"') :]
    items = re.findall(r"<li>(.*?)</li>", section[: section.index("</section>")], re.S)
    assert len(items) == 4
    wall, shared, memo, answer = items
    assert "From: The resident" in wall
    assert "Visible to: Staff only" in wall
    assert f"From: {staff_name}" in shared
    assert "Visible to: Staff and the resident" in shared
    assert f"From: {staff_name}" in memo
    assert "Visible to: Staff only" in memo
    assert "From: Respondent: Acme Rentals" in answer
    assert "Visible to: Staff only" in answer
    assert all(str(commission_today().year) in item for item in items)  # When.


def test_a_file_that_cannot_be_cleaned_is_refused_and_nothing_is_kept(
    app: Flask, staff_browser: Any
) -> None:
    case_id, _number, _receipt = file_report(app)
    staff = staff_browser("supervisor")
    response = share(staff, case_id, "tool.pdf", b"MZ\x90\x00\x03" + bytes(200), visible=True)
    assert response.status_code == 422
    assert "tool.pdf" in response.get_data(as_text=True)
    page = f"/staff/cases/{case_id}"
    response = staff.post(f"{page}/documents", {"visible": "y"}, page=page)
    assert response.status_code == 422
    assert "Choose a file." in response.get_data(as_text=True)
    with app.app_context():
        count = db.session.scalar(
            db.select(db.func.count())
            .select_from(Attachment)
            .where(Attachment.report_id == case_id)
        )
    assert count == 1
