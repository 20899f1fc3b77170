"""Synthetic cases for benchmarks, inserted in bulk (no hashing, no forms), shaped like production.

Cases arrive over DAYS days up to today (intake.clock), in id order as a real database fills,
in every language (half in English), by every channel, made by the person it happened to, for
them or by a witness, with narratives of varied vocabulary and length (bench/narratives.py);
record numbers are random (the real alphabet), case numbers run per year as the app gives them
out. About half the cases are identified: a contact row encrypted with the app's key and an email
hash the app computes (some people report several times, so "possibly the same person" finds
matches), and an affected person on some reports made for someone else. Older cases were
acknowledged, screened, assigned to one of twenty investigators and mostly closed, with notes,
messages both ways and a few audit events each; a few cases have hundreds (bench/seed_cases.py).

On PostgreSQL every sequence is advanced past the explicit ids, so a real filing afterwards works.
The daily summary counts are recounted at the end (what the migration does after a bulk load).
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import insert, text

from bench.narratives import narrative, respondent
from bench.seed_cases import Extras, People
from intake import clock, interpreters, vocab
from intake.cases.duplicates import fingerprint
from intake.extensions import db
from intake.models import CaseCounter, Report, ReportTerm, Staff, StaffRole
from intake.receipts import RECORD_ALPHABET
from intake.statistics import progress

LANGUAGES = ("en", "es", "zh", "pl", "ar", "hi", "fil", "ko", "uk", "ur")
# Half the reports in English, the rest spread over the other languages.
LANGUAGE_WEIGHTS = (9, 3, 1, 1, 1, 1, 1, 1, 1, 1)
DAYS = 1000
INVESTIGATORS = 20
INTAKE_OFFICERS = 4
CHANNEL_WEIGHTS = {
    "online": 70,
    "phone": 10,
    "walk_in": 4,
    "mail": 3,
    "email": 5,
    "police": 3,
    "city_311": 2,
    "community": 2,
    "agency": 1,
}
ROLE_WEIGHTS = {"self": 80, "behalf": 12, "witness": 8}
# Extra paragraphs: most accounts are a paragraph, some two, a few run long.
PARAGRAPHS = ((1, 70), (2, 22), (3, 5), (5, 2), (8, 1))


@dataclass
class Seeded:
    """What a seed wrote: rows per table and the seconds it took (recount included)."""

    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    recount_seconds: float = 0.0

    def add(self, table: str, count: int) -> None:
        """Count `count` more rows of `table`."""
        self.rows[table] = self.rows.get(table, 0) + count


@dataclass
class Clock:
    """The seeded period: DAYS days ending now, in the commission's time zone."""

    zone: ZoneInfo
    start: datetime
    seconds: float

    @classmethod
    def ending_today(cls) -> Clock:
        """DAYS days up to this moment."""
        zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
        first = clock.today() - timedelta(days=DAYS - 1)
        start = datetime(first.year, first.month, first.day, tzinfo=zone)
        return cls(zone, start, (datetime.now(UTC) - start).total_seconds())

    def at(self, fraction: float) -> datetime:
        """The moment `fraction` (0..1) of the way through the period, in local time."""
        return self.start + timedelta(seconds=fraction * self.seconds)

    @property
    def today(self) -> date:
        """The last day of the period."""
        return self.at(1.0).date()


def _staff(name: str, role: str, count: int) -> list[int]:
    """`count` accounts of one role (they cannot sign in: the password hash is not one)."""
    ids = []
    for number in range(count):
        staff = Staff(email=f"{name}{number}@bench.example", name=f"{name.title()} {number}")
        staff.password_hash, staff.must_change_password = "-", False
        staff.roles = [StaffRole(role=role)]
        db.session.add(staff)
        db.session.flush()
        ids.append(staff.id)
    return ids


def _codes(terms: tuple[vocab.Term, ...], rng: random.Random, most: int = 2) -> list[str]:
    return rng.sample([t.code for t in terms], rng.randint(1, most))


def _pick(weights: dict[str, int], rng: random.Random) -> str:
    return rng.choices(tuple(weights), tuple(weights.values()))[0]


