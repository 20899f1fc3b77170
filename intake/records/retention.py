"""How long a finished case is kept: one table of rules, periods from configuration.

A closed case falls under the first rule that matches it; the period (RETENTION_YEARS, in whole
years, placeholders until the commission sets its approved records schedule) counts from the day
it was closed, or for a referral from the day it was referred (it left screening). Open cases
are never due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import ColumnElement, and_, case, or_, select

from ..extensions import db
from ..models import Disposal, Report
from ..statuses import Status

# Closure reasons that end a case at screening, before any investigation.
SCREENING_REASONS = ("no_jurisdiction", "untimely", "duplicate", "spam", "referred_elsewhere")


@dataclass(frozen=True)
class Rule:
    """One line of the retention schedule."""

    name: str
    label: LazyString
    condition: ColumnElement[bool]


RULES = (
    Rule(
        "closed_at_screening",
        _l("Closed at screening"),
        and_(Report.status == Status.CLOSED, Report.closure_reason.in_(SCREENING_REASONS)),
    ),
    Rule("referred", _l("Referred to another agency"), Report.status == Status.REFERRED),
    Rule(
        "closed_hate",
        _l("Closed hate incident"),
        and_(Report.status == Status.CLOSED, Report.kind == "hate"),
    ),
    Rule("closed_discrimination", _l("Closed case"), Report.status == Status.CLOSED),
)
BY_NAME = {rule.name: rule for rule in RULES}

# Which rule a case falls under (the first that matches), and the moment its period starts.
RULE_OF_CASE = case(*((rule.condition, rule.name) for rule in RULES), else_=None)
FINISHED_AT = case((Report.status == Status.REFERRED, Report.screened_at), else_=Report.closed_at)


def years(rule: str) -> int:
    """The configured period of a rule, in years."""
    return int(current_app.config["RETENTION_YEARS"][rule])


def years_later(day: date, count: int) -> date:
    """The same day `count` years on (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + count)
    except ValueError:
        return day.replace(year=day.year + count, day=28)


@dataclass(frozen=True)
class DueCase:
    """A case past its retention period, with where its disposal stands."""

    report: Report
    rule: Rule
    finished_on: date
    due_on: date
    disposal: Disposal | None


def _due_condition(today: date) -> ColumnElement[bool]:
    cutoffs = []
    for rule in RULES:
        cutoff = datetime.combine(years_later(today, -years(rule.name)), time.min, tzinfo=UTC)
        cutoffs.append(and_(RULE_OF_CASE == rule.name, FINISHED_AT < cutoff))
    return and_(Report.disposed_on.is_(None), or_(*cutoffs))


def due(today: date, limit: int = 500) -> list[DueCase]:
    """Cases past their retention period and not yet disposed of, longest past first."""
    query = (
        select(Report, Disposal, RULE_OF_CASE, FINISHED_AT)
        .outerjoin(Disposal, Disposal.report_id == Report.id)
        .where(_due_condition(today))
        .order_by(FINISHED_AT, Report.id)
        .limit(limit)
    )
    found = []
    for report, disposal, rule_name, finished in db.session.execute(query):
        finished_on = _day(finished)
        found.append(
            DueCase(
                report=report,
                rule=BY_NAME[rule_name],
                finished_on=finished_on,
                due_on=years_later(finished_on, years(rule_name)),
                disposal=disposal,
            )
        )
    return found


def is_due(report: Report, today: date) -> bool:
    """Whether this case is past its retention period and not yet disposed of."""
    query = select(Report.id).where(Report.id == report.id, _due_condition(today))
    return db.session.scalar(query) is not None


def _day(value: Any) -> date:
    """A timestamp read through CASE loses its column type on SQLite: read it either way."""
    if isinstance(value, datetime):
        return value.date()
    return datetime.fromisoformat(str(value)).date()
