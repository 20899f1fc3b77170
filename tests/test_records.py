"""The records lifecycle: retention, legal holds, two-person disposal, tombstones that keep every
past statistic, a resident's withdrawal, and foreign keys enforced on both databases."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from flask import Flask
from sqlalchemy.exc import IntegrityError

from intake import uploads
from intake.clock import today
from intake.extensions import db
from intake.models import (
    AuditEvent,
    CaseLink,
    Contact,
    Disclosure,
    Message,
    Note,
    Report,
    SummaryDay,
    utcnow,
)
from intake.statistics import rollup
from intake.statistics.periods import parse
from intake.statistics.summary import summarize

from .helpers import (
    StaffBrowser,
    database_text,
    discrimination_answers,
    pdf_bytes,
)
from .test_followup import file_and_keep, open_report

LONG_AGO = utcnow() - timedelta(days=6 * 366)  # Past every default retention period.
STORY = "RECORDS-STORY-MARKER the landlord refused"
PERSONAL = ("Zofia Personal", "zofia@example.org", "Respondent Corp X", "Witness Wanda")


def closed_long_ago(app: Flask, make_case: Any, author: StaffBrowser) -> int:
    """A closed discrimination case with a contact, a note, a message, a link and a file."""
    answers = discrimination_answers(
        incident={"narrative": STORY},
        place={"respondent_name": "Respondent Corp X", "witnesses": "Witness Wanda"},
        contact={"name": "Zofia Personal", "email": "zofia@example.org"},
    )
    case_id = make_case(
        answers,
        status="closed",
        closure_reason="settled",
        closed_at=LONG_AGO,
    )
    other = make_case()
    with app.test_request_context():
        from intake.followup import add_files

        report = db.session.get(Report, case_id)
        assert report is not None
        add_files(report, [(uploads.clean(pdf_bytes()), "eviction-zofia.pdf")])
        db.session.add(Message(report_id=case_id, sender="resident", body="Message PERSONAL"))
        db.session.add(
            Disclosure(
                report_id=case_id, recipient="police", shared="case_summary", legal_reason="Why"
            )
        )
        db.session.add(
            Note(report_id=case_id, author_id=author.staff_id, body="Note PERSONAL")  # type: ignore[attr-defined]
        )
        db.session.add(
            CaseLink(
                report_id=min(case_id, other),
                other_id=max(case_id, other),
                created_by_id=author.staff_id,  # type: ignore[attr-defined]
            )
        )
        db.session.commit()
    return case_id


def step(browser: StaffBrowser, case_id: int, name: str) -> str:
    """Press one of the records page's buttons; the page it comes back to."""
    response = browser.post(f"/staff/records/{case_id}/{name}", page="/staff/records")
    assert response.status_code == 302, response.status_code
    return browser.get("/staff/records").get_data(as_text=True)


@pytest.fixture
def people(app: Flask, staff_browser: Any) -> dict[str, StaffBrowser]:
    return {"supervisor": staff_browser("supervisor"), "admin": staff_browser("admin")}


def test_sqlite_and_postgresql_both_refuse_to_delete_a_report_the_trail_names(
    app: Flask, make_case: Any
) -> None:
    case_id = make_case()
    with app.app_context():
        db.session.add(AuditEvent(report_id=case_id, action="view"))
        db.session.commit()
        if db.engine.dialect.name == "sqlite":
            assert db.session.execute(db.text("PRAGMA foreign_keys")).scalar() == 1
        delete = db.text("DELETE FROM report WHERE id = :id")
        with pytest.raises(IntegrityError):
            db.session.execute(delete, {"id": case_id})
        db.session.rollback()
        # A reference to no report at all is refused too (SQLite used to accept it).
        db.session.add(Contact(report_id=999_999, name="nobody"))
        with pytest.raises(IntegrityError):
            db.session.flush()
        db.session.rollback()


