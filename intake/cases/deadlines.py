"""Service targets in business days, and which cases are overdue."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, case, or_

from ..business_days import add_business_days
from ..models import Report
from ..statuses import DUE_COLUMNS, OPEN_STATUSES

# What report.next_due_on holds when nothing is due (migration 0023): after every real day.
NOTHING_DUE = date(2100, 12, 31)


def due_dates(received: date, acknowledge_days: int, screening_days: int) -> tuple[date, date]:
    """When a report received on `received` must be acknowledged and screened."""
    return (
        add_business_days(received, acknowledge_days),
        add_business_days(received, screening_days),
    )


def due_column() -> ColumnElement[date]:
    """SQL: the service-target date that applies to the case (NULL outside triage), as
    `due_date` for one case; the summary's caseload counts triage cases by it."""
    return case(
        *(
            (Report.status == status, getattr(Report, column))
            for status, column in DUE_COLUMNS.items()
        )
    )


def overdue_clause(today: date) -> ColumnElement[bool]:
    """SQL: new past its acknowledgement date, or in screening past its decision date."""
    return or_(
        *(
            and_(Report.status == status, getattr(Report, column) < today)
            for status, column in DUE_COLUMNS.items()
        )
    )


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
