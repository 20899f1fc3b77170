"""Staff-side speed at scale, through the WSGI app, on SQLite and (if available) PostgreSQL.

    .venv/bin/python -m bench.run 10000 [100000 1000000] [--databases sqlite,postgresql]
                                  [--keep DIR]

For each database and size it seeds synthetic cases (bench/seed.py) and reports: queue page,
filtered queue page, full-text search and case page latency (p50/p95 over REQUESTS requests,
signed in as a supervisor through the real forms), SQL queries per page, the summary report's
time (after a day's worth of changes; and the one-off recount of the daily counts), and
the de-identified case-list CSV export's rows/s and peak Python memory. `--keep DIR` keeps
seeded SQLite files and a PostgreSQL cluster there and reuses them. Paste the table into
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import event, select, text, update
from werkzeug.datastructures import MultiDict

from bench.loopback import kept_postgres, postgres_server
from bench.seed import seed
from intake import accounts, clock, create_app
from intake.cases.queries import CaseFilter
from intake.extensions import db
from intake.models import Report
from intake.statistics import rollup
from intake.statistics.exports import case_rows, stream_csv
from intake.statistics.periods import parse
from intake.statistics.summary import summarize
from tests.helpers import StaffBrowser, create_staff

REQUESTS = 100
SEARCHES = ("landlord voucher", "graffiti", "wheelchair ramp", "temple", "Pilsen")
PERIOD = "2025"
CHANGES = 200
# A fixed key for the synthetic data, so a kept database opens again (never a real one).
BENCH_SETTINGS = {"FIELD_ENCRYPTION_KEY": "e_-NwbesK2C6ytIrXXEz_WOwwwbhkwrTDYyU30-zKts="}


@contextmanager
def database(kind: str, size: int, keep: Path | None) -> Iterator[tuple[str, bool]]:
    """A database URL of this kind, and whether it already holds `size` seeded cases."""
    if kind == "sqlite":
        folder = keep or Path(tempfile.mkdtemp())
        path = folder / f"bench-{size}.sqlite"
        yield f"sqlite:///{path}", path.exists()
        return
    if keep is not None:
        with kept_postgres(keep / "postgresql") as kept:
            yield kept.database(f"bench_{size}")
        return
    with postgres_server() as server:
        yield server.url(server.create()), False


def prepare(app: Flask, size: int, seeded: bool) -> float:
    """Seed (unless already), add the signing-in supervisor, gather planner statistics."""
    with app.app_context():
        started = time.perf_counter()
        if not seeded:
            seed(size)
            create_staff(app, "bench@staff.example", ["supervisor"], "Bench")
        seconds = time.perf_counter() - started
        # What autovacuum does soon after a bulk load (PostgreSQL): planner statistics, and the
        # visibility map that lets index-only scans skip the table.
        command = "VACUUM ANALYZE" if db.engine.dialect.name == "postgresql" else "ANALYZE"
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(command))
    return seconds


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(samples)
    return (statistics.median(ordered) * 1000, ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000)


def timed(browser: StaffBrowser, urls: Callable[[], str], counter: dict[str, int]) -> list[str]:
    samples, queries = [], []
    for _ in range(REQUESTS):
        url = urls()
        counter["n"] = 0
        started = time.perf_counter()
        response = browser.client.get(url)
        samples.append(time.perf_counter() - started)
        queries.append(counter["n"])
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
    p50, p95 = percentiles(samples)
    return [f"{p50:.1f}", f"{p95:.1f}", str(max(queries))]


def pages(app: Flask, size: int) -> list[str]:
    """Latency and queries of the queue, a filtered list, searches and case pages."""
    browser = StaffBrowser(app.test_client())
    browser.sign_in("bench@staff.example")
    counter = {"n": 0}

    def count(*_args: Any) -> None:
        counter["n"] += 1

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    rng = random.Random(1)
    row = timed(browser, lambda: "/staff/triage", counter)
    row += timed(
        browser,
        lambda: f"/staff/cases?kind=hate&community_area={rng.randint(1, 77)}&status=closed",
        counter,
    )
    row += timed(browser, lambda: "/staff/cases?q=" + rng.choice(SEARCHES), counter)
    row += timed(browser, lambda: f"/staff/cases/{rng.randint(1, size)}", counter)
    event.remove(engine, "before_cursor_execute", count)
    return row


def summaries() -> list[str]:
    """Seconds to recount the daily counts from every case (once, after the bulk load), then
    for the summary of the period after a day's worth of changes."""
    period = parse(PERIOD)
    started = time.perf_counter()
    rollup.rebuild()
    first = time.perf_counter() - started
    rng = random.Random(2)
    for _ in range(CHANGES):
        day = period.start + timedelta(days=rng.randrange((period.end - period.start).days))
        changed = select(Report.id).where(Report.received_on == day).limit(1).scalar_subquery()
        db.session.execute(update(Report).where(Report.id == changed).values(status="closed"))
    db.session.commit()
    started = time.perf_counter()
    summarize(period, clock.today())
    return [f"{first:.2f}", f"{time.perf_counter() - started:.2f}"]


def _counted(rows: Iterator[list[Any]], tally: list[int]) -> Iterator[list[Any]]:
    for row in rows:
        tally[0] += 1
        yield row


def export_pass(staff_email: str, trace: bool) -> tuple[float, float]:
    """One whole de-identified CSV of every case: rows/s, and its peak Python memory in MiB when
    `trace` (else 0; tracemalloc slows the pass down). Needs a request context (labels)."""
    staff = accounts.find(staff_email)
    if staff is None:
        raise SystemExit(f"{staff_email}: no such account")
    rows = case_rows(CaseFilter.from_args(MultiDict()), staff, clock.today(), False)
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    tally = [0]
    for _chunk in stream_csv(_counted(rows, tally)):
        pass
    written = tally[0] - 1  # The heading is not a case.
    rate = written / (time.perf_counter() - started)
    peak = 0.0
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    db.session.remove()
    return rate, peak


def export(staff_email: str) -> list[str]:
    """Rows/s of the whole de-identified CSV, then its peak Python memory (a second pass)."""
    rate, _ = export_pass(staff_email, trace=False)
    _, peak = export_pass(staff_email, trace=True)
    return [f"{rate:,.0f}", f"{peak:.1f}"]


def measure(kind: str, size: int, keep: Path | None) -> list[str]:
    """One row of the results table."""
    with database(kind, size, keep) as (url, seeded):
        app = create_app(
            "testing",
            {"SQLALCHEMY_DATABASE_URI": url, "UPLOAD_FOLDER": tempfile.mkdtemp(), **BENCH_SETTINGS},
        )
        row = [kind, f"{size:,}", f"{prepare(app, size, seeded):.0f}"]
        row += pages(app, size)
        with app.test_request_context():
            row += summaries()
            row += export("bench@staff.example")
            db.engine.dispose()
    return row


HEADER = [
    "database",
    "cases",
    "seed s",
    "queue p50 ms",
    "queue p95 ms",
    "queue queries",
    "filtered p50",
    "filtered p95",
    "filtered queries",
    "search p50",
    "search p95",
    "search queries",
    "case p50",
    "case p95",
    "case queries",
    "recount s",
    "summary s",
    "export rows/s",
    "export peak MiB",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--keep", type=Path, help="keep and reuse seeded SQLite files here")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "---|" * len(HEADER))
    for kind in args.databases.split(","):
        for size in args.sizes:
            print("| " + " | ".join(measure(kind, size, args.keep)) + " |", flush=True)


if __name__ == "__main__":
    main()
