"""How many people the period's reports are about.

Counted straight from `report` with its contact and affected person (a count of distinct people
over any range of days cannot be added up from daily counts). How reports came in and who made
them are daily counts (`rollup`, migration 0025).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, case, cast, func, literal, select

from ..extensions import db
from ..models import AffectedPerson, Contact, Report
from .periods import Period


def _in(period: Period) -> Any:
    return (Report.received_on >= period.start, Report.received_on < period.end)


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
