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

Every figure is read from the daily counts that triggers keep (intake/statistics/progress.py,
migration 0025) as histograms of outcome and days: two queries for any period, at any size.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from flask_babel import gettext as _
from flask_babel.speaklater import LazyString
from sqlalchemy import case, func, select

from ..cases import calendar
from ..extensions import db
from ..reminders import SCREENING_TARGETS
from ..statuses import INFO, Status
from . import progress, rollup
from .periods import Period

MET, LATE, RUNNING = "met", "late", "running"


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


def _kept(dimensions: tuple[str, ...], period: Period, today: date) -> list[Any]:
    """(dimension, key, past, how many) of the counts of `dimensions` over the period; `past`:
    the day (a due day) is before today."""
    rows = rollup.kept(dimensions, period, today)
    past = case((rows.c.day < today, 1), else_=0)
    total = func.sum(rows.c.count)
    query = (
        select(rows.c.dimension, rows.c.key, past, total)
        .group_by(rows.c.dimension, rows.c.key, past)
        .having(total != 0)
    )
    return list(db.session.execute(query))


def _state(state: str, days: str, past: int) -> tuple[str, int | None]:
    """A kept key's outcome and days taken (an open one is late once its day has passed)."""
    if state == progress.OPEN:
        return (LATE if past else RUNNING), None
    return state, int(days)


def deadlines(period: Period, today: date) -> list[Compliance]:
    """Compliance per stage: the screening targets, then each calendar rule, in order. Reads
    the daily counts (call `rollup.fold` first, as `summarize` does)."""
    rows: dict[str, list[Any]] = {}
    dimensions = (*progress.TARGETS, progress.DEADLINE)
    for dimension, key, past, times in _kept(dimensions, period, today):
        if dimension == progress.DEADLINE:
            rule, state, days, extended = key.split(":")
            rows.setdefault(rule, []).append((*_state(state, days, past), extended == "1", times))
        else:
            state, _, days = key.partition(":")
            target = dimension.partition(":")[2]
            rows.setdefault(target, []).append((*_state(state, days, past), False, times))
    found = [_compliance(t.key, t.label, rows.get(t.key, [])) for t in SCREENING_TARGETS]
    return found + [_compliance(r.key, r.label, rows.get(r.key, [])) for r in calendar.RULES]


def stages(period: Period, today: date) -> list[Stage]:
    """Median days from arrival to each stage, for the reports received in the period (from
    the daily counts: call `rollup.fold` first)."""
    found: dict[str, Counter[int]] = {}
    for _dimension, key, _past, times in _kept((progress.STAGE,), period, today):
        stage, _, days = key.partition(":")
        found.setdefault(stage, Counter())[int(days)] += times
    titles = [(key, calendar.EVENTS[key]) for key in progress.STAGE_EVENTS]
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
