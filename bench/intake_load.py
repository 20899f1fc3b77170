"""Intake submissions/s under concurrent load beside a bare one-row insert: the ratio is the figure.

    .venv/bin/python -m bench.intake_load [--databases sqlite,postgresql] [--clients 16]
        [--requests 400] [--bare-requests 2000] [--workers 2] [--threads 4] [--cheap-receipts]
        [--burst 200]

Both sides run under gunicorn with the repo's gunicorn.conf.py and the same workers x threads, on
a fresh database of each kind: intake in production configuration (real argon2id receipts), and
bench/bare.py. Loopback clients (bench/loopback.py) measure the bare endpoint, the POST that
files a report (each resident first walks the form up to the review page, untimed), and whole
filings from the landing page to the confirmation, with the server's CPU (its workers' utime +
stime from /proc) per whole filing over its CPU per bare request (issue 20: at most 20x). Then
`--burst` residents, each walked to the review page first, press Send within one second (one
connection each, released together): all must succeed. Then one submission is profiled in-process
with cProfile. --cheap-receipts adds a row with intake in its testing configuration (argon2
CHEAPEST), to show what the rest of a submission costs.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import pstats
import re
import secrets
import sys
import tempfile
import threading
import time
from functools import partial
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

import config
from bench import bare
from bench.loopback import Browser, Run, Unexpected, databases, fetch, hammer
from bench.procstats import cpu_seconds, server_processes
from intake import create_app, receipts
from intake.extensions import db
from tests.helpers import CSRF_INPUT, IDENTIFIED_CONTACT, hate_answers
from tests.helpers import Resident as TestResident
from tests.serving import gunicorn

RECORD = re.compile(r"HR-[0-9A-Z]{4}-[0-9A-Z]{4}")
PROFILED = 20  # Submissions timed in-process, then as many again under cProfile.
# What one submission spends its time in: (label, file suffix, functions); cumulative per call.
PARTS = (
    ("whole request (Flask wsgi_app)", "flask/app.py", "wsgi_app"),
    ("filing.file_report", "intake/filing.py", "file_report"),
    ("· receipts.hash_receipt (argon2id)", "intake/receipts.py", "hash_receipt"),
    ("· cases.numbers.next_case_number", "intake/cases/numbers.py", "next_case_number"),
    ("· filing.build_report", "intake/filing.py", "build_report"),
    ("· notifications.report_received", "intake/notifications.py", "report_received"),
    ("SQLAlchemy Session.commit (all)", "sqlalchemy/orm/session.py", "commit"),
    ("steps.first_unfinished (re-check answers)", "intake/public/steps.py", "first_unfinished"),
    ("drafts.load + save + discard", "intake/drafts.py", "load|save|discard"),
    ("crypto.encrypt (Fernet)", "intake/crypto.py", "encrypt"),
)


def form_steps() -> list[tuple[str, dict[str, Any]]]:
    """Each form page and what a resident posts on it (an identified hate-incident report)."""
    steps = hate_answers()
    return [
        ("/report/kind", steps["kind"]),
        ("/report/incident", steps["incident"]),
        ("/report/place", steps["place"]),
        ("/report/evidence", {"action": "continue"}),
        ("/report/contact", {**IDENTIFIED_CONTACT, "email_updates": "y"}),
    ]


def walk(browser: Browser, conn: HTTPConnection) -> None:
    """The landing page, then every step, following redirects, up to the review page."""
    fetch(conn, browser, "GET", "/", 200)
    location, _ = fetch(conn, browser, "GET", "/report", 302)
    _, html = fetch(conn, browser, "GET", location, 200)
    for path, answers in form_steps():
        token = CSRF_INPUT.search(html)
        if token is None:
            raise Unexpected(f"no CSRF token on {path}")
        location, _ = fetch(conn, browser, "POST", path, 302, csrf_token=token[1], **answers)
        _, html = fetch(conn, browser, "GET", location, 200)
    token = CSRF_INPUT.search(html)
    if location != "/report/review" or token is None:
        raise Unexpected(f"the walk ended on {location}, not a review page")
    browser.token = token[1]


def send(browser: Browser, conn: HTTPConnection) -> None:
    """The POST that files the report."""
    form = {"csrf_token": browser.token, "receipt_kind": "words"}
    location, _ = fetch(conn, browser, "POST", "/report/review", 302, **form)
    if location != "/report/done":
        raise Unexpected(f"sending led to {location}")


def file_whole(conn: HTTPConnection) -> None:
    """A whole filing: landing page, every step, send, and the confirmation with its number."""
    browser = Browser()
    walk(browser, conn)
    send(browser, conn)
    _, html = fetch(conn, browser, "GET", "/report/done", 200)
    if RECORD.search(html) is None:
        raise Unexpected("no record number on the confirmation")


def post_bare(conn: HTTPConnection) -> None:
    """One request to the bare endpoint."""
    fetch(conn, Browser(), "POST", "/submit", 201, text="Someone painted a slur on our door.")


def bench_bare(url: str, args: argparse.Namespace) -> Run:
    """Requests/s of the bare one-row insert, after a warm-up (workers boot, pools connect),
    and the server's CPU per request (`Run.cpu`)."""
    bare.create_schema(url)
    with gunicorn(
        "bench.bare:create_app()", {"DATABASE_URL": url}, args.workers, args.threads
    ) as port:
        warm = hammer(port, args.clients, [post_bare] * (4 * args.clients))
        _master, workers = server_processes(port, args.workers)
        cpu = cpu_seconds(workers)
        run = hammer(port, args.clients, [post_bare] * args.bare_requests)
        run.cpu = (cpu_seconds(workers) - cpu) / max(1, run.done)
    run.errors.extend(warm.errors)
    return run


