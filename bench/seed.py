"""Synthetic cases for benchmarks, inserted in bulk (no hashing, no forms).

Realistic in the ways that decide speed: reports arrive over 1,000 days in every language with
narratives of varied vocabulary (bench/narratives.py); recent ones wait in triage, older ones were
acknowledged, screened, assigned to one of twenty investigators, and mostly closed.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from bench.narratives import narrative, respondent
from intake import vocab
from intake.cases.duplicates import fingerprint
from intake.extensions import db
from intake.models import Report, ReportTerm, Staff, StaffRole
from intake.receipts import RECORD_ALPHABET

LANGUAGES = ("en", "es", "zh", "pl", "ar", "hi", "fil", "ko", "uk", "ur")
# Half the reports in English, the rest spread over the other languages.
LANGUAGE_WEIGHTS = (9, 3, 1, 1, 1, 1, 1, 1, 1, 1)
FIRST_DAY = date(2024, 1, 1)
DAYS = 1000
LAST_DAY = FIRST_DAY + timedelta(days=DAYS - 1)
INVESTIGATORS = 20


def _record_number(number: int) -> str:
    """A well-formed, unique record number for synthetic case `number`."""
    digits = "".join(RECORD_ALPHABET[(number >> (5 * i)) & 31] for i in range(7, -1, -1))
    return f"HR-{digits[:4]}-{digits[4:]}"


def _codes(terms: tuple[vocab.Term, ...], rng: random.Random, most: int = 2) -> list[str]:
    return rng.sample([t.code for t in terms], rng.randint(1, most))


def _investigators() -> list[int]:
    """Twenty investigator accounts (they cannot sign in: the password hash is not one)."""
    ids = []
    for number in range(INVESTIGATORS):
        staff = Staff(email=f"investigator{number}@bench.example", name=f"Investigator {number}")
        staff.password_hash, staff.must_change_password = "-", False
        staff.roles = [StaffRole(role="investigator")]
        db.session.add(staff)
        db.session.flush()
        ids.append(staff.id)
    return ids


def _progress(received: datetime, rng: random.Random, investigators: list[int]) -> dict[str, Any]:
    """Where a case received at `received` stands at the end of the seeded period."""
    age = (LAST_DAY - received.date()).days
    roll = rng.random()
    if age < 14:
        status = "new" if roll < 0.6 else "screening"
    elif age < 60:
        status = "screening" if roll < 0.2 else "accepted" if roll < 0.6 else "closed"
    else:
        status = "accepted" if roll < 0.1 else "closed"
    fields: dict[str, Any] = {"status": status}
    if status == "new":
        return fields
    fields["acknowledged_at"] = received + timedelta(hours=rng.uniform(1, 120))
    if status != "screening" or roll < 0.1:
        fields["assignee_id"] = rng.choice(investigators)
    if status in ("accepted", "closed"):
        fields["screened_at"] = received + timedelta(days=rng.uniform(2, 14))
    if status == "closed":
        fields["closed_at"] = received + timedelta(days=rng.uniform(5, min(age, 400)))
        fields["closure_reason"] = rng.choice(vocab.CLOSURE_REASONS).code
    return fields


def _report(number: int, rng: random.Random, investigators: list[int]) -> dict[str, Any]:
    kind = rng.choices(("discrimination", "hate", "unsure"), (5, 4, 1))[0]
    received_on = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    received = datetime(received_on.year, received_on.month, received_on.day, tzinfo=UTC)
    received += timedelta(minutes=rng.randrange(24 * 60))
    language = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
    story = narrative(language, kind, rng)
    return {
        "id": number,
        "record_number": _record_number(number),
        "case_number": f"{received_on.year}-{number:07d}",
        "receipt_hash": "x",
        "kind": kind,
        "language": language,
        "anonymous": rng.random() < 0.4,
        "created_at": received,
        "received_on": received_on,
        "covered_area": rng.choice(vocab.COVERED_AREAS).code if kind != "hate" else None,
        "urgent": rng.random() < 0.05,
        "incident_year": received_on.year,
        "incident_month": received_on.month,
        "still_happening": rng.random() < 0.2,
        "past_filing_deadline": False,
        "in_city": "yes",
        "community_area": rng.randint(1, 77),
        "ward": rng.randint(1, 50),
        "location_type": rng.choice(vocab.LOCATION_TYPES).code,
        "respondent_name": respondent(rng),
        "narrative": story,
        "narrative_fingerprint": fingerprint(story),
        "share_with_police": False,
        "acknowledge_by": received_on + timedelta(days=2),
        "screen_by": received_on + timedelta(days=14),
        "version": 1,
        "updated_at": received,
        **_progress(received, rng, investigators),
    }


def _terms(report: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    chosen = []
    if report["kind"] != "hate":
        chosen += [("protected_class", code) for code in _codes(vocab.PROTECTED_CLASSES, rng)]
    if report["kind"] != "discrimination":
        chosen += [("bias_category", code) for code in _codes(vocab.BIAS_CATEGORIES, rng)]
        chosen += [("incident_type", code) for code in _codes(vocab.INCIDENT_TYPES, rng)]
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


def seed(count: int, batch: int = 5000, rng_seed: int = 7) -> None:
    """Insert `count` realistic-looking cases (and their terms) into the current database."""
    rng = random.Random(rng_seed)
    investigators = _investigators()
    first_id = (db.session.scalar(db.select(db.func.max(Report.id))) or 0) + 1
    for offset in range(0, count, batch):
        numbers = range(first_id + offset, first_id + min(offset + batch, count))
        reports = [_report(number, rng, investigators) for number in numbers]
        terms = [term for report in reports for term in _terms(report, rng)]
        db.session.execute(insert(Report), reports)
        db.session.execute(insert(ReportTerm), terms)
        db.session.commit()
