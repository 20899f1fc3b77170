"""Hints that two reports may be about the same thing."""

from __future__ import annotations

import hashlib
import re

from sqlalchemy import or_

from ..extensions import db
from ..models import Contact, Report, Staff
from .access import visible_cases

WORD = re.compile(r"\w+")


def fingerprint(narrative: str) -> str:
    """Equal for narratives that differ only in case, spacing and punctuation."""
    words = " ".join(WORD.findall(narrative.casefold()))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def possible_duplicates(report: Report, viewer: Staff, limit: int = 10) -> list[Report]:
    """Other reports with the same contact email or a near-identical narrative, among those
    `viewer` may open (a hint names no case they could not)."""
    email_hash = report.contact.email_hash if report.contact else None
    conditions = [Report.narrative_fingerprint == report.narrative_fingerprint]
    if email_hash:
        conditions.append(Report.contact.has(Contact.email_hash == email_hash))
    query = (
        db.select(Report)
        .where(Report.id != report.id, or_(*conditions), visible_cases(viewer))
        .order_by(Report.created_at.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))
