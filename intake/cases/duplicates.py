"""Hints that two reports may be about the same thing."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from sqlalchemy import Select, select, union

from ..extensions import db
from ..models import AffectedPerson, Contact, Report, Staff
from .access import visible_cases

WORD = re.compile(r"\w+")


def fingerprint(narrative: str) -> str:
    """Equal for narratives that differ only in case, spacing and punctuation."""
    words = " ".join(WORD.findall(narrative.casefold()))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def possible_duplicates(report: Report, viewer: Staff, limit: int = 10) -> list[Report]:
    """Other reports with a near-identical narrative or naming the same person by email (the
    reporter's or the affected person's, either way round), among those `viewer` may open (a
    hint names no case they could not).

    Each way of matching is read from its own index and the ids joined, so the check costs the
    same whatever the number of cases."""
    candidates = union(*_matching_ids(report))
    query = (
        select(Report)
        .where(Report.id.in_(select(candidates.subquery().c[0])))
        .where(Report.id != report.id, visible_cases(viewer))
        .order_by(Report.created_at.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def _matching_ids(report: Report) -> list[Select[Any]]:
    found = [select(Report.id).where(Report.narrative_fingerprint == report.narrative_fingerprint)]
    people = (report.contact, report.affected)
    hashes = sorted({person.email_hash for person in people if person and person.email_hash})
    if hashes:
        found.append(select(Contact.report_id).where(Contact.email_hash.in_(hashes)))
        found.append(select(AffectedPerson.report_id).where(AffectedPerson.email_hash.in_(hashes)))
    return found
