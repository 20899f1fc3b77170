"""'Possibly the same event': rapidfuzz in Python against pg_trgm in PostgreSQL, same candidates.

    .venv/bin/python -m bench.similarity 3000 50000 [--samples 100]

For each size it seeds synthetic cases (bench/seed.py; the seed leaves the day of the incident
out, so each case gets a day here), then plants one retelling per sampled case: another case
becomes the same story retold (a few words dropped, a few added, the order changed), in the same
community area, two days later. For every sample it times the candidates query (date window
index, place, as intake/cases/incidents.py builds it) with

- rapidfuzz: the candidates' narratives fetched and scored by `incidents.similarity`;
- pg_trgm: `similarity(narrative, :story)` computed by PostgreSQL over the same candidates,
  ordered and limited there (PostgreSQL only);

and reports p50/p95 ms, how many candidates were read, whether the retelling came first
("found"), the retelling's median score and the best unrelated candidate's 95th-percentile
score (the gap is what a threshold has to fall into), and whether the plan used the index.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from typing import Any

from flask import Flask
from sqlalchemy import select, text, update

from bench.loopback import postgres_server
from bench.run import BENCH_SETTINGS
from bench.seed import seed
from intake import create_app
from intake.cases import incidents
from intake.extensions import db
from intake.models import Report, Staff, StaffRole


def retell(story: str, rng: random.Random) -> str:
    """The same story in other words: some words dropped, a few added, two clauses swapped."""
    words = [word for word in story.split() if rng.random() > 0.15]
    words[rng.randrange(len(words) + 1) : 0] = rng.choice(
        (["yesterday", "evening"], ["again", "and", "again"], ["near", "the", "corner"])
    )
    middle = len(words) // 2
    return " ".join(words[middle:] + words[:middle])


def days_spread() -> None:
    """Give every seeded case a day of the month (the seed leaves it out)."""
    db.session.execute(update(Report).values(incident_day=1 + (Report.id * 7919) % 28))
    db.session.commit()


def plant(samples: int, rng: random.Random) -> list[tuple[int, int]]:
    """(case, its retelling) pairs: a random other case rewritten as the same event."""
    ids = list(db.session.scalars(select(Report.id).where(Report.language == "en")))
    chosen = rng.sample(ids, samples * 2)
    pairs = []
    for case_id, other_id in zip(chosen[::2], chosen[1::2], strict=True):
        case = db.session.get(Report, case_id)
        assert case is not None  # noqa: S101 - a benchmark's own data
        when = date(case.incident_year, case.incident_month, case.incident_day or 1)
        later = when + timedelta(days=2)
        db.session.execute(
            update(Report)
            .where(Report.id == other_id)
            .values(
                narrative=retell(case.narrative, rng),
                community_area=case.community_area,
                ward=case.ward,
                language=case.language,
                incident_year=later.year,
                incident_month=later.month,
                incident_day=later.day,
            )
        )
        pairs.append((case_id, other_id))
    db.session.commit()
    return pairs


def with_rapidfuzz(case: Report, viewer: Staff) -> tuple[list[tuple[int, int]], int]:
    """Candidates scored in Python: (id, score) best first, and how many were read."""
    rows = db.session.execute(incidents.candidates_query(case, viewer, 7)).all()
    scored = [(row.id, incidents.similarity(case.narrative, row.narrative)) for row in rows]
    return sorted(scored, key=lambda pair: -pair[1]), len(rows)


def with_pg_trgm(case: Report, viewer: Staff) -> tuple[list[tuple[int, int]], int]:
    """The same candidates scored by PostgreSQL's pg_trgm."""
    inner = incidents.candidates_query(case, viewer, 7).subquery()
    score = db.func.similarity(inner.c.narrative, case.narrative)
    rows = db.session.execute(
        select(inner.c.id, score, db.func.count().over()).order_by(score.desc()).limit(5)
    ).all()
    return [(row[0], round(float(row[1]) * 100)) for row in rows], (rows[0][2] if rows else 0)


