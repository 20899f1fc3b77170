"""Call-back requests: a resident who would rather talk leaves a phone number and is called."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..crypto import EncryptedText
from ..extensions import db
from .types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from .staff import Staff


class CallbackRequest(db.Model):  # type: ignore[name-defined,misc]
    """One request to be called back, in the queue until staff close it or take a report.

    Nothing but what the resident typed: no name, no address. The phone number, the good times
    and the staff note are encrypted, and emptied CALLBACK_RETENTION_DAYS after closing
    (intake/callbacks.py `purge_closed`).
    """

    __tablename__ = "callback_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # The shipped language the resident asked in, and wants to be spoken to in.
    language: Mapped[str] = mapped_column(String(10))
    # NULL only once emptied after closing.
    phone: Mapped[str | None] = mapped_column(EncryptedText)
    good_times: Mapped[str | None] = mapped_column(EncryptedText)
    may_leave_message: Mapped[bool] = mapped_column(Boolean)
    # An interpreter for the call (intake/interpreters.py code, or "other" and its name).
    interpreter_language: Mapped[str | None] = mapped_column(String(20))
    interpreter_other: Mapped[str | None] = mapped_column(String(100))
    # callbacks.STATUSES: open, done, converted, cancelled.
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    # The service target: call by the end of this day (CALLBACK_TARGET_BUSINESS_DAYS).
    due_by: Mapped[date] = mapped_column(Date, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # callbacks.OUTCOMES of the last attempt.
    last_outcome: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(EncryptedText)
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # The staff-taken report it became (status "converted").
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id", ondelete="SET NULL"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    handled_by: Mapped[Staff | None] = relationship()
