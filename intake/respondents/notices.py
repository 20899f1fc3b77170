"""The notice's life for each respondent: mailed, served, answered; and the complainant's reply.

Each step is a fact on a day, kept on the respondent and recorded on the case's calendar
(intake/cases/calendar.py) in the same transaction, which recomputes the deadlines: service
starts the respondent's response deadline (RULES "response", 28 days by default, moved off
weekends and holidays), the response starts the complainant's reply deadline.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from .. import uploads
from ..cases import audit, calendar
from ..clock import today
from ..extensions import db
from ..models import CaseDeadline, Report, Respondent, Staff
from . import documents
from .records import RespondentError

SERVICE_METHODS = (
    ("mail", _l("By mail")),
    ("in_person", _l("In person")),
    ("email", _l("By email")),
)


class Timeliness(StrEnum):
    """How a respondent's response stands against its deadline."""

    ON_TIME = "on_time"
    LATE = "late"
    WAITING = "waiting"
    OVERDUE = "overdue"


TIMELINESS_LABELS: dict[str, LazyString] = {
    Timeliness.ON_TIME: _l("Response on time"),
    Timeliness.LATE: _l("Response late"),
    Timeliness.WAITING: _l("Waiting for the response"),
    Timeliness.OVERDUE: _l("No response, deadline passed"),
}


def response_due(respondent: Respondent) -> date | None:
    """The respondent's response deadline: service plus the rule's days, on a business day; a
    case deadline extended for this same service counts."""
    if respondent.served_on is None:
        return None
    due = calendar.due_from(calendar.BY_KEY["response"], respondent.served_on)
    deadline = db.session.get(CaseDeadline, (respondent.report_id, "response"))
    if deadline is not None and deadline.extended and deadline.starts_on == respondent.served_on:
        return max(due, deadline.due_on)
    return due


def timeliness(respondent: Respondent, on: date | None = None) -> Timeliness | None:
    """On time or late once answered; waiting or overdue before; None before service."""
    due = response_due(respondent)
    if due is None:
        return None
    if respondent.response_on is not None:
        return Timeliness.ON_TIME if respondent.response_on <= due else Timeliness.LATE
    return Timeliness.WAITING if (on or today()) <= due else Timeliness.OVERDUE


def _not_future(on: date) -> None:
    if on > today():
        raise RespondentError(_l("The day cannot be in the future."))


def _event(staff: Staff, report: Report, key: str, on: date) -> None:
    _not_future(on)
    try:
        calendar.record(staff, report, key, on)
    except calendar.CalendarError as error:
        raise RespondentError(error.message) from None


def notice_sent(staff: Staff, report: Report, respondent: Respondent, on: date) -> None:
    """The notice was mailed to this respondent on `on`; commits."""
    _event(staff, report, "notice_sent", on)
    respondent.notice_sent_on = on
    audit.record(staff, "respondent_changed", report, detail=f"respondent {respondent.id}: notice")
    db.session.commit()


def served(staff: Staff, report: Report, respondent: Respondent, on: date, how: str) -> None:
    """The notice was served on this respondent, `how`; starts the response deadline; commits."""
    if how not in dict(SERVICE_METHODS):
        raise RespondentError(_l("Choose how the notice was served."))
    if respondent.notice_sent_on is not None and on < respondent.notice_sent_on and how == "mail":
        raise RespondentError(_l("A notice cannot arrive by mail before it was mailed."))
    _event(staff, report, "notice_served", on)
    respondent.served_on, respondent.served_how = on, how
    audit.record(
        staff, "respondent_changed", report, detail=f"respondent {respondent.id}: service {how}"
    )
    db.session.commit()


def responded(
    staff: Staff,
    report: Report,
    respondent: Respondent,
    on: date,
    file: tuple[uploads.CleanFile, str] | None = None,
) -> None:
    """The respondent's written response arrived on `on`, with its file if staff have one
    (kept for staff only); commits."""
    _event(staff, report, "response_received", on)
    respondent.response_on = on
    names: list[str] = []
    if file is not None:
        clean, name = file
        item = documents.store(
            report, clean, name, source=documents.RESPONDENT, staff=staff, respondent=respondent
        )
        names.append(item.stored_name)
    audit.record(
        staff,
        "respondent_changed",
        report,
        detail=f"respondent {respondent.id}: response" + (" with a file" if names else ""),
    )
    documents.commit_or_forget(names)


def reply_received(staff: Staff, report: Report, on: date) -> None:
    """The complainant's reply to the response arrived on `on`; commits."""
    _event(staff, report, "reply_received", on)
    db.session.commit()


def replies(report: Report) -> list[date]:
    """The days the complainant's replies arrived."""
    return [event.on for event in calendar.events(report) if event.key == "reply_received"]
