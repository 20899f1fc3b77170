"""Service targets in business days, and which cases are overdue."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select

from ..business_days import add_business_days
from ..models import CaseDeadline, Report
from ..statuses import DUE_COLUMNS, OPEN_STATUSES

NOTHING_DUE = date(2100, 12, 31)  # Sorts after every real deadline.


def due_dates(received: date, acknowledge_days: int, screening_days: int) -> tuple[date, date]:
    """When a report received on `received` must be acknowledged and screened."""
    return (
        add_business_days(received, acknowledge_days),
        add_business_days(received, screening_days),
    )


def overdue_clause(today: date) -> ColumnElement[bool]:
    """SQL: new past its acknowledgement date, or in screening past its decision date."""
    return or_(
        *(
            and_(Report.status == status, getattr(Report, column) < today)
            for status, column in DUE_COLUMNS.items()
        )
    )


def due_soon_clause(today: date, days: int = 7) -> ColumnElement[bool]:
    """SQL: a screening target falls within the next `days` days (or is past)."""
    return or_(
        *(
            and_(Report.status == status, getattr(Report, column) <= today + timedelta(days=days))
            for status, column in DUE_COLUMNS.items()
        )
    )


def next_due_order() -> Any:
    """SQL: the day a case is next due, to sort by: its screening target while in triage, else
    its earliest running deadline after acceptance (nothing due: last)."""
    running = (
        select(func.min(CaseDeadline.due_on))
        .where(CaseDeadline.report_id == Report.id, CaseDeadline.done_on.is_(None))
        .correlate(Report)
        .scalar_subquery()
    )
    screening = [
        (Report.status == status, getattr(Report, column)) for status, column in DUE_COLUMNS.items()
    ]
    return func.coalesce(case(*screening, else_=running), NOTHING_DUE)


def is_overdue(report: Report, today: date) -> bool:
    """The same rule as `overdue_clause`, for one case already loaded."""
    due = due_date(report)
    return due is not None and due < today


def due_date(report: Report) -> date | None:
    """The next service-target date that applies to the case, if any."""
    column = DUE_COLUMNS.get(report.status)
    return getattr(report, column) if column else None


def days_open(report: Report, today: date) -> int | None:
    """Days since the report reached the commission, while the case is open."""
    if report.status not in OPEN_STATUSES:
        return None
    return (today - report.received_on).days
