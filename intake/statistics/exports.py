"""Exports: the summary (CSV, XLSX, PDF) and case lists (CSV, XLSX), de-identified by default.

De-identified means: no names, contact details, narratives or other free text, no record numbers,
and dates coarsened to the month. Personal columns are added only when a supervisor asks, and
the caller writes that to the audit trail. Case lists stream: memory stays flat however many.
They read plain columns rather than ORM objects, and make each label's cell once per export.
Every cell is made by `cells.cell`: stored text may hold anything, a cell never a formula.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby
from operator import getitem, itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import Select, SQLColumnExpression, select

from .. import vocab
from ..cases.queries import CaseFilter, conditions
from ..extensions import db
from ..geography import community_area_name
from ..i18n import NATIVE_NAMES
from ..models import Contact, Report, ReportTag, ReportTerm, Staff, Tag
from . import compliance
from .cells import cell
from .cells import neutralize as neutralize  # Where callers have always found it.
from .summary import Summary, hidden_count
from .writers import stream_csv as stream_csv  # Case lists stream through it too.

# Cases read at a time; also the most ids one terms query names (old SQLite allows 999).
BATCH = 500


def _as_is(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Column:
    """One exported column: its heading, what it reads, and how a value read becomes a cell.

    `reads` is a value of the case, or the name of a vocabulary whose terms the case has (the
    codes, in the order given). `show` makes the cell of one value; when the column has `few`
    values (codes, months, yes/no), each is shown once per export and looked up after that.
    """

    key: str
    title: LazyString
    reads: SQLColumnExpression[Any] | str
    show: Callable[[Any], Any] = _as_is
    few: bool = False
    personal: bool = False


# The "vocabulary" under which `_terms` reads a case's tags.
TAGS = "tags"


def _label(terms: tuple[vocab.Term, ...]) -> Callable[[str | None], str]:
    return lambda code: str(vocab.label(terms, code))


def _labels(terms: tuple[vocab.Term, ...]) -> Callable[[Iterable[str]], str]:
    return lambda codes: "; ".join(str(vocab.label(terms, code)) for code in codes)


def _nibrs(codes: Iterable[str]) -> str:
    """The NIBRS codes of the bias categories, each once (two categories may share one)."""
    found: list[str] = []
    for code in codes:
        term = next((t for t in vocab.BIAS_CATEGORIES if t.code == code), None)
        nibrs = term.nibrs[0] if term and term.nibrs else "99"
        if nibrs not in found:
            found.append(nibrs)
    return "; ".join(found)


def _local_time(moment: datetime) -> datetime:
    """A timestamp as a spreadsheet cell: the commission's local time, to the second (a cell
    holds no time zone; every time in the portal is the commission's)."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return moment.astimezone(zone).replace(tzinfo=None, microsecond=0)


