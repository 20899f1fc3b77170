"""Coming back: check my report, the status page, messages both ways, emails, retries."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from io import BytesIO
from typing import Any

import pytest
from flask import Flask
from flask_babel import force_locale, gettext

from intake import followup, notifications
from intake.extensions import db
from intake.models import AuditEvent, Contact, OutboxEmail, Report, utcnow

from .databases import free_port
from .helpers import Resident, StaffBrowser, create_staff, hate_answers, pdf_bytes

RECEIPT = re.compile(r'class="receipt__code"[^>]*>([a-z ]+)</p>')
FAILED_LOOKUP = "We could not open a report with that record number and secret code."


def file_and_keep(
    app: Flask, contact: dict[str, str] | None = None, language: str = "en"
) -> tuple[int, str, str]:
    """File a report through the form; returns (case id, record number, receipt)."""
    resident = Resident(app.test_client())
    resident.get(f"/?lang={language}")
    page = resident.file(hate_answers(contact=contact or {})).get_data(as_text=True)
    receipt = RECEIPT.search(page)
    assert receipt
    with app.app_context():
        report = db.session.scalars(db.select(Report).order_by(Report.id.desc())).first()
        assert report is not None
        return report.id, report.record_number, receipt.group(1)


def open_report(app: Flask, number: str, receipt: str) -> Resident:
    resident = Resident(app.test_client())
    response = resident.post("/check", {"record_number": number, "receipt": receipt})
    assert response.status_code == 302, response.get_data(as_text=True)
    return resident


def test_a_resident_opens_their_report_and_sees_its_status(app: Flask) -> None:
    case_id, number, receipt = file_and_keep(app)
    resident = open_report(app, number.lower(), receipt.upper())
    page = resident.get("/check/report").get_data(as_text=True)
    assert number in page
    assert "Received" in page
    assert "No messages yet." in page
    with app.app_context():
        actions = db.session.scalars(
            db.select(AuditEvent.action).where(AuditEvent.report_id == case_id)
        ).all()
    assert "resident_login" in actions


def test_wrong_pairs_get_one_answer_that_reveals_nothing(app: Flask) -> None:
    _case_id, number, receipt = file_and_keep(app)
    resident = Resident(app.test_client())
    wrong_code = resident.post("/check", {"record_number": number, "receipt": "wrong words"})
    no_record = resident.post("/check", {"record_number": "HR-0000-0000", "receipt": receipt})
    garbage = resident.post("/check", {"record_number": "hello", "receipt": "x"})
    bodies = []
    for response in (wrong_code, no_record, garbage):
        assert response.status_code == 200
        text = response.get_data(as_text=True)
        assert FAILED_LOOKUP in text
        bodies.append(re.sub(r'value="[^"]*"', "", text))
    assert bodies[0] == bodies[1] == bodies[2]
    assert resident.get("/check/report").headers["Location"].endswith("/check")


def test_lookups_are_limited_per_client(app_factory: Any) -> None:
    app = app_factory(
        RATELIMIT_ENABLED=True,
        LOOKUP_RATE_LIMIT="3 per hour",
        LOOKUP_RECORD_RATE_LIMIT="100 per hour",
    )
    resident = Resident(app.test_client())
    for number in range(3):
        response = resident.post(
            "/check", {"record_number": f"HR-0000-000{number}", "receipt": "nope"}
        )
        assert response.status_code == 200
    assert (
        resident.post("/check", {"record_number": "HR-0000-0009", "receipt": "nope"}).status_code
        == 429
    )


def test_lookups_are_limited_per_record(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True, LOOKUP_RECORD_RATE_LIMIT="3 per hour")
    _case_id, number, receipt = file_and_keep(app)
    for client_number in range(3):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"198.51.100.{client_number + 1}"
        Resident(client).post("/check", {"record_number": number, "receipt": "guess"})
    late = app.test_client()
    late.environ_base["REMOTE_ADDR"] = "198.51.100.99"
    blocked = Resident(late).post("/check", {"record_number": number, "receipt": receipt})
    assert blocked.status_code == 429
    other = Resident(late).post("/check", {"record_number": "HR-1111-1111", "receipt": "x"})
    assert other.status_code == 200


def test_messages_go_both_ways(app: Flask, staff_browser: Any) -> None:
    case_id, number, receipt = file_and_keep(app)
    investigator = staff_browser("investigator")
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        report.assignee_id = investigator.staff_id
        report.status = "accepted"
        db.session.commit()
    page = f"/staff/cases/{case_id}"
    investigator.post(
        f"{page}/messages",
        {"body": "Can you tell us the time it happened?", "confirm": "y"},
        page=page,
    )
    resident = open_report(app, number, receipt)
    status = resident.get("/check/report").get_data(as_text=True)
    assert "Can you tell us the time it happened?" in status
    assert "Being investigated" in status
    resident.post(
        "/check/report/message", {"body": "Around 6 in the evening."}, page="/check/report"
    )
    case_page = investigator.get(page).get_data(as_text=True)
    assert "Around 6 in the evening." in case_page
    with app.app_context():
        actions = db.session.scalars(
            db.select(AuditEvent.action).where(AuditEvent.report_id == case_id)
        ).all()
    assert {"message_sent", "resident_message"} <= set(actions)


def test_internal_notes_never_reach_the_resident(app: Flask, staff_browser: Any) -> None:
    case_id, number, receipt = file_and_keep(app)
    supervisor = staff_browser("supervisor")
    page = f"/staff/cases/{case_id}"
    supervisor.post(f"{page}/notes", {"body": "Internal: respondent known to us"}, page=page)
    status = open_report(app, number, receipt).get("/check/report").get_data(as_text=True)
    assert "respondent known to us" not in status


def test_an_anonymous_resident_adds_contact_later(app: Flask, staff_browser: Any) -> None:
    case_id, number, receipt = file_and_keep(app)
    resident = open_report(app, number, receipt)
    response = resident.post(
        "/check/report/contact",
        {"phone": "312 555 0123", "safe_to_leave_message": "no"},
        page="/check/report",
    )
    assert response.status_code == 302
    supervisor = staff_browser("supervisor")
    case_page = supervisor.case_with_contact(case_id)
    assert "312 555 0123" in case_page
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert report.anonymous is False
        event = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "contact_added")
        ).one()
        assert "555" not in (event.detail or "")


def test_more_evidence_follows_the_same_rules(app: Flask) -> None:
    case_id, number, receipt = file_and_keep(app)
    resident = open_report(app, number, receipt)
    pdf = pdf_bytes()
    exe = b"MZ\x90\x00" + b"\x00" * 200
    response = resident.post(
        "/check/report/files",
        {"files": [(BytesIO(pdf), "letter.pdf"), (BytesIO(exe), "photo.jpg")]},
        page="/check/report",
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert "\u2068photo.jpg\u2069: We can only accept photos" in page  # Isolated name.
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert [a.content_type for a in report.attachments] == ["application/pdf"]


def test_resident_access_expires(app_factory: Any) -> None:
    app = app_factory()
    _case_id, number, receipt = file_and_keep(app)
    app.config["RESIDENT_SESSION_MINUTES"] = 0
    resident = open_report(app, number, receipt)
    assert resident.get("/check/report").headers["Location"].endswith("/check")


def test_emails_arrive_in_the_residents_language_without_case_content(
    app_factory: Any, smtp_server: Any
) -> None:
    app = app_factory(MAIL_URL=smtp_server.url)
    contact = {"email": "ana@example.org", "email_updates": "y", "preferred_language": "es"}
    case_id, number, receipt = file_and_keep(app, contact, language="es")
    assert len(smtp_server.messages) == 1
    confirmation = smtp_server.messages[0]
    body = confirmation.get_content()
    assert confirmation["To"] == "ana@example.org"
    assert confirmation["Content-Language"] == "es"
    assert number in body
    assert receipt not in body
    assert "slur" not in body  # The narrative of hate_answers().
    with app.test_request_context(), force_locale("es"):
        assert gettext("Thank you. We received your report.") in body
        assert (
            gettext("Thank you. We received your report.") != "Thank you. We received your report."
        )

    supervisor = staff_browser_for(app)
    page = f"/staff/cases/{case_id}"
    supervisor.post(
        f"{page}/messages",
        {"body": "Secret detail: the landlord's name is X", "confirm": "y"},
        page=page,
    )
    assert len(smtp_server.messages) == 2
    with app.app_context():
        actions = db.session.scalars(
            db.select(AuditEvent.action).where(AuditEvent.report_id == case_id)
        ).all()
    assert actions.count("email_queued") == 2
    assert actions.count("email_sent") == 2
    notice = smtp_server.messages[1]
    text = notice.get_content()
    assert "Secret detail" not in text
    assert "landlord" not in text
    assert number in text
    assert notice["Content-Language"] == "es"


def staff_browser_for(app: Flask) -> StaffBrowser:
    create_staff(app, "sup@staff.example", ["supervisor"], name="Sup")
    browser = StaffBrowser(app.test_client())
    browser.sign_in("sup@staff.example")
    return browser


def test_staff_are_told_of_assignments_and_replies(app_factory: Any, smtp_server: Any) -> None:
    app = app_factory(MAIL_URL=smtp_server.url)
    case_id, number, receipt = file_and_keep(app)
    supervisor = staff_browser_for(app)
    from intake import accounts

    with app.app_context():
        worker, _ = accounts.create(None, "worker@staff.example", "W", ["investigator"])
        worker_id = worker.id
    page = f"/staff/cases/{case_id}"
    supervisor.post(f"{page}/assign", {"version": "1", "assignee": str(worker_id)}, page=page)
    assigned = smtp_server.messages[-1]
    assert assigned["To"] == "worker@staff.example"
    with app.app_context():
        case_number = db.session.get(Report, case_id).case_number  # type: ignore[union-attr]
    assert case_number in assigned["Subject"]
    open_report(app, number, receipt).post(
        "/check/report/message", {"body": "Private words here"}, page="/check/report"
    )
    wrote = smtp_server.messages[-1]
    assert wrote["To"] == "worker@staff.example"
    assert "Private words" not in wrote.get_content()


def test_failed_sends_are_kept_logged_without_data_and_retried(
    app_factory: Any, smtp_server: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = app_factory(MAIL_URL=f"smtp://127.0.0.1:{free_port()}")  # Nothing listens there.
    contact = {"email": "omar@example.org", "email_updates": "y"}
    with caplog.at_level(logging.WARNING, logger="intake.mail"):
        case_id, number, _receipt = file_and_keep(app, contact)
    assert smtp_server.messages == []
    assert "not sent" in caplog.text
    assert "omar@example.org" not in caplog.text
    with app.app_context():
        email = db.session.scalars(db.select(OutboxEmail)).one()
        assert email.sent_at is None
        assert email.attempts == 1
        assert email.last_error
        assert email.report_id == case_id
        # Later the server is back; the retry is due.
        app.config["MAIL_URL"] = smtp_server.url
        email.next_attempt_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["mail", "retry"])
    assert "Sent 1 emails." in result.output
    assert len(smtp_server.messages) == 1
    assert number in smtp_server.messages[0].get_content()


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_message_and_email_template_renders_in_every_language(
    app: Flask, make_case: Any, language: str
) -> None:
    case_id = make_case(referred_to="eeoc")
    with app.test_request_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        from intake.models import Contact

        report.contact = Contact(
            preferred_language=language, email="x@example.org", email_updates=True
        )
        db.session.flush()
        for key in followup.TEMPLATES:
            text = followup.template_text(key, report)
            assert report.record_number in text
            assert "%(" not in text
        assert "1-800-669-4000" in followup.template_text("referral", report)
        for compose in (notifications.report_received, notifications.new_message):
            email = compose(report)
            assert email is not None
            assert email.language == language
            assert report.record_number in email.body
            assert "%(" not in email.body
        db.session.rollback()


def test_a_resident_corrects_and_erases_contact_details(app: Flask) -> None:
    contact = {"name": "Ana Example", "email": "ana@example.org", "email_updates": "y"}
    case_id, number, receipt = file_and_keep(app, contact=contact)
    resident = open_report(app, number, receipt)
    # A field emptied on the status page is erased, not kept.
    resident.post(
        "/check/report/contact", {"name": "Ana Example", "email": ""}, page="/check/report"
    )
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert report.contact is not None
        assert report.contact.email is None
        assert report.contact.email_hash is None
        assert report.contact.email_updates is False  # No email, no email notices.
    # Nothing left to reach the resident: anonymous again, and no contact row is kept.
    response = resident.post("/check/report/contact", {"name": ""}, page="/check/report")
    page = resident.get(response.headers["Location"]).get_data(as_text=True)
    assert "Your report is anonymous again." in page
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert report.anonymous is True
        assert report.contact is None
        assert db.session.scalars(db.select(Contact)).all() == []
        erased = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "contact_erased")
        ).one()
        assert "Ana" not in (erased.detail or "")