def test_only_finished_cases_past_their_period_are_due(
    app: Flask, make_case: Any, people: dict[str, StaffBrowser]
) -> None:
    recent = make_case(status="closed", closure_reason="settled", closed_at=utcnow())
    still_open = make_case(status="accepted")
    screened_out = make_case(
        status="closed",
        closure_reason="duplicate",
        closed_at=utcnow() - timedelta(days=3 * 366),
    )
    referred = make_case(status="referred", screened_at=utcnow() - timedelta(days=3 * 366))
    hate_four_years = make_case(
        status="closed", closure_reason="settled", closed_at=utcnow() - timedelta(days=4 * 366)
    )
    old = closed_long_ago(app, make_case, people["supervisor"])
    page = people["supervisor"].get("/staff/records").get_data(as_text=True)
    numbers = {}
    with app.app_context():
        for case_id in (recent, still_open, screened_out, referred, hate_four_years, old):
            report = db.session.get(Report, case_id)
            assert report is not None
            numbers[case_id] = report.case_number
    assert numbers[screened_out] in page  # Closed at screening: 2 years.
    assert numbers[referred] in page  # Referred: 2 years from the referral.
    assert numbers[old] in page  # Closed discrimination case: 5 years.
    for case_id in (recent, still_open, hate_four_years):
        assert numbers[case_id] not in page
    assert STORY not in page
    assert "Zofia" not in page


def test_disposal_takes_two_people_and_keeps_every_past_statistic(
    app: Flask, make_case: Any, people: dict[str, StaffBrowser]
) -> None:
    case_id = closed_long_ago(app, make_case, people["supervisor"])
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        files = [uploads.evidence_path(a.stored_name) for a in report.attachments]
        received = report.received_on
        periods = [parse(str(received.year)), parse(f"{received.year}-{received.month:02d}")]
        before = [summarize(period, date.today()) for period in periods]
        rollup.fold()
        days_before = sorted(db.session.execute(db.select(SummaryDay.__table__)).all())
    assert all(path.exists() for path in files)
    supervisor, admin = people["supervisor"], people["admin"]

    page = step(supervisor, case_id, "propose")
    assert "Disposal proposed" in page
    # The same person cannot approve their own proposal, nor dispose before approval.
    assert "A second person must approve" in step(supervisor, case_id, "approve")
    assert "proposed and approved by two people" in step(supervisor, case_id, "dispose")
    assert "Disposal approved" in step(admin, case_id, "approve")
    assert "was disposed of" in step(supervisor, case_id, "dispose")

    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert report.disposed_on == today()
        assert (report.narrative, report.respondent_name, report.witnesses) == ("", None, None)
        assert report.contact is None
        assert report.attachments == []
        assert (report.kind, report.status, report.closure_reason) == (
            "discrimination",
            "closed",
            "settled",
        )
        assert report.codes("protected_class") == ["race", "age"]  # Vocabularies stay.
        for model in (Message, Note, CaseLink):
            assert db.session.scalars(db.select(model)).all() == [], model
        (disclosure,) = db.session.scalars(db.select(Disclosure)).all()
        assert (disclosure.recipient, disclosure.legal_reason) == ("police", None)
        after = [summarize(period, date.today()) for period in periods]
        rollup.fold()
        days_after = sorted(db.session.execute(db.select(SummaryDay.__table__)).all())
    assert after == before
    assert days_after == days_before
    assert not any(path.exists() for path in files)
    stored = database_text(app)
    for text in (STORY, *PERSONAL, "Message PERSONAL", "Note PERSONAL"):
        assert text not in stored, text
    # The search index forgot the story too.
    found = supervisor.get("/staff/cases?q=RECORDS-STORY-MARKER").get_data(as_text=True)
    assert "No cases match" in found
    tombstone = supervisor.get(f"/staff/cases/{case_id}").get_data(as_text=True)
    assert "was disposed of on" in tombstone
    assert STORY not in tombstone
    refused = supervisor.post(
        f"/staff/cases/{case_id}/notes", {"body": "more"}, page="/staff/records"
    )
    assert refused.status_code == 403


def test_a_legal_hold_blocks_disposal_until_released(
    app: Flask, make_case: Any, people: dict[str, StaffBrowser]
) -> None:
    case_id = closed_long_ago(app, make_case, people["supervisor"])
    supervisor, admin = people["supervisor"], people["admin"]
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        number = report.case_number
    empty = supervisor.post(
        "/staff/records/hold", {"number": number, "reason": ""}, page="/staff/records"
    )
    assert "Say why the case is on hold." in empty.get_data(as_text=True)
    assert f'value="{number}"' in empty.get_data(as_text=True)  # Nothing typed is lost.
    held = supervisor.post(
        "/staff/records/hold",
        {"number": number.lower(), "reason": "Lawsuit 2031-L-1234"},
        page="/staff/records",
        follow=True,
    ).get_data(as_text=True)
    assert "is on legal hold" in held
    assert "Lawsuit 2031-L-1234" in held
    assert "Release the hold first" in step(supervisor, case_id, "propose")
    step(supervisor, case_id, "release")
    step(supervisor, case_id, "propose")
    step(admin, case_id, "approve")
    # A hold set after approval still stops the scheduled command.
    supervisor.post(
        "/staff/records/hold",
        {"number": number, "reason": "Records request"},
        page="/staff/records",
    )
    runner = app.test_cli_runner()
    assert "Disposed of 0 cases" in runner.invoke(args=["records", "dispose"]).output
    step(supervisor, case_id, "release")
    assert "Disposed of 1 cases" in runner.invoke(args=["records", "dispose"]).output
    with app.app_context():
        trail = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.report_id == case_id)
        ).all()
        actions = [event.action for event in trail]
        # The hold's reason is on the case while it lasts, never copied into the trail.
        assert "Lawsuit" not in repr([(e.detail, e.old_value, e.new_value) for e in trail])
    for action in ("legal_hold_set", "legal_hold_released", "disposal_proposed", "disposed"):
        assert action in actions


