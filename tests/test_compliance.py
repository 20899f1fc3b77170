"""Deadline compliance per stage and days from arrival to each stage, from cases with known
events (one on time, one late, one extended), on the reports page and in every export."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from openpyxl import load_workbook
from pypdf import PdfReader

from intake.cases import calendar
from intake.clock import today
from intake.extensions import db
from intake.models import Report, Staff
from intake.statistics import compliance, rollup
from intake.statistics.periods import parse

RECEIVED = date(2025, 3, 3)  # A Monday; March 9, 2025 starts daylight saving time in Chicago.


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# Per case: the screening timestamps (UTC), the events, and (case C) an extension.
CASES: dict[str, dict[str, Any]] = {
    # On time everywhere; acknowledged at 23:30 on the due day in Chicago (05:30 UTC next day).
    "A": {
        "acknowledged_at": utc(2025, 3, 6, 5, 30),
        "screened_at": utc(2025, 3, 14, 15),
        "events": [("accepted", 5), ("notice_served", 10), ("response_received", 32)],
        # 22:00 on April 30 in Chicago, May 1 in UTC: 58 days after arrival, not 59.
        "closed_at": utc(2025, 5, 1, 3),
    },
    # Late: acknowledged the next morning, screened at 23:00 on the due day (04:00 UTC after).
    "B": {
        "acknowledged_at": utc(2025, 3, 6, 15),
        "screened_at": utc(2025, 3, 18, 4),
        "events": [("accepted", 10), ("notice_served", 10), ("response_received", 46)],
    },
    # Never acknowledged nor screened; the response's deadline extended, then met.
    "C": {
        "events": [("accepted", 20), ("notice_served", 10), ("response_received", 49)],
        "extend": ("response", date(2025, 4, 21)),
    },
}


@pytest.fixture
def known_cases(app: Flask, make_case: Any, make_staff: Any) -> dict[str, int]:
    """Cases A, B, C received on RECEIVED, acknowledged by March 5, screened by March 17."""
    supervisor_id = make_staff("supervisor")
    ids = {}
    for name, plan in CASES.items():
        case_id = make_case(
            received_on=RECEIVED,
            acknowledge_by=date(2025, 3, 5),
            screen_by=date(2025, 3, 17),
            acknowledged_at=plan.get("acknowledged_at"),
            screened_at=plan.get("screened_at"),
        )
        with app.app_context():
            report = db.session.get(Report, case_id)
            supervisor = db.session.get(Staff, supervisor_id)
            assert report is not None
            assert supervisor is not None
            for key, days in plan["events"]:
                if key == "response_received" and "extend" in plan:
                    calendar.extend(supervisor, report, *plan["extend"], "Respondent asked")
                calendar.record(supervisor, report, key, RECEIVED + timedelta(days=days))
            if "closed_at" in plan:
                report.status, report.closed_at = "closed", plan["closed_at"]
            db.session.commit()
        ids[name] = case_id
    return ids


EXPECTED = {
    # key: (fell due, met, late, extended, running, share met, median days taken)
    "acknowledge": (3, 1, 2, 0, 0, 33.3, 2.0),
    "screen": (3, 2, 1, 0, 0, 66.7, 11.0),
    "notice": (0, 0, 0, 0, 0, None, None),
    # Due April 7 (April 21 for C): met after 22 days (A), late after 36 (B), met after 39 (C).
    "response": (3, 2, 1, 1, 0, 66.7, 36.0),
    # Started by the responses; none done, every day past.
    "reply": (3, 0, 3, 0, 0, 0.0, None),
    "conference": (3, 0, 3, 0, 0, 0.0, None),
    "investigation": (3, 0, 3, 0, 0, 0.0, None),
}
STAGES = {
    "accepted": (3, 10.0),
    "complaint_signed": (0, None),
    "notice_served": (3, 10.0),
    "response_received": (3, 46.0),
    "closed": (1, 58.0),
}


def figures(row: compliance.Compliance) -> tuple[Any, ...]:
    return (
        row.due,
        row.met,
        row.late,
        row.extended,
        row.running,
        row.share_met,
        row.median_days,
    )


def test_compliance_and_stage_figures(app: Flask, known_cases: dict[str, int]) -> None:
    with app.app_context():
        period = parse("2025")
        rollup.fold()
        rows = compliance.deadlines(period, today())
        stages = compliance.stages(period, today())
    assert {row.key: figures(row) for row in rows} == EXPECTED
    assert [row.key for row in rows] == list(EXPECTED)
    assert {s.key: (s.cases, s.median) for s in stages} == STAGES
    # Another period holds none of them.
    with app.app_context():
        empty = compliance.deadlines(parse("2024"), today())
    assert all(figures(row)[:5] == (0, 0, 0, 0, 0) for row in empty)


def test_a_deadline_not_yet_due_is_running_not_late(
    app: Flask, make_case: Any, make_staff: Any
) -> None:
    with app.app_context():
        now = today()
    case_id = make_case(received_on=now - timedelta(days=20))
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        calendar.record(None, report, "notice_served", now - timedelta(days=1))
        db.session.commit()
        due = db.session.get(calendar.CaseDeadline, (case_id, "response"))
        assert due is not None
        period = parse(f"{due.due_on.isoformat()}..{due.due_on.isoformat()}")
        rollup.fold()
        [row] = [r for r in compliance.deadlines(period, now) if r.key == "response"]
    assert figures(row) == (0, 0, 0, 0, 1, None, None)


def test_compliance_takes_a_bounded_number_of_queries(
    app: Flask, known_cases: dict[str, int]
) -> None:
    from sqlalchemy import event

    with app.app_context():
        rollup.fold()
        statements: list[str] = []

        def count(*args: Any) -> None:
            statements.append(args[2])

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            compliance.deadlines(parse("2025"), today())
            compliance.stages(parse("2025"), today())
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) == 2


def test_the_reports_page_and_exports_show_them(
    app: Flask, known_cases: dict[str, int], staff_browser: Any
) -> None:
    supervisor = staff_browser("supervisor")
    page = supervisor.get("/staff/reports?period=2025").get_data(as_text=True)
    response = re.search(r'<tr id="deadline-response">(.*?)</tr>', page, re.S)
    assert response is not None
    cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", response.group(1), re.S)
    assert [html.unescape(c.strip()) for c in cells] == [
        "Respondent's response",
        "3",
        "2",
        "1",
        "1",
        "0",
        "66.7",
        "36.0",
    ]
    assert 'id="deadlines-title">Deadlines met' in page
    closed = re.search(r'<tr id="stage-closed">(.*?)</tr>', page, re.S)
    assert closed is not None
    assert "<td>1</td><td>58.0</td>" in closed.group(1)

    data = supervisor.client.get("/staff/reports/export.csv?period=2025", buffered=True).data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert ["Deadlines: Respondent's response", "Per cent met on time", "66.7"] in rows
    assert ["Deadlines: Acknowledgement", "Median days taken", "2.0"] in rows
    assert ["Days from arrival to: Closed", "median days", "58.0"] in rows

    xlsx = supervisor.client.get("/staff/reports/export.xlsx?period=2025", buffered=True).data
    workbook = load_workbook(io.BytesIO(xlsx))
    sheet = [list(row) for row in workbook["Deadlines met"].iter_rows(values_only=True)]
    assert sheet[0][:3] == ["Stage", "Fell due", "Met on time"]
    assert ["Screening decision", 3, 2, 1, 0, 0, 66.7, 11] in sheet
    stages = [list(row) for row in workbook["Days to each stage"].iter_rows(values_only=True)]
    assert ["Respondent's response received", 3, 46] in stages

    pdf = supervisor.client.get("/staff/reports/export.pdf?period=2025", buffered=True).data
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Deadlines met" in text
    assert "Days to each stage" in text
    assert "Screening decision" in text
    assert "66.7" in text


def test_the_public_version_hides_stages_with_few_deadlines(
    app: Flask, known_cases: dict[str, int], staff_browser: Any
) -> None:
    supervisor = staff_browser("supervisor")
    page = supervisor.get("/staff/reports?period=2025&public=1").get_data(as_text=True)
    response = re.search(r'<tr id="deadline-response">(.*?)</tr>', page, re.S)
    assert response is not None
    assert "66.7" not in response.group(1)
    assert response.group(1).count("fewer than 5") == 7


@pytest.mark.parametrize("query", ["period=1900", "period=2100", "start=1990-01-01&end=1999-12-31"])
def test_far_periods_show_empty_tables(app: Flask, staff_browser: Any, query: str) -> None:
    supervisor = staff_browser("supervisor")
    response = supervisor.get(f"/staff/reports?{query}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    row = re.search(r'<tr id="deadline-acknowledge">(.*?)</tr>', page, re.S)
    assert row is not None
    assert "<td>0</td>" in row.group(1)
    csv_data = supervisor.client.get(f"/staff/reports/export.csv?{query}", buffered=True)
    assert csv_data.status_code == 200
