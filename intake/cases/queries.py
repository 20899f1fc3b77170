"""The case list's filters: from the URL to the conditions of the query (`listing` reads the page
with them, in a fixed number of queries).

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
    false,
    or_,
    select,
    tuple_,
)
from werkzeug.datastructures import MultiDict

from .. import vocab
from ..database import LIKELY, likelihood
from ..edge import QUERY_CONTROLS
from ..extensions import db
from ..geography import COMMUNITY_AREAS, WARD_COUNT
from ..i18n import NATIVE_NAMES
from ..models import MAX_ID, NOTHING_DUE_SQL, Report, Staff
from ..statuses import TABLE as STATUS_TABLE
from ..statuses import TRIAGE_STATUSES
from . import calendar
from .access import visible_cases
from .links import Link, links
from .search import NUMBER, matching

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
    if set(statuses) <= set(TRIAGE_STATUSES):
        return likelihood(chosen, 0.05)
    return chosen


def _common(condition: ColumnElement[bool], scan_in_order: bool) -> ColumnElement[bool]:
    """A filter on a column of a few values, when the list is read in its order among many
    matches: said to be common to SQLite, which without statistics takes an indexed equality
    for a rare one, reads every match from that index and sorts them (kind=discrimination at a
    million cases: 405 ms). With statistics it reads the list in order anyway."""
    return likelihood(condition, LIKELY) if scan_in_order else condition


def conditions(
    case_filter: CaseFilter,
    staff: Staff,
    today: date,
    scan_in_order: bool = False,
    driver: Link | str | None = None,
    capped: bool = False,
) -> list[ColumnElement[bool]]:
    """The WHERE clause of a filter, within what `staff` may see (`scan_in_order` and
    `capped`, more matches than were counted: see `links` and `search.matching`), without the
    filter `driver` if given: a term or tag filter, or SEARCH."""
    where: list[ColumnElement[bool]] = [visible_cases(staff)]
    f = case_filter
    if f.status:
        where.append(_status_in(f.status))
    for name in ("kind", "covered_area", "language", "channel", "reporter_role"):
        values = getattr(f, name)
        if values:
            where.append(_common(getattr(Report, name).in_(values), scan_in_order))
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
        where.append(matching(f.q, scan_in_order, capped))
    return where


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
