"""The database models: a report, its optional contact, its chosen terms and its evidence files.

Nothing here stores an IP address or a user agent, and nothing about an anonymous reporter that
they did not type themselves.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    false,
    literal_column,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnClause

from ..crypto import EncryptedText
from ..extensions import db
from ..statuses import TRIAGE_STATUSES
from .types import UTCDateTime, utcnow

# report.next_due_on when nothing is due (migration 0023), as SQL written out: the column's
# default, and a partial index's condition and the filters that use it, which must read alike
# for SQLite to match them.
_NOTHING_DUE = "'2100-12-31'"
NOTHING_DUE_SQL: ColumnClause[date] = literal_column(_NOTHING_DUE, Date)

if TYPE_CHECKING:
    from .consent import Consent
    from .staff import Staff


class Report(db.Model):  # type: ignore[name-defined,misc]
    """One report from a resident, discrimination or hate incident or not sure."""

    __tablename__ = "report"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Public, non-sequential: "HR-7K3M-9QX2". Reveals nothing about volume or order.
    record_number: Mapped[str] = mapped_column(String(12), unique=True)
    # argon2id of the peppered receipt; the receipt itself is never stored.
    receipt_hash: Mapped[str] = mapped_column(String(255))
    # Which normalisation made the hash (receipts.NORMALIZATIONS): old receipts keep opening.
    receipt_version: Mapped[int] = mapped_column(SmallInteger, default=1, server_default="1")
    # Which HASH_PEPPER peppered it (crypto.PEPPERS): a pepper can be rotated, and a receipt is
    # re-hashed with the newest one when its resident next opens the report.
    pepper_version: Mapped[int] = mapped_column(SmallInteger, default=1, server_default="1")
    kind: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(10))
    anonymous: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # The day it arrived at the commission (its time zone): what reports count by.
    received_on: Mapped[date] = mapped_column(Date, index=True)

    # Discrimination: the one covered area (protected classes are ReportTerm rows).
    covered_area: Mapped[str | None] = mapped_column(String(40), index=True)
    # Hate incident: "are you in danger now?" (bias categories, incident types are ReportTerm rows).
    in_danger: Mapped[bool | None] = mapped_column(Boolean)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False, index=True)

    # When: month and year required, day optional; never in the future.
    incident_year: Mapped[int] = mapped_column(Integer)
    incident_month: Mapped[int] = mapped_column(Integer)
    incident_day: Mapped[int | None] = mapped_column(Integer)
    still_happening: Mapped[bool] = mapped_column(Boolean, default=False)
    # Past the 365-day filing window when received: staff decide, the resident was warned.
    past_filing_deadline: Mapped[bool] = mapped_column(Boolean, default=False)

    # Where.
    in_city: Mapped[str] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(EncryptedText)
    community_area: Mapped[int | None] = mapped_column(Integer)
    ward: Mapped[int | None] = mapped_column(Integer)
    location_type: Mapped[str | None] = mapped_column(String(20))

    # Who did it.
    respondent_name: Mapped[str | None] = mapped_column(String(300))
    # Where the respondent is notified (discrimination): the complaint is mailed there.
    respondent_address: Mapped[str | None] = mapped_column(EncryptedText)
    respondent_type: Mapped[str | None] = mapped_column(String(20))
    respondent_role: Mapped[str | None] = mapped_column(String(20))

    # What happened, in the resident's words and language.
    narrative: Mapped[str] = mapped_column(Text)
    witnesses: Mapped[str | None] = mapped_column(EncryptedText)
    reported_details: Mapped[str | None] = mapped_column(EncryptedText)
    help_details: Mapped[str | None] = mapped_column(EncryptedText)

    # Hate incidents: the victim's consent to share their contact details with police.
    share_with_police: Mapped[bool] = mapped_column(Boolean, default=False)
    # Lower-cased words of the narrative, hashed: equal for near-identical stories (duplicates).
    narrative_fingerprint: Mapped[str] = mapped_column(String(64), index=True)

    # How it reached the commission (vocab.CHANNELS) and the staff member who took it down, for
    # reports not typed by the resident online (phone, walk-in, mail, email, referrals).
    channel: Mapped[str] = mapped_column(String(20), default="online", server_default="online")
    taken_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # Who made the report (vocab.REPORTER_ROLES): the person it happened to, someone for them, or
    # a witness; for someone else, who they are to that person and whether that person agrees.
    reporter_role: Mapped[str] = mapped_column(String(20), default="self", server_default="self")
    reporter_relationship: Mapped[str | None] = mapped_column(String(20))
    affected_consent: Mapped[str | None] = mapped_column(String(20))
    # An interpreter for calls and meetings: a language code (intake/interpreters.py), or
    # "other" with the language as the resident wrote it. NULL: no interpreter needed.
    interpreter_language: Mapped[str | None] = mapped_column(String(20), index=True)
    interpreter_other: Mapped[str | None] = mapped_column(String(100))

    # The event this report is one of, grouped by staff (intake/cases/incidents.py).
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incident.id", ondelete="SET NULL"), index=True
    )
    # The person it is about, for the summary's "people affected" (migration 0026): the email
    # hash of the affected person, or the reporter's own when it happened to them (NULL: a
    # person of its own), and the day that person's previous report arrived. Both kept by the
    # database's triggers, never written by the app.
    person_key: Mapped[str | None] = mapped_column(String(64))
    person_since: Mapped[date | None] = mapped_column(Date)

    # The staff side of the report: the case.
    case_number: Mapped[str] = mapped_column(String(12), unique=True)  # "2026-00042"
    status: Mapped[str] = mapped_column(String(20), default="new")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    acknowledge_by: Mapped[date] = mapped_column(Date, index=True)
    screen_by: Mapped[date] = mapped_column(Date, index=True)
    # The day the case is next due: its screening target while in triage or its earliest running
    # deadline after acceptance, whichever is first; NOTHING_DUE (2100-12-31) when nothing is.
    # Kept by the database's triggers (migration 0023), never written by the app, so the list
    # sorts and filters by it from an index.
    next_due_on: Mapped[date] = mapped_column(Date, server_default=text(_NOTHING_DUE))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    screened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closure_reason: Mapped[str | None] = mapped_column(String(30), index=True)
    referred_to: Mapped[str | None] = mapped_column(String(30))
    referral_note: Mapped[str | None] = mapped_column(EncryptedText)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    # Records lifecycle (intake/records): a legal hold's reason blocks disposal while set; the
    # resident asked to withdraw; the day everything personal was deleted (the row is then a
    # tombstone that keeps only what the statistics count).
    legal_hold: Mapped[str | None] = mapped_column(EncryptedText)
    withdrawal_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disposed_on: Mapped[date | None] = mapped_column(Date, index=True)
    # When the resident last wrote, and when the assigned investigator last opened the case: a
    # reply is unread while the first is later (set without bumping `version`: see followup).
    resident_wrote_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    assignee_read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Optimistic locking: a save based on an older version is refused, never silently merged.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    contact: Mapped[Contact | None] = relationship(
        back_populates="report", cascade="all, delete-orphan", uselist=False
    )
    terms: Mapped[list[ReportTerm]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="ReportTerm.position"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="Attachment.id"
    )
    assignee: Mapped[Staff | None] = relationship(foreign_keys=[assignee_id])
    taken_by: Mapped[Staff | None] = relationship(foreign_keys=[taken_by_id])
    # The person it happened to, when someone else made the report (their contact is kept apart
    # from the reporter's, which is `contact`).
    affected: Mapped[AffectedPerson | None] = relationship(
        back_populates="report", cascade="all, delete-orphan", uselist=False
    )
    consents: Mapped[list[Consent]] = relationship(
        cascade="all, delete-orphan", order_by="Consent.id"
    )

    def codes(self, vocabulary: str) -> list[str]:
        """The codes chosen from one multi-valued vocabulary, in the order they were given."""
        return [term.code for term in self.terms if term.vocabulary == vocabulary]


# The case list's default order (urgent first, then oldest): pages read in index order; and the
# same order within a status, so the triage queue sorts from the index alone.
Index("ix_report_queue_order", Report.urgent.desc(), Report.created_at, Report.id)
Index("ix_report_status_order", Report.status, Report.urgent.desc(), Report.created_at, Report.id)
# The triage queue alone, in the list's order (PostgreSQL plans it from this; SQLite, which
# cannot match a partial index to a query with parameters, from ix_report_status_order).
Index(
    "ix_report_triage_order",
    Report.urgent.desc(),
    Report.created_at,
    Report.id,
    postgresql_where=Report.status.in_(sorted(TRIAGE_STATUSES)),
    sqlite_where=Report.status.in_(sorted(TRIAGE_STATUSES)),
)
# Cases of one community area narrowed by status and kind (a common filtered list), counted
# from the index alone; it also serves the community area by itself.
Index("ix_report_area_filters", Report.community_area, Report.status, Report.kind)
# Every order the list can be sorted in, with the id as tie-breaker (read forwards or backwards).
for _name, _column in (
    ("kind_order", Report.kind),
    ("status_sort", Report.status),
    ("language_order", Report.language),
    ("area_order", Report.community_area),
    ("ward_order", Report.ward),
    ("next_due", Report.next_due_on),
):
    Index(f"ix_report_{_name}", _column, Report.id)
# The list opened without filters: urgent cases first, then the soonest due.
Index("ix_report_due_queue", Report.urgent.desc(), Report.next_due_on, Report.id)
# Filters on a column with a few common values and rare ones (how a report came in, who made
# it): each value's cases in the list's default order, however common or rare the value.
# Anonymous or not is the same kind of filter (an index of it alone made SQLite fetch half the
# cases and sort them).
for _name, _column in (
    ("channel", Report.channel),
    ("reporter", Report.reporter_role),
    ("anonymous", Report.anonymous),
    # Each investigator's cases (also the index of the assignee alone), each area's, each ward's.
    ("assignee", Report.assignee_id),
    ("area", Report.community_area),
    ("ward", Report.ward),
):
    Index(f"ix_report_{_name}_queue", _column, Report.urgent.desc(), Report.created_at, Report.id)
# Some of the cases in the list's default order, each as a partial index: those needing an
# interpreter; those with something due (overdue, due this week); the unassigned ones
# (PostgreSQL reads no order from the investigator's queue index under "assignee_id IS NULL").
for _name, _where in (
    ("interpreter", Report.interpreter_language.is_not(None)),
    ("due_only", Report.next_due_on < NOTHING_DUE_SQL),
    ("unassigned", Report.assignee_id.is_(None)),
):
    Index(
        f"ix_report_{_name}_queue",
        Report.urgent.desc(),
        Report.created_at,
        Report.id,
        postgresql_where=_where,
        sqlite_where=_where,
    )
# The reports of one community area, or one ward, around an incident date ("possibly the same
# event" reads those of the case's area and ward in a few weeks).
for _name, _column in (("area", Report.community_area), ("ward", Report.ward)):
    Index(
        f"ix_report_{_name}_incident",
        _column,
        Report.incident_year,
        Report.incident_month,
        Report.incident_day,
    )
# A person's reports in the order they arrived (keeps `person_since`).
Index("ix_report_person", Report.person_key, Report.received_on, Report.id)
# Open cases per investigator and which are overdue (the caseload), read from the index alone.
Index(
    "ix_report_caseload",
    Report.status,
    Report.assignee_id,
    Report.acknowledge_by,
    Report.screen_by,
)


class ReportTerm(db.Model):  # type: ignore[name-defined,misc]
    """One chosen term of a multi-valued vocabulary (protected class, bias category, ...)."""

    __tablename__ = "report_term"
    # Filtering by a term ("cases with protected class = race") starts from this index.
    __table_args__ = (Index("ix_report_term_vocabulary_code", "vocabulary", "code"),)

    report_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True
    )
    vocabulary: Mapped[str] = mapped_column(String(30), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    report: Mapped[Report] = relationship(back_populates="terms")


class Contact(db.Model):  # type: ignore[name-defined,misc]
    """The complainant's contact details, all optional, every personal field encrypted at rest."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), unique=True)
    name: Mapped[str | None] = mapped_column(EncryptedText)
    email: Mapped[str | None] = mapped_column(EncryptedText)
    # Keyed hash of the normalised email, so staff can find other reports from the same person.
    email_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    phone: Mapped[str | None] = mapped_column(EncryptedText)
    mailing_address: Mapped[str | None] = mapped_column(EncryptedText)
    best_time: Mapped[str | None] = mapped_column(EncryptedText)
    accommodations: Mapped[str | None] = mapped_column(EncryptedText)
    preferred_method: Mapped[str | None] = mapped_column(String(10))
    safe_to_leave_message: Mapped[bool | None] = mapped_column(Boolean)
    preferred_language: Mapped[str | None] = mapped_column(String(10))
    # The resident agreed to short email notices ("you have a new message", never case content).
    email_updates: Mapped[bool] = mapped_column(Boolean, default=False)

    report: Mapped[Report] = relationship(back_populates="contact")


