"""Filters on rows a case has in another table: its terms (protected class, bias category,
incident type) and its tags.

Three ways to ask for the same cases, each for the query that reads them:
- counting, or finding the few matches: the ids from that table's index (`id IN (...)`);
- reading a page among many matches: checked case by case while the list is read in its order
  (`EXISTS`), which finds a page long before the matches could all be fetched and sorted;
- counting up to a limit: read from that table's index, joined to the cases (`driving`), which
  stops at the limit. `id IN (...)` reads every case with the term before the first is counted:
  at a million cases, some 50,000 index entries for a common protected class.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, select
from sqlalchemy.orm import aliased

from ..models import Report, ReportTag, ReportTerm

# The term filters: the case filter's field and the vocabulary it names.
TERM_FILTERS = ("protected_class", "bias_category", "incident_type")


@dataclass(frozen=True)
class Link:
    """Cases with a row in `model` whose `key` is one of `values` (and, for terms, of this
    vocabulary)."""

    model: type[ReportTerm] | type[ReportTag]
    key: str
    values: tuple[Any, ...]
    vocabulary: str | None = None

    def chosen(self, model: Any = None) -> list[ColumnElement[bool]]:
        """The rows this filter chooses, of `model` (by default the link's own table)."""
        table = self.model if model is None else model
        where = [getattr(table, self.key).in_(self.values)]
        if self.vocabulary is not None:
            where.append(table.vocabulary == self.vocabulary)
        return where

    def condition(self, scan_in_order: bool) -> ColumnElement[bool]:
        """The filter as a condition on the cases (see the module's docstring)."""
        if scan_in_order:
            return exists().where(self.model.report_id == Report.id, *self.chosen())
        return Report.id.in_(select(self.model.report_id).where(*self.chosen()))

    def driving(self, where: list[ColumnElement[bool]]) -> Select[int]:
        """The matching cases' ids, each once, read from this table's index and joined to the
        cases that meet the other conditions `where`: a count up to a limit stops there."""
        query = (
            select(self.model.report_id)
            .join(Report, Report.id == self.model.report_id)
            .where(*self.chosen(), *where)
        )
        if len(self.values) > 1:
            # A case with two of the values is counted at the first of them only.
            other = aliased(self.model)
            earlier = getattr(other, self.key) < getattr(self.model, self.key)
            query = query.where(
                ~exists().where(
                    other.report_id == self.model.report_id, earlier, *self.chosen(other)
                )
            )
        return query


def links(case_filter: Any) -> list[Link]:
    """The filter's term and tag filters, in a fixed order."""
    found = [
        Link(ReportTerm, "code", tuple(getattr(case_filter, name)), name)
        for name in TERM_FILTERS
        if getattr(case_filter, name)
    ]
    if case_filter.tag:
        found.append(Link(ReportTag, "tag_id", tuple(case_filter.tag)))
    return found