def test_the_resident_learns_their_report_was_deleted(
    app: Flask, make_case: Any, people: dict[str, StaffBrowser]
) -> None:
    case_id, number, receipt = file_and_keep(app, contact={"email": "zofia@example.org"})
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        report.status, report.closure_reason, report.closed_at = "closed", "settled", LONG_AGO
        db.session.commit()
    step(people["supervisor"], case_id, "propose")
    step(people["admin"], case_id, "approve")
    step(people["supervisor"], case_id, "dispose")
    resident = open_report(app, number, receipt)
    page = resident.get("/check/report").get_data(as_text=True)
    assert "its details were deleted on" in page
    assert "zofia@example.org" not in page
    refused = resident.post("/check/report/message", {"body": "hello"}, page="/check/report")
    assert refused.headers["Location"].endswith("/check/report")
    with app.app_context():
        assert db.session.scalars(db.select(Message)).all() == []


def test_withdrawing_before_acceptance_deletes_at_once(app: Flask) -> None:
    case_id, number, receipt = file_and_keep(app, contact={"email": "zofia@example.org"})
    resident = open_report(app, number, receipt)
    unconfirmed = resident.post("/check/report/withdraw", {}, page="/check/report")
    assert "Tick the box to confirm" in unconfirmed.get_data(as_text=True)
    done = resident.post(
        "/check/report/withdraw", {"confirm": "y"}, page="/check/report", follow=True
    ).get_data(as_text=True)
    assert "withdrawn and its details were deleted" in done
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert (report.status, report.closure_reason) == ("closed", "withdrawn")
        assert report.disposed_on is not None
        assert report.contact is None
    assert "zofia@example.org" not in database_text(app)


def test_withdrawing_an_accepted_case_asks_staff(
    app: Flask, people: dict[str, StaffBrowser]
) -> None:
    case_id, number, receipt = file_and_keep(app)
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        report.status = "accepted"
        db.session.commit()
    resident = open_report(app, number, receipt)
    page = resident.post(
        "/check/report/withdraw", {"confirm": "y"}, page="/check/report", follow=True
    ).get_data(as_text=True)
    assert "We received your request to withdraw" in page
    assert "You asked to withdraw this report on" in page
    case_page = people["supervisor"].get(f"/staff/cases/{case_id}").get_data(as_text=True)
    assert "The resident asked to withdraw this report" in case_page
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert report.disposed_on is None
        assert report.narrative


def test_a_referral_note_is_recorded_as_changed_not_copied(
    app: Flask, make_case: Any, people: dict[str, StaffBrowser]
) -> None:
    case_id = make_case(status="screening")
    browser = people["supervisor"]
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        version = report.version
    browser.post(
        f"/staff/cases/{case_id}/update",
        {
            "version": version,
            "status": "referred",
            "referred_to": "idhr",
            "referral_note": "Call Ms. Secret at 773-555-0199",
        },
        page=f"/staff/cases/{case_id}",
    )
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert report.status == "referred"
        trail = db.session.scalars(db.select(AuditEvent)).all()
        assert "Ms. Secret" not in repr([(e.detail, e.old_value, e.new_value) for e in trail])
        assert any(e.field == "referral_note" for e in trail)


def test_retention_counts_whole_years_from_closure(app: Flask) -> None:
    from intake.records.retention import years_later

    assert years_later(date(2024, 2, 29), 5) == date(2029, 2, 28)
    assert years_later(date(2026, 3, 1), -2) == date(2024, 3, 1)
    with app.app_context():
        assert app.config["RETENTION_YEARS"]["closed_hate"] == 5
