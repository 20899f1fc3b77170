"""Daily counts behind the summary report, and the changes not yet added into them.

Database triggers (migrations 0005, 0025) append a `SummaryChange` (+1 or -1) whenever a report,
one of its terms, events or deadlines changes in a way the summary counts;
`intake.statistics.rollup.fold` adds them up per day and per month (a year's summary reads twelve
months, not 365 days).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class SummaryDay(db.Model):  # type: ignore[name-defined,misc]
    """How many reports received on `day` have `key` for `dimension` (a column, vocabulary or
    milestone; for a milestone the key is the days it took, rounded)."""

    __tablename__ = "summary_day"

    dimension: Mapped[str] = mapped_column(String(30), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class SummaryMonth(db.Model):  # type: ignore[name-defined,misc]
    """`SummaryDay` added up over a calendar month (`month`: its first day)."""

    __tablename__ = "summary_month"

    dimension: Mapped[str] = mapped_column(String(30), primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class SummaryChange(db.Model):  # type: ignore[name-defined,misc]
    """One count going up or down. Rows are only appended (by triggers) and deleted (by a fold),
    so a change still in flight is left for the fold after it commits."""

    __tablename__ = "summary_change"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    dimension: Mapped[str] = mapped_column(String(30))
    day: Mapped[date] = mapped_column(Date)
    key: Mapped[str] = mapped_column(String(60))
    change: Mapped[int] = mapped_column(Integer)
