"""Service targets in business days, and which cases are overdue."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, or_

from ..models import Report


def add_business_days(start: date, days: int) -> date:
    """The date `days` working days (Monday to Friday) after `start`."""
    current = start
    added = 0
    while added < days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            added += 1
    return current


def due_dates(received: date, acknowledge_days: int, screening_days: int) -> tuple[date, date]:
    """When a report received on `received` must be acknowledged and screened."""
    return (
        add_business_days(received, acknowledge_days),
        add_business_days(received, screening_days),
    )


def overdue_clause(today: date) -> ColumnElement[bool]:
    """SQL: new past its acknowledgement date, or in screening past its decision date."""
    return or_(
        and_(Report.status == "new", Report.acknowledge_by < today),
        and_(Report.status == "screening", Report.screen_by < today),
    )


def is_overdue(report: Report, today: date) -> bool:
    """The same rule as `overdue_clause`, for one case already loaded."""
    if report.status == "new":
        return report.acknowledge_by < today
    if report.status == "screening":
        return report.screen_by < today
    return False


def due_date(report: Report) -> date | None:
    """The next service-target date that applies to the case, if any."""
    return {"new": report.acknowledge_by, "screening": report.screen_by}.get(report.status)
