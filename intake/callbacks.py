"""Call-back requests: a resident who would rather talk asks to be phoned.

The request holds what a call needs and nothing more: the language, the phone number, good
times, whether a message may be left, and interpreter needs. Intake staff work the queue (due
first: the service target is CALLBACK_TARGET_BUSINESS_DAYS), record each attempt, and close the
request, or take a report on the phone (the staff intake starts from `intake_prefill` and calls
`converted`). Each staff action is in the audit trail, without the phone number or the note.
Closed requests lose their phone number, good times and note after CALLBACK_RETENTION_DAYS
(`purge_closed`, run by `flask records dispose`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import ColumnElement, and_, func, or_, select, update

from . import interpreters
from .business_days import add_business_days
from .cases import audit
from .extensions import db
from .models import MAX_ID, CallbackRequest, Report, Staff, utcnow

OPEN = "open"
CONVERTED = "converted"
# Every status, and the ones staff close a request with by hand.
STATUSES: dict[str, LazyString] = {
    OPEN: _l("Waiting for a call"),
    "done": _l("Done"),
    CONVERTED: _l("Became a report"),
    "cancelled": _l("Cancelled"),
}
CLOSING = ("done", "cancelled")
# What happened when staff called.
OUTCOMES: dict[str, LazyString] = {
    "reached": _l("Reached"),
    "no_answer": _l("No answer"),
    "left_message": _l("Left a message"),
    "wrong_number": _l("Wrong number"),
}
NOTE_MAX = 2_000


class CallbackError(Exception):
    """A step that may not be taken; `message` says why, translated."""

    def __init__(self, message: LazyString) -> None:
        super().__init__(str(message))
        self.message = message


def target_day(received: date) -> date:
    """The day a request received on `received` should be called by."""
    days = int(current_app.config["CALLBACK_TARGET_BUSINESS_DAYS"])
    return add_business_days(received, days)


def request_callback(
    *,
    language: str,
    phone: str,
    may_leave_message: bool,
    received: date,
    good_times: str | None = None,
    interpreter_language: str | None = None,
    interpreter_other: str | None = None,
) -> CallbackRequest:
    """Put a resident's request in the queue (and save it)."""
    # The language's name is kept only for "another language".
    other = (interpreter_other or "").strip() if interpreter_language == interpreters.OTHER else ""
    request = CallbackRequest(
        language=language,
        phone=phone.strip(),
        good_times=(good_times or "").strip() or None,
        may_leave_message=may_leave_message,
        interpreter_language=interpreter_language or None,
        interpreter_other=other or None,
        status=OPEN,
        due_by=target_day(received),
        attempts=0,
    )
    db.session.add(request)
    db.session.commit()
    return request


def get(callback_id: int) -> CallbackRequest | None:
    """The request, or None (also for an id no column can hold)."""
    if not 0 < callback_id <= MAX_ID:
        return None
    return db.session.get(CallbackRequest, callback_id)


def is_overdue(request: CallbackRequest, today: date) -> bool:
    """Still waiting after its target day."""
    return request.status == OPEN and request.due_by < today


def overdue_clause(today: date) -> ColumnElement[bool]:
    """`is_overdue` in SQL."""
    return and_(CallbackRequest.status == OPEN, CallbackRequest.due_by < today)


def open_requests() -> list[CallbackRequest]:
    """The queue: every waiting request, the longest overdue first, then by arrival."""
    query = (
        select(CallbackRequest)
        .where(CallbackRequest.status == OPEN)
        .order_by(CallbackRequest.due_by, CallbackRequest.created_at, CallbackRequest.id)
    )
    return list(db.session.scalars(query))


def open_count() -> int:
    """How many requests are waiting (the staff navigation shows it)."""
    query = select(func.count()).where(CallbackRequest.status == OPEN)
    return int(db.session.scalar(query) or 0)


def _detail(request: CallbackRequest) -> str:
    # Only the request's number: never its phone number, times or note.
    return f"call-back {request.id}"


