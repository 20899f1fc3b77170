"""Next and previous case: the case page steps through the list it was opened from.

The list a staff member last looked at (its filters, its page and the ids on it) is kept in the
session, which lives on the server, encrypted: the search text may be a name and never goes into
a URL or a cookie. Stepping past the page's edge reads the next or previous page, the same query
the list runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import session
from werkzeug.datastructures import MultiDict

from ..cases import listing

KEY = "case_list"


@dataclass(frozen=True)
class Position:
    """Where a case stands in the remembered list."""

    number: int  # 1-based, in the whole list.
    total: int
    capped: bool
    has_previous: bool
    has_next: bool
    list_url: str


def remember(
    endpoint: str,
    args: MultiDict[str, str],
    default_sort: str,
    page: listing.CasePage,
    list_url: str,
) -> None:
    """Keep the list just shown, for the case pages opened from it."""
    memory = {
        "endpoint": endpoint,
        "args": [[k, v] for k, v in args.items(multi=True) if k != "page"],
        "sort": default_sort,
        "page": page.page,
        "per_page": page.per_page,
        "ids": [report.id for report in page.cases],
        "total": page.total,
        "capped": page.capped,
        "url": list_url,
    }
    if session.get(KEY) != memory:  # Saved only when it changes: a reload writes nothing.
        session[KEY] = memory


def remembered() -> dict[str, Any] | None:
    stored = session.get(KEY)
    return stored if isinstance(stored, dict) and stored.get("ids") else None


def position(case_id: int) -> Position | None:
    """Where `case_id` is in the list it was opened from; None when it was not opened from one."""
    stored = remembered()
    if stored is None or case_id not in stored["ids"]:
        return None
    index = stored["ids"].index(case_id)
    page, per_page = stored["page"], stored["per_page"]
    number = (page - 1) * per_page + index + 1
    full_page = len(stored["ids"]) == per_page
    more = number < stored["total"] or (stored["capped"] and full_page)
    return Position(number, stored["total"], stored["capped"], number > 1, more, stored["url"])