class AffectedPerson(db.Model):  # type: ignore[name-defined,misc]
    """The person a report made by someone else is about: their own contact details, all
    optional and encrypted, kept apart from the reporter's (`Contact`)."""

    __tablename__ = "affected_person"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), unique=True)
    name: Mapped[str | None] = mapped_column(EncryptedText)
    email: Mapped[str | None] = mapped_column(EncryptedText)
    # Keyed hash of the normalised email: the same person reported twice is counted once.
    email_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    phone: Mapped[str | None] = mapped_column(EncryptedText)
    mailing_address: Mapped[str | None] = mapped_column(EncryptedText)

    report: Mapped[Report] = relationship(back_populates="affected")


class Attachment(db.Model):  # type: ignore[name-defined,misc]
    """An evidence file, stored outside the web root under a random name."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    # The name on the resident's device may itself be personal ("eviction-maria.pdf").
    original_name: Mapped[str | None] = mapped_column(EncryptedText)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Who sent it (intake/respondents/documents.py): "resident", "staff" or "respondent"; the
    # staff member who shared or recorded it; whether the resident's status page offers it.
    source: Mapped[str] = mapped_column(String(20), default="resident", server_default="resident")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    respondent_id: Mapped[int | None] = mapped_column(
        ForeignKey("respondent.id", ondelete="SET NULL")
    )
    visible_to_resident: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )

    report: Mapped[Report] = relationship(back_populates="attachments")
    staff: Mapped[Staff | None] = relationship()


class Draft(db.Model):  # type: ignore[name-defined,misc]
    """A resident's unsent answers between form steps, encrypted, deleted when sent or stale.

    The browser holds a random token; the table holds only its hash, so reading the database does
    not let anyone continue someone else's report.
    """

    __tablename__ = "draft"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[str] = mapped_column(EncryptedText)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