def uses_index(case: Report, viewer: Staff) -> bool:
    """Whether the candidates query reads the incident-date index (its plan names it)."""
    query = incidents.candidates_query(case, viewer, 7)
    compiled = query.compile(db.engine, compile_kwargs={"literal_binds": True})
    prefix = "EXPLAIN QUERY PLAN " if db.engine.dialect.name == "sqlite" else "EXPLAIN "
    plan = " ".join(str(row) for row in db.session.execute(text(prefix + str(compiled))))
    return "ix_report_incident_date" in plan


def measure(method: Any, pairs: list[tuple[int, int]], viewer: Staff) -> dict[str, Any]:
    """Latency, candidates read, the retelling found first, and the scores either side."""
    times, read, found, twin_scores, other_best = [], [], 0, [], []
    for case_id, twin_id in pairs:
        case = db.session.get(Report, case_id)
        assert case is not None  # noqa: S101
        started = time.perf_counter()
        ranked, count = method(case, viewer)
        times.append((time.perf_counter() - started) * 1000)
        read.append(count)
        found += bool(ranked) and ranked[0][0] == twin_id
        twin_scores += [score for other, score in ranked if other == twin_id]
        other_best += [next((score for other, score in ranked if other != twin_id), 0)]
    times.sort()
    return {
        "p50": statistics.median(times),
        "p95": times[int(len(times) * 0.95) - 1],
        "read": statistics.median(read),
        "found": f"{found}/{len(pairs)}",
        "twin": statistics.median(twin_scores) if twin_scores else 0,
        "other95": sorted(other_best)[int(len(other_best) * 0.95) - 1],
    }


def run(app: Flask, size: int, samples: int) -> list[list[str]]:
    """Seed, plant, measure; one table row per method."""
    rng = random.Random(11)
    rows = []
    with app.test_request_context():
        seed(size)
        days_spread()
        pairs = plant(samples, rng)
        # Cannot sign in: "-" is no password hash. Only its roles matter here.
        viewer = Staff(email="bench-viewer@bench.example", name="Viewer", password_hash="-")  # noqa: S106
        viewer.roles = [StaffRole(role="supervisor")]
        db.session.add(viewer)
        db.session.commit()
        kind = db.engine.dialect.name
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE" if kind == "postgresql" else "ANALYZE"))
            if kind == "postgresql":
                connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        first = db.session.get(Report, pairs[0][0])
        assert first is not None  # noqa: S101
        indexed = "yes" if uses_index(first, viewer) else "NO"
        methods = [("rapidfuzz", with_rapidfuzz)]
        if kind == "postgresql":
            methods.append(("pg_trgm", with_pg_trgm))
        for name, method in methods:
            measure(method, pairs[:5], viewer)  # Warm the caches.
            got = measure(method, pairs, viewer)
            rows.append(
                [kind, f"{size:,}", name, f"{got['p50']:.1f}", f"{got['p95']:.1f}",
                 f"{got['read']:.0f}", got["found"], f"{got['twin']:.0f}",
                 f"{got['other95']:.0f}", indexed]
            )  # fmt: skip
    return rows


def main() -> None:
    """Run the sizes on SQLite and PostgreSQL and print a Markdown table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--samples", type=int, default=100)
    arguments = parser.parse_args()
    header = (
        "| database | cases | method | p50 ms | p95 ms | candidates read | retelling first "
        "| retelling score | best other p95 | date index |"
    )
    print(header)
    print("|---" * 10 + "|")
    for size in arguments.sizes:
        folder = tempfile.mkdtemp()
        url = f"sqlite:///{folder}/similarity-{size}.sqlite"
        app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": url, **BENCH_SETTINGS})
        for row in run(app, size, arguments.samples):
            print("| " + " | ".join(row) + " |", flush=True)
        with postgres_server() as server:
            url = server.url(server.create())
            app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": url, **BENCH_SETTINGS})
            for row in run(app, size, arguments.samples):
                print("| " + " | ".join(row) + " |", flush=True)
            with app.app_context():
                db.session.remove()
                db.engine.dispose()


if __name__ == "__main__":
    main()
