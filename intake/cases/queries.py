"""The case list: filters from the URL, search, sort and pages, in a fixed number of queries.

Filters live in the query string so a view can be bookmarked, shared and saved. Every filter is
optional; unknown values are ignored rather than answered with an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import (
    ColumnElement,
    Select,
    false,
    func,
    literal_column,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import selectinload
from werkzeug.datastructures import MultiDict

from .. import vocab
from ..database import one_of
from ..edge import QUERY_CONTROLS
from ..extensions import db
from ..geography import COMMUNITY_AREAS, WARD_COUNT
from ..i18n import NATIVE_NAMES
from ..models import MAX_ID, NOTHING_DUE_SQL, Report, Staff
from ..statuses import TABLE as STATUS_TABLE
from ..statuses import TRIAGE_STATUSES
from . import calendar, search
from .access import visible_cases
from .links import Link, links
from .search import NUMBER, is_sqlite, matching

# `conditions` leaves the search out when it reads the cases from the search's index.
SEARCH = "search"

# Each order's columns: every one is read from an index in that order with the id last
# (migration 0023), forwards or backwards.
SORTS: dict[str, tuple[Any, ...]] = {
    "received": (Report.created_at,),
    "case": (Report.case_number,),
    "status": (Report.status,),
    "kind": (Report.kind,),
    "due": (Report.next_due_on,),
    "incident": (Report.incident_year, Report.incident_month, Report.incident_day),
    "community_area": (Report.community_area,),
    "ward": (Report.ward,),
    "language": (Report.language,),
}
MOVE_ORDER = tuple(info.status.value for info in STATUS_TABLE)
MULTI = (
    "status",
    "kind",
    "covered_area",
    "protected_class",
    "bias_category",
    "incident_type",
    "language",
    "channel",
    "reporter_role",
)
TERM_FILTERS = {"protected_class", "bias_category", "incident_type"}
# The codes each multiple-choice filter knows; anything else in a URL is ignored.
CODES: dict[str, frozenset[str]] = {
    "status": frozenset(t.code for t in vocab.STATUSES),
    "kind": frozenset(t.code for t in vocab.KIND_NAMES),
    "covered_area": frozenset(t.code for t in vocab.COVERED_AREAS),
    "protected_class": frozenset(t.code for t in vocab.PROTECTED_CLASSES),
    "bias_category": frozenset(t.code for t in vocab.BIAS_CATEGORIES),
    "incident_type": frozenset(t.code for t in vocab.INCIDENT_TYPES),
    "language": frozenset(NATIVE_NAMES),
    "channel": frozenset(t.code for t in vocab.CHANNELS),
    "reporter_role": frozenset(t.code for t in vocab.REPORTER_ROLES),
}
DATES = ("received_from", "received_to", "incident_from", "incident_to")
# The parameters a case-list URL (and so a saved view) may carry, besides the page.
FILTER_PARAMS = frozenset(
    [*MULTI, *DATES, "community_area", "ward", "anonymous", "assignee", "overdue", "due", "urgent"]
    + ["interpreter", "tag", "q", "sort"]
)

# Bounds on what a URL may ask for, so that nothing reaches the database out of its range.
MAX_PAGE = 100_000  # Keeps OFFSET far below 2**63 whatever the page size.
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)
MAX_SEARCH = 200
# PostgreSQL refuses NUL; no control character belongs in a filter or a header.
CONTROL = QUERY_CONTROLS
DIGITS = re.compile("[0-9]+")  # ASCII only: int() would also take "١٢", "²" (fails) and "1_0".


@dataclass
class CaseFilter:
    """What the staff member asked for, read from the URL."""

    status: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    covered_area: list[str] = field(default_factory=list)
    protected_class: list[str] = field(default_factory=list)
    bias_category: list[str] = field(default_factory=list)
    incident_type: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)
    channel: list[str] = field(default_factory=list)
    reporter_role: list[str] = field(default_factory=list)
    interpreter: bool = False  # Only cases where the resident needs an interpreter.
    community_area: int | None = None
    ward: int | None = None
    anonymous: bool | None = None
    assignee: str = ""  # "" any, "none" unassigned, "me", or a staff id
    tag: list[int] = field(default_factory=list)  # Cases carrying any of these tags.
    overdue: bool = False
    due_soon: bool = False  # Something falls due within seven days (or is overdue).
    urgent: bool = False
    received_from: date | None = None
    received_to: date | None = None
    incident_from: date | None = None
    incident_to: date | None = None
    q: str = ""
    sort: str = "received"
    descending: bool = False
    # A sort the staff member chose; the default order puts urgent cases first.
    chosen_sort: bool = False
    page: int = 1
    # The filters given in the URL that could not be used (the list says so).
    ignored: list[str] = field(default_factory=list)

    @classmethod
    def from_args(cls, args: MultiDict[str, str], default_sort: str = "received") -> CaseFilter:
        """Read the filter from a query string, ignoring (and noting) what does not parse."""
        result = cls(sort=default_sort)
        for name in MULTI:
            given = [v for v in args.getlist(name) if v]
            setattr(result, name, [v for v in given if v in CODES[name]])
            result._note(name, given, len(getattr(result, name)) == len(given))
        areas, ward = args.get("community_area"), args.get("ward")
        result.community_area = _in_range(areas, 1, len(COMMUNITY_AREAS))
        result.ward = _in_range(ward, 1, WARD_COUNT)
        result._note("community_area", areas, result.community_area is not None)
        result._note("ward", ward, result.ward is not None)
        result.anonymous = {"yes": True, "no": False}.get(args.get("anonymous", ""))
        assignee = args.get("assignee", "")
        valid = assignee in ("", "none", "me") or bool(DIGITS.fullmatch(assignee))
        result.assignee = assignee if valid else ""
        result._note("assignee", assignee, valid)
        tags = [v for v in args.getlist("tag") if v]
        result.tag = sorted({n for n in map(_whole_number, tags) if n is not None and n <= MAX_ID})
        result._note("tag", tags, len(result.tag) == len(set(tags)))
        result.overdue = args.get("overdue") == "1"
        result.due_soon = args.get("due") == "week"
        result.urgent = args.get("urgent") == "1"
        result.interpreter = args.get("interpreter") == "1"
        for name in DATES:
            day = as_date(args.get(name))
            setattr(result, name, day)
            result._note(name, args.get(name), day is not None)
        result.q = clean_text(args.get("q") or "")[:MAX_SEARCH]
        if args.get("sort", "").lstrip("-") in SORTS:
            result.sort = args["sort"].lstrip("-")
            result.descending = args["sort"].startswith("-")
            result.chosen_sort = True
        result.page = page_number(args.get("page"))
        return result

    def _note(self, name: str, given: object, used: bool) -> None:
        if given and not used:
            self.ignored.append(name)


def page_number(value: str | None) -> int:
    """A page number from a URL: 1 unless it is a whole number, at most MAX_PAGE."""
    return min(max(1, _whole_number(value) or 1), MAX_PAGE)


def clean_text(value: str) -> str:
    """Text from a URL without control characters or surrounding spaces."""
    return CONTROL.sub("", value).strip()


def _whole_number(value: str | None) -> int | None:
    """ASCII digits as a number (saturating at 10**18 rather than reading a huge one)."""
    if not value or not DIGITS.fullmatch(value):
        return None
    return int(value) if len(value) <= 18 else 10**18


def _in_range(value: str | None, lowest: int, highest: int) -> int | None:
    number = _whole_number(value)
    return number if number is not None and lowest <= number <= highest else None


def as_date(value: str | None) -> date | None:
    """An ISO date between EARLIEST and LATEST (so that a day more or less stays a date)."""
    try:
        day = date.fromisoformat(value) if value else None
    except ValueError:
        return None
    return day if day is not None and EARLIEST <= day <= LATEST else None


def _start_of(day: date) -> datetime:
    """Midnight at the commission, as an aware datetime (dates are the commission's dates)."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return datetime.combine(day, time.min, tzinfo=zone)


def _status_in(statuses: list[str]) -> ColumnElement[bool]:
    """Status filter. SQLite's statistics know only that a status holds a quarter of the cases
    on average; the triage statuses hold few (the service targets empty them within days), so
    say so, or SQLite walks the whole list in order looking for them."""
    chosen = Report.status.in_(statuses)
    if is_sqlite() and set(statuses) <= set(TRIAGE_STATUSES):
        return func.likelihood(chosen, literal_column("0.05"))
    return chosen


def conditions(
    case_filter: CaseFilter,
    staff: Staff,
    today: date,
    scan_in_order: bool = False,
    driver: Link | str | None = None,
) -> list[ColumnElement[bool]]:
    """The WHERE clause of a filter, within what `staff` may see (`scan_in_order`: see
    `links` and `search.matching`), without the filter `driver` if given: a term or tag
    filter, or SEARCH."""
    where: list[ColumnElement[bool]] = [visible_cases(staff)]
    f = case_filter
    if f.status:
        where.append(_status_in(f.status))
    for name in ("kind", "covered_area", "language", "channel", "reporter_role"):
        values = getattr(f, name)
        if values:
            where.append(getattr(Report, name).in_(values))
    where += [link.condition(scan_in_order) for link in links(f) if link != driver]
    if f.community_area is not None:
        where.append(Report.community_area == f.community_area)
    if f.ward is not None:
        where.append(Report.ward == f.ward)
    if f.anonymous is not None:
        where.append(Report.anonymous.is_(f.anonymous))
    if f.assignee == "none":
        where.append(Report.assignee_id.is_(None))
    elif f.assignee == "me":
        where.append(Report.assignee_id == staff.id)
    elif f.assignee:
        staff_id = _whole_number(f.assignee)
        if staff_id is not None and staff_id <= MAX_ID:
            where.append(Report.assignee_id == staff_id)
        else:
            where.append(false())
    if f.interpreter:
        where.append(Report.interpreter_language.is_not(None))
    if f.overdue or f.due_soon:  # Read from the cases with anything due (as the index says).
        where.append(Report.next_due_on < NOTHING_DUE_SQL)
    if f.overdue:  # A screening target or a running deadline is past.
        where.append(Report.next_due_on < today)
    if f.due_soon:
        where.append(Report.next_due_on <= today + timedelta(days=calendar.DUE_SOON_DAYS))
    if f.urgent:
        where.append(Report.urgent.is_(True))
    if f.received_from:
        where.append(Report.created_at >= _start_of(f.received_from))
    if f.received_to:
        where.append(Report.created_at < _start_of(f.received_to + timedelta(days=1)))
    # By month: as (year, month) pairs, a range of the incident-date index, to count and to
    # find a few; as one number that no index holds when reading the list in its order (SQLite
    # would otherwise read every match of the range and sort them: 0.9 s at a million cases).
    months = (f.incident_from, f.incident_to)
    bounds: list[Any]
    if scan_in_order:
        month: Any = Report.incident_year * 100 + Report.incident_month
        bounds = [(d.year * 100 + d.month) if d else None for d in months]
    else:
        month = tuple_(Report.incident_year, Report.incident_month)
        bounds = [(d.year, d.month) if d else None for d in months]
    if bounds[0] is not None:
        where.append(month >= bounds[0])
    if bounds[1] is not None:
        where.append(month <= bounds[1])
    if f.q and driver != SEARCH:
        where.append(matching(f.q, scan_in_order))
    return where


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
        return max(1, -(-self.total // self.per_page))


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
# (measured on both databases at a million cases).
SORT_COST = 10


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
    return SORT_COST * total * total < reach * cases


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
    page = case_filter.page
    if not capped:  # Past the end of a list counted whole: its last page.
        page = min(page, max(1, -(-total // per_page)))
    if total == 0:
        return CasePage([], 0, page, per_page)
    if _sorting_matches(total, capped, page * per_page):
        chosen = _few(list(db.session.scalars(ids)), case_filter)
    else:
        # The page's ids sorted from an index alone.
        chosen = ordered(
            select(Report.id).where(*conditions(case_filter, staff, today, True)), case_filter
        )
    # The page's ids first; then just those cases, whole.
    page_ids = chosen.limit(per_page).offset((page - 1) * per_page)
    query = ordered(
        select(Report).where(Report.id.in_(page_ids.scalar_subquery())), case_filter
    ).options(selectinload(Report.assignee), selectinload(Report.terms))
    return CasePage(list(db.session.scalars(query)), total, page, per_page, capped)


def find_by_number(number: str, staff: Staff) -> Report | None:
    """A visible case by its staff case number or public record number."""
    text = clean_text(number).upper()
    if not NUMBER.fullmatch(text):
        return None  # Not a number at all: nothing to look up.
    return db.session.scalars(
        select(Report).where(
            or_(Report.case_number == text, Report.record_number == text), visible_cases(staff)
        )
    ).first()


def filter_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The known filter parameters among `pairs`, without empty values or control characters."""
    return [(k, v) for k, v in pairs if k in FILTER_PARAMS and v and not CONTROL.search(v)]


def filter_query(query: str) -> str | None:
    """A query string as a saved view keeps and opens it: its known filters, re-encoded; None if
    it holds control characters or whitespace, as typed or percent-encoded."""
    if CONTROL.search(query) or any(char.isspace() for char in query):
        return None
    known = [(k, v) for k, v in parse_qsl(query, errors="replace") if k in FILTER_PARAMS]
    kept = filter_pairs(known)
    return urlencode(kept) if len(kept) == len(known) else None


def filter_choices() -> dict[str, list[tuple[str, Any]]]:
    """The options the filter form offers."""
    return {
        "status": vocab.choices(vocab.STATUSES),
        "kind": vocab.choices(vocab.KIND_NAMES),
        "covered_area": vocab.choices(vocab.COVERED_AREAS),
        "protected_class": vocab.choices(vocab.PROTECTED_CLASSES),
        "bias_category": vocab.choices(vocab.BIAS_CATEGORIES),
        "incident_type": vocab.choices(vocab.INCIDENT_TYPES),
        "channel": vocab.choices(vocab.CHANNELS),
        "reporter_role": vocab.choices(vocab.REPORTER_ROLE_NAMES),
    }
