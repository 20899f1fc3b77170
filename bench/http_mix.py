"""Staff pages over real HTTP: gunicorn in production configuration, a mix of every kind of
request, latency and server CPU per kind, exports with their memory, at several sizes.

    .venv/bin/python -m bench.http_mix 10000 [100000 1000000] [--databases sqlite,postgresql]
        [--keep DIR [--seed-only]] [--statistics analyze|none] [--repeats 40] [--exports 2]
        [--workers 2] [--threads 4] [--out DIR]
    .venv/bin/python -m bench.http_mix --compare A.json B.json ...

For each database and size: seed production-like cases in-process (bench/seed.py; `--keep DIR`
keeps SQLite files and a PostgreSQL cluster there and reuses them, migrated to the current schema;
`--seed-only` stops there), gather planner statistics or not (`--statistics`),
start gunicorn with the repo's gunicorn.conf.py and the production configuration (INTAKE_ENV=
production, the bench's fixed keys; rate limits off: one client address would measure the
limiter, and with them on, memory storage would need one worker), sign a supervisor in through
the real forms, then run `--repeats` rounds of one request of every kind of bench/http_kinds.py
from one keep-alive client, one request at a time (a warm-up round first, untimed). Per kind:
count, p50, p95 and max latency, and the CPU (utime+stime from /proc) per request of the workers
and, on PostgreSQL, of the database server's processes. Then the summary computation alone
in-process for the reports page's period, CSV and XLSX case exports (time to first byte, total,
rows/s, the busiest worker's private memory sampled during the export), and one real filing over
HTTP (the sequences were advanced). Prints markdown tables, writes one JSON
per run, and for several sizes the ratio p95(size) / p95(smallest size) per kind.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

from flask_migrate import upgrade
from sqlalchemy import select, text

from bench.http_kinds import Kind, mix
from bench.http_report import growth, report, sizes_table
from bench.intake_load import file_whole
from bench.loopback import Browser, Unexpected, fetch
from bench.procstats import MemorySampler, cpu_seconds, database_processes, server_processes
from bench.run import BENCH_SETTINGS, database
from bench.seed import analyze, seed
from config import TestingConfig
from intake import clock, create_app
from intake.extensions import db
from intake.models import Report, Staff
from intake.statistics.periods import parse
from intake.statistics.summary import summarize
from tests.helpers import CSRF_INPUT, STAFF_PASSWORD, create_staff, totp_code
from tests.serving import gunicorn

SUPERVISOR = "bench@staff.example"
# The keys the seed encrypts and hashes with, and the server reads with (never real ones): the
# pepper is the testing configuration's, which bench/run.py seeds with, so kept files serve both.
KEYS = {**BENCH_SETTINGS, "HASH_PEPPER": TestingConfig.HASH_PEPPER}
SUMMARY_RUNS = 5


def production_env(url: str, uploads: str) -> dict[str, str]:
    """The environment of a production deployment on `url`, with the bench's keys."""
    return {
        "INTAKE_ENV": "production",
        "DATABASE_URL": url,
        "SECRET_KEY": "bench-secret-key-not-for-production-0123456789",
        "UPLOAD_FOLDER": uploads,
        # Every client is 127.0.0.1: the limits would measure themselves, not the pages.
        "RATELIMIT_ENABLED": "0",
        **KEYS,
    }


def prepare(url: str, size: int, seeded: bool, mode: str) -> tuple[Any, dict[str, Any]]:
    """The in-process app on `url`, seeded unless it already was; what the seed took."""
    app = create_app(
        "testing", {"SQLALCHEMY_DATABASE_URI": url, "UPLOAD_FOLDER": tempfile.mkdtemp(), **KEYS}
    )
    info: dict[str, Any] = {"seed_seconds": None, "rows": {}}
    with app.app_context():
        if seeded:
            # A kept database: the schema as the code now expects it, and a finished seed.
            upgrade(directory=app.extensions["migrate"].directory)
            if db.session.scalar(select(Staff.id).where(Staff.email == SUPERVISOR)) is None:
                raise SystemExit(f"{url}: an earlier seed did not finish; delete it and run again")
        else:
            result = seed(size)
            create_staff(app, SUPERVISOR, ["supervisor"], "Bench")
            info = {
                "seed_seconds": round(result.seconds, 1),
                "recount_seconds": round(result.recount_seconds, 1),
                "rows": result.rows,
            }
        if mode == "analyze":
            info["analyze_seconds"] = round(analyze(), 1)
        elif db.engine.dialect.name == "sqlite":
            _forget_statistics()
        db.engine.dispose()
    return app, info


