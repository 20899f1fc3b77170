"""Synthetic cases for benchmarks, inserted in bulk (no hashing, no forms)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert

from intake import vocab
from intake.cases.duplicates import fingerprint
from intake.extensions import db
from intake.models import Report, ReportTerm
from intake.receipts import RECORD_ALPHABET

WORDS = (
    "landlord voucher refused apartment manager shouted bus store hired fired shift "
    "neighbor graffiti door flyer mosque church temple school online message threat "
    "insult street corner police because accent language wheelchair ramp"
).split()
LANGUAGES = ("en", "es", "zh", "pl", "ar", "hi", "fil", "ko", "uk", "ur")


def _record_number(number: int) -> str:
    """A well-formed, unique record number for synthetic case `number`."""
    digits = "".join(RECORD_ALPHABET[(number >> (5 * i)) & 31] for i in range(7, -1, -1))
    return f"HR-{digits[:4]}-{digits[4:]}"


def _codes(terms: tuple[vocab.Term, ...], rng: random.Random, most: int = 2) -> list[str]:
    return rng.sample([t.code for t in terms], rng.randint(1, most))


def seed(count: int, batch: int = 5000, rng_seed: int = 7) -> None:
    """Insert `count` realistic-looking cases (and their terms) into the current database."""
    rng = random.Random(rng_seed)
    start = date(2024, 1, 1)
    first_id = (db.session.scalar(db.select(db.func.max(Report.id))) or 0) + 1
    for offset in range(0, count, batch):
        reports, terms = [], []
        for number in range(first_id + offset, first_id + min(offset + batch, count)):
            kind = rng.choice(("discrimination", "hate", "unsure"))
            received = start + timedelta(days=rng.randrange(1000))
            narrative = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 120)))
            reports.append(
                {
                    "id": number,
                    "record_number": _record_number(number),
                    "case_number": f"{received.year}-{number:07d}",
                    "receipt_hash": "x",
                    "kind": kind,
                    "language": rng.choice(LANGUAGES),
                    "anonymous": rng.random() < 0.4,
                    "created_at": datetime(
                        received.year, received.month, received.day, 15, tzinfo=UTC
                    ),
                    "received_on": received,
                    "covered_area": rng.choice(vocab.COVERED_AREAS).code
                    if kind != "hate"
                    else None,
                    "urgent": rng.random() < 0.05,
                    "incident_year": received.year,
                    "incident_month": received.month,
                    "still_happening": False,
                    "past_filing_deadline": False,
                    "in_city": "yes",
                    "community_area": rng.randint(1, 77),
                    "ward": rng.randint(1, 50),
                    "narrative": narrative,
                    "narrative_fingerprint": fingerprint(narrative),
                    "share_with_police": False,
                    "status": rng.choice(("new", "screening", "accepted", "closed")),
                    "acknowledge_by": received + timedelta(days=2),
                    "screen_by": received + timedelta(days=14),
                    "version": 1,
                    "updated_at": datetime.now(UTC),
                }
            )
            vocabulary = "protected_class" if kind == "discrimination" else "bias_category"
            source = vocab.PROTECTED_CLASSES if kind == "discrimination" else vocab.BIAS_CATEGORIES
            for position, code in enumerate(_codes(source, rng)):
                terms.append(
                    {
                        "report_id": number,
                        "vocabulary": vocabulary,
                        "code": code,
                        "position": position,
                    }
                )
        db.session.execute(insert(Report), reports)
        db.session.execute(insert(ReportTerm), terms)
        db.session.commit()
