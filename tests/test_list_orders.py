"""Every sort order of the case list, both ways, and the due day the database keeps for it
(migration 0023): it always equals the rule worked out case by case."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from flask import Flask
from sqlalchemy import select

from intake.cases import calendar, deadlines
from intake.cases.queries import SORTS
from intake.clock import today
from intake.extensions import db
from intake.models import CaseDeadline, Report

from .helpers import discrimination_answers, hate_answers
from .test_calendar import move, record

NOTHING_DUE = deadlines.NOTHING_DUE


def listed(browser: Any, query: str) -> list[int]:
    page = browser.get(f"/staff/cases?all=1&{query}").get_data(as_text=True)
    return [int(n) for n in re.findall(r'href="/staff/cases/(\d+)" data-case-link', page)]


def expected_due(report: Report, running: dict[int, CaseDeadline]) -> date:
    """The rule, case by case: the screening target or the earliest running deadline."""
    days = [day for day in (deadlines.due_date(report),) if day is not None]
    if report.id in running:
        days.append(running[report.id].due_on)
    return min(days, default=NOTHING_DUE)


def assert_kept_due_days(app: Flask) -> None:
    with app.app_context():
        db.session.expire_all()
        reports = list(db.session.scalars(select(Report)))
        running = calendar.next_due([report.id for report in reports])
        kept = {report.id: report.next_due_on for report in reports}
        assert kept == {report.id: expected_due(report, running) for report in reports}


def test_the_kept_due_day_follows_every_change(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    with app.app_context():
        now = today()
    fresh = make_case()
    screening = make_case(status="screening", screen_by=now + timedelta(days=4))
    accepted = make_case(status="screening")
    closed = make_case(status="closed", closure_reason="settled")
    assert_kept_due_days(app)
    move(supervisor, accepted, "accepted")  # Starts the calendar's deadlines.
    assert_kept_due_days(app)
    served = now  # The respondent was served today: their response falls due.
    assert record(supervisor, accepted, "notice_served", served).status_code == 302
    assert_kept_due_days(app)
    with app.app_context():
        # A deadline done, one removed, a target moved: each recomputes the case's day.
        first = db.session.scalars(
            select(CaseDeadline).where(CaseDeadline.report_id == accepted)
        ).first()
        assert first is not None
        first.done_on = now
        db.session.commit()
        db.session.delete(first)
        report = db.session.get(Report, screening)
        assert report is not None
        report.screen_by = now - timedelta(days=1)
        db.session.commit()
    assert_kept_due_days(app)
    move(supervisor, fresh, "screening")
    assert_kept_due_days(app)
    with app.app_context():
        kept = {r.id: r.next_due_on for r in db.session.scalars(select(Report))}
    assert kept[closed] == NOTHING_DUE
    assert kept[screening] == now - timedelta(days=1)
    assert f'/staff/cases/{screening}"' in supervisor.get("/staff/cases?overdue=1").get_data(
        as_text=True
    )


def test_every_sort_order_both_ways(app: Flask, staff_browser: Any, make_case: Any) -> None:
    """Each order is its columns then the id, all ascending or all descending."""
    cases = []
    for number in range(8):
        answers = (hate_answers if number % 2 else discrimination_answers)()
        cases.append(
            make_case(
                answers,
                status=("new", "screening", "closed", "accepted")[number % 4],
                language=("en", "es", "zh")[number % 3],
                community_area=1 + number % 3,
                ward=10 + number % 2,
                incident_year=2025,
                incident_month=1 + number % 2,
                incident_day=1 + number % 3,
                closure_reason="settled" if number % 4 == 2 else None,
            )
        )
    supervisor = staff_browser("supervisor")
    with app.app_context():
        reports = {r.id: r for r in db.session.scalars(select(Report))}
        for name, columns in SORTS.items():
            keys = {
                case: (*(getattr(reports[case], c.key) for c in columns), case) for case in cases
            }
            ascending = sorted(cases, key=keys.__getitem__)
            assert listed(supervisor, f"sort={name}") == ascending, name
            assert listed(supervisor, f"sort=-{name}") == ascending[::-1], name
