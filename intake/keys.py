"""Key rotation: re-encrypt every encrypted value and evidence file with the newest
FIELD_ENCRYPTION_KEY and hash every email lookup again with the newest pepper, so older keys can
be removed.

Receipts cannot be re-hashed without the receipt: each is hashed again with the newest pepper when
its resident next opens the report; `rotate` says how many still need an older pepper.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Text, func, select, type_coerce, update

from . import filecrypt, uploads
from .crypto import EncryptedText, email_hash, pepper_version, rotate
from .extensions import db
from .models import Contact, Report

BATCH = 500


@dataclass(frozen=True)
class Rotated:
    """What a rotation did."""

    values: int
    files: int
    email_hashes: int
    receipts_on_older_peppers: int


def encrypted_columns() -> list[tuple[object, str]]:
    """(table, column name) of every encrypted column in the schema."""
    return [
        (table, column.name)
        for table in db.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, EncryptedText)
    ]


def _rotate_column(table: object, name: str) -> int:
    (key,) = table.primary_key.columns  # type: ignore[attr-defined]
    raw = type_coerce(table.c[name], Text)  # type: ignore[attr-defined]
    done, after = 0, None
    while True:
        query = select(key, raw).where(raw.is_not(None)).order_by(key).limit(BATCH)
        if after is not None:
            query = query.where(key > after)
        rows = db.session.execute(query).all()
        for row_key, token in rows:
            db.session.execute(
                update(table)  # type: ignore[arg-type]
                .where(key == row_key)
                .values({name: type_coerce(rotate(token), Text)})
            )
        db.session.commit()
        done += len(rows)
        if len(rows) < BATCH:
            return done
        after = rows[-1][0]


def rotate_all() -> Rotated:
    """Re-encrypt everything with the newest key and re-hash email lookups with the newest
    pepper, committing batch by batch (safe to run again after an interruption)."""
    values = sum(_rotate_column(table, name) for table, name in encrypted_columns())
    files = 0
    for path in uploads.evidence_files():
        if filecrypt.needs_rotation(path):
            filecrypt.rotate(path)
            files += 1
    hashes = 0
    for contact in db.session.scalars(select(Contact).where(Contact.email.is_not(None))):
        fresh = email_hash(contact.email or "")
        if contact.email_hash != fresh:
            contact.email_hash = fresh
            hashes += 1
    db.session.commit()
    older = db.session.scalar(
        select(func.count()).where(
            Report.pepper_version != pepper_version(), Report.disposed_on.is_(None)
        )
    )
    return Rotated(values, files, hashes, int(older or 0))
