"""Searching cases: by case or record number (whole, or how it starts) or by the words of the
narrative and the respondent's name, with each database's full-text index, case and accents
ignored (intake/folding.py, migration 0012)."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    TextClause,
    and_,
    bindparam,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)

from ..extensions import db
from ..folding import UNSPACED_RUN, fold
from ..models import Report

WORD = re.compile(r"\w+", re.UNICODE)
# A whole case number ("2026-00042") or record number ("HR-7K3M-9QX2") is looked up as such.
NUMBER = re.compile(r"\d{4}-\d+|HR-[0-9A-Z]{4}-[0-9A-Z]{4}")
# The start of one ("2026-000", "HR-Z4T5", "hr-z4t5-9"): cases whose number begins so.
NUMBER_START = re.compile(r"\d{4}-\d*|HR-[0-9A-Z]{1,4}(-[0-9A-Z]{0,4})?")


def matching(wanted: str, scan_in_order: bool, capped: bool = False) -> ColumnElement[bool]:
    """A case or record number (whole, or its start), or else every word in the narrative or
    respondent (with the database's full-text index), case and accents ignored. Kept apart so
    each uses its own index. The list read in its order (`scan_in_order`) among more matches
    than were counted (`capped`): PostgreSQL checks each case rather than using the index."""
    number, words = _parsed(wanted)
    if NUMBER.fullmatch(number) or not words:
        return or_(Report.record_number == number, Report.case_number == number)
    if is_sqlite():
        matches = and_(*(_in_index(*query, scan_in_order) for query in _fts_queries(words)))
    else:
        matches = and_(*_pg_matches(words, scan_in_order and capped))
    if NUMBER_START.fullmatch(number):
        starts = or_(_starts(Report.record_number, number), _starts(Report.case_number, number))
        return or_(starts, matches)
    return matches


def _parsed(wanted: str) -> tuple[str, list[str]]:
    """What was typed as a number might be written, and its words as the index holds them."""
    return wanted.strip().upper(), WORD.findall(fold(wanted))[:8]


def driving(wanted: str, where: list[ColumnElement[bool]]) -> Select[Any] | None:
    """SQLite, a search of words alone: the matching cases' ids read from the full-text index
    and joined to the cases that meet the other conditions `where`, so that counting them to a
    limit stops there (`id IN (...)` first fetched every match: 77,000 for "landlord" at a
    million cases). None for any other search, or on PostgreSQL (its index gives its matches
    all at once)."""
    number, words = _parsed(wanted)
    if not is_sqlite() or not words or NUMBER.fullmatch(number) or NUMBER_START.fullmatch(number):
        return None
    first, *others = _fts_queries(words)
    index = table(first[0], column("rowid"))
    return (
        select(index.c.rowid)
        .join(Report, Report.id == index.c.rowid)
        .where(_match(*first), *(_in_index(*query, False) for query in others), *where)
    )


def _starts(number_column: Any, prefix: str) -> ColumnElement[bool]:
    """The numbers that begin with `prefix` (digits, capitals and hyphens only). SQLite also
    gets the same as a range of its binary order, which its index of numbers answers (it reads
    a LIKE over every case). PostgreSQL's collation may not order hyphens byte by byte, so it
    keeps the LIKE alone."""
    starts: ColumnElement[bool] = number_column.startswith(prefix, autoescape=True)
    if not is_sqlite():
        return starts
    following = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(number_column >= prefix, number_column < following, starts)


# PostgreSQL: among longer words, a word shorter than this is checked in the cases the longer
# ones find rather than read from the index: its prefix is the start of thousands of words
# ("me", "no", "que"), whose lists the index would merge. At a million cases: "me dijo que"
# 217 -> 90 ms, "no such words here" 41 -> 11 ms. The cases found are the same.
CHECKED_BELOW = 4


def _pg_matches(words: list[str], in_order: bool) -> list[ColumnElement[bool]]:
    """PostgreSQL: each word's condition; the short ones checked, not read from the index,
    when a longer word is there to find the cases. `in_order`, the list read in its order
    among more matches than were counted: none from the index, each case passed is checked.
    Otherwise the planner, taking two words to be independent, may guess few matches and fetch
    and sort them all ("wheelchair ramp": guessed 1,094, found 21,681 at a million cases:
    86 ms). Among fewer, its own fetch and sort of them is the cheapest ("swim class", 3,911
    matches: 5 ms, 10 ms read in order)."""
    finding = [len(word) >= CHECKED_BELOW or bool(UNSPACED_RUN.search(word)) for word in words]
    everyone = not any(finding)  # Short words alone: each from the index.
    return [
        _word_matches(word, indexed=(everyone or found) and not in_order)
        for word, found in zip(words, finding, strict=True)
    ]


def _word_matches(word: str, indexed: bool) -> ColumnElement[bool]:
    """PostgreSQL: one folded word, from the search vector (through its index unless not
    `indexed`: the function behind @@, which no index answers)."""
    if UNSPACED_RUN.search(word):
        return _unspaced_matches(word, indexed)
    # Prefix match, on the words as written and on their stems (migration 0012).
    # Folded by the same unaccent as the index ("ł" is "l" there).
    folded = func.intake_unaccent(word).concat(":*")
    query = func.to_tsquery(literal_column("'simple'::regconfig"), folded)
    return _vector_matches(query, indexed)


def _vector_matches(query: ColumnElement[Any], indexed: bool) -> ColumnElement[bool]:
    """The cases whose search vector matches `query`: through the index (@@), or, when not
    `indexed`, with the function behind @@, which no index answers."""
    vector: ColumnElement[Any] = literal_column("report.search_vector")
    return vector.op("@@")(query) if indexed else func.ts_match_vq(vector, query)


def _fts_queries(words: list[str]) -> list[tuple[str, str]]:
    """SQLite: the words of three characters or more as one query of the trigram index, the
    shorter ones as one query of the index of whole words (or how one starts; Chinese is also
    indexed there by character and pair): (index, query), one per index used. FTS5 joins the
    words' lists itself, far faster than SQLite joining one list of cases per word."""
    phrases = {word: '"' + word.replace('"', "") + '"' for word in words}
    long = [phrases[word] for word in words if len(word) >= 3]
    short = [phrases[word] + "*" for word in words if len(word) < 3]
    queries = [("report_fts", " AND ".join(long))] if long else []
    return queries + ([("report_fts_words", " AND ".join(short))] if short else [])


def _in_index(index: str, query: str, scan_in_order: bool) -> ColumnElement[bool]:
    """The cases an FTS5 query finds. Among many matches (`scan_in_order`), "+id" keeps SQLite
    reading the list in order rather than fetching every match and sorting."""
    report_id = literal_column("+report.id") if scan_in_order else Report.id
    rows: Select[Any] = select(literal_column("rowid")).select_from(text(index))
    rows = rows.where(_match(index, query))
    return report_id.in_(rows)


def _match(index: str, query: str) -> TextClause:
    # A name of its own for each query (two must not share one).
    return text(f"{index} MATCH :query").bindparams(bindparam("query", query, unique=True))


def _unspaced_matches(word: str, indexed: bool) -> ColumnElement[bool]:
    """PostgreSQL: a word with Chinese or Japanese in it. The index holds each character and
    each pair of neighbours (migration 0024): a word of one or two characters is one of them;
    a longer one has all its pairs, and is then checked in those cases' text."""
    pieces = []
    for run in UNSPACED_RUN.findall(word):
        pieces += [run] if len(run) <= 2 else [run[i : i + 2] for i in range(len(run) - 1)]
    query = func.plainto_tsquery(literal_column("'simple'::regconfig"), " ".join(pieces))
    pairs = _vector_matches(query, indexed)
    if pieces == [word]:
        return pairs
    inside = f"%{word}%"
    return and_(pairs, or_(Report.narrative.ilike(inside), Report.respondent_name.ilike(inside)))


def is_sqlite() -> bool:
    """Whether the portal runs on SQLite (each database searches with its own index)."""
    return db.engine.dialect.name == "sqlite"
