"""Supervisor reports: every figure against hand-computed values, and safe exports."""

from __future__ import annotations

import csv
import io
import math
import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from openpyxl import load_workbook
from pypdf import PdfReader

from intake.cases import calendar
from intake.extensions import db
from intake.models import (
    AuditEvent,
    Incident,
    Report,
    Staff,
    SummaryChange,
    SummaryDay,
    SummaryMonth,
)
from intake.statistics import rollup
from intake.statistics.exports import neutralize
from intake.statistics.periods import PeriodError, parse
from intake.statistics.summary import summarize

from .helpers import discrimination_answers, hate_answers

PERSONAL = [
    "Zofia Personal",
    "zofia@example.org",
    "773-555-0142",
    "42 Secret Lane",
    "UNIQUE-NARRATIVE-MARKER",
    "Respondent Corp X",
    "Witness Wanda",
]


def at(day: date, hours: float = 12) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(hours=hours)


@pytest.fixture
def seeded(app: Flask, make_case: Any, make_staff: Any) -> dict[str, Any]:
    """Q3 2026: 6 hate incidents and 3 discrimination complaints, plus one in June."""
    investigator = make_staff("investigator", name="Ivy Investigator")
    ids = []
    for number in range(6):
        answers = hate_answers(
            incident={
                "bias_categories": ["race_ethnicity"] if number < 4 else ["religion"],
                "incident_types": ["verbal"],
            },
            place={"community_area": "14" if number < 3 else "22"},
        )
        received = date(2026, 7 + number % 3, 10)
        ids.append(
            make_case(
                answers,
                received_on=received,
                created_at=at(received),
                language="en" if number < 4 else "es",
            )
        )
    for number in range(3):
        answers = discrimination_answers(
            incident={
                "covered_area": "housing" if number < 2 else "employment",
                "protected_classes": ["source_of_income"] if number < 2 else ["age"],
                "narrative": f"UNIQUE-NARRATIVE-MARKER {number}",
            },
            place={
                "ward": "35",
                "respondent_name": "Respondent Corp X",
                "address": "42 Secret Lane",
                "witnesses": "Witness Wanda",
            },
            contact={
                "name": "Zofia Personal",
                "email": "zofia@example.org",
                "phone": "773-555-0142",
            },
        )
        received = date(2026, 9, 1 + number)
        ids.append(make_case(answers, received_on=received, created_at=at(received)))
    make_case(hate_answers(), received_on=date(2026, 6, 30), created_at=at(date(2026, 6, 30)))
    # Acknowledged after 1, 2, 3, 4 and 10 days; closed after 20 and 40 days.
    with app.app_context():
        reports = [db.session.get(Report, i) for i in ids]
        for report, days in zip(reports, (1, 2, 3, 4, 10), strict=False):
            assert report is not None
            report.acknowledged_at = report.created_at + timedelta(days=days)
            report.status = "screening"
        for report, days in zip(reports[5:7], (20, 40), strict=True):
            assert report is not None
            report.acknowledged_at = report.created_at + timedelta(days=1)
            report.closed_at = report.created_at + timedelta(days=days)
            report.status, report.closure_reason = "closed", "settled"
        for report in reports[7:9]:
            assert report is not None
            report.assignee_id, report.status = investigator, "accepted"
        db.session.commit()
    return {"ids": ids, "investigator": investigator, "other": make_staff("investigator")}


def counts(summary: Any, name: str) -> dict[str, int | None]:
    return {row.key: row.count for row in summary.table(name).rows}


