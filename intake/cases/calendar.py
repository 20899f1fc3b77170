"""Each case's calendar after acceptance, from one table of rules.

A rule says which event starts a deadline, which event meets it, and how many days it allows
(calendar days, moved off weekends and City holidays, or business days). Events are facts staff
record on a day ("notice served on 3 March"); some are recorded by the portal (acceptance, the
resident's signature). Whenever a case's events change, `refresh` recomputes its deadlines and
keeps them in `case_deadline`, so lists filter, sort and remind by them with an index.

The regulations state deadlines in multiples of seven days; where a figure is not known it is
configuration (DEADLINE_DAYS) with the default below, which the commission confirms.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import delete, select

from ..business_days import add_business_days, add_days
from ..extensions import db
from ..models import CaseDeadline, CaseEvent, DeadlineExtension, Report, Staff
from . import audit

# The facts that start and end deadlines, in the order a case meets them.
EVENTS: dict[str, LazyString] = {
    "accepted": _l("Accepted for investigation"),
    "complaint_signed": _l("Complaint signed"),
    "notice_sent": _l("Notice mailed to the respondent"),
    "notice_served": _l("Notice served on the respondent"),
    "response_received": _l("Respondent's response received"),
    "reply_received": _l("Complainant's reply received"),
    "conference_held": _l("Settlement conference held"),
    "investigation_finished": _l("Investigation finished"),
}


@dataclass(frozen=True)
class Rule:
    """A deadline: from `starts` to `ends`, `days` long (business days if `business`)."""

    key: str
    label: LazyString
    starts: str
    ends: str
    days: int
    business: bool = False


# Defaults (DOMAIN.md): notice within 10 days of the signed complaint; the respondent's answer 28
# days after service; the complainant's reply 28 days after the answer; the settlement conference
# within 56 days of the answer; the investigation within 182 days (26 weeks) of acceptance.
RULES = (
    Rule("notice", _l("Notice to the respondent"), "complaint_signed", "notice_sent", 10),
    Rule("response", _l("Respondent's response"), "notice_served", "response_received", 28),
    Rule("reply", _l("Complainant's reply"), "response_received", "reply_received", 28),
    Rule("conference", _l("Settlement conference"), "response_received", "conference_held", 56),
    Rule("investigation", _l("Investigation"), "accepted", "investigation_finished", 182),
)
BY_KEY = {rule.key: rule for rule in RULES}
DUE_SOON_DAYS = 7


class CalendarError(ValueError):
    """An event or extension that cannot be recorded, with a message for staff."""

    def __init__(self, message: LazyString) -> None:
        super().__init__(str(message))
        self.message = message


def days_for(rule: Rule) -> int:
    """The rule's length: DEADLINE_DAYS[key] if the commission set it, else the default."""
    configured = current_app.config.get("DEADLINE_DAYS", {})
    return int(configured.get(rule.key, rule.days))


def due_from(rule: Rule, start: date) -> date:
    """When a deadline that started on `start` falls due."""
    days = days_for(rule)
    return add_business_days(start, days) if rule.business else add_days(start, days)


def events(report: Report) -> list[CaseEvent]:
    """The case's events, in order."""
    return list(
        db.session.scalars(
            select(CaseEvent)
            .where(CaseEvent.report_id == report.id)
            .order_by(CaseEvent.on, CaseEvent.id)
        )
    )


def record(staff: Staff | None, report: Report, key: str, on: date) -> CaseEvent:
    """Record that `key` happened on `on` and recompute the calendar (in the caller's
    transaction). CalendarError for an unknown event or a day before the report arrived."""
    if key not in EVENTS:
        raise CalendarError(_l("Choose what happened."))
    if on < report.received_on:
        raise CalendarError(_l("The day cannot be before the report arrived."))
    event = CaseEvent(report_id=report.id, key=key, on=on, staff_id=staff.id if staff else None)
    db.session.add(event)
    audit.record(staff, "event_recorded", report, field=key, new=on)
    db.session.flush()
    refresh(report)
    return event


