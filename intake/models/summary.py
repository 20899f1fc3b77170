"""Daily counts behind the summary report, and the days whose counts are out of date.

Database triggers (migration 0005) add a `SummaryStaleDay` row whenever a report received that day,
or one of its terms, changes; `intake.reports.rollup` recomputes those days before a summary reads.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String
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


class SummaryStaleDay(db.Model):  # type: ignore[name-defined,misc]
    """A day whose counts changed. Rows are only ever added by triggers and deleted by a refresh,
    so a change that is not yet committed keeps its own row until the refresh after it."""

    __tablename__ = "summary_stale_day"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