def _forget_statistics() -> None:
    """A kept SQLite file analyzed by an earlier run: back to no statistics (as production)."""
    tables = db.session.scalars(
        text("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")
    ).all()
    for table in tables:
        db.session.execute(text(f"DELETE FROM {table}"))  # noqa: S608 - SQLite's own names
    db.session.commit()


def sign_in(conn: HTTPConnection) -> Browser:
    """A supervisor through the real forms: password, then the two-factor code."""
    browser = Browser()
    for path, form in (
        ("/staff/sign-in", {"email": SUPERVISOR, "password": STAFF_PASSWORD}),
        ("/staff/two-factor", {"code": totp_code()}),
    ):
        _, html = fetch(conn, browser, "GET", path, 200)
        token = CSRF_INPUT.search(html)
        if token is None:
            raise Unexpected(f"no CSRF token on {path}")
        fetch(conn, browser, "POST", path, 302, csrf_token=token[1], **form)
    return browser


def percentile(samples: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def run_rounds(
    conn: HTTPConnection,
    browser: Browser,
    kinds: list[Kind],
    repeats: int,
    workers: list[int],
    database_url: str,
) -> dict[str, dict[str, float]]:
    """`repeats` rounds of one request of every kind (the reports page every other round),
    one request at a time, so that a moment when the machine is busy falls on many kinds
    rather than on all of one kind's requests. Per kind: latencies, the workers' CPU per
    request and, on PostgreSQL, the database server's (its processes, looked up each round:
    a new connection is a new process)."""
    samples: dict[str, list[float]] = {kind.name: [] for kind in kinds}
    cpu = dict.fromkeys(samples, 0.0)
    database_cpu = dict.fromkeys(samples, 0.0)
    for number in range(repeats):
        database = database_processes(database_url)
        for kind in kinds:
            if kind.name == "reports page" and number % 2:
                continue  # The slowest kind: half as many.
            url = kind.urls[number % len(kind.urls)]
            before, database_before = cpu_seconds(workers), cpu_seconds(database)
            started = time.perf_counter()
            fetch(conn, browser, "GET", url, 200)
            samples[kind.name].append(time.perf_counter() - started)
            cpu[kind.name] += cpu_seconds(workers) - before
            database_cpu[kind.name] += cpu_seconds(database) - database_before
    results = {}
    for name, times in samples.items():
        results[name] = {
            "count": len(times),
            "p50_ms": statistics.median(times) * 1000,
            "p95_ms": percentile(times, 0.95) * 1000,
            "max_ms": max(times) * 1000,
            "cpu_ms": cpu[name] / len(times) * 1000,
        }
        if database_url.startswith("postgresql"):
            results[name]["database_cpu_ms"] = database_cpu[name] / len(times) * 1000
    return results


def export(port: int, browser: Browser, fmt: str, rows: int, workers: list[int]) -> dict[str, Any]:
    """One whole case export: time to first byte, total, rows/s, bytes, worker memory."""
    conn = HTTPConnection("127.0.0.1", port, timeout=3600)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in browser.cookies.items())}
    with MemorySampler(workers) as memory:
        started = time.perf_counter()
        conn.request("GET", f"/staff/cases/export.{fmt}", headers=headers)
        response = conn.getresponse()
        if response.status != 200:
            raise Unexpected(f"export.{fmt}: HTTP {response.status}")
        first = response.read1(65536)
        first_byte = time.perf_counter() - started
        size = len(first)
        while chunk := response.read1(1 << 20):
            size += len(chunk)
        total = time.perf_counter() - started
    conn.close()
    peak, growth = memory.busiest()
    return {
        "format": fmt,
        "rows": rows,
        "ttfb_s": first_byte,
        "total_s": total,
        "rows_per_s": rows / total,
        "mib": size / 2**20,
        "worker_private_peak_mib": peak / 2**20,
        "worker_private_growth_mib": growth / 2**20,
    }


