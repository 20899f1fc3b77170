"""The figures of a period, each computed by the database (GROUP BY), never by loading cases.

Reports count by the day they were received at the commission (`received_on`); the figures come
from daily counts the database keeps (see `rollup`), so a year costs the same at any size. A
"public" summary suppresses every count below PUBLIC_MINIMUM so no small group of people can be
singled out, and where a table's rows add up to a published figure it also hides a larger count
(complementary suppression), so that no hidden count can be worked out by subtraction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import pgettext
from flask_babel.speaklater import LazyString
from sqlalchemy import func, select

from .. import vocab
from ..extensions import db
from ..geography import community_area_name
from ..i18n import NATIVE_NAMES
from ..models import Incident, Report, Staff, SummaryDay
from . import compliance, progress, rollup
from .compliance import Compliance, Stage
from .periods import Period, month_label

PUBLIC_MINIMUM = 5


def hidden_count() -> str:
    """What stands in for a count too small to publish."""
    return str(_("fewer than %(num)d", num=PUBLIC_MINIMUM))


def withheld_count() -> str:
    """What stands in for a larger count hidden so that a small one cannot be worked out."""
    return str(pgettext("a count hidden to protect a small count", "not shown"))


@dataclass(frozen=True)
class Row:
    """One line of a table; `count` is None where it is suppressed (`complementary`: a count
    of PUBLIC_MINIMUM or more, hidden to protect a small one)."""

    key: str
    label: str
    count: int | None
    complementary: bool = False

    @property
    def shown(self) -> int | str:
        """The count as published."""
        if self.count is not None:
            return self.count
        return withheld_count() if self.complementary else hidden_count()


def protect(rows: list[Row], adds_up: bool) -> list[Row]:
    """Hide every count below PUBLIC_MINIMUM. When the rows add up to a published figure
    (`adds_up`), the hidden counts' sum is known by subtraction; if that sum could show that a
    hidden count is not zero (one hidden row, or a sum above what the others could hold), the
    smallest published row is hidden too (or, with none, the small rows are withheld without
    saying they are small). A reader then cannot tell whether any hidden row holds anyone."""
    small = [row for row in rows if (row.count or 0) < PUBLIC_MINIMUM]
    hidden_sum = sum(row.count or 0 for row in small)
    derivable = hidden_sum > 0 and (
        len(small) == 1 or hidden_sum > (PUBLIC_MINIMUM - 1) * (len(small) - 1)
    )
    shown = [row for row in rows if (row.count or 0) >= PUBLIC_MINIMUM]
    companion = min(shown, key=lambda row: (row.count or 0, row.key), default=None)
    if not adds_up:
        companion = None
    result = []
    for row in rows:
        if (row.count or 0) < PUBLIC_MINIMUM:
            # With no larger row to hide, the small ones are withheld without saying they are
            # small: a reader then cannot bound them by subtraction either.
            alone = derivable and companion is None
            result.append(replace(row, count=None, complementary=alone))
        elif derivable and row is companion:
            result.append(replace(row, count=None, complementary=True))
        else:
            result.append(row)
    return result


@dataclass(frozen=True)
class Table:
    """Counts by one characteristic."""

    name: str
    title: LazyString
    rows: list[Row]

    def suppressed(self, adds_up: bool = False) -> Table:
        """The same table with small counts hidden (`protect`)."""
        return replace(self, rows=protect(self.rows, adds_up))

    def count_of(self, key: str) -> int | None:
        """The published count of one row (None: hidden or absent)."""
        return next((row.count for row in self.rows if row.key == key), None)


@dataclass(frozen=True)
class Timing:
    """Days from receipt to a milestone: how many cases reached it, the median and 90th."""

    name: str
    title: LazyString
    cases: int
    median: float | None
    p90: float | None


@dataclass(frozen=True)
class Caseload:
    """An investigator's open cases and how many are overdue."""

    name: str
    open: int
    overdue: int


@dataclass
class Summary:
    """Everything on the reports page for one period."""

    period: Period
    total: int | None
    # Events rather than reports: an incident's reports count once (`incident_count`).
    incidents: int | None = None
    # People rather than reports: the same person reported twice counts once (migration 0026).
    people: int | None = None
    tables: list[Table] = field(default_factory=list)
    trend: list[Row] = field(default_factory=list)
    timings: list[Timing] = field(default_factory=list)
    caseload: list[Caseload] = field(default_factory=list)
    # Deadlines met per stage, and days from arrival to each stage (intake/statistics/compliance).
    compliance: list[Compliance] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    public: bool = False

    def table(self, name: str) -> Table:
        """One table by name."""
        return next(table for table in self.tables if table.name == name)


