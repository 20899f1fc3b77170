"""`flask reminders send`: one daily digest per assignee of what is overdue and due within seven
days (screening targets and calendar deadlines), case numbers and days only, once a day."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask import Flask
from sqlalchemy import select

from intake.cases import calendar
from intake.clock import today
from intake.extensions import db
from intake.models import AuditEvent, CaseDeadline, OutboxEmail, Report, Staff

from .helpers import IDENTIFIED_CONTACT, hate_answers


def send(app: Flask) -> str:
    result = app.test_cli_runner().invoke(args=["reminders", "send"])
    assert result.exit_code == 0, result.output
    return result.output


def digests(app: Flask) -> list[tuple[str, str, str]]:
    """(recipient, subject, body) of every deadline digest in the outbox."""
    with app.app_context():
        emails = db.session.scalars(
            select(OutboxEmail)
            .where(OutboxEmail.kind == "deadline_digest")
            .order_by(OutboxEmail.id)
        )
        return [(e.recipient, e.subject, e.body) for e in emails]


def setup_case(app: Flask, make_case: Any, **fields: Any) -> tuple[int, str]:
    """A case received 60 days ago with these fields; (id, case number)."""
    with app.app_context():
        received = today() - timedelta(days=60)
    case_id = make_case(hate_answers(contact=IDENTIFIED_CONTACT), received_on=received, **fields)
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        return case_id, report.case_number


def event(app: Flask, case_id: int, key: str, days_ago: int) -> date:
    """Record a calendar event `days_ago` days before today."""
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        on = today() - timedelta(days=days_ago)
        calendar.record(None, report, key, on)
        db.session.commit()
        return on


def email_of(app: Flask, staff_id: int) -> str:
    with app.app_context():
        staff = db.session.get(Staff, staff_id)
        assert staff is not None
        return staff.email


def test_digest_lists_overdue_and_coming_deadlines_of_the_assignee_only(
    app: Flask, make_case: Any, make_staff: Any
) -> None:
    ana = make_staff("investigator", name="Ana Investigator")
    ben = make_staff("investigator")
    with app.app_context():
        now = today()
    # Ana: a response due in 3 days (served 25 days ago, 28 allowed), an acknowledgement overdue,
    # an investigation due in 182 days from acceptance (not listed).
    served, served_number = setup_case(app, make_case, status="accepted", assignee_id=ana)
    event(app, served, "accepted", 50)
    event(app, served, "notice_served", 25)
    _new, new_number = setup_case(
        app, make_case, assignee_id=ana, acknowledge_by=now - timedelta(days=2)
    )
    # Not Ana's: a closed case with a running overdue deadline, an unassigned overdue case.
    closed, closed_number = setup_case(app, make_case, status="closed", assignee_id=ana)
    event(app, closed, "notice_served", 40)
    _loose, loose_number = setup_case(app, make_case, acknowledge_by=now - timedelta(days=5))
    # Ben: the next deadline 28 days away: nothing to send.
    later, _later_number = setup_case(app, make_case, status="accepted", assignee_id=ben)
    event(app, later, "response_received", 0)

    assert "Queued 1 deadline digests" in send(app)

    [(recipient, subject, body)] = digests(app)
    assert recipient == email_of(app, ana)
    assert subject == "2 deadlines overdue or due this week"
    lines = body.splitlines()
    assert (
        f"  {new_number}  Screening decision  due {(now - timedelta(days=2)).isoformat()}"
        not in lines
    )
    assert f"  {new_number}  Acknowledgement  due {(now - timedelta(days=2)).isoformat()}" in lines
    # 28 days after service, moved off a weekend or holiday: within the week either way.
    with app.app_context():
        response = db.session.get(CaseDeadline, (served, "response"))
        assert response is not None
        assert now < response.due_on <= now + timedelta(days=7)
    assert f"  {served_number}  Respondent's response  due {response.due_on.isoformat()}" in lines
    assert lines.index("Overdue: 1") < lines.index("Due in the next 7 days: 1")
    assert lines[-1].endswith("/staff/my-cases")
    for absent in (closed_number, loose_number, "Investigation", "Ana", "Maria", "mosque", "@"):
        assert absent not in body
    # Nothing of the case in the trail either: the digest, the person's id and how many.
    with app.app_context():
        detail = db.session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "deadline_digest")
        ).one()
    assert detail == f'{{"staff": {ana}, "overdue": 1, "soon": 1}}'


def test_running_twice_the_same_day_sends_once(app: Flask, make_case: Any, make_staff: Any) -> None:
    ana = make_staff("investigator")
    with app.app_context():
        now = today()
    setup_case(app, make_case, assignee_id=ana, acknowledge_by=now - timedelta(days=1))
    assert "Queued 1 deadline digests (0 already" in send(app)
    assert "Queued 0 deadline digests (1 already sent today)" in send(app)
    assert len(digests(app)) == 1


def test_yesterdays_digest_does_not_stop_todays(
    app: Flask, make_case: Any, make_staff: Any
) -> None:
    from intake import reminders

    ana = make_staff("investigator")
    with app.app_context():
        now = today()
    setup_case(app, make_case, assignee_id=ana, acknowledge_by=now - timedelta(days=1))
    with app.app_context():
        assert reminders.send(now - timedelta(days=1)).digests == 1
        # Queued today, so it counts for today: a run dated yesterday...
        assert reminders.send(now).digests == 0
        # ...while tomorrow's run sends again.
        assert reminders.send(now + timedelta(days=1)).digests == 1


def test_nothing_due_no_email(app: Flask, make_case: Any, make_staff: Any) -> None:
    ana = make_staff("investigator")
    gone = make_staff("investigator")
    with app.app_context():
        now = today()
    # Screened already; accepted with nothing running; a deactivated assignee's overdue case.
    setup_case(
        app,
        make_case,
        status="accepted",
        assignee_id=ana,
        acknowledge_by=now - timedelta(days=9),
    )
    done, _number = setup_case(app, make_case, status="accepted", assignee_id=ana)
    event(app, done, "notice_served", 30)
    event(app, done, "response_received", 1)
    event(app, done, "reply_received", 0)
    event(app, done, "conference_held", 0)
    setup_case(app, make_case, assignee_id=gone, acknowledge_by=now - timedelta(days=1))
    with app.app_context():
        staff = db.session.get(Staff, gone)
        assert staff is not None
        staff.active = False
        db.session.commit()
    assert "Queued 0 deadline digests" in send(app)
    assert digests(app) == []


def test_digest_reaches_the_mail_server(app_factory: Any, smtp_server: Any) -> None:
    from intake import reminders

    from .helpers import create_staff

    app = app_factory(MAIL_URL=smtp_server.url)
    ana = create_staff(app, "ana@staff.example", ["investigator"])
    with app.test_request_context():
        from intake.filing import file_report

        now = today()
        report = file_report(hate_answers(), [], "words", "en", now).report
        report.assignee_id = ana
        report.acknowledge_by = now - timedelta(days=1)
        db.session.commit()
        number = report.case_number
        assert reminders.send(now).digests == 1
    [message] = smtp_server.messages
    assert message["To"] == "ana@staff.example"
    assert number in message.get_content()