# Status moves that are calendar events (recorded by the portal, once per case).
STATUS_EVENTS = {"accepted": "accepted", "determination": "investigation_finished"}


def status_moved(report: Report, status: str, on: date) -> None:
    """Record the event a move to `status` is, the first time the case makes that move."""
    key = STATUS_EVENTS.get(status)
    if key is None:
        return
    seen = db.session.scalar(
        select(CaseEvent.id).where(CaseEvent.report_id == report.id, CaseEvent.key == key)
    )
    if seen is None:
        record(None, report, key, max(on, report.received_on))


def extend(staff: Staff, report: Report, key: str, due_on: date, reason: str) -> None:
    """Move a deadline to a later day, with a reason (kept encrypted; the trail says which
    deadline and the new day, not the reason)."""
    deadline = db.session.get(CaseDeadline, (report.id, key))
    if deadline is None or deadline.done_on is not None:
        raise CalendarError(_l("Only a deadline that is still running can be extended."))
    if due_on <= deadline.due_on:
        raise CalendarError(_l("Choose a day after the current deadline."))
    if not reason.strip():
        raise CalendarError(_l("Write why the deadline moves."))
    db.session.add(
        DeadlineExtension(
            report_id=report.id, key=key, due_on=due_on, reason=reason.strip(), staff_id=staff.id
        )
    )
    audit.record(staff, "deadline_extended", report, field=key, old=deadline.due_on, new=due_on)
    db.session.flush()
    refresh(report)


def _extension(report: Report, key: str) -> date | None:
    return db.session.scalar(
        select(DeadlineExtension.due_on)
        .where(DeadlineExtension.report_id == report.id, DeadlineExtension.key == key)
        .order_by(DeadlineExtension.id.desc())
        .limit(1)
    )


def refresh(report: Report) -> None:
    """Recompute the case's deadlines from its events (and extensions)."""
    happened: dict[str, list[date]] = {}
    for event in events(report):
        happened.setdefault(event.key, []).append(event.on)
    db.session.execute(delete(CaseDeadline).where(CaseDeadline.report_id == report.id))
    for rule in RULES:
        starts = happened.get(rule.starts)
        if not starts:
            continue
        start = starts[-1]  # A restarted step (a notice served again) counts from the last.
        done = next((day for day in happened.get(rule.ends, []) if day >= start), None)
        extended = _extension(report, rule.key)
        due = due_from(rule, start)
        db.session.add(
            CaseDeadline(
                report_id=report.id,
                key=rule.key,
                starts_on=start,
                due_on=max(due, extended) if extended else due,
                done_on=done,
                extended=extended is not None and extended > due,
            )
        )
    db.session.flush()


def deadlines(report: Report) -> list[CaseDeadline]:
    """The case's deadlines, in the rules' order."""
    found = {
        d.key: d
        for d in db.session.scalars(select(CaseDeadline).where(CaseDeadline.report_id == report.id))
    }
    return [found[rule.key] for rule in RULES if rule.key in found]


def running_choices(report: Report) -> list[tuple[str, LazyString]]:
    """The case's running deadlines, as choices (key, label)."""
    return [(d.key, BY_KEY[d.key].label) for d in deadlines(report) if d.done_on is None]


def next_due(report_ids: Iterable[int]) -> dict[int, CaseDeadline]:
    """Each case's earliest running deadline (one query for a page of cases)."""
    ids = list(report_ids)
    found: dict[int, CaseDeadline] = {}
    if not ids:
        return found
    rows = db.session.scalars(
        select(CaseDeadline)
        .where(CaseDeadline.report_id.in_(ids), CaseDeadline.done_on.is_(None))
        .order_by(CaseDeadline.due_on)
    )
    for deadline in rows:
        found.setdefault(deadline.report_id, deadline)
    return found
