"""Daily counts behind the summary report, recomputed lazily for the days that changed.

A summary of a year at a million cases cannot scan a third of them on every page view. Instead
each figure is kept per day in `summary_day` (dimension, day, key → count). Triggers mark a day
stale when a report received that day changes (migration 0005); `refresh` recomputes the stale
days of a period with GROUP BYs over just those days, and the summary sums days.

Delays (days to acknowledge, days to close) are kept as histograms: a tenth of a day below ten
days, whole days below a hundred, tens of days beyond. Rounding never reorders values, so the
nearest-rank median and 90th percentile of the histogram are those of the exact delays, rounded.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Numeric,
    Selectable,
    String,
    case,
    cast,
    delete,
    extract,
    func,
    insert,
    literal,
    select,
    text,
)

from ..extensions import db
from ..models import Report, ReportTerm, SummaryDay, SummaryStaleDay
from .periods import Period

COLUMNS: dict[str, Any] = {
    "kind": Report.kind,
    "covered_area": Report.covered_area,
    "community_area": Report.community_area,
    "ward": Report.ward,
    "language": Report.language,
    "status": Report.status,
    "closure_reason": Report.closure_reason,
}
VOCABULARIES = ("protected_class", "bias_category", "incident_type")
MILESTONES: dict[str, Any] = {
    "acknowledge": Report.acknowledged_at,
    "close": Report.closed_at,
}
RECEIVED = "received"
DAYS_PER_STATEMENT = 400
# Any fixed number: refreshes take this PostgreSQL advisory lock so two never recompute one day.
REFRESH_LOCK = 7_240_311


def days_between(later: Any, earlier: Any) -> ColumnElement[Any]:
    """Days between two timestamps, as the database computes them."""
    if db.engine.dialect.name == "sqlite":
        return func.julianday(later) - func.julianday(earlier)
    return cast(extract("epoch", later - earlier), Numeric) / 86400


def _delay_bucket(days: ColumnElement[Any]) -> ColumnElement[Any]:
    return case(
        (days < 10, func.round(days, 1)),
        (days < 100, func.round(days, 0)),
        else_=func.round(days / 10, 0) * 10,
    )


def _recount(days: list[date]) -> Iterator[Selectable]:
    """SELECTs of (dimension, day, key, count) for these days, one per dimension."""
    day = Report.received_on
    on_days = day.in_(days)
    yield select(literal(RECEIVED), day, literal(""), func.count()).where(on_days).group_by(day)
    for name, column in COLUMNS.items():
        key = cast(column, String)
        yield (
            select(literal(name), day, key, func.count())
            .where(on_days, column.is_not(None))
            .group_by(day, key)
        )
    anonymous = case((Report.anonymous.is_(True), "true"), else_="false")
    yield (
        select(literal("anonymous"), day, anonymous, func.count())
        .where(on_days)
        .group_by(day, anonymous)
    )
    for vocabulary in VOCABULARIES:
        reports = func.count(ReportTerm.report_id.distinct())
        yield (
            select(literal(vocabulary), day, ReportTerm.code, reports)
            .join(Report, Report.id == ReportTerm.report_id)
            .where(on_days, ReportTerm.vocabulary == vocabulary)
            .group_by(day, ReportTerm.code)
        )
    for name, milestone in MILESTONES.items():
        bucket = cast(_delay_bucket(days_between(milestone, Report.created_at)), String)
        yield (
            select(literal(name), day, bucket, func.count())
            .where(on_days, milestone.is_not(None))
            .group_by(day, bucket)
        )


def refresh(period: Period) -> int:
    """Recompute the period's stale days and commit; how many days were recomputed."""
    in_period = (SummaryStaleDay.day >= period.start, SummaryStaleDay.day < period.end)
    if db.session.scalar(select(SummaryStaleDay.id).where(*in_period).limit(1)) is None:
        return 0
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REFRESH_LOCK})
    # Only committed marks are deleted: a change still in flight keeps its mark for next time.
    marks = delete(SummaryStaleDay).where(*in_period).returning(SummaryStaleDay.day)
    days = sorted(set(db.session.scalars(marks)))
    target = ["dimension", "day", "key", "count"]
    for first in range(0, len(days), DAYS_PER_STATEMENT):
        chunk = days[first : first + DAYS_PER_STATEMENT]
        db.session.execute(delete(SummaryDay).where(SummaryDay.day.in_(chunk)))
        for query in _recount(chunk):
            db.session.execute(insert(SummaryDay).from_select(target, query))
    db.session.commit()
    return len(days)


def counts(dimension: str, period: Period) -> list[tuple[str, int]]:
    """(key, count) of one dimension over the period."""
    query = (
        select(SummaryDay.key, func.sum(SummaryDay.count))
        .where(
            SummaryDay.dimension == dimension,
            SummaryDay.day >= period.start,
            SummaryDay.day < period.end,
        )
        .group_by(SummaryDay.key)
    )
    return [(key, int(count)) for key, count in db.session.execute(query)]


def by_month(period: Period) -> dict[tuple[int, int], int]:
    """Reports received in each month of the period that had any."""
    year, month = extract("year", SummaryDay.day), extract("month", SummaryDay.day)
    query = (
        select(year, month, func.sum(SummaryDay.count))
        .where(
            SummaryDay.dimension == RECEIVED,
            SummaryDay.day >= period.start,
            SummaryDay.day < period.end,
        )
        .group_by(year, month)
    )
    return {(int(y), int(m)): int(n) for y, m, n in db.session.execute(query)}