def summary_alone(app: Any, period: str) -> float:
    """Milliseconds of the reports page's summary computed in-process (median of a few)."""
    samples = []
    with app.test_request_context():
        for _ in range(SUMMARY_RUNS):
            started = time.perf_counter()
            summarize(parse(period), clock.today())
            samples.append(time.perf_counter() - started)
        db.session.remove()
        db.engine.dispose()
    return statistics.median(samples) * 1000


@contextmanager
def server(url: str, args: argparse.Namespace) -> Iterator[tuple[int, list[int]]]:
    """gunicorn in production configuration on `url`: its port and worker pids."""
    with tempfile.TemporaryDirectory() as uploads:
        env = production_env(url, uploads)
        with gunicorn("wsgi:app", env, args.workers, args.threads) as port:
            _master, workers = server_processes(port, args.workers)
            yield port, workers


def measure(kind: str, size: int, args: argparse.Namespace) -> dict[str, Any]:
    """One database at one size: the whole run, as the JSON records it (with `--seed-only`,
    only what the seed took)."""
    with database(kind, size, args.keep) as (url, seeded):
        app, info = prepare(url, size, seeded, args.statistics)
        if args.seed_only:
            return {"database": kind, "cases": size, **info}
        with app.app_context():
            period = str(clock.today().year)
            kinds = mix(size, period)
            cases = db.session.scalar(text("SELECT count(*) FROM report")) or 0
            db.engine.dispose()
        result: dict[str, Any] = {"database": kind, "cases": size, **info}
        result |= {"statistics": args.statistics, "workers": args.workers}
        with server(url, args) as (port, workers):
            conn = HTTPConnection("127.0.0.1", port, timeout=600)
            browser = sign_in(conn)
            for item in kinds:  # Warm-up: every URL once, untimed.
                for url_ in item.urls:
                    fetch(conn, browser, "GET", url_, 200)
            result["kinds"] = run_rounds(conn, browser, kinds, args.repeats, workers, url)
            result["exports"] = [
                export(port, browser, fmt, cases, workers)
                for fmt in ("csv", "xlsx")
                for _ in range(args.exports)
            ]
            file_whole(conn)  # A real report after the seed: the ids go on from the seeded ones.
            conn.close()
        result["summary_alone_ms"] = summary_alone(app, period)
        result["filed_after_seed"] = _filed(app)
    return result


def _filed(app: Any) -> bool:
    """Whether the report filed over HTTP is there, with a fresh id (after the seeded ones)."""
    with app.app_context():
        newest = db.session.scalar(db.select(Report).order_by(Report.id.desc()).limit(1))
        filed = newest is not None and newest.receipt_hash != "x"
        db.engine.dispose()
    return filed


def main() -> None:
    """Parse the options; run every database at every size, or compare saved runs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--keep", type=Path, help="keep and reuse seeded databases here")
    parser.add_argument("--seed-only", action="store_true", help="seed (--keep), measure nothing")
    parser.add_argument("--statistics", choices=("analyze", "none"), default="analyze")
    parser.add_argument("--repeats", type=int, default=40, help="rounds of every kind")
    parser.add_argument("--exports", type=int, default=2, help="exports of each format")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "intake-bench")
    parser.add_argument("--compare", nargs="+", type=Path, help="saved runs (JSON) to compare")
    args = parser.parse_args()
    if args.compare:
        runs = [json.loads(path.read_text()) for path in args.compare]
        print("\n".join(sizes_table(runs) + growth(runs)))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    runs = []
    for kind in args.databases.split(","):
        for size in args.sizes:
            run = measure(kind.strip(), size, args)
            if args.seed_only:
                print(json.dumps(run), flush=True)
                continue
            path = args.out / f"http-{kind}-{size}-{args.statistics}.json"
            path.write_text(json.dumps(run, indent=1))
            print("\n".join(report(run)) + f"\n\nSaved: {path}\n", flush=True)
            runs.append(run)
    if args.seed_only:
        return
    print("\n".join(sizes_table(runs) + growth(runs)))
    if not all(run["filed_after_seed"] for run in runs):
        raise SystemExit("a filing after the seed failed")


if __name__ == "__main__":
    main()
