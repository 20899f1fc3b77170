"""How cases progress, kept per day for the summary: service targets met, days to each stage,
deadlines met (intake/statistics/compliance.py reads them), reports in no incident, and the
people the reports are about.

Triggers keep these in `summary_day` as changes happen (migrations 0025 and 0026, which document
each dimension and key); `recount` computes the same keys from the cases, for `rollup.rebuild`
after a bulk load (tests compare the two).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from flask import current_app
from sqlalchemy import (
    Date,
    Integer,
    Select,
    String,
    case,
    cast,
    func,
    literal,
    literal_column,
    select,
    update,
)
from sqlalchemy.orm import aliased

from ..cases.deadlines import due_column
from ..extensions import db
from ..models import AffectedPerson, CaseDeadline, CaseEvent, Contact, Report
from ..reminders import SCREENING_TARGETS
from ..statuses import DUE_COLUMNS, OPEN_STATUSES

# The screening targets: dimension → (when it was done, the day it is due).
TARGETS = {f"target:{t.key}": (t.done, t.due) for t in SCREENING_TARGETS}
STAGE, DEADLINE, UNLINKED, PERSON = "stage", "deadline", "unlinked", "person"
# The caseload (migration 0029): open cases per investigator, kept on one day of no meaning,
# and the assigned triage cases by the day their service target falls due.
OPEN_CASES, TRIAGE_DUE, NO_DAY = "open", "triage_due", date(2000, 1, 1)
# The calendar events that mark a stage, in the order a case meets them (then: closed).
STAGE_EVENTS = ("accepted", "complaint_signed", "notice_served", "response_received")
OPEN = "open"


def local_day(column: Any) -> Any:
    """SQL: the day at the commission of a UTC timestamp."""
    zone = current_app.config["BABEL_DEFAULT_TIMEZONE"]
    if db.engine.dialect.name == "sqlite":
        return func.intake_local_day(column, zone)
    return cast(func.timezone(zone, column), Date)


def whole_days(later: Any, earlier: Any) -> Any:
    """SQL: whole days from one day to a later one, as text."""
    if db.engine.dialect.name == "sqlite":
        return cast(cast(func.julianday(later) - func.julianday(earlier), Integer), String)
    return cast(later - earlier, String)


def _counted(dimension: str, rows: Select[Any, Any]) -> Select[Any]:
    """(dimension, day, key, count) of `rows` (day, key), keys that are NULL left out. Grouped
    on a subquery's columns: PostgreSQL would not match a GROUP BY expression whose parameters
    are bound apart from the SELECT's."""
    inner = rows.subquery()
    return (
        select(literal(dimension), inner.c.day, inner.c.key, func.count())
        .where(inner.c.key.is_not(None))
        .group_by(inner.c.day, inner.c.key)
    )


def _target_key(done: Any, due: Any) -> Any:
    days = whole_days(local_day(done), Report.received_on)
    return case(
        (done.is_(None), literal(OPEN)),
        (local_day(done) <= due, literal("met:") + days),
        else_=literal("late:") + days,
    )


def _deadline_key() -> Any:
    days = whole_days(CaseDeadline.done_on, CaseDeadline.starts_on)
    state = case(
        (CaseDeadline.done_on.is_(None), literal(":open::")),
        (CaseDeadline.done_on <= CaseDeadline.due_on, literal(":met:") + days + literal(":")),
        else_=literal(":late:") + days + literal(":"),
    )
    extended = case((CaseDeadline.extended.is_(True), literal("1")), else_=literal("0"))
    return CaseDeadline.key + state + extended


def recount() -> Iterator[Select[Any]]:
    """SELECTs of (dimension, day, key, count) over every case, as migration 0025 keeps them."""
    for dimension, (done, due) in TARGETS.items():
        due_on = getattr(Report, due)
        key = _target_key(getattr(Report, done), due_on)
        yield _counted(dimension, select(due_on.label("day"), key.label("key")))
    closed = literal("closed:") + whole_days(local_day(Report.closed_at), Report.received_on)
    yield _counted(
        STAGE,
        select(Report.received_on.label("day"), closed.label("key")).where(
            Report.closed_at.is_not(None)
        ),
    )
    first = (
        select(CaseEvent.report_id, CaseEvent.key, func.min(CaseEvent.on).label("on"))
        .where(CaseEvent.key.in_(STAGE_EVENTS))
        .group_by(CaseEvent.report_id, CaseEvent.key)
        .subquery()
    )
    event = first.c.key + literal(":") + whole_days(first.c.on, Report.received_on)
    yield _counted(
        STAGE,
        select(Report.received_on.label("day"), event.label("key"))
        .select_from(first)
        .join(Report, Report.id == first.c.report_id),
    )
    yield _counted(DEADLINE, select(CaseDeadline.due_on.label("day"), _deadline_key().label("key")))
    yield _counted(
        UNLINKED,
        select(Report.received_on.label("day"), literal_column("''").label("key")).where(
            Report.incident_id.is_(None)
        ),
    )
    since = func.coalesce(_day_text(Report.person_since), literal_column("''"))
    yield _counted(PERSON, select(Report.received_on.label("day"), since.label("key")))
    yield from _caseload()


def _caseload() -> Iterator[Select[Any]]:
    assignee = cast(Report.assignee_id, String)
    mine = case((Report.status.in_(OPEN_STATUSES), assignee))
    yield _counted(OPEN_CASES, select(literal(NO_DAY, Date).label("day"), mine.label("key")))
    due = due_column()
    triage = case((Report.status.in_(tuple(DUE_COLUMNS)), assignee))
    yield _counted(
        TRIAGE_DUE, select(due.label("day"), triage.label("key")).where(due.is_not(None))
    )


def _day_text(column: Any) -> Any:
    if db.engine.dialect.name == "sqlite":
        return column
    return func.to_char(column, literal_column("'YYYY-MM-DD'"))


def person_of(report: Any) -> Any:
    """SQL: the email hash of the person `report` (a report table or alias) is about: the
    affected person's, or the reporter's own when it happened to them (NULL: none)."""
    affected = select(AffectedPerson.email_hash).where(AffectedPerson.report_id == report.id)
    own = select(Contact.email_hash).where(Contact.report_id == report.id)
    return func.coalesce(
        affected.scalar_subquery(),
        case((report.reporter_role == "self", own.scalar_subquery())),
    )


def refresh_people() -> None:
    """Give reports loaded in bulk with the triggers off (their person columns empty) the
    person and previous report that migration 0026's triggers keep; the caller commits."""
    person = person_of(Report)
    db.session.execute(update(Report).where(person.is_not(None)).values(person_key=person))
    earlier = aliased(Report)
    previous = (
        select(func.max(earlier.received_on))
        .where(
            earlier.person_key == Report.person_key,
            (earlier.received_on < Report.received_on)
            | ((earlier.received_on == Report.received_on) & (earlier.id < Report.id)),
        )
        .scalar_subquery()
    )
    db.session.execute(
        update(Report)
        .where(Report.person_key.is_not(None), previous.is_not(None))
        .values(person_since=previous)
    )
