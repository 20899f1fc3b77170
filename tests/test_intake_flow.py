"""A resident files each kind of report from start to finish, through HTTP with real CSRF."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from sqlalchemy import select

from intake import receipts
from intake.extensions import db
from intake.models import Contact, Draft, Report

from .helpers import IDENTIFIED_CONTACT, Resident, discrimination_answers, hate_answers

RECORD = re.compile(r"HR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")
WORDS_RECEIPT = re.compile(r'class="receipt__code"[^>]*>([a-z ]+)</p>')


def only_report(app: Flask) -> Report:
    with app.app_context():
        reports = db.session.scalars(select(Report)).all()
        assert len(reports) == 1
        report = reports[0]
        _ = report.contact, report.terms, report.attachments
        return report


def test_anonymous_discrimination_inquiry_is_filed(app: Flask, resident: Resident) -> None:
    page = resident.file(discrimination_answers()).get_data(as_text=True)
    report = only_report(app)
    assert report.kind == "discrimination"
    assert report.anonymous is True
    assert report.contact is None
    assert report.covered_area == "employment"
    assert report.codes("protected_class") == ["race", "age"]
    assert report.codes("bias_category") == []
    assert report.in_danger is None
    assert report.past_filing_deadline is False
    assert report.language == "en"
    assert report.record_number in page
    assert RECORD.fullmatch(report.record_number)
    assert "cannot contact you" in page


def test_identified_discrimination_complaint_keeps_contact(app: Flask, resident: Resident) -> None:
    resident.file(discrimination_answers(contact=IDENTIFIED_CONTACT))
    report = only_report(app)
    assert report.anonymous is False
    assert report.contact is not None
    assert report.contact.name == "Maria Example"
    assert report.contact.email == "Maria.Example@Example.org"
    assert report.contact.preferred_language == "es"
    assert report.contact.safe_to_leave_message is True
    # Police consent is a hate-incident question; a discrimination report never sets it.
    assert report.share_with_police is False


def test_anonymous_hate_incident_is_filed(app: Flask, resident: Resident) -> None:
    resident.file(hate_answers())
    report = only_report(app)
    assert report.kind == "hate"
    assert report.anonymous is True
    assert report.in_danger is False
    assert report.codes("bias_category") == ["religion"]
    assert report.codes("incident_type") == ["verbal", "vandalism"]
    assert report.codes("reported_to") == ["police"]
    assert report.covered_area is None
    assert report.urgent is False


def test_identified_hate_incident_records_police_consent(app: Flask, resident: Resident) -> None:
    resident.file(hate_answers(contact={**IDENTIFIED_CONTACT, "share_with_police": "y"}))
    report = only_report(app)
    assert report.anonymous is False
    assert report.share_with_police is True


def test_danger_or_violence_marks_a_report_urgent(app: Flask, resident: Resident) -> None:
    answers = hate_answers(incident={"in_danger": "yes", "incident_types": ["assault"]})
    resident.begin(answers)
    resident.post("/report/incident", answers["incident"])
    page = resident.get("/report/where").get_data(as_text=True)
    assert "If you are in danger now, call 911." in page
    assert 'href="tel:911"' in page
    resident.file(answers)
    assert only_report(app).urgent is True


def test_not_sure_asks_both_sets_of_questions(app: Flask, resident: Resident) -> None:
    resident.post("/report/kind", {"kind": "unsure"})
    page = resident.get("/report/area").get_data(as_text=True)
    assert "Where were you treated unfairly?" in page
    page = resident.get("/report/targeted").get_data(as_text=True)
    assert "Why do you think you were targeted?" in page
    resident.file(
        {
            "kind": {"kind": "unsure"},
            "incident": {
                "in_danger": "no",
                "reporter_role": "witness",
                "incident_month": "1",
                "incident_year": "2025",
                "still_happening": "y",
                "narrative": "It keeps happening at work.",
            },
            "place": {"in_city": "unsure"},
        }
    )
    report = only_report(app)
    assert report.kind == "unsure"
    assert report.still_happening is True
    assert report.past_filing_deadline is False


def test_discrimination_form_does_not_ask_hate_questions(resident: Resident) -> None:
    resident.post("/report/kind", {"kind": "discrimination"})
    assert resident.get("/report/incident").headers["Location"] == "/report/reporter"
    page = resident.get("/report/area").get_data(as_text=True)
    assert "Where were you treated unfairly?" in page
    for hate_only in ("danger", "targeted", "acts"):
        response = resident.get(f"/report/{hate_only}")
        assert response.status_code == 302
        assert "Are you in danger now?" not in resident.get(response.headers["Location"]).get_data(
            as_text=True
        )


def test_receipt_is_shown_until_the_resident_confirms_saving_it(
    app: Flask, resident: Resident
) -> None:
    page = resident.file(hate_answers()).get_data(as_text=True)
    receipt = WORDS_RECEIPT.search(page)
    assert receipt, page
    phrase = receipt.group(1)
    assert len(phrase.split()) == 6
    report = only_report(app)
    with app.app_context():
        assert receipts.find_report(report.record_number, phrase) is not None
    assert phrase not in report.receipt_hash

    refused = resident.post("/report/done", {}).get_data(as_text=True)
    assert "Tick the box once you have saved them." in refused
    assert phrase in refused

    resident.post("/report/done", {"saved": "y"})
    after = resident.get("/report/done").get_data(as_text=True)
    assert phrase not in after
    assert report.record_number in after


def test_digit_receipts_for_phone_users(app: Flask, resident: Resident) -> None:
    page = resident.file(hate_answers(), receipt_kind="digits").get_data(as_text=True)
    digits = re.search(r'class="receipt__code"[^>]*>([\d ]+)</p>', page)
    assert digits
    assert len(digits.group(1).replace(" ", "")) == 16
    with app.app_context():
        report = db.session.scalars(select(Report)).one()
        assert receipts.find_report(report.record_number, digits.group(1)) is not None


def test_confirmation_has_summary_next_steps_and_help(app: Flask, resident: Resident) -> None:
    page = resident.file(discrimination_answers()).get_data(as_text=True)
    assert "What happens next" in page
    assert "within 2 business days" in page
    assert "My manager cut my hours" in page
    assert "Work or applying for a job" in page
    assert 'href="tel:+13127444111"' in page
    assert "Print this page" in page


def test_finishing_clears_the_confirmation_from_the_browser(resident: Resident) -> None:
    resident.file(hate_answers())
    resident.post("/report/finish", {}, page="/report/done")
    assert resident.get("/report/done").headers["Location"].endswith("/")


def test_draft_is_deleted_once_the_report_is_sent(app: Flask, resident: Resident) -> None:
    resident.file(hate_answers())
    with app.app_context():
        assert db.session.scalars(select(Draft)).all() == []


def test_review_lets_one_answer_change_without_losing_the_others(
    app: Flask, resident: Resident
) -> None:
    answers = discrimination_answers()
    resident.begin(answers)
    for name in ("incident", "place"):
        resident.post(f"/report/{name}", answers[name])
    resident.post("/report/contact", IDENTIFIED_CONTACT)
    review = resident.get("/report/review").get_data(as_text=True)
    assert "My manager cut my hours" in review
    assert "Maria Example" in review

    changed = {
        "respondent_type": "organization",
        "respondent_name": "Acme Widgets Inc.",
        "respondent_role": "employer",
    }
    response = resident.post("/report/who", changed)
    assert response.headers["Location"].endswith("/report/review")
    review = resident.get("/report/review").get_data(as_text=True)
    assert "Acme Widgets Inc." in review
    assert "My manager cut my hours" in review
    assert "Maria Example" in review
    resident.post("/report/review", {"receipt_kind": "words"})
    report = only_report(app)
    assert report.respondent_name == "Acme Widgets Inc."
    assert report.contact is not None
    assert report.contact.name == "Maria Example"


def test_changing_the_kind_asks_the_new_questions_before_sending(
    app: Flask, resident: Resident
) -> None:
    answers = discrimination_answers()
    resident.begin(answers)
    for name in ("incident", "place"):
        resident.post(f"/report/{name}", answers[name])
    resident.get("/report/review")
    response = resident.post("/report/kind", {"kind": "hate"})
    assert response.headers["Location"].endswith("/report/danger")
    review = resident.post("/report/review", {"receipt_kind": "words"})
    assert review.status_code == 200
    assert "Some answers are missing" in review.get_data(as_text=True)
    resident.post("/report/incident", hate_answers()["incident"])
    resident.post("/report/review", {"receipt_kind": "words"})
    report = only_report(app)
    assert report.kind == "hate"
    # The discrimination answers given before the change are not kept.
    assert report.covered_area is None
    assert report.codes("protected_class") == []


def test_steps_need_the_first_answer(resident: Resident) -> None:
    for url in (
        "/report/incident",
        "/report/place",
        "/report/contact",
        "/report/evidence",
        "/report/review",
    ):
        assert resident.get(url).headers["Location"].endswith("/report/kind")


def test_discarding_deletes_the_draft(app: Flask, resident: Resident) -> None:
    resident.post("/report/kind", {"kind": "hate"})
    resident.post("/report/discard", {}, page="/report/incident")
    with app.app_context():
        assert db.session.scalars(select(Draft)).all() == []
    assert resident.get("/report/incident").headers["Location"].endswith("/report/kind")


def test_stale_drafts_expire(app_factory: object, resident: Resident) -> None:
    app = app_factory(DRAFT_TTL_MINUTES=0)  # type: ignore[operator]
    stale = Resident(app.test_client())
    stale.post("/report/kind", {"kind": "hate"})
    page = stale.get("/report/incident", follow_redirects=True).get_data(as_text=True)
    assert "unsent answers are deleted" in page


def test_contact_fields_are_encrypted_at_rest(app: Flask, resident: Resident) -> None:
    resident.file(discrimination_answers(contact=IDENTIFIED_CONTACT))
    with app.app_context():
        raw = db.session.execute(db.text("SELECT * FROM contact")).one()
        stored = " ".join(str(value) for value in raw)
        for secret in ("Maria", "555-0199", "Example St", "interpreter", "evenings"):
            assert secret not in stored
        contact = db.session.scalars(select(Contact)).one()
        from intake.crypto import email_hash

        assert contact.email_hash == email_hash(" maria.example@example.org ")


def test_continuing_a_report_returns_to_where_the_resident_left(resident: Resident) -> None:
    answers = hate_answers()
    resident.begin(answers)
    resident.post("/report/incident", answers["incident"])
    assert "Continue your report" in resident.get("/").get_data(as_text=True)
    assert resident.get("/report").headers["Location"].endswith("/report/where")
    resident.post("/report/place", answers["place"])
    resident.get("/report/review")
    assert resident.get("/report").headers["Location"].endswith("/report/review")


def test_the_days_promised_are_the_configured_ones(app_factory: Any, smtp_server: Any) -> None:
    app = app_factory(ACKNOWLEDGE_BUSINESS_DAYS=1, SCREENING_BUSINESS_DAYS=7)
    app.config["MAIL_URL"] = smtp_server.url
    resident = Resident(app.test_client())
    contact = {"email": "ana@example.org", "email_updates": "y"}
    page = resident.file(hate_answers(contact=contact)).get_data(as_text=True)
    assert "within 1 business day." in page
    assert "usually within 7 business days" in page
    assert "2 business days" not in page
    body = smtp_server.messages[-1].get_content()
    assert "within 1 business day." in body
