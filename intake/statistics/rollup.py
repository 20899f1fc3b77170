"""Daily counts behind the summary report, kept current change by change.

A summary of a year at a million cases cannot scan a third of them on every page view. Instead
each figure is kept per day in `summary_day` (dimension, day, key → count) and per calendar
month in `summary_month`. Triggers append +1/-1 rows to `summary_change` as reports, their
terms, events, deadlines and people change (migrations 0005, 0025 and 0026, which compute each
key with the same SQL as `_recount` here and `progress.recount`); `fold` adds those into both
tables before a summary reads them, and `kept` reads a period as its whole months and the days
around them, so a summary costs the same at any size. `rebuild` recounts everything (after a
bulk load).

Delays (days to acknowledge, days to close) are kept as histograms: a tenth of a day below ten
days, whole days below a hundred, tens of days beyond. Rounding never reorders values, so the
nearest-rank median and 90th percentile of the histogram are those of the exact delays, rounded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Numeric,
    Selectable,
    String,
    case,
    cast,
    delete,
    extract,
    false,
    func,
    insert,
    literal,
    literal_column,
    select,
    text,
    union_all,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql import Subquery

from ..extensions import db
from ..models import Report, ReportTerm, SummaryChange, SummaryDay, SummaryMonth
from . import progress
from .periods import Period

COLUMNS: dict[str, Any] = {
    "kind": Report.kind,
    "covered_area": Report.covered_area,
    "community_area": Report.community_area,
    "ward": Report.ward,
    "language": Report.language,
    "status": Report.status,
    "closure_reason": Report.closure_reason,
    "channel": Report.channel,
    "reporter_role": Report.reporter_role,
}
MILESTONES: dict[str, Any] = {
    "acknowledge": Report.acknowledged_at,
    "close": Report.closed_at,
}
RECEIVED = "received"


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


def _recount() -> Iterator[Selectable]:
    """SELECTs of (dimension, day, key, count) over every report, one per dimension."""
    day = Report.received_on
    yield select(literal(RECEIVED), day, literal(""), func.count()).group_by(day)
    for name, column in COLUMNS.items():
        key = cast(column, String)
        yield (
            select(literal(name), day, key, func.count())
            .where(column.is_not(None))
            .group_by(day, key)
        )
    anonymous = case((Report.anonymous.is_(True), "true"), else_="false")
    yield (select(literal("anonymous"), day, anonymous, func.count()).group_by(day, anonymous))
    # Every vocabulary (the summary shows some), as the triggers count them.
    term = (ReportTerm.vocabulary, day, ReportTerm.code)
    yield (
        select(*term, func.count()).join(Report, Report.id == ReportTerm.report_id).group_by(*term)
    )
    for name, milestone in MILESTONES.items():
        bucket = cast(_delay_bucket(days_between(milestone, Report.created_at)), String)
        yield (
            select(literal(name), day, bucket, func.count())
            .where(milestone.is_not(None))
            .group_by(day, bucket)
        )
    yield from progress.recount()


def fold() -> int:
    """Add the committed changes into the daily and monthly counts and commit; how many there
    were."""
    if db.session.scalar(select(SummaryChange.id).limit(1)) is None:
        return 0
    # Only committed changes are deleted: one still in flight is left for the next fold.
    columns = (SummaryChange.dimension, SummaryChange.day, SummaryChange.key)
    moved = db.session.execute(delete(SummaryChange).returning(*columns, SummaryChange.change))
    days: Counter[tuple[str, date, str]] = Counter()
    months: Counter[tuple[str, date, str]] = Counter()
    changes = 0
    for dimension, day, key, change in moved:
        days[dimension, day, key] += change
        months[dimension, day.replace(day=1), key] += change
        changes += 1
    _add(SummaryDay, "day", days)
    _add(SummaryMonth, "month", months)
    db.session.commit()
    return changes


def _add(table: Any, column: str, totals: Counter[tuple[str, date, str]]) -> None:
    """Add `totals` (dimension, day or month, key → change) into `table`. A count that falls to
    0 stays; readers skip it."""
    rows = [
        {"dimension": dimension, column: when, "key": key, "count": count}
        for (dimension, when, key), count in totals.items()
        if count
    ]
    if rows:
        upsert = _insert(table)
        added = upsert.on_conflict_do_update(
            index_elements=["dimension", column, "key"],
            set_={"count": table.count + upsert.excluded.count},
        )
        db.session.execute(added, rows)


def _insert(table: Any) -> Any:
    if db.engine.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _month_of(day: Any) -> Any:
    if db.engine.dialect.name == "postgresql":
        return cast(func.date_trunc(literal_column("'month'"), day), Date)
    return func.date(day, literal_column("'start of month'"))


def rebuild() -> None:
    """Recount every day and month from the reports (after a bulk load; other writers should
    be stopped)."""
    if db.engine.dialect.name == "postgresql":
        # A bulk load leaves millions of change rows; deleting them would leave as many dead
        # rows for every fold to step over until autovacuum ran.
        db.session.execute(text("TRUNCATE summary_change, summary_day, summary_month"))
    else:
        for table in (SummaryChange, SummaryDay, SummaryMonth):
            db.session.execute(delete(table))
    target = ["dimension", "day", "key", "count"]
    for query in _recount():
        db.session.execute(insert(SummaryDay).from_select(target, query))
    month = _month_of(SummaryDay.day)
    by_month = select(SummaryDay.dimension, month, SummaryDay.key, func.sum(SummaryDay.count))
    db.session.execute(
        insert(SummaryMonth).from_select(
            ["dimension", "month", "key", "count"],
            by_month.group_by(SummaryDay.dimension, month, SummaryDay.key),
        )
    )
    db.session.commit()


def kept(dimensions: tuple[str, ...], period: Period, today: date | None = None) -> Subquery:
    """The counts of `dimensions` over the period as rows (dimension, day, key, count): whole
    calendar months from the monthly counts (`day`: the month's first day), the days before
    and after them from the daily ones. With `today`, only months that ended before today's
    month are taken whole (a reader that tells days before today from the others)."""
    end = period.end if today is None else min(period.end, today.replace(day=1))
    first = period.start if period.start.day == 1 else _next_month(period.start)
    last = end.replace(day=1)
    parts: list[Any] = []

    def days(start: date, stop: date) -> None:
        if start < stop:
            parts.append(
                select(
                    SummaryDay.dimension, SummaryDay.day, SummaryDay.key, SummaryDay.count
                ).where(
                    SummaryDay.dimension.in_(dimensions),
                    SummaryDay.day >= start,
                    SummaryDay.day < stop,
                )
            )

    if first < last:
        days(period.start, first)
        parts.append(
            select(
                SummaryMonth.dimension,
                SummaryMonth.month.label("day"),
                SummaryMonth.key,
                SummaryMonth.count,
            ).where(
                SummaryMonth.dimension.in_(dimensions),
                SummaryMonth.month >= first,
                SummaryMonth.month < last,
            )
        )
        days(last, period.end)
    else:
        days(period.start, period.end)
    if not parts:  # An empty period (none is): no rows.
        parts.append(select(SummaryDay).where(false()))
    return union_all(*parts).subquery()


def _next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def counts(dimension: str, period: Period) -> list[tuple[str, int]]:
    """(key, count) of one dimension over the period."""
    rows = kept((dimension,), period)
    total = func.sum(rows.c.count)
    query = select(rows.c.key, total).group_by(rows.c.key).having(total > 0)
    return [(key, int(count)) for key, count in db.session.execute(query)]


def by_month(period: Period) -> dict[tuple[int, int], int]:
    """Reports received in each month of the period that had any."""
    rows = kept((RECEIVED,), period)
    year, month = extract("year", rows.c.day), extract("month", rows.c.day)
    query = select(year, month, func.sum(rows.c.count)).group_by(year, month)
    return {(int(y), int(m)): int(n) for y, m, n in db.session.execute(query)}
