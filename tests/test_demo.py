"""`make demo` (`flask demo load`): a few hundred worked cases on an empty database, the same
sign-ins and codes printed on every start, and a walkthrough from triage to closing.

The demo is seeded once for the module; tests that change a case change only the first printed
demo report, which no other test here counts on.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pyotp
import pytest
from flask import Flask
from sqlalchemy import func

from intake import create_app, demo, demo_history, demo_ways_in
from intake.cases import service
from intake.cases.deadlines import overdue_clause
from intake.clock import today
from intake.extensions import db
from intake.models import (
    Attachment,
    AuditEvent,
    CallbackRequest,
    Message,
    Report,
    Staff,
    SummaryChange,
    SummaryDay,
    Tag,
    utcnow,
)
from intake.statistics import rollup
from intake.statuses import OPEN_STATUSES, Status

from .conftest import Databases
from .helpers import STAFF_PASSWORD, Resident, StaffBrowser

CODES = re.compile(r"(HR-[0-9A-Z]{4}-[0-9A-Z]{4})  secret code: ([a-z ]+)\n")


@dataclass
class Demo:
    """The seeded demo: its app, what the first start printed, and a signed-in browser per role."""

    app: Flask
    first: str
    browsers: dict[str, StaffBrowser]


def _signed_in(app: Flask, email: str) -> StaffBrowser:
    browser = StaffBrowser(app.test_client())
    response = browser.post("/staff/sign-in", {"email": email, "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302
    code = pyotp.TOTP(demo.DEMO_TOTP_SECRET).now()
    assert browser.post("/staff/two-factor", {"code": code}).status_code == 302
    return browser


@pytest.fixture(scope="module")
def seeded(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """An empty database after one `flask demo load`."""
    url, cleanup = databases.new()
    uploads = tmp_path_factory.mktemp("uploads")
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": url, "UPLOAD_FOLDER": str(uploads)})
    result = app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    browsers = {roles[0]: _signed_in(app, email) for email, _name, roles in demo.DEMO_STAFF}
    yield Demo(app, result.output, browsers)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    cleanup()


def _count(what: Any, *where: Any) -> int:
    return int(db.session.scalar(db.select(func.count()).select_from(what).where(*where)) or 0)


def _values(column: Any) -> set[Any]:
    return set(db.session.scalars(db.select(column).distinct()))


def test_the_demo_fills_an_empty_database_with_a_few_hundred_varied_cases(seeded: Demo) -> None:
    with seeded.app.app_context():
        total = _count(Report)
        ways_in = len(demo_ways_in._reports())
        assert total == demo_history.CASES + len(demo.DEMO_REPORTS) + ways_in
        # One of each way in (issue 16): by phone, a mailed paper form with its scan, a police
        # referral, a report made for someone else, and a call-back waiting.
        assert {"online", "phone", "mail", "police"} <= _values(Report.channel)
        assert "behalf" in _values(Report.reporter_role)
        assert _count(Attachment, Attachment.source == "original") == 1
        assert _count(CallbackRequest, CallbackRequest.status == "open") == 1
        assert _values(Report.kind) == {"discrimination", "hate", "unsure"}
        assert _values(Report.status) == {status.value for status in Status}
        assert len(_values(Report.closure_reason)) >= 7
        assert len(_values(Report.referred_to)) >= 4
        assert {"en", "es", "pl", "zh", "ar", "uk", "ko", "hi", "ur", "fil"} <= _values(
            Report.language
        )
        assert _values(Report.anonymous) == {True, False}
        assert _values(Report.urgent) == {True, False}
        assert _values(Report.past_filing_deadline) == {True, False}
        assert len(_values(Report.community_area)) >= 25
        received = _values(Report.received_on)
        assert max(received) == today()
        assert min(received) <= today() - timedelta(days=500)
        # No two stories alike (the duplicate finder would flag them), but for the cases closed
        # as duplicates: each repeats an earlier report and is linked to it.
        duplicates = db.session.scalars(
            db.select(Report).where(Report.closure_reason == "duplicate")
        ).all()
        assert duplicates
        assert len(_values(Report.narrative_fingerprint)) == total - len(duplicates)
        for report in duplicates:
            linked = service.linked_cases(report)
            assert {case.narrative_fingerprint for case in linked} == {report.narrative_fingerprint}
            assert min(case.received_on for case in linked) <= report.received_on
        assert "Llamé por un departamento" in " ".join(_values(Report.narrative))
        for report in db.session.scalars(db.select(Report)):
            happened = (report.incident_year, report.incident_month)
            assert happened <= (report.received_on.year, report.received_on.month)
            contact = report.contact
            assert (contact is None) == report.anonymous
            if contact is not None and contact.email:
                assert contact.email.endswith("@example.org")
            if contact is not None and contact.phone:
                assert re.search(r"555\D?01\d\d$", contact.phone)  # Numbers kept for fiction.
        assert _count(Message, Message.sender == "resident") >= 10


def test_every_case_has_the_history_the_real_functions_write(seeded: Demo) -> None:
    with seeded.app.app_context():
        reports = db.session.scalars(db.select(Report)).all()
        for report in reports:
            trail = db.session.scalars(
                db.select(AuditEvent)
                .where(AuditEvent.report_id == report.id)
                .order_by(AuditEvent.created_at, AuditEvent.id)
            ).all()
            moves = [event.new_value for event in trail if event.field == "status"]
            assert moves[-1:] == ([report.status] if report.status != "new" else [])
            assigned = [event.new_value for event in trail if event.action == "assign"]
            assert assigned[-1:] == ([report.assignee.email] if report.assignee else [])
            assert all(report.created_at <= event.created_at <= utcnow() for event in trail)
            thread = db.session.scalars(db.select(Message).where(Message.report_id == report.id))
            bodies = [message.body for message in thread]
            assert len(bodies) == len(set(bodies)), report.case_number  # No message said twice.
            if report.closed_at is not None:
                assert report.screened_at
                assert report.created_at < report.screened_at
                assert report.screened_at <= report.closed_at
        # The daily counts the reports read follow the cases, kept by the same triggers.
        rollup.fold()
        assert _count(SummaryChange) == 0
        kinds = db.session.scalar(
            db.select(func.sum(SummaryDay.count)).where(SummaryDay.dimension == "kind")
        )
        assert kinds == len(reports)


def test_the_demo_investigator_has_open_cases_a_few_with_unread_replies(seeded: Demo) -> None:
    with seeded.app.app_context():
        me = db.session.scalars(db.select(Staff).where(Staff.email == demo.DEMO_STAFF[1][0])).one()
        mine = _count(Report, Report.assignee_id == me.id, Report.status.in_(OPEN_STATUSES))
        assert mine == demo_history.MY_OPEN
        others = _count(Report, Report.assignee_id != me.id, Report.status.in_(OPEN_STATUSES))
        assert others > 0
        assert _count(Report, overdue_clause(today())) >= 2
    pages, replies = [], 0
    still_open = "&".join(f"status={status}" for status in sorted(OPEN_STATUSES))
    for number in range(1, 4):
        html = seeded.browsers["investigator"].get(f"/staff/my-cases?{still_open}&page={number}")
        text = html.get_data(as_text=True)
        pages.append(text)
        replies += text.count("badge--reply")
    assert re.search(rf">{demo_history.MY_OPEN} cases<", pages[0])
    assert replies == demo_history.UNREAD


def test_a_second_start_adds_nothing_and_prints_the_same_codes(
    seeded: Demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    with seeded.app.app_context():
        before = (_count(Report), _count(AuditEvent), _count(Message))
    monkeypatch.setenv("PORT", "5050")
    started = time.monotonic()
    second = seeded.app.test_cli_runner().invoke(args=["demo", "load"]).output
    assert time.monotonic() - started < 10
    with seeded.app.app_context():
        assert (_count(Report), _count(AuditEvent), _count(Message)) == before
    assert "http://127.0.0.1:5050/staff/sign-in" in second
    codes = CODES.findall(second)
    assert len(codes) == len(demo.DEMO_REPORTS)
    assert codes == CODES.findall(seeded.first)
    resident = Resident(seeded.app.test_client())
    number, code = codes[0]
    assert resident.post("/check", {"record_number": number, "receipt": code}).status_code == 302
    status = resident.get("/check/report").get_data(as_text=True)
    assert "Could you tell us the day of the week" in status


def test_the_demo_walkthrough(seeded: Demo) -> None:
    """From `make demo`: each role signs in, the case is triaged, assigned, worked and closed."""
    number = CODES.findall(seeded.first)[0][0]
    with seeded.app.app_context():
        report = db.session.scalars(db.select(Report).where(Report.record_number == number)).one()
        case_id = report.id
        investigator = db.session.scalars(
            db.select(Staff).where(Staff.email == "investigator@demo.example")
        ).one()
    browsers = seeded.browsers
    page = f"/staff/cases/{case_id}"
    intake = browsers["intake"]
    assert (
        intake.post(
            f"{page}/update", {"version": "1", "status": "screening"}, page=page
        ).status_code
        == 302
    )
    assert (
        intake.post(
            f"{page}/assign", {"version": "2", "assignee": str(investigator.id)}, page=page
        ).status_code
        == 302
    )
    assert (
        intake.post(f"{page}/update", {"version": "3", "status": "accepted"}, page=page).status_code
        == 302
    )
    worker = browsers["investigator"]
    worker.post(f"{page}/notes", {"body": "Interviewed the resident."}, page=page)
    worker.post(f"{page}/update", {"version": "4", "status": "determination"}, page=page)
    supervisor = browsers["supervisor"]
    response = supervisor.post(
        f"{page}/update",
        {"version": "5", "status": "closed", "closure_reason": "violation_found"},
        page=page,
    )
    assert response.status_code == 302
    trail = supervisor.get(page).get_data(as_text=True).split('id="audit"')[1]
    for step in (
        "<bdi>New</bdi> → <bdi>Screening</bdi>",
        "<bdi>Screening</bdi> → <bdi>Accepted (investigation)</bdi>",
        "<bdi>Accepted (investigation)</bdi> → <bdi>Determination</bdi>",
        "<bdi>Determination</bdi> → <bdi>Closed</bdi>",
        "<bdi>Substantial evidence / violation found</bdi>",
        "investigator@demo.example",
        "Added an internal note",
    ):
        assert step in trail
    assert browsers["admin"].get(page).status_code == 403
    assert STAFF_PASSWORD not in demo.sign_in_help()


def test_the_demo_shows_tags_an_incident_and_a_saved_view(seeded: Demo) -> None:
    supervisor = seeded.browsers["supervisor"]
    incidents = supervisor.get("/staff/incidents").get_data(as_text=True)
    assert "Flyers left around the neighbourhood" in incidents
    tags = supervisor.get("/staff/admin/tags").get_data(as_text=True)
    for name in ("Flyer wave", "Interpreter needed", "Media interest"):
        assert name in tags
    cases = supervisor.get("/staff/cases").get_data(as_text=True)
    assert "Urgent and open" in cases
    with seeded.app.app_context():
        tag_id = db.session.scalar(db.select(Tag.id).where(Tag.name == "Interpreter needed"))
    tagged = supervisor.get(f"/staff/cases?tag={tag_id}").get_data(as_text=True)
    assert tagged.count('<li class="tag">Interpreter needed</li>') == 6


def test_the_demo_has_a_case_at_each_stage_after_acceptance(seeded: Demo) -> None:
    from intake.models import CaseDeadline, Complaint, Respondent

    with seeded.app.app_context():
        states = sorted(db.session.scalars(db.select(Complaint.state)))
        assert states.count("draft") == 1
        assert states.count("ready") == 1
        assert states.count("signed") == 3
        assert _count(Respondent) == 2
        keys = set(db.session.scalars(db.select(CaseDeadline.key)))
        assert {"notice", "response", "reply", "investigation"} <= keys
        extended = _count(CaseDeadline, CaseDeadline.extended.is_(True))
        assert extended == 1
        waiting = db.session.scalar(
            db.select(Report.case_number)
            .join(CaseDeadline, CaseDeadline.report_id == Report.id)
            .where(CaseDeadline.key == "response", CaseDeadline.done_on.is_(None))
        )
    # Served 24 days ago: the respondent's answer is due this week.
    soon = seeded.browsers["supervisor"].get("/staff/cases?due=week&status=accepted")
    assert f">{waiting}</a>" in soon.get_data(as_text=True)