def test_every_figure_matches_the_hand_count(app: Flask, seeded: dict[str, Any]) -> None:
    with app.app_context():
        summary = summarize(parse("2026-Q3"), date(2026, 10, 1))
    assert summary.total == 9
    assert counts(summary, "kind") == {"discrimination": 3, "hate": 6}
    assert counts(summary, "covered_area") == {"housing": 2, "employment": 1}
    assert counts(summary, "protected_class") == {"age": 1, "source_of_income": 2}
    assert counts(summary, "bias_category") == {"race_ethnicity": 4, "religion": 2}
    assert counts(summary, "incident_type") == {"verbal": 6}
    assert counts(summary, "community_area") == {"14": 3, "22": 3, "32": 3}
    assert counts(summary, "ward") == {"35": 3}
    assert counts(summary, "language") == {"en": 7, "es": 2}
    assert counts(summary, "anonymous") == {"true": 6, "false": 3}
    assert counts(summary, "status") == {"screening": 5, "closed": 2, "accepted": 2}
    assert counts(summary, "closure_reason") == {"settled": 2}
    assert [(row.key, row.count) for row in summary.trend] == [
        ("2026-07", 2),
        ("2026-08", 2),
        ("2026-09", 5),
    ]
    acknowledge, close = summary.timings
    # Days to acknowledge, sorted: 1, 1, 1, 2, 3, 4, 10. Nearest rank: median is the 4th
    # (ceil(0.5 × 7) = 4) → 2; the 90th percentile is the 7th (ceil(0.9 × 7) = 7) → 10.
    assert acknowledge.cases == 7
    assert acknowledge.median == 2.0
    assert acknowledge.p90 == 10.0
    assert (close.cases, close.median, close.p90) == (2, 20.0, 40.0)
    assert [(c.name, c.open, c.overdue) for c in summary.caseload] == [("Ivy Investigator", 2, 0)]


def test_public_summary_hides_counts_below_five(app: Flask, seeded: dict[str, Any]) -> None:
    with app.app_context():
        summary = summarize(parse("2026-Q3"), date(2026, 10, 1), public=True)
    assert summary.total == 9
    # 3 discrimination would be 9 - 6: the 6 is hidden too, and said to be hidden, not small.
    assert counts(summary, "kind") == {"discrimination": None, "hate": None}
    kind = {row.key: row.shown for row in summary.table("kind").rows}
    assert kind == {"discrimination": "fewer than 5", "hate": "not shown"}
    assert counts(summary, "status") == {"screening": 5, "closed": None, "accepted": None}
    assert [row.count for row in summary.trend] == [None, None, 5]
    assert summary.caseload == []
    assert summary.timings[1].median is None  # Two closed cases: too few to show.


def attacker_can_tell_it_is_not_empty(rows: list[Any], margin: int, index: int) -> bool:
    """Whether published counts and the margin prove that hidden row `index` holds someone:
    the other hidden rows (those said to be small 0..4, those withheld any number) cannot hold
    the rest."""
    rest = margin - sum(row.count for row in rows if row.count is not None)
    others = [row for i, row in enumerate(rows) if row.count is None and i != index]
    highest = math.inf if any(row.complementary for row in others) else 4 * len(others)
    return rest > highest


@pytest.mark.parametrize("small_cells", [1, 2, 3, 6])
def test_no_hidden_count_can_be_worked_out_by_subtraction(small_cells: int) -> None:
    from intake.statistics.summary import Row, protect

    chance = random.Random(small_cells)  # noqa: S311 - repeatable test tables, not secrets
    for _trial in range(300):
        counts = [chance.randint(0, 4) for _ in range(small_cells)]
        counts += [chance.randint(5, 40) for _ in range(chance.randint(0, 4))]
        rows = [Row(str(i), str(i), count) for i, count in enumerate(counts)]
        margin = sum(counts)
        if margin < 5:
            continue  # The margin itself is then hidden: nothing to subtract from.
        published = protect(rows, adds_up=True)
        for index, (row, count) in enumerate(zip(published, counts, strict=True)):
            assert (row.count is None) == (count < 5 or row.complementary)
            if row.count is None and 0 < count < 5:
                assert not attacker_can_tell_it_is_not_empty(published, margin, index), counts
    # Rows that add up to nothing published need no companion.
    rows = [Row("a", "a", 2), Row("b", "b", 9)]
    assert [row.count for row in protect(rows, adds_up=False)] == [None, 9]


