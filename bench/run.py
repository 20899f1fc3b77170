"""Staff-side speed at scale, through the WSGI app, on SQLite and (if available) PostgreSQL.

    .venv/bin/python -m bench.run 10000 [100000 ...] [--databases sqlite,postgresql]

For each database and size it seeds synthetic cases (bench/seed.py) and reports: queue page,
filtered queue page, full-text search and case page latency (p50/p95 over REQUESTS requests,
signed in as a supervisor through the real forms), SQL queries per page, the summary report's
time, and the case-list CSV export's rows/s. Paste the table into bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event
from werkzeug.datastructures import MultiDict

from bench.seed import seed
from intake import accounts, create_app
from intake.cases.queries import CaseFilter
from intake.extensions import db
from intake.reports.exports import case_rows, stream_csv
from intake.reports.periods import parse
from intake.reports.summary import summarize
from tests.databases import PostgresServer, find_postgres_bin
from tests.helpers import STAFF_PASSWORD, STAFF_TOTP, StaffBrowser

REQUESTS = 100


@contextmanager
def database(kind: str) -> Iterator[str]:
    """A fresh, empty database URL of this kind."""
    if kind == "sqlite":
        yield f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite'}"
        return
    bindir = find_postgres_bin()
    if bindir is None:
        raise SystemExit("PostgreSQL server binaries not found")
    server = PostgresServer(bindir)
    server.start()
    try:
        yield server.url(server.create())
    finally:
        server.stop()


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(samples)
    return (statistics.median(ordered) * 1000, ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000)


def timed(browser: StaffBrowser, urls: Callable[[], str], counter: dict[str, int]) -> list[Any]:
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


def measure(kind: str, size: int) -> list[str]:
    """One row of the results table."""
    with database(kind) as url:
        app = create_app(
            "testing", {"SQLALCHEMY_DATABASE_URI": url, "UPLOAD_FOLDER": tempfile.mkdtemp()}
        )
        with app.app_context():
            started = time.perf_counter()
            seed(size)
            seeded = time.perf_counter() - started
            staff, _ = accounts.create(
                None,
                "bench@staff.example",
                "Bench",
                ["supervisor"],
                STAFF_PASSWORD,
                must_change_password=False,
            )
            staff.totp_secret, staff.totp_confirmed = STAFF_TOTP, True
            db.session.commit()
            if kind == "postgresql":
                db.session.execute(db.text("ANALYZE"))
                db.session.commit()
            engine = db.engine
        browser = StaffBrowser(app.test_client())
        browser.sign_in("bench@staff.example")
        counter = {"n": 0}

        def count(*_args: Any) -> None:
            counter["n"] += 1

        event.listen(engine, "before_cursor_execute", count)
        rng = random.Random(1)
        row = [kind, f"{size:,}", f"{seeded:.0f}"]
        row += timed(browser, lambda: "/staff/triage", counter)
        row += timed(
            browser,
            lambda: f"/staff/cases?kind=hate&community_area={rng.randint(1, 77)}&status=new",
            counter,
        )
        row += timed(
            browser,
            lambda: (
                "/staff/cases?q="
                + rng.choice(["landlord voucher", "graffiti", "wheelchair ramp", "temple"])
            ),
            counter,
        )
        row += timed(browser, lambda: f"/staff/cases/{rng.randint(1, size)}", counter)
        event.remove(engine, "before_cursor_execute", count)
        with app.test_request_context():
            started = time.perf_counter()
            summarize(parse("2025"), date.today())
            row.append(f"{time.perf_counter() - started:.2f}")
            staff = accounts.find("bench@staff.example")
            started = time.perf_counter()
            rows = sum(
                1
                for _chunk in stream_csv(
                    case_rows(CaseFilter.from_args(MultiDict()), staff, date.today(), False)
                )
            )
            row.append(f"{rows / (time.perf_counter() - started):,.0f}")
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
    "summary s",
    "export rows/s",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000])
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "---|" * len(HEADER))
    for kind in args.databases.split(","):
        for size in args.sizes:
            print("| " + " | ".join(measure(kind, size)) + " |", flush=True)


if __name__ == "__main__":
    main()