class RecordNumbers:
    """Random, unique record numbers from the real alphabet ("HR-7K3M-9QX2")."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = set()

    def draw(self) -> str:
        """A record number not given before."""
        while True:
            chars = "".join(self.rng.choices(RECORD_ALPHABET, k=8))
            number = f"HR-{chars[:4]}-{chars[4:]}"
            if number not in self.taken:
                self.taken.add(number)
                return number


def _story(language: str, kind: str, rng: random.Random) -> str:
    """An account of one to eight paragraphs (most one or two)."""
    count = rng.choices(*zip(*PARAGRAPHS, strict=True))[0]
    return "\n\n".join(narrative(language, kind, rng) for _ in range(count))


def _progress(received: datetime, today: date, rng: random.Random, staff: Any) -> dict[str, Any]:
    """Where a case received at `received` stands today."""
    age = (today - received.date()).days
    roll = rng.random()
    if age < 14:
        status = "new" if roll < 0.6 else "screening"
    elif age < 60:
        status = "screening" if roll < 0.2 else "accepted" if roll < 0.55 else "closed"
    else:
        status = rng.choices(
            ("accepted", "mediation", "determination", "referred", "closed"), (8, 2, 1, 4, 85)
        )[0]
    fields: dict[str, Any] = {"status": status}
    if status == "new":
        return fields
    fields["acknowledged_at"] = received + timedelta(hours=rng.uniform(1, 120))
    if status != "screening" or roll < 0.1:
        fields["assignee_id"] = rng.choice(staff.investigators)
    if status != "screening":
        fields["screened_at"] = received + timedelta(days=rng.uniform(2, 14))
    if status == "referred":
        fields["referred_to"] = rng.choice(vocab.REFERRAL_AGENCIES).code
    if status == "closed":
        fields["closed_at"] = received + timedelta(days=rng.uniform(5, max(6, min(age, 400))))
        fields["closure_reason"] = rng.choice(vocab.CLOSURE_REASONS).code
    return fields


def _incident(received: datetime, kind: str, rng: random.Random) -> dict[str, Any]:
    """When it happened: mostly weeks before the report, sometimes more than a year."""
    back = rng.expovariate(1 / 40) if rng.random() < 0.95 else rng.uniform(365, 700)
    when = (received - timedelta(days=back)).date()
    return {
        "incident_year": when.year,
        "incident_month": when.month,
        "incident_day": when.day if rng.random() < 0.7 else None,
        "still_happening": rng.random() < 0.2,
        "past_filing_deadline": kind != "hate" and back > 365,
    }


def _place(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.04:
        return {"in_city": rng.choice(("no", "unsure")), "city": "Evanston"}
    return {
        "in_city": "yes",
        "community_area": rng.randint(1, 77),
        "ward": rng.randint(1, 50),
        "location_type": rng.choice(vocab.LOCATION_TYPES).code,
        "address": f"{rng.randint(100, 9999)} W Example St" if rng.random() < 0.3 else None,
    }


def _ways_in(rng: random.Random, staff: Any) -> dict[str, Any]:
    """Channel, who took it down, who made it, and any interpreter."""
    channel = _pick(CHANNEL_WEIGHTS, rng)
    role = _pick(ROLE_WEIGHTS, rng)
    fields: dict[str, Any] = {"channel": channel, "reporter_role": role}
    if channel != "online":
        fields["taken_by_id"] = rng.choice(staff.intake)
    if role == "behalf":
        fields["reporter_relationship"] = rng.choice(vocab.REPORTER_RELATIONSHIPS).code
        fields["affected_consent"] = rng.choice(vocab.AFFECTED_CONSENT).code
    if rng.random() < 0.08:
        code = rng.choice((*interpreters.LANGUAGES, interpreters.SIGN_LANGUAGE, "other"))
        fields["interpreter_language"] = code
        fields["interpreter_other"] = "Tigrinya (Eritrean)" if code == "other" else None
    return fields


def _report(number: int, when: datetime, rng: random.Random, ctx: Any) -> dict[str, Any]:
    """One case row received at local time `when`."""
    kind = rng.choices(("discrimination", "hate", "unsure"), (5, 4, 1))[0]
    received = when.astimezone(UTC)
    received_on = when.date()
    language = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
    story = _story(language, kind, rng)
    year_count = ctx.case_counters.get(received_on.year, 0) + 1
    ctx.case_counters[received_on.year] = year_count
    return {
        "id": number,
        "record_number": ctx.records.draw(),
        "case_number": f"{received_on.year}-{year_count:05d}",
        "receipt_hash": "x",
        "kind": kind,
        "language": language,
        "anonymous": rng.random() < 0.5,
        "created_at": received,
        "received_on": received_on,
        "covered_area": rng.choice(vocab.COVERED_AREAS).code if kind != "hate" else None,
        "in_danger": rng.random() < 0.05 if kind != "discrimination" else None,
        "urgent": rng.random() < 0.05,
        **_incident(received, kind, rng),
        **_place(rng),
        "respondent_name": respondent(rng),
        "respondent_type": rng.choice(vocab.RESPONDENT_TYPES).code,
        "respondent_role": rng.choice(vocab.RESPONDENT_ROLES).code,
        "narrative": story,
        "narrative_fingerprint": fingerprint(story),
        "witnesses": "A neighbour saw it from the porch." if rng.random() < 0.1 else None,
        "share_with_police": kind != "discrimination" and rng.random() < 0.2,
        "acknowledge_by": received_on + timedelta(days=2),
        "screen_by": received_on + timedelta(days=14),
        "version": 1,
        "updated_at": received,
        **_ways_in(rng, ctx.staff),
        **_progress(received, ctx.clock.today, rng, ctx.staff),
    }


def _terms(report: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    """Every multi-valued vocabulary the report's kind asks."""
    chosen = []
    if report["kind"] != "hate":
        chosen += [("protected_class", code) for code in _codes(vocab.PROTECTED_CLASSES, rng)]
    if report["kind"] != "discrimination":
        chosen += [("bias_category", code) for code in _codes(vocab.BIAS_CATEGORIES, rng)]
        chosen += [("incident_type", code) for code in _codes(vocab.INCIDENT_TYPES, rng)]
    if rng.random() < 0.6:
        chosen += [("reported_to", code) for code in _codes(vocab.REPORTED_TO, rng, 1)]
    if rng.random() < 0.7:
        chosen += [("help_wanted", code) for code in _codes(vocab.HELP_WANTED, rng)]
    positions: dict[str, int] = {}
    rows = []
    for vocabulary, code in chosen:
        positions[vocabulary] = positions.get(vocabulary, -1) + 1
        rows.append(
            {
                "report_id": report["id"],
                "vocabulary": vocabulary,
                "code": code,
                "position": positions[vocabulary],
            }
        )
    return rows