def test_the_summary_follows_every_later_change(
    app: Flask, seeded: dict[str, Any], make_case: Any
) -> None:
    q3 = parse("2026-Q3")
    with app.app_context():
        summarize(q3, date(2026, 10, 1))  # The daily counts are now computed once.
        report = db.session.get(Report, seeded["ids"][0])
        assert report is not None
        report.status, report.closure_reason = "closed", "withdrawn"
        report.closed_at = report.created_at + timedelta(days=12.4)
        report.terms[0].code = "religion"
        db.session.commit()
    make_case(hate_answers(), received_on=date(2026, 8, 3), created_at=at(date(2026, 8, 3)))
    with app.app_context():
        summary = summarize(q3, date(2026, 10, 1))
    assert summary.total == 10
    assert counts(summary, "status") == {"new": 1, "screening": 4, "closed": 3, "accepted": 2}
    assert counts(summary, "closure_reason") == {"settled": 2, "withdrawn": 1}
    assert counts(summary, "bias_category") == {"race_ethnicity": 3, "religion": 4}
    assert [row.count for row in summary.trend] == [2, 3, 5]
    # Closed after 12.4, 20 and 40 days; from ten days on, delays are kept in whole days.
    assert (summary.timings[1].cases, summary.timings[1].median) == (3, 20.0)
    with app.app_context():
        assert summarize(parse("2026-07-10..2026-07-10"), date(2026, 10, 1)).timings[1].p90 == 12.0


def test_the_kept_counts_equal_a_full_recount(
    app: Flask, seeded: dict[str, Any], make_case: Any
) -> None:
    make_case(hate_answers(), received_on=date(2026, 8, 3), created_at=at(date(2026, 8, 3)))
    with app.app_context():
        first, second = (db.session.get(Report, i) for i in seeded["ids"][:2])
        assert first is not None
        assert second is not None
        first.anonymous, first.ward, first.community_area = False, 12, None
        first.acknowledged_at = first.created_at + timedelta(days=150)
        first.terms = [term for term in first.terms if term.vocabulary != "incident_type"]
        second.received_on, second.created_at = date(2026, 7, 11), at(date(2026, 7, 11))
        second.status, second.closed_at = "closed", at(date(2026, 9, 30), 3.5)
        # How it came in, the service targets, the stage events (an earlier one recorded after
        # a later one), the deadlines they start (one extended, one done), an incident.
        third, fourth = (db.session.get(Report, i) for i in seeded["ids"][2:4])
        assert third is not None
        assert fourth is not None
        staff = db.session.get(Staff, seeded["investigator"])
        assert staff is not None
        first.channel, first.reporter_role = "phone", "witness"
        third.acknowledged_at = at(third.acknowledge_by, 23.5)  # 04:30 UTC the day after.
        third.screened_at = at(third.screen_by + timedelta(days=3))
        db.session.flush()
        received = third.received_on
        calendar.record(staff, third, "accepted", received + timedelta(days=9))
        calendar.record(staff, third, "accepted", received + timedelta(days=4))
        calendar.record(staff, third, "accepted", received + timedelta(days=6))
        calendar.record(staff, third, "notice_served", received + timedelta(days=8))
        calendar.extend(staff, third, "response", received + timedelta(days=60), "Asked")
        calendar.record(staff, third, "response_received", received + timedelta(days=30))
        incident = Incident(title="One event", created_by_id=staff.id)
        db.session.add(incident)
        db.session.flush()
        third.incident_id = fourth.incident_id = incident.id
        fourth.screen_by += timedelta(days=5)  # Still open: the count moves to the new day.
        # The caseload: a triage case assigned, an accepted one closed, one handed over.
        third.assignee_id = staff.id
        handed, closed = (db.session.get(Report, i) for i in seeded["ids"][7:9])
        assert handed is not None
        assert closed is not None
        closed.status, closed.closed_at = "closed", at(date(2026, 9, 30))
        handed.assignee_id = seeded["other"]
        db.session.commit()
        third.received_on = received - timedelta(days=1)  # Its stages move with it.
        db.session.commit()

        def stored() -> dict[tuple[Any, ...], int]:
            rows = db.session.execute(db.select(SummaryDay).where(SummaryDay.count != 0))
            return {(r.dimension, r.day, r.key): r.count for (r,) in rows}

        def months() -> dict[tuple[Any, ...], int]:
            rows = db.session.execute(db.select(SummaryMonth).where(SummaryMonth.count != 0))
            return {(r.dimension, r.month, r.key): r.count for (r,) in rows}

        def added_up(days: dict[tuple[Any, ...], int]) -> dict[tuple[Any, ...], int]:
            total: Counter[tuple[Any, ...]] = Counter()
            for (dimension, day, key), count in days.items():
                total[dimension, day.replace(day=1), key] += count
            return {key: count for key, count in total.items() if count}

        rollup.fold()
        kept = stored()
        assert months() == added_up(kept)
    dimensions = {dimension for dimension, _day, _key in kept}
    expected = {"channel", "target:acknowledge", "stage", "deadline", "unlinked", "person"}
    assert expected | {"open", "triage_due"} <= dimensions
    result = app.test_cli_runner().invoke(args=["reports", "recount"])
    assert result.output == "Summary counts recounted.\n"
    with app.app_context():
        assert stored() == kept
        assert months() == added_up(kept)
        assert db.session.scalar(db.select(db.func.count()).select_from(SummaryChange)) == 0


