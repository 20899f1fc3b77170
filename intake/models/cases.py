"""What staff add to a report: notes, links, the audit trail, saved views, case numbers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..crypto import EncryptedText
from ..extensions import db
from .staff import Staff
from .types import UTCDateTime, utcnow


class Note(db.Model):  # type: ignore[name-defined,misc]
    """An internal note on a case; staff only, never shown to the resident."""

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    body: Mapped[str] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[Staff] = relationship()


class CaseLink(db.Model):  # type: ignore[name-defined,misc]
    """Two related cases, stored once with the smaller id first."""

    __tablename__ = "case_link"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True
    )
    other_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEvent(db.Model):  # type: ignore[name-defined,misc]
    """One entry of the append-only audit trail: who did what to which case, and when.

    The database refuses UPDATE and DELETE on this table (triggers in the migrations).
    """

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    # A report is never deleted (disposal leaves a tombstone that its audit rows point at), and
    # the database refuses to delete one that the trail names.
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("report.id", ondelete="RESTRICT"), index=True
    )
    action: Mapped[str] = mapped_column(String(30))
    field: Mapped[str | None] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)

    staff: Mapped[Staff | None] = relationship()


class Disposal(db.Model):  # type: ignore[name-defined,misc]
    """A proposal to dispose of a case past its retention period, and its approval by a second
    person: `intake.records` disposes of a case only once both are there and no hold is set."""

    __tablename__ = "disposal"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True
    )
    proposed_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    proposed_by: Mapped[Staff] = relationship(foreign_keys=[proposed_by_id])
    approved_by: Mapped[Staff | None] = relationship(foreign_keys=[approved_by_id])


class SavedView(db.Model):  # type: ignore[name-defined,misc]
    """A named case-list filter that a staff member can open again."""

    __tablename__ = "saved_view"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    query: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Alerts (`flask views run`): a daily digest of new matches to the owner, and routing of new
    # unassigned matches to an investigator. `last_run_at` is where the next run starts from.
    digest: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    route_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    owner: Mapped[Staff] = relationship(foreign_keys=[staff_id])
    route_to: Mapped[Staff | None] = relationship(foreign_keys=[route_to_id])


class CaseCounter(db.Model):  # type: ignore[name-defined,misc]
    """The last staff case number given out in a year."""

    __tablename__ = "case_counter"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)
