"""Searching cases: by case or record number (whole, or how it starts) or by the words of the
narrative and the respondent's name, with each database's full-text index, case and accents
ignored (intake/folding.py, migration 0012)."""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select, text

from ..extensions import db
from ..folding import fold
from ..models import Report

WORD = re.compile(r"\w+", re.UNICODE)
# A whole case number ("2026-00042") or record number ("HR-7K3M-9QX2") is looked up as such.
NUMBER = re.compile(r"\d{4}-\d+|HR-[0-9A-Z]{4}-[0-9A-Z]{4}")
# The start of one ("2026-000", "HR-Z4T5", "hr-z4t5-9"): cases whose number begins so.
NUMBER_START = re.compile(r"\d{4}-\d*|HR-[0-9A-Z]{1,4}(-[0-9A-Z]{0,4})?")
# Scripts written without spaces between words: a word is found inside the text, not only at
# the start of a token (PostgreSQL's parser keeps a whole Chinese sentence as one token).
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def matching(wanted: str, scan_in_order: bool) -> ColumnElement[bool]:
    """A case or record number (whole, or its start), or else every word in the narrative or
    respondent (with the database's full-text index), case and accents ignored. Kept apart so
    each uses its own index."""
    number = wanted.strip().upper()
    words = WORD.findall(fold(wanted))[:8]
    if NUMBER.fullmatch(number) or not words:
        return or_(Report.record_number == number, Report.case_number == number)
    matches = and_(*(_word_matches(word, scan_in_order) for word in words))
    if NUMBER_START.fullmatch(number):
        starts = or_(
            Report.record_number.startswith(number, autoescape=True),
            Report.case_number.startswith(number, autoescape=True),
        )
        return or_(starts, matches)
    return matches


def _word_matches(word: str, scan_in_order: bool) -> ColumnElement[bool]:
    """One folded word. On SQLite, a word found in many cases is best checked while reading
    the list in its order (`scan_in_order`: "+id" keeps SQLite from fetching every match and
    sorting); a rare word is best fetched from the index and sorted."""
    inside = f"%{word}%"
    if not is_sqlite():
        if UNSPACED.search(word):
            return or_(Report.narrative.ilike(inside), Report.respondent_name.ilike(inside))
        # Prefix match, on the words as written and on their stems (migration 0012).
        # Folded by the same unaccent as the index ("ł" is "l" there).
        folded = func.intake_unaccent(word).concat(":*")
        query = func.to_tsquery(literal_column("'simple'::regconfig"), folded)
        return literal_column("report.search_vector").op("@@")(query)
    if len(word) < 3:
        # The trigram index needs three characters; shorter words are looked up directly.
        return or_(Report.narrative.ilike(inside), Report.respondent_name.ilike(inside))
    phrase = '"' + word.replace('"', "") + '"'
    report_id = literal_column("+report.id") if scan_in_order else Report.id
    return report_id.in_(
        select(literal_column("rowid"))
        .select_from(text("report_fts"))
        .where(text("report_fts MATCH :phrase").bindparams(phrase=phrase))
    )


def is_sqlite() -> bool:
    """Whether the portal runs on SQLite (each database searches with its own index)."""
    return db.engine.dialect.name == "sqlite"
