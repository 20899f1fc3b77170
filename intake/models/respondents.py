"""Respondents: the people or organisations a complaint is brought against, each a record of
its own with the notice sent to it, its service and its response."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..crypto import EncryptedText
from ..extensions import db
from .types import UTCDateTime, utcnow


class Respondent(db.Model):  # type: ignore[name-defined,misc]
    """One respondent of a case; everything personal is encrypted at rest."""

    __tablename__ = "respondent"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(
        String(20)
    )  # "person" or "organization" (vocab.RESPONDENT_TYPES)
    name: Mapped[str] = mapped_column(EncryptedText)
    address: Mapped[str | None] = mapped_column(EncryptedText)
    email: Mapped[str | None] = mapped_column(EncryptedText)
    phone: Mapped[str | None] = mapped_column(EncryptedText)
    representative_name: Mapped[str | None] = mapped_column(EncryptedText)
    representative_contact: Mapped[str | None] = mapped_column(EncryptedText)
    # The notice's life: mailed, served (how), answered.
    notice_sent_on: Mapped[date | None] = mapped_column(Date)
    served_on: Mapped[date | None] = mapped_column(Date)
    served_how: Mapped[str | None] = mapped_column(String(20))
    response_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
