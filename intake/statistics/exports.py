"""Exports: the summary (CSV, XLSX, PDF) and case lists (CSV, XLSX), de-identified by default.

De-identified means: no names, contact details, narratives or other free text, no record numbers,
and dates coarsened to the month. Personal columns are added only when a supervisor asks, and
the caller writes that to the audit trail. Case lists stream: memory stays flat however many.
They read plain columns rather than ORM objects, and make each label's cell once per export.
Every cell is made by `cells.cell`: stored text may hold anything, a cell never a formula.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from itertools import groupby
from operator import getitem, itemgetter
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import Select, select

from ..cases.queries import CaseFilter, conditions
from ..database import one_of
from ..extensions import db
from ..models import AffectedPerson, Contact, Report, ReportTag, ReportTerm, Staff, Tag
from . import compliance
from .cells import cell
from .cells import neutralize as neutralize  # Where callers have always found it.
from .export_columns import TAGS, Column, columns
from .summary import Summary, figures, hidden_count
from .writers import stream_csv as stream_csv  # Case lists stream through it too.

# Cases read at a time; also the most ids one terms query names (old SQLite allows 999).
BATCH = 500


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
        query = query.outerjoin(Contact, Contact.report_id == Report.id).outerjoin(
            AffectedPerson, AffectedPerson.report_id == Report.id
        )
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
            .where(one_of(ReportTag.report_id, case_ids))
            .order_by(ReportTag.report_id, Tag.name)
        )
        names = db.session.connection().execute(tagged).all()
        for case, named in groupby(names, itemgetter(0)):
            found[TAGS][case] = tuple(name for _case, name in named)
    query = (
        select(ReportTerm.report_id, ReportTerm.vocabulary, ReportTerm.code)
        .where(one_of(ReportTerm.report_id, case_ids), ReportTerm.vocabulary.in_(vocabularies))
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
    for title, figure in figures(summary):
        yield [title, "", figure if figure is not None else hidden]
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
