"""Deadline compliance per stage, and days from filing to each stage, for the summary report.

Compliance: for the two screening targets (acknowledgement, screening decision: the report's
`acknowledge_by` / `screen_by`, met when `acknowledged_at` / `screened_at` falls on or before
that day at the commission) and for each rule of the case calendar (intake/cases/calendar.py,
kept in `case_deadline`), the deadlines whose day falls in the period and that have fallen due
(met, or past their day): how many, how many were met on time, late, extended, and the median
days taken (from the report's arrival for the screening targets, from the deadline's start for
the calendar's). Deadlines in the period still running and not yet due are counted apart.

Stages: for the reports received in the period, the median days from their arrival to each stage
reached: accepted, complaint signed, notice served, response received (the first such event of
the case's calendar) and closed.

Every figure is one GROUP BY query by outcome and days (a histogram), never a loop over cases:
five queries for any period, at any size.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from flask_babel.speaklater import LazyString
from sqlalchemy import ColumnElement, Date, Integer, Select, case, cast, func, literal, select

from ..cases import calendar
from ..extensions import db
from ..models import CaseDeadline, CaseEvent, Report
from ..reminders import SCREENING_TARGETS
from ..statuses import INFO, Status
from .periods import Period

MET, LATE, RUNNING = "met", "late", "running"
# The calendar events that mark a stage, in the order a case meets them (then: closed).
STAGE_EVENTS = ("accepted", "complaint_signed", "notice_served", "response_received")


@dataclass(frozen=True)
class Compliance:
    """One stage's deadlines that fell due in the period (None: hidden in a public summary)."""

    key: str
    title: LazyString
    due: int | None
    met: int | None
    late: int | None
    extended: int | None
    running: int | None
    median_days: float | None

    @property
    def share_met(self) -> float | None:
        """Per cent met on time, of those that fell due (None: none did, or hidden)."""
        if not self.due or self.met is None:
            return None
        return round(100 * self.met / self.due, 1)


@dataclass(frozen=True)
class Stage:
    """Days from a report's arrival to a stage: how many reached it, and the median."""

    key: str
    title: LazyString
    cases: int
    median: float | None


def median(histogram: Counter[int]) -> float | None:
    """The nearest-rank median of a (days → how many) histogram (the summary's percentiles
    use the same rank)."""
    count = sum(histogram.values())
    if count == 0:
        return None
    rank, seen = max(1, math.ceil(count / 2)), 0
    for days in sorted(histogram):
        seen += histogram[days]
        if seen >= rank:
            return float(days)
    return None  # pragma: no cover (the ranks add up to count)


def _transitions(zone: ZoneInfo, first: date, last: date) -> list[tuple[datetime, timedelta]]:
    """(UTC instant, UTC offset from then on) for `zone` between two days, the first at `first`."""

    def offset(moment: datetime) -> timedelta:
        return moment.astimezone(zone).utcoffset() or timedelta(0)

    day = datetime.combine(first, time(0), UTC)
    found = [(day, offset(day))]
    # A day at a time (a century is some 37,000 steps), then the hour of each change: zones
    # change offset on the hour, at most once a day.
    while day.date() <= last:
        day += timedelta(days=1)
        if offset(day) != found[-1][1]:
            hour = day - timedelta(hours=23)
            while offset(hour) == found[-1][1]:
                hour += timedelta(hours=1)
            found.append((hour, offset(hour)))
    return found


def local_day(column: Any, first: date, last: date) -> ColumnElement[Any]:
    """SQL: the day at the commission of a UTC timestamp (exact for timestamps between `first`
    and `last`; SQLite has no time zones, so it is given the zone's offsets in that span)."""
    name = current_app.config["BABEL_DEFAULT_TIMEZONE"]
    if db.engine.dialect.name != "sqlite":
        return cast(func.timezone(name, column), Date)
    shifts = _transitions(ZoneInfo(name), first, last)

    def modifier(shift: timedelta) -> str:
        return f"{int(shift.total_seconds() // 60):+d} minutes"

    whens = [(column >= start, modifier(shift)) for start, shift in reversed(shifts[1:])]
    shift = modifier(shifts[0][1])
    return func.date(column, case(*whens, else_=shift) if whens else literal(shift))


def days_between(later: Any, earlier: Any) -> ColumnElement[Any]:
    """SQL: whole days from one day to a later one."""
    if db.engine.dialect.name == "sqlite":
        return cast(func.julianday(later) - func.julianday(earlier), Integer)
    return cast(later - earlier, Integer)


def _outcome(done: Any, due: Any, today: date) -> ColumnElement[str]:
    return case(
        (done.is_not(None) & (done <= due), MET),
        (done.is_not(None) | (due < today), LATE),
        else_=RUNNING,
    )


def _compliance(key: str, title: LazyString, rows: list[Any]) -> Compliance:
    """A stage's figures from (outcome, days, extended, how many) rows."""
    counts: Counter[str] = Counter()
    taken: Counter[int] = Counter()
    extended = 0
    for outcome, days, was_extended, times in rows:
        counts[outcome] += times
        if outcome != RUNNING:
            extended += times if was_extended else 0
            if days is not None:
                taken[int(days)] += times
    return Compliance(
        key,
        title,
        due=counts[MET] + counts[LATE],
        met=counts[MET],
        late=counts[LATE],
        extended=extended,
        running=counts[RUNNING],
        median_days=median(taken),
    )


def _grouped(rows: Select[Any]) -> Select[Any]:
    """`rows` counted by all their columns. Grouped on a subquery's columns: PostgreSQL would
    not match a GROUP BY expression whose parameters are bound apart from the SELECT's."""
    inner = rows.subquery()
    columns = list(inner.c)
    return select(*columns, func.count()).group_by(*columns)


