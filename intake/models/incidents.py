"""Incidents: several reports about one event (a wave of flyers, one attack seen by many)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .reports import Report
from .staff import Staff
from .types import UTCDateTime, utcnow


class Incident(db.Model):  # type: ignore[name-defined,misc]
    """One event that several reports describe; reports point at it (`report.incident_id`)."""

    __tablename__ = "incident"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Written by staff ("Flyers on Devon Ave, March"): short, but free text all the same, so it is
    # never copied into the audit trail or a log.
    title: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    created_by: Mapped[Staff] = relationship()


# "Possibly the same event" reads the reports whose incident date falls in a window of days:
# this index bounds that query to a month or two of reports instead of the whole table. With the
# id last, it is also the case list's "incident" order (migration 0023).
Index(
    "ix_report_incident_date",
    Report.incident_year,
    Report.incident_month,
    Report.incident_day,
    Report.id,
)