def _vocab_table(
    name: str, title: LazyString, terms: tuple[vocab.Term, ...], counts: list[tuple[Any, int]]
) -> Table:
    found = dict(counts)
    order = [term.code for term in terms] + sorted(set(found) - {t.code for t in terms})
    return Table(
        name,
        title,
        [Row(code, str(vocab.label(terms, code)), found[code]) for code in order if code in found],
    )


def _numbered(dimension: str, period: Period) -> list[tuple[int, int]]:
    return [(int(key), count) for key, count in rollup.counts(dimension, period)]


def _ranked(name: str, title: LazyString, counts: list[tuple[Any, int]], label: Any) -> Table:
    ordered = sorted(counts, key=lambda pair: (-pair[1], str(pair[0])))
    return Table(name, title, [Row(str(key), label(key), count) for key, count in ordered])


def tables(period: Period) -> list[Table]:
    """Every count table of the period."""
    yes_no = {True: str(_l("Anonymous")), False: str(_l("Identified"))}
    return [
        _vocab_table("kind", _l("Kind of report"), vocab.KIND_NAMES, rollup.counts("kind", period)),
        _vocab_table(
            "covered_area",
            _l("Covered area"),
            vocab.COVERED_AREAS,
            rollup.counts("covered_area", period),
        ),
        _vocab_table(
            "protected_class",
            _l("Protected class"),
            vocab.PROTECTED_CLASSES,
            rollup.counts("protected_class", period),
        ),
        _vocab_table(
            "bias_category",
            _l("Bias category"),
            vocab.BIAS_CATEGORIES,
            rollup.counts("bias_category", period),
        ),
        _vocab_table(
            "incident_type",
            _l("Incident type"),
            vocab.INCIDENT_TYPES,
            rollup.counts("incident_type", period),
        ),
        _ranked(
            "community_area",
            _l("Community area"),
            _numbered("community_area", period),
            community_area_name,
        ),
        _ranked("ward", _l("Ward"), _numbered("ward", period), str),
        _ranked(
            "language",
            _l("Language"),
            rollup.counts("language", period),
            lambda code: NATIVE_NAMES.get(code, code),
        ),
        _vocab_table(
            "channel",
            _l("How reports came in"),
            vocab.CHANNELS,
            rollup.counts("channel", period),
        ),
        _vocab_table(
            "reporter_role",
            _l("Who made the report"),
            vocab.REPORTER_ROLE_NAMES,
            rollup.counts("reporter_role", period),
        ),
        Table(
            "anonymous",
            _l("Anonymous or identified"),
            [
                Row(key, yes_no[key == "true"], count)
                for key, count in sorted(rollup.counts("anonymous", period), reverse=True)
            ],
        ),
        _vocab_table("status", _l("Status"), vocab.STATUSES, rollup.counts("status", period)),
        _vocab_table(
            "closure_reason",
            _l("Closure reason"),
            vocab.CLOSURE_REASONS,
            rollup.counts("closure_reason", period),
        ),
    ]


def trend(period: Period) -> list[Row]:
    """Reports received in each month of the period (months with none included), keyed
    "2026-10" and labelled in the reader's language ("Oct 2026")."""
    found = rollup.by_month(period)
    return [
        Row(f"{y}-{m:02d}", month_label(y, m), found.get((y, m), 0)) for y, m in period.months()
    ]


def _nearest_rank(histogram: list[tuple[float, int]], count: int, fraction: float) -> float | None:
    """The nearest-rank percentile of a sorted (value, how many) histogram."""
    if count == 0:
        return None
    rank = max(1, math.ceil(round(fraction * count, 9)))
    seen = 0
    for value, times in histogram:
        seen += times
        if seen >= rank:
            return round(value, 1)
    return None


def timing(name: str, title: LazyString, period: Period) -> Timing:
    """Median and 90th percentile of days from receipt to a milestone (see rollup.MILESTONES)."""
    histogram = sorted((float(days), times) for days, times in rollup.counts(name, period))
    count = sum(times for _days, times in histogram)
    return Timing(
        name,
        title,
        count,
        _nearest_rank(histogram, count, 0.5),
        _nearest_rank(histogram, count, 0.9),
    )