def _screening(period: Period, today: date) -> list[Compliance]:
    found = []
    for target in SCREENING_TARGETS:
        due = getattr(Report, target.due)
        done = local_day(
            getattr(Report, target.done), period.start - timedelta(days=31), max(today, period.end)
        )
        rows = select(
            _outcome(done, due, today).label("outcome"),
            days_between(done, Report.received_on).label("days"),
            literal(False).label("extended"),
        ).where(due >= period.start, due < period.end)
        found.append(
            _compliance(target.key, target.label, list(db.session.execute(_grouped(rows))))
        )
    return found


def _calendar(period: Period, today: date) -> list[Compliance]:
    rows = select(
        CaseDeadline.key,
        _outcome(CaseDeadline.done_on, CaseDeadline.due_on, today).label("outcome"),
        days_between(CaseDeadline.done_on, CaseDeadline.starts_on).label("days"),
        CaseDeadline.extended,
    ).where(CaseDeadline.due_on >= period.start, CaseDeadline.due_on < period.end)
    by_key: dict[str, list[Any]] = {}
    for key, *rest in db.session.execute(_grouped(rows)):
        by_key.setdefault(key, []).append(rest)
    return [_compliance(rule.key, rule.label, by_key.get(rule.key, [])) for rule in calendar.RULES]


def deadlines(period: Period, today: date) -> list[Compliance]:
    """Compliance per stage: the screening targets, then each calendar rule, in order."""
    return _screening(period, today) + _calendar(period, today)


def _histograms(rows: Any) -> dict[str, Counter[int]]:
    found: dict[str, Counter[int]] = {}
    for key, days, times in rows:
        found.setdefault(key, Counter())[int(days)] += times
    return found


def stages(period: Period, today: date) -> list[Stage]:
    """Median days from arrival to each stage, for the reports received in the period."""
    received = (Report.received_on >= period.start, Report.received_on < period.end)
    first = (
        select(CaseEvent.report_id, CaseEvent.key, func.min(CaseEvent.on).label("on"))
        .where(CaseEvent.key.in_(STAGE_EVENTS))
        .group_by(CaseEvent.report_id, CaseEvent.key)
        .subquery()
    )
    events = (
        select(first.c.key, days_between(first.c.on, Report.received_on).label("days"))
        .join(Report, Report.id == first.c.report_id)
        .where(*received)
    )
    found = _histograms(db.session.execute(_grouped(events)))
    closed_on = local_day(Report.closed_at, period.start, max(today, period.end))
    closing = select(
        literal("closed").label("key"), days_between(closed_on, Report.received_on).label("days")
    ).where(Report.closed_at.is_not(None), *received)
    found.update(_histograms(db.session.execute(_grouped(closing))))
    titles = [(key, calendar.EVENTS[key]) for key in STAGE_EVENTS]
    titles.append(("closed", INFO[Status.CLOSED].label))
    return [
        Stage(
            key, title, sum(found.get(key, Counter()).values()), median(found.get(key, Counter()))
        )
        for key, title in titles
    ]


def _hidden(row: Compliance) -> Compliance:
    return replace(
        row, due=None, met=None, late=None, extended=None, running=None, median_days=None
    )


def for_public(
    rows: list[Compliance], stage_rows: list[Stage], minimum: int
) -> tuple[list[Compliance], list[Stage]]:
    """Hide the figures of a stage with fewer than `minimum` deadlines or cases: a share or a
    median of a handful could point at the people in them."""
    return (
        [row if (row.due or 0) >= minimum else _hidden(row) for row in rows],
        [s if s.cases >= minimum else replace(s, median=None) for s in stage_rows],
    )


def deadline_header() -> list[str]:
    """The heading of the deadline compliance table (page, sheets, PDF)."""
    return [
        _("Stage"),
        _("Fell due"),
        _("Met on time"),
        _("Late"),
        _("Extended"),
        _("Still running"),
        _("Per cent met on time"),
        _("Median days taken"),
    ]


def _shown(value: float | None, hidden: str) -> float | str:
    return hidden if value is None else value


def deadline_rows(rows: list[Compliance], hidden: str) -> list[list[Any]]:
    """One line per stage, under `deadline_header` (`hidden` stands for a hidden figure; a
    share or median of nothing is empty)."""
    table: list[list[Any]] = []
    for row in rows:
        counts = [row.due, row.met, row.late, row.extended, row.running]
        if row.due is None:
            table.append([str(row.title), *[hidden] * 7])
            continue
        share, days = row.share_met, row.median_days
        table.append(
            [
                str(row.title),
                *(_shown(count, hidden) for count in counts),
                "" if share is None else share,
                "" if days is None else days,
            ]
        )
    return table


def stage_header() -> list[str]:
    """The heading of the days-to-each-stage table."""
    return [_("Stage reached"), _("Cases"), _("Median days from arrival")]


def stage_rows(rows: list[Stage]) -> list[list[Any]]:
    """One line per stage, under `stage_header`."""
    return [[str(s.title), s.cases, "" if s.median is None else s.median] for s in rows]


def export_rows(rows: list[Compliance], stage_list: list[Stage], hidden: str) -> list[list[Any]]:
    """Both tables as (section, item, value) lines of the summary's long table."""
    lines: list[list[Any]] = []
    header = deadline_header()
    for line in deadline_rows(rows, hidden):
        section = _("Deadlines: %(stage)s", stage=line[0])
        lines += [[section, item, value] for item, value in zip(header[1:], line[1:], strict=True)]
    for line in stage_rows(stage_list):
        section = _("Days from arrival to: %(stage)s", stage=line[0])
        lines += [[section, _("cases"), line[1]], [section, _("median days"), line[2]]]
    return lines