def _month(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def _yes_no(value: bool | None) -> str:
    return "" if value is None else (_("Yes") if value else _("No"))


COLUMNS = (
    Column("case_number", _l("Case number"), Report.case_number),
    Column(
        "received_month",
        _l("Received (month)"),
        Report.received_on,
        lambda day: _month(day.year, day.month),
        few=True,
    ),
    Column("kind", _l("Kind"), Report.kind, _label(vocab.KIND_NAMES), few=True),
    Column("status", _l("Status"), Report.status, _label(vocab.STATUSES), few=True),
    Column(
        "covered_area",
        _l("Covered area"),
        Report.covered_area,
        _label(vocab.COVERED_AREAS),
        few=True,
    ),
    Column(
        "protected_classes",
        _l("Protected classes"),
        "protected_class",
        _labels(vocab.PROTECTED_CLASSES),
        few=True,
    ),
    Column(
        "bias_categories",
        _l("Bias categories"),
        "bias_category",
        _labels(vocab.BIAS_CATEGORIES),
        few=True,
    ),
    Column("nibrs_bias_codes", _l("NIBRS bias codes"), "bias_category", _nibrs, few=True),
    Column(
        "incident_types",
        _l("Incident types"),
        "incident_type",
        _labels(vocab.INCIDENT_TYPES),
        few=True,
    ),
    Column(
        "incident_month",
        _l("Incident (month)"),
        # Year and month as one number (202511), so that the column reads one value.
        Report.incident_year * 100 + Report.incident_month,
        lambda number: _month(*divmod(number, 100)),
        few=True,
    ),
    Column("still_happening", _l("Still happening"), Report.still_happening, _yes_no, few=True),
    Column("in_city", _l("In Chicago"), Report.in_city, _label(vocab.IN_CITY), few=True),
    Column(
        "community_area",
        _l("Community area"),
        Report.community_area,
        community_area_name,
        few=True,
    ),
    Column("ward", _l("Ward"), Report.ward, few=True),
    Column(
        "location_type",
        _l("Kind of place"),
        Report.location_type,
        _label(vocab.LOCATION_TYPES),
        few=True,
    ),
    Column(
        "respondent_role",
        _l("Respondent's role"),
        Report.respondent_role,
        _label(vocab.RESPONDENT_ROLES),
        few=True,
    ),
    Column(
        "language",
        _l("Language"),
        Report.language,
        lambda code: NATIVE_NAMES.get(code, code),
        few=True,
    ),
    Column("anonymous", _l("Anonymous"), Report.anonymous, _yes_no, few=True),
    Column("urgent", _l("Urgent"), Report.urgent, _yes_no, few=True),
    Column(
        "past_filing_deadline",
        _l("Past 365 days"),
        Report.past_filing_deadline,
        _yes_no,
        few=True,
    ),
    Column(
        "closure_reason",
        _l("Closure reason"),
        Report.closure_reason,
        _label(vocab.CLOSURE_REASONS),
        few=True,
    ),
    Column(
        "referred_to",
        _l("Referred to"),
        Report.referred_to,
        _label(vocab.REFERRAL_AGENCIES),
        few=True,
    ),
    Column("assigned", _l("Assigned"), Report.assignee_id.is_not(None), _yes_no, few=True),
    # Tags are read like terms (by case, in batches); TAGS names them in `_terms`.
    Column("tags", _l("Tags"), TAGS, "; ".join, few=True),
    # Personal data: only when a supervisor asks for it.
    Column("record_number", _l("Record number"), Report.record_number, personal=True),
    Column(
        "received_at",
        _l("Received at"),
        Report.created_at,
        _local_time,
        personal=True,
    ),
    Column("incident_day", _l("Incident day"), Report.incident_day, personal=True),
    Column("address", _l("Address"), Report.address, personal=True),
    Column("city", _l("City"), Report.city, personal=True),
    Column("respondent_name", _l("Respondent"), Report.respondent_name, personal=True),
    Column(
        "respondent_address",
        _l("Respondent's address"),
        Report.respondent_address,
        personal=True,
    ),
    Column("narrative", _l("What happened"), Report.narrative, personal=True),
    Column("witnesses", _l("Witnesses"), Report.witnesses, personal=True),
    Column("reported_details", _l("Reported elsewhere"), Report.reported_details, personal=True),
    Column("name", _l("Name"), Contact.name, personal=True),
    Column("email", _l("Email"), Contact.email, personal=True),
    Column("phone", _l("Phone"), Contact.phone, personal=True),
    Column("mailing_address", _l("Mailing address"), Contact.mailing_address, personal=True),
    Column("accommodations", _l("Accommodations"), Contact.accommodations, personal=True),
    Column(
        "share_with_police",
        _l("May share with police"),
        Report.share_with_police,
        _yes_no,
        few=True,
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
    # One value per column, in order (a terms column reads the case's id), then the case's id.
    values = [
        (Report.id if isinstance(column.reads, str) else column.reads).label(column.key)
        for column in chosen
    ]
    query = select(*values, Report.id).where(*conditions(case_filter, staff, today))
    if personal:
        query = query.outerjoin(Contact, Contact.report_id == Report.id)
    return _rows(chosen, query.order_by(Report.id).execution_options(yield_per=BATCH))


class _Cells(dict[Any, Any]):
    """One column's cells by the value read: each made when first needed, and kept if few."""

    def __init__(self, column: Column) -> None:
        super().__init__()
        self.show = column.show
        self.few = column.few

    def __missing__(self, value: Any) -> Any:
        made = cell(self.show(value))
        if self.few:
            self[value] = made
        return made


class _ByCase(dict[int, Any]):
    """A terms column's cells for one batch, by case id (a case without such terms: `none`)."""

    def __init__(self, cells: dict[int, Any], none: Any) -> None:
        super().__init__(cells)
        self.none = none

    def __missing__(self, case_id: int) -> Any:
        return self.none


def _rows(chosen: list[Column], query: Select[*tuple[Any, ...]]) -> Iterator[list[Any]]:
    yield [cell(str(column.title)) for column in chosen]
    # Cells are made as the response streams, in the request's language.
    cells = [_Cells(column) for column in chosen]
    vocabularies = {column.reads for column in chosen if isinstance(column.reads, str)}
    # Core rather than the ORM: plain rows, no objects to build.
    for batch in db.session.connection().execute(query).partitions():
        terms = _terms([row[-1] for row in batch], vocabularies)
        lookups = [_in_batch(*pair, terms) for pair in zip(chosen, cells, strict=True)]
        for row in batch:
            # Each cell is a lookup of the value read (map stops before the row's id).
            yield list(map(getitem, lookups, row))


def _in_batch(
    column: Column, cells: _Cells, terms: dict[str, dict[int, tuple[str, ...]]]
) -> Mapping[Any, Any]:
    """Where a column finds its cells in one batch: a terms column's, by case id."""
    if not isinstance(column.reads, str):
        return cells
    chosen = terms[column.reads]
    return _ByCase({case: cells[codes] for case, codes in chosen.items()}, none=cells[()])


def _terms(case_ids: list[int], vocabularies: set[str]) -> dict[str, dict[int, tuple[str, ...]]]:
    """The terms these cases have, by vocabulary and case, in the order they were given (and
    their tags' names, as the vocabulary TAGS)."""
    found: dict[str, dict[int, tuple[str, ...]]] = {name: {} for name in vocabularies}
    if TAGS in vocabularies:
        vocabularies = vocabularies - {TAGS}
        tagged = (
            select(ReportTag.report_id, Tag.name)
            .join(Tag, Tag.id == ReportTag.tag_id)
            .where(ReportTag.report_id.in_(case_ids))
            .order_by(ReportTag.report_id, Tag.name)
        )
        names = db.session.connection().execute(tagged).all()
        for case, named in groupby(names, itemgetter(0)):
            found[TAGS][case] = tuple(name for _case, name in named)
    query = (
        select(ReportTerm.report_id, ReportTerm.vocabulary, ReportTerm.code)
        .where(ReportTerm.report_id.in_(case_ids), ReportTerm.vocabulary.in_(vocabularies))
        .order_by(ReportTerm.report_id, ReportTerm.vocabulary, ReportTerm.position)
    )
    rows = db.session.connection().execute(query).all()
    for (case, vocabulary), group in groupby(rows, key=itemgetter(0, 1)):
        found[vocabulary][case] = tuple(code for _case, _vocabulary, code in group)
    return found


def summary_rows(summary: Summary) -> Iterator[list[Any]]:
    """The summary as one long table: section, item, count (public: "<5" where suppressed)."""
    hidden = hidden_count()
    yield [_("Section"), _("Item"), _("Count")]
    yield [_("Period"), summary.period.key, ""]
    yield [_("Reports received"), "", summary.total if summary.total is not None else hidden]
    for table in summary.tables:
        for row in table.rows:
            yield [str(table.title), row.label, row.shown]
    for row in summary.trend:
        yield [_("Reports by month"), row.label, row.shown]
    for item in summary.timings:
        yield [str(item.title), _("cases"), item.cases]
        yield [str(item.title), _("median days"), "" if item.median is None else item.median]
        yield [str(item.title), _("90th percentile days"), "" if item.p90 is None else item.p90]
    for load in summary.caseload:
        yield [_("Open cases"), load.name, load.open]
        yield [_("Overdue cases"), load.name, load.overdue]
    yield from compliance.export_rows(summary.compliance, summary.stages, hidden)


def summary_sheets(summary: Summary) -> Iterator[tuple[str, list[list[Any]]]]:
    """The summary as XLSX sheets: an overview, then one sheet per table."""
    yield _("Summary"), list(summary_rows(summary))
    for table in summary.tables:
        rows: list[list[Any]] = [[str(table.title), _("Count")]]
        rows += [[row.label, row.shown] for row in table.rows]
        yield str(table.title), rows
    deadlines = compliance.deadline_rows(summary.compliance, hidden_count())
    yield _("Deadlines met"), [compliance.deadline_header(), *deadlines]
    yield (
        _("Days to each stage"),
        [compliance.stage_header(), *compliance.stage_rows(summary.stages)],
    )


def summary_csv(summary: Summary) -> str:
    """The summary as CSV text."""
    rows = ([cell(value) for value in row] for row in summary_rows(summary))
    return "".join(stream_csv(rows))
