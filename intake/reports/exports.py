"""Exports: the summary (CSV, XLSX, PDF) and case lists (CSV, XLSX), de-identified by default.

De-identified means: no names, contact details, narratives or other free text, no record numbers,
and dates coarsened to the month. Personal columns are added only when a supervisor asks, and
the caller writes that to the audit trail. Case lists stream: memory stays flat however many.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .. import vocab
from ..cases.queries import CaseFilter, conditions
from ..extensions import db
from ..geography import community_area_name
from ..i18n import NATIVE_NAMES
from ..models import Report, Staff
from .summary import Summary

# A spreadsheet treats a cell starting with these as a formula: =HYPERLINK(...), +cmd|...
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BATCH = 500


def neutralize(value: Any) -> Any:
    """Make text safe to open in a spreadsheet program (numbers pass through)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


@dataclass(frozen=True)
class Column:
    """One exported column: its heading and how to read it from a report."""

    key: str
    title: LazyString
    read: Callable[[Report], Any]
    personal: bool = False


def _labels(terms: tuple[vocab.Term, ...], codes: Iterable[str]) -> str:
    return "; ".join(str(vocab.label(terms, code)) for code in codes)


def _nibrs(report: Report) -> str:
    codes = []
    for code in report.codes("bias_category"):
        term = next((t for t in vocab.BIAS_CATEGORIES if t.code == code), None)
        codes.append(term.nibrs[0] if term and term.nibrs else "99")
    return "; ".join(codes)


