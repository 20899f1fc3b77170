"""What the resident agreed to share, what the commission shared outside itself, and who else
may see a resident's contact details."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..crypto import EncryptedText
from ..extensions import db
from .staff import Staff
from .types import UTCDateTime, utcnow


class Consent(db.Model):  # type: ignore[name-defined,misc]
    """One decision about sharing: given or withdrawn, when, and through which channel.

    The newest row for a subject is the resident's current decision; older rows stay as the
    record of what was allowed when.
    """

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    # What the consent is for: "police" (pass the contact details to the police).
    subject: Mapped[str] = mapped_column(String(20))
    given: Mapped[bool] = mapped_column(Boolean)
    # "online" (the report form), "status_page", or "staff" (recorded by staff, by phone, say).
    channel: Mapped[str] = mapped_column(String(20))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    staff: Mapped[Staff | None] = relationship()


class Disclosure(db.Model):  # type: ignore[name-defined,misc]
    """Something shared outside the commission: a referral, or an export with personal data.

    It names what was shared (groups of fields, never their values) and, where the resident had
    not agreed, the legal reason a supervisor recorded.
    """

    __tablename__ = "disclosure"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The case shared (None: an export of many cases).
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("report.id", ondelete="RESTRICT"), index=True
    )
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # An agency code (vocab.REFERRAL_AGENCIES) or "export".
    recipient: Mapped[str] = mapped_column(String(30))
    shared: Mapped[str] = mapped_column(Text)
    legal_reason: Mapped[str | None] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    staff: Mapped[Staff | None] = relationship()


class ContactGrant(db.Model):  # type: ignore[name-defined,misc]
    """A supervisor let one more staff member reveal a case's contact details."""

    __tablename__ = "contact_grant"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True
    )
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True
    )
    granted_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    staff: Mapped[Staff] = relationship(foreign_keys=[staff_id])