def test_periods_parse() -> None:
    assert parse("2026-11").start == date(2026, 11, 1)
    assert parse("2026-Q4").end == date(2027, 1, 1)
    assert parse("2026").last_day == date(2026, 12, 31)
    assert parse("2026-01-15..2026-02-14").months() == [(2026, 1), (2026, 2)]
    for bad in ("2026-13", "2026-Q5", "soon", "2026-02-01..2026-01-01"):
        with pytest.raises(PeriodError):
            parse(bad)


def test_the_reports_page_shows_charts_beside_their_tables(
    app: Flask, seeded: dict[str, Any], staff_browser: Any
) -> None:
    supervisor = staff_browser("supervisor")
    page = supervisor.get("/staff/reports?period=2026-Q3").get_data(as_text=True)
    assert "Reports: 2026-Q3" in page
    assert page.count('class="chart"') >= 10
    assert 'alt="Bar chart of Kind of report' in page
    assert "Ivy Investigator" in page
    chart = supervisor.get("/staff/reports/charts/kind.svg?period=2026-Q3")
    assert chart.mimetype == "image/svg+xml"
    assert b"<svg" in chart.data


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_case_export_leaves_people_out_by_default(
    app: Flask, seeded: dict[str, Any], staff_browser: Any
) -> None:
    supervisor = staff_browser("supervisor")
    response = supervisor.client.get("/staff/cases/export.csv", buffered=True)
    rows = read_csv(response.data)
    assert len(rows) == 1 + 10
    text = response.data.decode("utf-8")
    for secret in PERSONAL:
        assert secret not in text
    with app.app_context():
        for report in db.session.scalars(db.select(Report)):
            assert report.record_number not in text
    heading = rows[0]
    assert "Received (month)" in heading
    assert not any(
        len(cell) == 10 and cell[4] == "-" and cell[7] == "-" for row in rows[1:] for cell in row
    )  # No full dates.
    hate = [row for row in rows[1:] if row[heading.index("Kind")] == "Hate incident"]
    assert {row[heading.index("NIBRS bias codes")] for row in hate} == {"33", "25"}


def test_personal_data_only_when_ticked_and_audited(
    app: Flask, seeded: dict[str, Any], staff_browser: Any
) -> None:
    supervisor = staff_browser("supervisor")
    response = supervisor.client.get(
        "/staff/cases/export.csv?personal=1&kind=discrimination", buffered=True
    )
    text = response.data.decode("utf-8")
    for secret in PERSONAL:
        assert secret in text
    assert len(read_csv(response.data)) == 4
    with app.app_context():
        details = db.session.scalars(
            db.select(AuditEvent.detail).where(AuditEvent.action == "export")
        ).all()
    assert any('"personal": true' in (d or "") for d in details)