def burst(port: int, residents: int, clients: int) -> Run:
    """`residents` each walked to the review page, then all pressing Send within a second:
    one thread and connection each, released together."""
    browsers = [Browser() for _ in range(residents)]
    walked = hammer(port, clients, [partial(walk, b) for b in browsers])
    ready = [b for b in browsers if b.token]
    gate = threading.Barrier(len(ready))
    errors: list[str] = []

    def press(browser: Browser) -> None:
        conn = HTTPConnection("127.0.0.1", port, timeout=300)
        conn.connect()
        gate.wait()
        try:
            send(browser, conn)
        except Exception as error:  # Every failure counts; the others go on.
            errors.append(repr(error))
        finally:
            conn.close()

    threads = [threading.Thread(target=press, args=(b,)) for b in ready]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run = Run(time.perf_counter() - started, len(ready) - len(errors), errors)
    run.errors.extend(walked.errors)
    return run


def migrated(url: str, **overrides: Any) -> Any:
    """The app in its testing configuration on `url`, which it migrates when empty."""
    logging.disable(logging.INFO)  # Alembic's line per migration.
    try:
        return create_app("testing", overrides={"SQLALCHEMY_DATABASE_URI": url, **overrides})
    finally:
        logging.disable(logging.NOTSET)


def bench_intake(
    url: str, environment: str, args: argparse.Namespace
) -> tuple[Run, Run, Run | None]:
    """Filing POSTs/s (each form walked first, untimed), whole filings/s with the server's CPU
    per filing (`Run.cpu`), then `args.burst` residents pressing Send at once."""
    with migrated(url).app_context():
        db.engine.dispose()
    env = {
        "INTAKE_ENV": environment,
        "DATABASE_URL": url,
        "SECRET_KEY": secrets.token_urlsafe(32),
        "FIELD_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "HASH_PEPPER": secrets.token_urlsafe(32),
        # Every client is 127.0.0.1: the limits would measure themselves, not intake.
        "RATELIMIT_ENABLED": "0",
    }
    with tempfile.TemporaryDirectory() as uploads:
        env["UPLOAD_FOLDER"] = uploads
        with gunicorn("wsgi:app", env, args.workers, args.threads) as port:
            browsers = [Browser() for _ in range(args.requests)]
            walked = hammer(port, args.clients, [partial(walk, b) for b in browsers])
            sends = hammer(port, args.clients, [partial(send, b) for b in browsers if b.token])
            _master, workers = server_processes(port, args.workers)
            cpu = cpu_seconds(workers)
            filings = hammer(port, args.clients, [file_whole] * args.requests)
            filings.cpu = (cpu_seconds(workers) - cpu) / max(1, filings.done)
            crowd = burst(port, args.burst, args.clients) if args.burst else None
    sends.errors.extend(walked.errors)
    return sends, filings, crowd


def profile(url: str) -> tuple[float, float, float, pstats.Stats]:
    """In-process: ms per filing POST, argon2id ms per hash (wall, CPU), and a cProfile."""
    with tempfile.TemporaryDirectory() as uploads:
        # Production's receipt cost; the rest of the testing configuration is alike.
        app = migrated(
            url, UPLOAD_FOLDER=uploads, RECEIPT_HASH_PROFILE=config.Config.RECEIPT_HASH_PROFILE
        )
        residents = []
        for _ in range(2 * PROFILED):
            resident = TestResident(app.test_client())
            for path, answers in form_steps():
                if resident.post(path, answers).status_code != 302:
                    raise Unexpected(f"in-process walk: {path} refused")
            residents.append((resident, resident.token("/report/review")))
        with app.app_context():
            wall, cpu = time.perf_counter(), time.process_time()
            for _ in range(PROFILED):
                receipts.hash_receipt(receipts.new_receipt("words"))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        started = time.perf_counter()
        for resident, token in residents[:PROFILED]:
            submit_in_process(resident, token)
        per_submit = (time.perf_counter() - started) / PROFILED
        profiler = cProfile.Profile()
        for resident, token in residents[PROFILED:]:
            profiler.runcall(submit_in_process, resident, token)
        with app.app_context():
            db.engine.dispose()
    return per_submit * 1000, wall / PROFILED * 1000, cpu / PROFILED * 1000, pstats.Stats(profiler)


