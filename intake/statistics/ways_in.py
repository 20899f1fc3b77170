"""How reports came in and who made them, and how many people they are about.

Counted straight from `report` (GROUP BY over the period's rows, read from the
(received_on, channel) and (received_on, reporter_role) indexes): these columns are newer than the
daily counts of `rollup`, whose triggers do not know them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, case, cast, func, literal, select

from ..extensions import db
from ..models import AffectedPerson, Contact, Report
from .periods import Period


def _in(period: Period) -> Any:
    return (Report.received_on >= period.start, Report.received_on < period.end)


def counts(column: Any, period: Period) -> list[tuple[str, int]]:
    """(value, reports) of one report column over the period."""
    query = select(column, func.count()).where(*_in(period)).group_by(column)
    return [(str(key), int(count)) for key, count in db.session.execute(query) if key is not None]


def people_affected(period: Period) -> int:
    """The people the period's reports are about, each once: reports naming the same person by
    email (the affected person's, or the reporter's own when it happened to them) count once;
    every other report is one person."""
    own_email = case((Report.reporter_role == "self", Contact.email_hash))
    person = func.coalesce(
        AffectedPerson.email_hash,
        own_email,
        literal("report:") + cast(Report.id, String),
    )
    query = (
        select(func.count(func.distinct(person)))
        .select_from(Report)
        .outerjoin(AffectedPerson, AffectedPerson.report_id == Report.id)
        .outerjoin(Contact, Contact.report_id == Report.id)
        .where(*_in(period))
    )
    return int(db.session.scalar(query) or 0)