def _uniform(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every row with the same keys (missing ones NULL), so a batch is one executemany."""
    keys: set[str] = set().union(*rows) if rows else set()
    for row in rows:
        for key in keys - row.keys():
            row[key] = None
    return rows


@dataclass
class _Context:
    rng: random.Random
    clock: Clock
    staff: Any
    records: RecordNumbers
    case_counters: dict[int, int] = field(default_factory=dict)


@dataclass
class StaffIds:
    """The seeded accounts that cases are assigned to, taken down by and audited as."""

    investigators: list[int]
    intake: list[int]
    supervisors: list[int]


def seed(count: int, batch: int = 5000, rng_seed: int = 7) -> Seeded:
    """Insert `count` production-like cases (and everything hanging off them) into the current
    database, then advance PostgreSQL's sequences and recount the daily summary counts."""
    started = time.perf_counter()
    result = Seeded()
    rng = random.Random(rng_seed)
    staff = StaffIds(
        _staff("investigator", "investigator", INVESTIGATORS),
        _staff("intake", "intake", INTAKE_OFFICERS),
        _staff("supervisor", "supervisor", 2),
    )
    ctx = _Context(rng, Clock.ending_today(), staff, RecordNumbers(rng))
    ctx.records.taken.update(db.session.scalars(db.select(Report.record_number)))
    people = People(rng, count)
    extras = Extras(rng, staff, db.session, count)
    first_id = (db.session.scalar(db.select(db.func.max(Report.id))) or 0) + 1
    with bulk_triggers_off() as index_text:
        _batches(count, batch, first_id, ctx, people, extras, result, index_text)
        progress.refresh_people()  # What the triggers would have kept, all at once.
        db.session.commit()
    _case_counters(ctx.case_counters)
    advance_sequences()
    db.session.commit()
    recount = time.perf_counter()
    from intake.statistics import rollup  # The app's own recount, as after a migration.

    rollup.rebuild()
    db.session.commit()
    result.recount_seconds = time.perf_counter() - recount
    result.seconds = time.perf_counter() - started
    return result


def _batches(
    count: int,
    batch: int,
    first_id: int,
    ctx: _Context,
    people: People,
    extras: Extras,
    result: Seeded,
    index_text: bool,
) -> None:
    """Insert the cases `batch` at a time, each batch one executemany per table (and, when
    `index_text`, one full-text insert)."""
    rng = ctx.rng
    for offset in range(0, count, batch):
        numbers = range(offset, min(offset + batch, count))
        reports = [
            _report(first_id + n, ctx.clock.at((n + rng.random()) / count), rng, ctx)
            for n in numbers
        ]
        terms = [term for report in reports for term in _terms(report, rng)]
        children = extras.for_reports(reports, people)
        # Core executemany: the ORM's bulk path inserts row by row to fetch ids.
        db.session.execute(insert(Report.__table__), _uniform(reports))
        db.session.execute(insert(ReportTerm.__table__), terms)
        if index_text:
            low, high = reports[0]["id"], reports[-1]["id"]
            db.session.execute(text(FTS_BATCH), {"low": low, "high": high})
        for model, rows in children:
            if rows:
                db.session.execute(insert(model.__table__), _uniform(rows))
                result.add(model.__tablename__, len(rows))
        db.session.commit()
        result.add("report", len(reports))
        result.add("report_term", len(terms))


# The SQLite full-text trigger as migration 0012 writes it; fed a batch at a time instead.
FTS_TRIGGER = "report_fts_insert"
FTS_BODY = (
    "INSERT INTO report_fts(rowid, narrative, respondent_name) VALUES "
    "(new.id, intake_fold(new.narrative), intake_fold(new.respondent_name));"
)
FTS_BATCH = (
    "INSERT INTO report_fts(rowid, narrative, respondent_name) SELECT id, "
    "intake_fold(narrative), intake_fold(respondent_name) FROM report "
    "WHERE id BETWEEN :low AND :high"
)


@contextmanager
def bulk_triggers_off() -> Iterator[bool]:
    """Without the daily-count triggers during the load (each report would append a dozen
    change rows): `rollup.rebuild` recounts every day from the cases afterwards, as the
    migration that introduced the counts did. On SQLite also without the full-text trigger when
    it is the one migration 0012 wrote (yields True: the caller indexes each batch with
    FTS_BATCH, the same folded text, about twice as fast as row by row). SQLite triggers are
    dropped and re-created from their stored SQL; PostgreSQL's are disabled and enabled."""
    if db.engine.dialect.name == "postgresql":
        names = db.session.execute(
            text(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                " WHERE NOT t.tgisinternal AND t.tgname LIKE '%summary%'"
            )
        ).all()
        for table, name in names:
            db.session.execute(text(f'ALTER TABLE "{table}" DISABLE TRIGGER "{name}"'))
        db.session.commit()
        try:
            yield False
        finally:
            for table, name in names:
                db.session.execute(text(f'ALTER TABLE "{table}" ENABLE TRIGGER "{name}"'))
            db.session.commit()
        return
    stored = db.session.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%summary%'")
    ).all()
    fts = db.session.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
        {"name": FTS_TRIGGER},
    ).all()
    fts = [(name, sql) for name, sql in fts if FTS_BODY in " ".join(sql.split())]
    for name, _sql in [*stored, *fts]:
        db.session.execute(text(f'DROP TRIGGER "{name}"'))
    db.session.commit()
    try:
        yield bool(fts)
    finally:
        for _name, sql in [*stored, *fts]:
            db.session.execute(text(sql))
        db.session.commit()


