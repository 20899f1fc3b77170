"""The letter library: message and letter templates, each with a history of versions per language.

A version is never changed: an edit adds the next version, so what was sent or printed earlier
stays readable. The newest version of a language is its current text.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .staff import Staff
from .types import UTCDateTime, utcnow


class LetterTemplate(db.Model):  # type: ignore[name-defined,misc]
    """One template: a message written to a resident on the portal, or a printed letter."""

    __tablename__ = "letter_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    # In the catalog's source language (English); seeded names are translated for display.
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))  # "message" or "letter"
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    versions: Mapped[list[LetterVersion]] = relationship(
        back_populates="template", order_by="LetterVersion.id"
    )


class LetterVersion(db.Model):  # type: ignore[name-defined,misc]
    """One language's text of a template as saved once; the highest number is current."""

    __tablename__ = "letter_version"
    # Also the index that finds a language's current (highest-numbered) version.
    __table_args__ = (
        UniqueConstraint(
            "template_id", "language", "number", name="uq_letter_version_template_language_number"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("letter_template.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(10))
    number: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    # The English version this text translates (for English, its own number): a translation
    # of an older English text is out of date.
    source_number: Mapped[int] = mapped_column(Integer)
    # Empty for the texts the migration seeded.
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    template: Mapped[LetterTemplate] = relationship(back_populates="versions")
    created_by: Mapped[Staff | None] = relationship()
