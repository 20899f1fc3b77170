"""A page of the case list: how many cases match (up to a limit), and which are on the page, in
the list's order, read from indexes whatever the number of cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import selectinload

from ..database import one_of
from ..extensions import db
from ..models import Report, Staff
from . import search
from .links import links
from .queries import MOVE_ORDER, SEARCH, SORTS, CaseFilter, conditions


@dataclass(frozen=True)
class CasePage:
    """One page of the case list. Counting stops at a limit: `capped` means "more than `total`"."""

    cases: list[Report]
    total: int
    page: int
    per_page: int
    capped: bool = False

    @property
    def pages(self) -> int:
        """How many pages the list has (as far as it was counted)."""
        return page_count(self.total, self.per_page)

    @property
    def at_limit(self) -> bool:
        """Whether this is the last page of a list counted to its limit: the pages stop here."""
        return self.capped and self.page >= self.pages


def page_count(total: int, per_page: int) -> int:
    """How many pages `total` cases fill, at least one."""
    return max(1, -(-total // per_page))


def _sort_columns(case_filter: CaseFilter) -> tuple[Any, ...]:
    return (*SORTS[case_filter.sort], Report.id)


def ordered(query: Select[Any], case_filter: CaseFilter, source: Any = None) -> Select[Any]:
    """Sort by the chosen columns (by default urgent cases first), then by id for stability,
    all in one direction so that an index read backwards gives the descending order; the
    columns of the cases, or of `source`, a table of them (see `_few`)."""

    def column(of_report: Any) -> Any:
        return of_report if source is None else source.c[of_report.key]

    columns = [column(c) for c in _sort_columns(case_filter)]
    order = [c.desc() if case_filter.descending else c.asc() for c in columns]
    if case_filter.chosen_sort:
        return query.order_by(*order)
    return query.order_by(column(Report.urgent).desc(), *order)


def _few(ids: list[int], case_filter: CaseFilter) -> Select[int]:
    """These cases' ids in the list's order, sorted from their own rows alone: a table of their
    sort columns, materialized. Otherwise PostgreSQL reads the list's order index looking for
    them (it takes them to be spread evenly; the 400 new cases with a term are the newest,
    the last of a million: 83 ms)."""
    wanted = {c.key: c for c in (Report.urgent, *_sort_columns(case_filter))}
    table = (
        select(*wanted.values())
        .where(one_of(Report.id, ids))
        .cte("few")
        .prefix_with("MATERIALIZED")
    )
    return ordered(select(table.c.id), case_filter, table)


def count_up_to(where: list[ColumnElement[bool]] | Select[int], limit: int) -> tuple[int, bool]:
    """How many cases match (conditions, or a query of their ids), counting no further than
    `limit`: (count, whether it stopped).

    A list of a million cases needs no exact total, and counting one costs a scan of them all.
    """
    ids = where if isinstance(where, Select) else select(Report.id).where(*where)
    total = db.session.scalar(select(func.count()).select_from(ids.limit(limit + 1).subquery()))
    return min(total or 0, limit), (total or 0) > limit


def matching_ids(case_filter: CaseFilter, staff: Staff, today: date) -> Select[int]:
    """The matching cases' ids, in no order; with a term or tag filter, or a search of words on
    SQLite, read from that index, so that counting them to a limit stops there."""
    found = links(case_filter)
    if found:
        return found[0].driving(conditions(case_filter, staff, today, driver=found[0]))
    if case_filter.q:
        others = conditions(case_filter, staff, today, driver=SEARCH)
        searched = search.driving(case_filter.q, others)
        if searched is not None:
            return searched
    return select(Report.id).where(*conditions(case_filter, staff, today))


# From how many matches on, a page of a search or of a term or tag filter may be found by
# reading the list in its order (every order has an index), rather than by sorting every match
# (see `_sorting_matches`, `links` and `search._in_index`).
MANY_MATCHES = 1000
# Fetching and sorting one match costs about as much as passing this many cases in order
# (measured at a million cases by eleven searches): SQLite checks a case it passes against
# the set of matches, read once, 10; PostgreSQL reads each case's search vector, 1.7 to 5
# (2,594 cases with 房东: 37 ms read in order, 18 ms sorted).
SORT_COST = {"sqlite": 10, "postgresql": 3}


def _sorting_matches(total: int, capped: bool, reach: int) -> bool:
    """Whether to sort the matches rather than read the list in its order until the page's last
    case (`reach`, counted from the start). Reading in order passes about reach × cases ÷
    matches cases (spread evenly); sorting fetches each match, about SORT_COST times as dear
    as passing a case. Never for a count that stopped at its limit (the sort would read every
    match). At a million cases, the 1,085 with a Chinese word cost PostgreSQL 105 ms read in
    order (each case's search column read from the table), 10 ms sorted; the 3,881 of "senior
    lunch program" 30 ms read in order, 49 ms sorted."""
    if total < MANY_MATCHES:
        return True
    if capped:
        return False
    cases = db.session.scalar(select(func.max(Report.id))) or 0  # From the index: ~ how many.
    return SORT_COST[db.engine.dialect.name] * total * total < reach * cases


def status_counts(case_filter: CaseFilter, staff: Staff, today: date) -> list[tuple[str, int]]:
    """How many of the list's cases are in each status, in the workflow's order."""
    query = (
        select(Report.status, func.count())
        .where(*conditions(case_filter, staff, today))
        .group_by(Report.status)
    )
    found = {status: int(count) for status, count in db.session.execute(query)}
    return [(status, found[status]) for status in MOVE_ORDER if found.get(status)]


def case_page(
    case_filter: CaseFilter, staff: Staff, today: date, per_page: int, count_limit: int
) -> CasePage:
    """The cases on the requested page: a count; when the matches are few, their ids, sorted
    from those alone (a planner that guesses many matches reads the whole list in order looking
    for them: 2.8 s at a million cases on PostgreSQL for a word in none), else a read of the
    list in its order; then just the page's cases, whole."""
    ids = matching_ids(case_filter, staff, today)
    total, capped = count_up_to(ids, count_limit)
    # Past the end of the list, or past its limit: the last page. A list of a million cases
    # is paged as far as it was counted (like a search engine's results): a page past every
    # case is an OFFSET that reads them all (page 40,000: 43 ms on SQLite, 99 ms on
    # PostgreSQL); the staff narrow the list or reverse its order instead.
    page = min(case_filter.page, page_count(total, per_page))
    if total == 0:
        return CasePage([], 0, page, per_page)
    if _sorting_matches(total, capped, page * per_page):
        chosen = _few(list(db.session.scalars(ids)), case_filter)
    else:
        # The page's ids sorted from an index alone.
        chosen = ordered(
            select(Report.id).where(*conditions(case_filter, staff, today, True, capped=capped)),
            case_filter,
        )
    # The page's ids first; then just those cases, whole.
    page_ids = chosen.limit(per_page).offset((page - 1) * per_page)
    query = ordered(
        select(Report).where(Report.id.in_(page_ids.scalar_subquery())), case_filter
    ).options(selectinload(Report.assignee), selectinload(Report.terms))
    return CasePage(list(db.session.scalars(query)), total, page, per_page, capped)
