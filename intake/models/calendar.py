"""A case's calendar after acceptance: the events that start and end its deadlines, the
deadlines computed from them (kept, so lists can filter and sort by them), and extensions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..crypto import EncryptedText
from ..extensions import db
from .types import UTCDateTime, utcnow


class CaseEvent(db.Model):  # type: ignore[name-defined,misc]
    """Something that happened on a day and starts or ends a deadline ("notice served")."""

    __tablename__ = "case_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    on: Mapped[date] = mapped_column(Date)
    # Who recorded it (None: the portal, from a status change or a signature).
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CaseDeadline(db.Model):  # type: ignore[name-defined,misc]
    """One rule's deadline for one case, recomputed whenever the case's events change."""

    __tablename__ = "case_deadline"
    # "What is overdue / due this week": the open deadlines by date.
    __table_args__ = (Index("ix_case_deadline_open_due", "done_on", "due_on"),)

    report_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    starts_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)


class DeadlineExtension(db.Model):  # type: ignore[name-defined,misc]
    """A deadline moved to a later day, with the reason (staff text, encrypted)."""

    __tablename__ = "deadline_extension"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    due_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(EncryptedText)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