def submit_in_process(resident: TestResident, token: str) -> None:
    """The filing POST through the test client."""
    form = {"csrf_token": token, "receipt_kind": "words"}
    if resident.client.post("/report/review", data=form).status_code != 302:
        raise Unexpected("in-process submission refused")


def breakdown(stats: pstats.Stats) -> dict[str, float]:
    """Milliseconds per submission in each of PARTS, and in the top own-time functions."""
    raw: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    parts: dict[str, float] = {}
    for label, suffix, names in PARTS:
        found: dict[str, float] = {}
        for (filename, _line, name), (_cc, _nc, _tt, cumulative, _callers) in raw.items():
            if filename.endswith(suffix) and name in names.split("|"):
                # Same-named methods nest (Session.commit calls SessionTransaction.commit).
                found[name] = max(found.get(name, 0.0), cumulative)
        parts[label] = sum(found.values()) * 1000 / PROFILED
    own = sorted(raw.items(), key=lambda item: -item[1][2])[:8]
    for (filename, _line, name), (_cc, _nc, own_time, _ct, _callers) in own:
        parts[f"own time: {Path(filename).name}:{name}"] = own_time * 1000 / PROFILED
    return parts


def row(label: str, bare_run: Run, sends: Run, filings: Run, crowd: Run | None) -> list[str]:
    """One line of the load table; errors of the bare side count on every line."""
    errors = [*bare_run.errors, *sends.errors, *filings.errors]
    crowd_cells = ["–", "–"]
    if crowd is not None:
        errors += crowd.errors
        crowd_cells = [f"{crowd.done}/{crowd.done + len(crowd.errors)}", f"{crowd.seconds:.1f}"]
    for error in errors[:5]:
        print(f"{label}: {error}", file=sys.stderr)
    return [
        label,
        f"{bare_run.rate:.1f}",
        f"{sends.rate:.1f}",
        f"{sends.rate / bare_run.rate:.1%}",
        f"{filings.rate:.2f}",
        f"{filings.rate / bare_run.rate:.2%}",
        f"{bare_run.cpu * 1000:.1f}",
        f"{filings.cpu * 1000:.1f}",
        f"{filings.cpu / bare_run.cpu:.1f}" if bare_run.cpu else "–",
        *crowd_cells,
        str(len(errors)),
    ]


def measure(kind: str, args: argparse.Namespace) -> tuple[list[list[str]], list[str]]:
    """This database's rows of the load table, and its profile."""
    with databases(kind) as fresh:
        per_submit, hash_wall, hash_cpu, stats = profile(fresh())
        bare_run = bench_bare(fresh(), args)
        rows = [row(kind, bare_run, *bench_intake(fresh(), "production", args))]
        if args.cheap_receipts:
            cheap = bench_intake(fresh(), "testing", args)
            rows.append(row(f"{kind}, argon2 CHEAPEST", bare_run, *cheap))
    lines = [
        f"### {kind}: one filing POST in-process, {per_submit:.1f} ms (no profiler)",
        "",
        f"argon2id {config.Config.RECEIPT_HASH_PROFILE}: {hash_wall:.1f} ms wall, "
        f"{hash_cpu:.1f} ms CPU per hash",
        "",
        "| part (cProfile) | ms per submission |",
        "|---|---:|",
        *(f"| {label} | {ms:.2f} |" for label, ms in breakdown(stats).items()),
        "",
    ]
    return rows, lines


def main() -> None:
    """Parse the options, measure each database, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=400, help="filings sent, and whole")
    parser.add_argument("--bare-requests", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers, both sides")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker, both sides")
    parser.add_argument("--cheap-receipts", action="store_true", help="add an argon2 CHEAPEST row")
    parser.add_argument("--burst", type=int, default=200, help="residents pressing Send at once")
    args = parser.parse_args()
    rows, profiles = [], []
    for kind in args.databases.split(","):
        kind_rows, lines = measure(kind.strip(), args)
        rows.extend(kind_rows)
        profiles.extend(lines)
    print(f"gunicorn {args.workers} workers x {args.threads} threads, {args.clients} clients\n")
    print(
        "| database | bare req/s | intake submit req/s | ratio | whole filings/s | ratio |", end=""
    )
    print(" bare CPU ms/req | filing CPU ms | CPU ratio (≤ 20) |", end="")
    print(f" {args.burst} at once: sent | in s | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    print("\n" + "\n".join(profiles))
    if any(cells[-1] != "0" for cells in rows):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
