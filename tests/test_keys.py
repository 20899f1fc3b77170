"""Encryption at rest of every free text search does not need, and rotating keys and peppers
without losing a single report."""

from __future__ import annotations

from typing import Any

from cryptography.fernet import Fernet
from flask import Flask

from intake import create_app, filecrypt, followup, uploads
from intake.extensions import db
from intake.models import Contact, Report

from .helpers import database_text, hate_answers, pdf_bytes
from .test_followup import RECEIPT, open_report

PLACE = {
    "address": "1500 W Secret Ave",
    "witnesses": "Wanda Witness 773-555-0100",
    "reported_details": "Told officer Ortega",
}
CONTACT = {"name": "Maria Example", "email": "maria@example.org"}


def file_one(app: Flask) -> tuple[int, str, str]:
    from .helpers import Resident

    resident = Resident(app.test_client())
    page = resident.file(hate_answers(place=PLACE, contact=CONTACT)).get_data(as_text=True)
    receipt = RECEIPT.search(page)
    assert receipt
    with app.app_context():
        report = db.session.scalars(db.select(Report).order_by(Report.id.desc())).first()
        assert report is not None
        return report.id, report.record_number, receipt.group(1)


def test_free_texts_are_encrypted_and_the_story_stays_searchable(
    app: Flask, staff_browser: Any
) -> None:
    case_id, number, receipt = file_one(app)
    supervisor = staff_browser("supervisor")
    page = f"/staff/cases/{case_id}"
    supervisor.post(f"{page}/notes", {"body": "NOTE-SECRET called back"}, page=page)
    supervisor.post(
        f"{page}/messages", {"body": "MESSAGE-SECRET please call", "confirm": "y"}, page=page
    )
    open_report(app, number, receipt).post(
        "/check/report/message", {"body": "REPLY-SECRET thank you"}, page="/check/report"
    )
    stored = database_text(app)
    for secret in (*PLACE.values(), "NOTE-SECRET", "MESSAGE-SECRET", "REPLY-SECRET"):
        assert secret not in stored, secret
    assert "painted a slur" in stored  # The narrative is what search reads.
    found = supervisor.get("/staff/cases?q=slur").get_data(as_text=True)
    assert page in found
    shown = supervisor.case_with_contact(case_id)
    for text in (*PLACE.values(), "NOTE-SECRET", "MESSAGE-SECRET", "REPLY-SECRET"):
        assert text in shown, text


def test_blank_messages_and_notes_are_refused_not_stored(app: Flask, staff_browser: Any) -> None:
    case_id, number, receipt = file_one(app)
    supervisor = staff_browser("supervisor")
    page = f"/staff/cases/{case_id}"
    note = supervisor.post(f"{page}/notes", {"body": " \r\n\t "}, page=page)
    assert "Write the note first." in note.get_data(as_text=True)
    message = supervisor.post(f"{page}/messages", {"body": "   ", "confirm": "y"}, page=page)
    assert "Write the message first." in message.get_data(as_text=True)
    reply = open_report(app, number, receipt).post(
        "/check/report/message", {"body": "\n\n"}, page="/check/report"
    )
    assert "Write your message first." in reply.get_data(as_text=True)


def reopened(app: Flask, **settings: Any) -> Flask:
    """The same database and files, started again with other keys."""
    return create_app(
        "testing",
        {
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "UPLOAD_FOLDER": app.config["UPLOAD_FOLDER"],
            **settings,
        },
    )


def closed(app: Flask) -> None:
    """Close the app's connections (the database is used by another app next)."""
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_keys_and_peppers_rotate_and_the_old_ones_can_go(app: Flask) -> None:
    case_id, number, receipt = file_one(app)
    old_key, new_key = app.config["FIELD_ENCRYPTION_KEY"], Fernet.generate_key().decode()
    with app.test_request_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        followup.add_files(report, [(uploads.clean(pdf_bytes()), "letter.pdf")])
        stored_name = report.attachments[0].stored_name
        evidence = uploads.evidence_path(stored_name)
        b"".join(filecrypt.read(evidence))
        # A file from before files were encrypted: read as it is, encrypted by the rotation.
        legacy = evidence.with_name("ab" * 16)
        legacy.write_bytes(b"plain old evidence")
        old_hash = db.session.scalars(db.select(Contact.email_hash)).one()
    closed(app)

    both = reopened(
        app, FIELD_ENCRYPTION_KEY=f"{new_key},{old_key}", HASH_PEPPER="2:new,1:test-pepper"
    )
    output = both.test_cli_runner().invoke(args=["keys", "rotate"]).output
    assert "1 receipts still need an older pepper" in output
    assert "and 2 files" in output
    assert b"plain old evidence" not in legacy.read_bytes()
    with both.app_context():
        assert db.session.scalars(db.select(Contact.email_hash)).one() != old_hash
    closed(both)

    # The old key is gone: everything still reads, and the receipt moves to the new pepper.
    newest = reopened(app, FIELD_ENCRYPTION_KEY=new_key, HASH_PEPPER="2:new,1:test-pepper")
    open_report(newest, number, receipt)
    with newest.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert report.pepper_version == 2
        assert report.witnesses == PLACE["witnesses"]
        assert report.contact is not None
        assert report.contact.email == CONTACT["email"]
        output = newest.test_cli_runner().invoke(args=["keys", "rotate"]).output
        assert "older peppers can be removed" in output
    closed(newest)

    # And the old pepper is gone too.
    alone = reopened(app, FIELD_ENCRYPTION_KEY=new_key, HASH_PEPPER="2:new")
    resident = open_report(alone, number, receipt)
    assert "Your report" in resident.get("/check/report").get_data(as_text=True)
    closed(alone)
