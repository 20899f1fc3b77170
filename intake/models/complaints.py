"""The formal complaint: each version staff draft from a report, and its signature.

A version is a draft while staff edit it, ready once the resident may read and sign it, and
signed for good: editing a signed complaint starts a new version, so what someone swore to
stays readable exactly as it was. Every personal text is encrypted at rest.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..crypto import EncryptedText
from ..extensions import db
from .types import UTCDateTime, utcnow


class Complaint(db.Model):  # type: ignore[name-defined,misc]
    """One version of a case's formal complaint (Regulation 210.120(c)'s facts)."""

    __tablename__ = "complaint"
    __table_args__ = (UniqueConstraint("report_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    # 1, 2, ...: a new version each time a signed complaint is changed.
    number: Mapped[int] = mapped_column(Integer)
    # draft (staff edit it) -> ready (the resident may sign) -> signed.
    state: Mapped[str] = mapped_column(String(10), default="draft")

    complainant_name: Mapped[str | None] = mapped_column(EncryptedText)
    respondent_name: Mapped[str | None] = mapped_column(EncryptedText)
    respondent_address: Mapped[str | None] = mapped_column(EncryptedText)
    covered_area: Mapped[str | None] = mapped_column(String(40))
    # Vocabulary codes, comma-separated, in the order given.
    protected_classes: Mapped[str] = mapped_column(String(500), default="")
    incident_dates: Mapped[str | None] = mapped_column(EncryptedText)
    statement: Mapped[str | None] = mapped_column(EncryptedText)
    # The resident's language: the attestation is shown in it beside the English legal text.
    language: Mapped[str] = mapped_column(String(10))
    # The day the report first reached the commission: what the 365-day window counts to.
    filed_on: Mapped[date] = mapped_column(Date)

    signed_name: Mapped[str | None] = mapped_column(EncryptedText)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    signed_on: Mapped[date | None] = mapped_column(Date)
    signed_via: Mapped[str | None] = mapped_column(String(10))  # online | paper
    paper_attachment_id: Mapped[int | None] = mapped_column(
        ForeignKey("attachment.id", ondelete="SET NULL")
    )
    # The signed PDF, encrypted in the evidence folder, and the digest of its plain bytes.
    pdf_stored_name: Mapped[str | None] = mapped_column(String(64))
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))

    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Optimistic locking: an edit or a signature based on an older text is refused.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    def classes(self) -> list[str]:
        """The protected classes' codes."""
        return [code for code in self.protected_classes.split(",") if code]