def _month(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def _contact(field: str) -> Callable[[Report], Any]:
    return lambda r: getattr(r.contact, field) if r.contact else None


def _yes_no(value: bool | None) -> str:
    return "" if value is None else (_("Yes") if value else _("No"))


COLUMNS = (
    Column("case_number", _l("Case number"), lambda r: r.case_number),
    Column(
        "received_month",
        _l("Received (month)"),
        lambda r: _month(r.received_on.year, r.received_on.month),
    ),
    Column("kind", _l("Kind"), lambda r: str(vocab.label(vocab.KIND_NAMES, r.kind))),
    Column("status", _l("Status"), lambda r: str(vocab.label(vocab.STATUSES, r.status))),
    Column(
        "covered_area",
        _l("Covered area"),
        lambda r: str(vocab.label(vocab.COVERED_AREAS, r.covered_area)),
    ),
    Column(
        "protected_classes",
        _l("Protected classes"),
        lambda r: _labels(vocab.PROTECTED_CLASSES, r.codes("protected_class")),
    ),
    Column(
        "bias_categories",
        _l("Bias categories"),
        lambda r: _labels(vocab.BIAS_CATEGORIES, r.codes("bias_category")),
    ),
    Column("nibrs_bias_codes", _l("NIBRS bias codes"), _nibrs),
    Column(
        "incident_types",
        _l("Incident types"),
        lambda r: _labels(vocab.INCIDENT_TYPES, r.codes("incident_type")),
    ),
    Column(
        "incident_month",
        _l("Incident (month)"),
        lambda r: _month(r.incident_year, r.incident_month),
    ),
    Column("still_happening", _l("Still happening"), lambda r: _yes_no(r.still_happening)),
    Column("in_city", _l("In Chicago"), lambda r: str(vocab.label(vocab.IN_CITY, r.in_city))),
    Column("community_area", _l("Community area"), lambda r: community_area_name(r.community_area)),
    Column("ward", _l("Ward"), lambda r: r.ward),
    Column(
        "location_type",
        _l("Kind of place"),
        lambda r: str(vocab.label(vocab.LOCATION_TYPES, r.location_type)),
    ),
    Column(
        "respondent_role",
        _l("Respondent's role"),
        lambda r: str(vocab.label(vocab.RESPONDENT_ROLES, r.respondent_role)),
    ),
    Column("language", _l("Language"), lambda r: NATIVE_NAMES.get(r.language, r.language)),
    Column("anonymous", _l("Anonymous"), lambda r: _yes_no(r.anonymous)),
    Column("urgent", _l("Urgent"), lambda r: _yes_no(r.urgent)),
    Column("past_filing_deadline", _l("Past 365 days"), lambda r: _yes_no(r.past_filing_deadline)),
    Column(
        "closure_reason",
        _l("Closure reason"),
        lambda r: str(vocab.label(vocab.CLOSURE_REASONS, r.closure_reason)),
    ),
    Column(
        "referred_to",
        _l("Referred to"),
        lambda r: str(vocab.label(vocab.REFERRAL_AGENCIES, r.referred_to)),
    ),
    Column("assigned", _l("Assigned"), lambda r: _yes_no(r.assignee_id is not None)),
    # Personal data: only when a supervisor asks for it.
    Column("record_number", _l("Record number"), lambda r: r.record_number, personal=True),
    Column("received_at", _l("Received at"), lambda r: r.created_at.isoformat(), personal=True),
    Column("incident_day", _l("Incident day"), lambda r: r.incident_day, personal=True),
    Column("address", _l("Address"), lambda r: r.address, personal=True),
    Column("city", _l("City"), lambda r: r.city, personal=True),
    Column("respondent_name", _l("Respondent"), lambda r: r.respondent_name, personal=True),
    Column("narrative", _l("What happened"), lambda r: r.narrative, personal=True),
    Column("witnesses", _l("Witnesses"), lambda r: r.witnesses, personal=True),
    Column(
        "reported_details", _l("Reported elsewhere"), lambda r: r.reported_details, personal=True
    ),
    Column("name", _l("Name"), _contact("name"), personal=True),
    Column("email", _l("Email"), _contact("email"), personal=True),
    Column("phone", _l("Phone"), _contact("phone"), personal=True),
    Column("mailing_address", _l("Mailing address"), _contact("mailing_address"), personal=True),
    Column("accommodations", _l("Accommodations"), _contact("accommodations"), personal=True),
    Column(
        "share_with_police",
        _l("May share with police"),
        lambda r: _yes_no(r.share_with_police),
        personal=True,
    ),
)


def columns(personal: bool) -> list[Column]:
    """The columns of a case-list export."""
    return [column for column in COLUMNS if personal or not column.personal]


def case_rows(
    case_filter: CaseFilter, staff: Staff, today: date, personal: bool
) -> Iterator[list[Any]]:
    """The heading, then one row per matching case, read from the database in batches.

    The query is built now, while the request's staff member is loaded; the rows are read
    later, as the response streams.
    """
    chosen = columns(personal)
    options = [selectinload(Report.terms)]
    if personal:
        options.append(selectinload(Report.contact))
    query = (
        select(Report)
        .where(*conditions(case_filter, staff, today))
        .order_by(Report.id)
        .options(*options)
        .execution_options(yield_per=BATCH)
    )
    return _rows(chosen, query)


def _rows(chosen: list[Column], query: Any) -> Iterator[list[Any]]:
    yield [str(column.title) for column in chosen]
    # The session's identity map holds loaded reports weakly: rows already written are freed.
    for report in db.session.scalars(query):
        yield [neutralize(column.read(report)) for column in chosen]


class _Echo:
    """A file-like object whose write returns what it was given (csv writes one row at a time)."""

    def write(self, value: str) -> str:
        return value


def stream_csv(rows: Iterable[list[Any]]) -> Iterator[str]:
    """CSV text, one row at a time (UTF-8 with a byte-order mark so spreadsheets read it)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow(["" if value is None else value for value in row])


def write_xlsx(sheets: Iterable[tuple[str, Iterable[list[Any]]]]) -> Path:
    """An XLSX file of these sheets, written row by row (openpyxl's write-only mode)."""
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        for row in rows:
            sheet.append([neutralize(value) for value in row])
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)  # noqa: SIM115
    handle.close()
    workbook.save(handle.name)
    return Path(handle.name)


def summary_rows(summary: Summary) -> Iterator[list[Any]]:
    """The summary as one long table: section, item, count (public: "<5" where suppressed)."""
    hidden = _("fewer than 5")
    yield [_("Section"), _("Item"), _("Count")]
    yield [_("Period"), summary.period.key, ""]
    yield [_("Reports received"), "", summary.total if summary.total is not None else hidden]
    for table in summary.tables:
        for row in table.rows:
            yield [str(table.title), row.label, row.count if row.count is not None else hidden]
    for row in summary.trend:
        yield [_("Reports by month"), row.label, row.count if row.count is not None else hidden]
    for item in summary.timings:
        yield [str(item.title), _("cases"), item.cases]
        yield [str(item.title), _("median days"), "" if item.median is None else item.median]
        yield [str(item.title), _("90th percentile days"), "" if item.p90 is None else item.p90]
    for load in summary.caseload:
        yield [_("Open cases"), load.name, load.open]
        yield [_("Overdue cases"), load.name, load.overdue]


def summary_sheets(summary: Summary) -> Iterator[tuple[str, list[list[Any]]]]:
    """The summary as XLSX sheets: an overview, then one sheet per table."""
    yield _("Summary"), list(summary_rows(summary))
    hidden = _("fewer than 5")
    for table in summary.tables:
        rows: list[list[Any]] = [[str(table.title), _("Count")]]
        rows += [[row.label, row.count if row.count is not None else hidden] for row in table.rows]
        yield str(table.title), rows


def summary_csv(summary: Summary) -> str:
    """The summary as CSV text."""
    return "".join(stream_csv(summary_rows(summary)))


def xlsx_bytes(sheets: Iterable[tuple[str, Iterable[list[Any]]]]) -> bytes:
    """XLSX of sheets, whole (for the CLI)."""
    path = write_xlsx(sheets)
    try:
        return path.read_bytes()
    finally:
        path.unlink(missing_ok=True)