def test_spreadsheet_formulas_are_neutralised(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    assert neutralize('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert neutralize("+1") == "'+1"
    assert neutralize("-2") == "'-2"
    assert neutralize("@SUM(A1)") == "'@SUM(A1)"
    assert neutralize("plain") == "plain"
    assert neutralize(42) == 42
    make_case(hate_answers(incident={"narrative": "=cmd|' /C calc'!A0"}))
    supervisor = staff_browser("supervisor")
    csv_data = supervisor.client.get("/staff/cases/export.csv?personal=1", buffered=True).data
    rows = read_csv(csv_data)
    narrative = rows[1][rows[0].index("What happened")]
    assert narrative.startswith("'=")
    xlsx = supervisor.client.get("/staff/cases/export.xlsx?personal=1", buffered=True).data
    sheet = load_workbook(io.BytesIO(xlsx)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'=cmd|' /C calc'!A0" in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)


def test_summary_exports_open_and_hold_the_numbers(
    app: Flask, seeded: dict[str, Any], staff_browser: Any
) -> None:
    supervisor = staff_browser("supervisor")
    csv_rows = read_csv(supervisor.get("/staff/reports/export.csv?period=2026-Q3").data)
    assert ["Reports received", "", "9"] in csv_rows
    assert ["Kind of report", "Hate incident", "6"] in csv_rows
    xlsx = supervisor.client.get("/staff/reports/export.xlsx?period=2026-Q3", buffered=True)
    workbook = load_workbook(io.BytesIO(xlsx.data))
    overview = [[c.value for c in row] for row in workbook["Summary"].iter_rows()]
    assert ["Reports received", None, 9] in overview
    assert "Bias category" in workbook.sheetnames
    pdf = supervisor.get("/staff/reports/export.pdf?period=2026-Q3&public=1")
    assert pdf.mimetype == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "2026-Q3" in text
    assert "Reports received" in text
    assert "fewer than 5" in text
    with app.app_context():
        exports = db.session.scalars(
            db.select(AuditEvent.detail).where(AuditEvent.action == "export")
        ).all()
    assert len(exports) == 3


def test_the_pdf_shapes_arabic_text(app: Flask) -> None:
    from intake.statistics import pdf
    from intake.statistics.periods import parse as parse_period
    from intake.statistics.summary import Row, Summary, Table

    summary = Summary(
        period=parse_period("2026"),
        total=12,
        tables=[Table("language", "Language", [Row("ar", "العربية", 7), Row("ur", "اردو", 5)])],
    )
    with app.test_request_context():
        document = pdf.build(summary)
    text = PdfReader(io.BytesIO(document)).pages[0].extract_text()
    assert "7" in text
    assert len(document) > 1000


def test_the_command_line_writes_a_report(
    app: Flask, seeded: dict[str, Any], tmp_path: Any
) -> None:
    target = tmp_path / "q3.xlsx"
    result = app.test_cli_runner().invoke(
        args=[
            "reports",
            "export",
            "--period",
            "2026-Q3",
            "--format",
            "xlsx",
            "--output",
            str(target),
        ]
    )
    assert result.exit_code == 0, result.output
    sheet = load_workbook(target)["Summary"]
    assert ["Reports received", None, 9] in [[c.value for c in r] for r in sheet.iter_rows()]
    bad = app.test_cli_runner().invoke(args=["reports", "export", "--period", "someday"])
    assert bad.exit_code != 0


def test_the_spreadsheet_is_ready_to_work_with(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    make_case(
        hate_answers(incident={"bias_categories": ["race_ethnicity", "national_origin"]}),
        created_at=datetime(2026, 7, 10, 17, 30, 15, 123456, tzinfo=UTC),
    )
    supervisor = staff_browser("supervisor")
    response = supervisor.client.get("/staff/cases/export.xlsx?personal=1&all=1", buffered=True)
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}2"
    assert sheet.cell(1, 1).font.b
    assert sheet.column_dimensions["A"].width >= 12
    heading = [cell.value for cell in sheet[1]]
    row = [cell.value for cell in sheet[2]]
    received = row[heading.index("Received at")]
    assert received == datetime(2026, 7, 10, 12, 30, 15)  # Chicago time, whole seconds.
    assert row[heading.index("NIBRS bias codes")] == "33"  # Two categories, one code.


def test_whole_months_and_loose_days_add_up_as_the_days_do(
    app: Flask, seeded: dict[str, Any]
) -> None:
    with app.app_context():
        rollup.fold()
        for text in (
            "2026-06-15..2026-09-05",
            "2026-06-30..2026-08-01",
            "2026-07-10..2026-07-10",
            "2026-07",
            "2026-Q3",
            "2026",
        ):
            period = parse(text)
            for dimension in ("received", "kind", "status", "bias_category", "acknowledge"):
                days = db.session.execute(
                    db.select(SummaryDay.key, db.func.sum(SummaryDay.count))
                    .where(
                        SummaryDay.dimension == dimension,
                        SummaryDay.day >= period.start,
                        SummaryDay.day < period.end,
                    )
                    .group_by(SummaryDay.key)
                    .having(db.func.sum(SummaryDay.count) > 0)
                ).all()
                assert sorted(rollup.counts(dimension, period)) == sorted(days), (text, dimension)