def caseload(today: date) -> list[Caseload]:
    """Open cases and overdue cases per assigned investigator (as of today), from the kept
    counts (migration 0029; call `rollup.fold` first, as `summarize` does)."""
    total = func.sum(SummaryDay.count)
    opened = select(SummaryDay.key, total).where(
        SummaryDay.dimension == progress.OPEN_CASES, SummaryDay.day == progress.NO_DAY
    )
    open_cases = {
        int(key): int(count)
        for key, count in db.session.execute(opened.group_by(SummaryDay.key).having(total > 0))
    }
    # Every triage case due before today, read as whole months and this month's days.
    before = rollup.kept((progress.TRIAGE_DUE,), Period(progress.NO_DAY, today, "caseload"))
    due = func.sum(before.c.count)
    late = select(before.c.key, due).group_by(before.c.key).having(due > 0)
    overdue = {int(key): int(count) for key, count in db.session.execute(late)}
    names = db.session.execute(
        select(Staff.id, Staff.name).where(Staff.id.in_(open_cases)).order_by(Staff.name)
    )
    return [Caseload(name, open_cases[i], overdue.get(i, 0)) for i, name in names]


# Tables whose rows add up to the number of reports (each report counted once), and tables whose
# rows add up to one row of another table (dimension, key). Terms chosen several at a time
# (protected classes, bias categories) and places (some reports have none) add up to nothing.
ADD_UP_TO_TOTAL = frozenset({"kind", "language", "anonymous", "status", "channel", "reporter_role"})
ADD_UP_TO_ROW = {"covered_area": ("kind", "discrimination"), "closure_reason": ("status", "closed")}


def _suppress(result: Summary) -> None:
    """Make a summary fit to publish (see `protect`)."""
    total_published = (result.total or 0) >= PUBLIC_MINIMUM
    if not total_published:
        result.total = None
    by_name: dict[str, Table] = {}
    for table in result.tables:
        if table.name not in ADD_UP_TO_ROW:
            by_name[table.name] = table.suppressed(
                table.name in ADD_UP_TO_TOTAL and total_published
            )
    for name, (dimension, key) in ADD_UP_TO_ROW.items():
        table = next(table for table in result.tables if table.name == name)
        by_name[name] = table.suppressed(by_name[dimension].count_of(key) is not None)
    result.tables = [by_name[table.name] for table in result.tables]
    result.trend = protect(result.trend, total_published)


def incident_count(period: Period) -> int:
    """The period's reports in no incident plus the incidents its reports belong to: "how many
    incidents" counts each event once (in every period one of its reports arrived in). The
    first from the daily counts; the second goes through the incidents (far fewer than the
    reports) to their reports."""
    loose = sum(count for _key, count in rollup.counts(progress.UNLINKED, period))
    in_period = (
        select(Report.id)
        .where(
            Report.incident_id == Incident.id,
            Report.received_on >= period.start,
            Report.received_on < period.end,
        )
        .exists()
    )
    grouped = db.session.scalar(select(func.count()).select_from(Incident).where(in_period))
    return loose + int(grouped or 0)


def people_affected(period: Period) -> int:
    """The people the period's reports are about, each once (reports about the same person by
    email count once; any other report is a person of its own): the reports whose person had
    no report before, or none since before the period began. From the kept counts (call
    `rollup.fold` first)."""
    rows = rollup.kept((progress.PERSON,), period)
    first = (rows.c.key == "") | (rows.c.key < period.start.isoformat())
    return int(db.session.scalar(select(func.sum(rows.c.count)).where(first)) or 0)


def figures(summary: Summary) -> list[tuple[str, int | None]]:
    """The counts of events and people beside the number of reports (None: not published)."""
    return [
        (_("Incidents (the reports of one incident count once)"), summary.incidents),
        (_("People affected (a person reported more than once counts once)"), summary.people),
    ]


def summarize(period: Period, today: date, *, public: bool = False) -> Summary:
    """The whole summary of a period; `public` suppresses small counts and leaves out staff."""
    rollup.fold()
    total = sum(count for _key, count in rollup.counts(rollup.RECEIVED, period))
    result = Summary(
        period=period,
        total=total,
        incidents=incident_count(period),
        people=people_affected(period),
        tables=tables(period),
        trend=trend(period),
        timings=[
            timing("acknowledge", _l("Days to acknowledge"), period),
            timing("close", _l("Days to close"), period),
        ],
        caseload=[] if public else caseload(today),
        compliance=compliance.deadlines(period, today),
        stages=compliance.stages(period, today),
        public=public,
    )
    if public:
        _suppress(result)
        if (result.incidents or 0) < PUBLIC_MINIMUM:
            result.incidents = None
        if (result.people or 0) < PUBLIC_MINIMUM:
            result.people = None
        result.timings = [
            t if t.cases >= PUBLIC_MINIMUM else replace(t, median=None, p90=None)
            for t in result.timings
        ]
        result.compliance, result.stages = compliance.for_public(
            result.compliance, result.stages, PUBLIC_MINIMUM
        )
    return result
