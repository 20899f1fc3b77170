"""Tags: a short list of labels that administrators keep, and the cases that carry each."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow

TAG_NAME_LENGTH = 60


class Tag(db.Model):  # type: ignore[name-defined,misc]
    """A label staff may put on cases ("flyer wave", "needs interpreter"). Retired, not
    deleted: the cases that carry it keep it, and it no longer appears in the choices."""

    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(TAG_NAME_LENGTH), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReportTag(db.Model):  # type: ignore[name-defined,misc]
    """A case carries a tag."""

    __tablename__ = "report_tag"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True
    )
    # Filtering by a tag starts from the tag.
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tag.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
