"""No case-list, search or case-page query reads the whole report table.

Every statement those pages send is captured while a supervisor opens them over HTTP (every
sort both ways, every filter, searches of every shape, deep pages, a case page), then explained
by the database itself. SQLite: a table scan of report ("SCAN report" without an index) fails;
the database has no planner statistics, as a production file that was never analyzed, and
SQLite then plans as for a large table. PostgreSQL: sequential scans are switched off for the
EXPLAIN, so a "Seq Scan on report" left in a plan means no index can serve the query.
Reading an index in the list's order is allowed by both checks: it stops at the page's LIMIT (or
the count's) however many cases there are; bench/http_mix.py measures what that costs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask
from sqlalchemy import event, text

from intake.cases.queries import SORTS
from intake.extensions import db

from .helpers import discrimination_answers, hate_answers

SQLITE_FULL_SCAN = re.compile(r"\bSCAN report(_\d+)?\b(?! USING)")
POSTGRESQL_FULL_SCAN = re.compile(r"Seq Scan on report\b(?!_)")

FILTERS = [
    "status=accepted",
    "status=new&status=screening",
    "kind=hate",
    "covered_area=housing",
    "protected_class=race",
    "protected_class=race&protected_class=religion",
    "bias_category=race_ethnicity",
    "incident_type=vandalism",
    "language=zh",
    "channel=phone",
    "reporter_role=witness",
    "interpreter=1",
    "community_area=8",
    "ward=3",
    "anonymous=no",
    "assignee=none",
    "assignee=me",
    "tag=1",
    "overdue=1",
    "due=week",
    "urgent=1",
    "received_from=2025-01-01&received_to=2026-06-30",
    "kind=hate&community_area=8&status=closed",
]
SEARCHES = [
    "graffiti",
    "landlord voucher",
    "房东",
    "骂",
    "公交车上",
    "dj",
    "9",
    "autobús línea",
    "صاحب المنزل",
    "HR-7K3M-9QX2",
    "HR-7K3",
    "2026-0000001",
    "zzqqxx",
]


def urls(case_id: int) -> Iterator[str]:
    yield from ("/staff/cases", "/staff/triage", "/staff/my-cases")
    for name in SORTS:
        yield from (f"/staff/cases?all=1&sort={name}", f"/staff/cases?all=1&sort=-{name}")
    for query in FILTERS:
        yield f"/staff/cases?all=1&{query}"
        yield f"/staff/cases?all=1&{query}&sort=-incident"
    for words in SEARCHES:
        yield f"/staff/cases?all=1&q={words}"
        yield f"/staff/cases?all=1&q={words}&sort=kind"
    for page in (2, 200, 100_000):
        yield f"/staff/cases?all=1&page={page}"
        yield f"/staff/cases?all=1&protected_class=race&page={page}"
    yield f"/staff/cases/{case_id}"
    yield f"/staff/cases/{case_id}?audit=all"


@contextmanager
def captured() -> Iterator[list[tuple[str, Any]]]:
    """Every SELECT that mentions the report table, with its parameters."""
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and re.search(r"\breport\b", statement):
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)


def full_scans(statement: str, parameters: Any) -> list[str]:
    """The plan's lines that read the whole report table."""
    with db.engine.connect() as connection:
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        if db.engine.dialect.name == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
            lines = [str(row[3]) for row in cursor.fetchall()]
            pattern = SQLITE_FULL_SCAN
        else:
            cursor.execute("SET enable_seqscan = off")
            cursor.execute(f"EXPLAIN {statement}", parameters)
            lines = [str(row[0]) for row in cursor.fetchall()]
            cursor.execute("RESET enable_seqscan")
            pattern = POSTGRESQL_FULL_SCAN
        cursor.close()
    return [line for line in lines if pattern.search(line)]


def test_no_list_search_or_case_query_reads_the_whole_report_table(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    email = {"email": "same.person@example.org"}
    case_id = make_case(hate_answers(contact=email))
    make_case(discrimination_answers(contact=email), status="accepted")
    make_case(hate_answers(incident={"narrative": "房东在公交车上骂我 9"}), language="zh")
    supervisor = staff_browser("supervisor", "investigator")
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            # A database never analyzed (the migrations' ANALYZE found empty tables).
            with db.engine.begin() as connection:
                connection.execute(text("DELETE FROM sqlite_stat1"))
        with captured() as statements:
            for url in urls(case_id):
                assert supervisor.get(url).status_code == 200, url
        assert len(statements) > 150
        offenders = {}
        for statement, parameters in statements:
            scans = full_scans(statement, parameters)
            if scans:
                offenders[" ".join(statement.split())[:300]] = scans
    assert offenders == {}


def test_flask_database_optimize_gathers_the_planner_statistics(app: Flask, make_case: Any) -> None:
    make_case()
    result = app.test_cli_runner().invoke(args=["database", "optimize"])
    assert result.exit_code == 0, result.output
    assert "Planner statistics refreshed" in result.output
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            rows = db.session.execute(
                text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'report'")
            ).scalar()
        else:
            rows = db.session.execute(
                text("SELECT count(*) FROM pg_stats WHERE tablename = 'report'")
            ).scalar()
    assert rows