def _case_counters(counters: dict[int, int]) -> None:
    """The per-year case counters where the seeded numbers stop (the next filing follows)."""
    for year, last in counters.items():
        counter = db.session.get(CaseCounter, year)
        if counter is None:
            db.session.add(CaseCounter(year=year, last=last))
        else:
            counter.last = max(counter.last, last)


def advance_sequences() -> None:
    """PostgreSQL: set every id sequence of the schema to its table's largest id, so the next
    insert without an id (a real filing) does not collide with a seeded row. SQLite needs none."""
    if db.engine.dialect.name != "postgresql":
        return
    columns = db.session.execute(
        text(
            "SELECT table_name, column_name, "
            "pg_get_serial_sequence(quote_ident(table_name), column_name) "
            "FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND (column_default LIKE 'nextval%' OR is_identity = 'YES')"
        )
    ).all()
    for table, column, sequence in columns:
        if sequence is None:
            continue
        largest = db.session.scalar(
            text(f'SELECT max("{column}") FROM "{table}"')  # noqa: S608 - names from the catalog
        )
        # is_called false: the next nextval() returns exactly this value.
        db.session.execute(
            text("SELECT setval(:sequence, :next, false)"),
            {"sequence": sequence, "next": (largest or 0) + 1},
        )


def analyze() -> float:
    """Gather planner statistics as the SQLite docs and PostgreSQL's autovacuum would, after a
    bulk load: SQLite `ANALYZE` then `PRAGMA optimize`; PostgreSQL `VACUUM ANALYZE` (statistics,
    and the visibility map index-only scans need). Seconds taken."""
    started = time.perf_counter()
    commands = ["ANALYZE", "PRAGMA optimize"]
    if db.engine.dialect.name == "postgresql":
        commands = ["VACUUM ANALYZE"]
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for command in commands:
            connection.execute(text(command))
    return time.perf_counter() - started