def viewed(staff: Staff, request: CallbackRequest) -> None:
    """Record that `staff` opened the request (and saw its phone number); saved at once."""
    audit.record(staff, "callback_viewed", detail=_detail(request))
    db.session.commit()


def _check_open(request: CallbackRequest) -> None:
    if request.status != OPEN:
        raise CallbackError(_l("This call-back request is already closed."))


def _keep_note(request: CallbackRequest, note: str | None) -> None:
    text = (note or "").strip()
    if len(text) > NOTE_MAX:
        raise CallbackError(_l("Please shorten the note to %(max)d characters.", max=NOTE_MAX))
    if text:
        request.note = text


def record_attempt(
    staff: Staff, request: CallbackRequest, outcome: str, note: str | None = None
) -> None:
    """Record a call to the resident and what came of it; the caller commits."""
    _check_open(request)
    if outcome not in OUTCOMES:
        raise CallbackError(_l("Choose what happened."))
    if outcome == "left_message" and not request.may_leave_message:
        raise CallbackError(_l("The resident asked us not to leave a message."))
    _keep_note(request, note)
    request.attempts += 1
    request.last_attempt_at = utcnow()
    request.last_outcome = outcome
    request.handled_by_id = staff.id
    audit.record(staff, "callback_attempt", field="outcome", new=outcome, detail=_detail(request))


def close(staff: Staff, request: CallbackRequest, status: str, note: str | None = None) -> None:
    """Close the request as done or cancelled; the caller commits."""
    _check_open(request)
    if status not in CLOSING:
        raise CallbackError(_l("Choose how to close the request."))
    _keep_note(request, note)
    _closed(staff, request, status)


def _closed(
    staff: Staff, request: CallbackRequest, status: str, report: Report | None = None
) -> None:
    request.status = status
    request.closed_at = utcnow()
    request.handled_by_id = staff.id
    audit.record(
        staff,
        "callback_closed",
        report,
        field="status",
        old=OPEN,
        new=status,
        detail=_detail(request),
    )


def intake_prefill(callback_id: int) -> dict[str, Any] | None:
    """What a staff-taken report starts with when it comes from call-back `callback_id`: the
    resident's language and the answers of the "contact" section as its form holds them, or
    None when there is no such open request."""
    request = get(callback_id)
    if request is None or request.status != OPEN:
        return None
    return {
        "language": request.language,
        "contact": {
            "phone": request.phone or "",
            "best_time": request.good_times or "",
            "safe_to_leave_message": "yes" if request.may_leave_message else "no",
            "preferred_method": "phone",
            "preferred_language": request.language,
            "interpreter_language": request.interpreter_language or "",
            "interpreter_other": request.interpreter_other or "",
        },
    }


def converted(callback_id: int, report: Report, staff: Staff) -> None:
    """Record that the call-back became `report`, taken by `staff` (closes the request). Joins
    the caller's transaction, so the report and the closing are saved together by its commit;
    a request that is gone or closed meanwhile is left as it is."""
    request = get(callback_id)
    if request is None or request.status != OPEN:
        return
    db.session.flush()  # The report's id, if the caller has not saved it yet.
    request.report_id = report.id
    _closed(staff, request, CONVERTED, report)


def purge_closed(now: datetime | None = None) -> int:
    """Empty the phone number, good times and note of every request closed more than
    CALLBACK_RETENTION_DAYS ago; returns how many were emptied (and saves)."""
    days = int(current_app.config["CALLBACK_RETENTION_DAYS"])
    cutoff = (now or utcnow()) - timedelta(days=days)
    statement = (
        update(CallbackRequest)
        .where(
            CallbackRequest.status != OPEN,
            CallbackRequest.closed_at < cutoff,
            or_(
                CallbackRequest.phone.is_not(None),
                CallbackRequest.good_times.is_not(None),
                CallbackRequest.note.is_not(None),
            ),
        )
        .values(phone=None, good_times=None, note=None)
        .execution_options(synchronize_session=False)
    )
    result = db.session.execute(statement)
    db.session.commit()
    return int(getattr(result, "rowcount", 0) or 0)
