"""Next and previous case, and the keyboard shortcuts' help page (the list itself is
remembered by `list_memory`)."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, redirect, render_template, session, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from ..auth.guard import ANY_STAFF, allow
from ..cases import listing, queries
from ..clock import today
from ..roles import READ_CASES
from .list_memory import KEY, remembered
from .views import bp, me


def _page_ids(stored: dict[str, Any], page: int) -> list[int]:
    """The ids on another page of the remembered list (and remember that page)."""
    args = MultiDict([(k, v) for k, v in stored["args"]] + [("page", str(page))])
    case_filter = queries.CaseFilter.from_args(args, stored["sort"])
    found = listing.case_page(
        case_filter,
        me(),
        today(),
        stored["per_page"],
        int(current_app.config["CASE_COUNT_LIMIT"]),
    )
    if found.page != page:
        return []
    stored.update(page=page, ids=[report.id for report in found.cases])
    session[KEY] = stored
    return [report.id for report in found.cases]


@bp.get("/cases/<int:case_id>/<any(next, previous):direction>")
@allow(*READ_CASES)
def step_case(case_id: int, direction: str) -> Response:
    """Open the next or previous case of the list this case was opened from."""
    stored = remembered()
    if stored is None or case_id not in stored["ids"]:
        abort(404)
    ids: list[int] = stored["ids"]
    index = ids.index(case_id) + (1 if direction == "next" else -1)
    if 0 <= index < len(ids):
        return redirect(url_for(".case", case_id=ids[index]))
    page = stored["page"] + (1 if direction == "next" else -1)
    neighbours = _page_ids(stored, page) if page >= 1 else []
    if not neighbours:
        return redirect(url_for(".case", case_id=case_id))
    return redirect(url_for(".case", case_id=neighbours[0 if direction == "next" else -1]))


@bp.get("/help/shortcuts")
@allow(ANY_STAFF)
def shortcuts() -> str:
    """The keyboard shortcuts of the staff pages."""
    return render_template("staff/shortcuts.html")
