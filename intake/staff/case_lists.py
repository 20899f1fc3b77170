"""The case lists (triage queue, my cases, all cases) and the jump to a case by its number."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from babel.lists import format_list
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from .. import accounts
from ..auth.guard import allow
from ..cases import queries, saved_views
from ..clock import today
from ..roles import READ_CASES, Can
from ..statuses import OPEN_STATUSES, TRIAGE_STATUSES, Status
from .forms import SavedViewForm
from .views import bp, me

# The names the filter form gives each filter, for "these filters were ignored".
FILTER_LABELS = {
    "status": _l("Status"),
    "kind": _l("Kind"),
    "covered_area": _l("Covered area"),
    "protected_class": _l("Protected class"),
    "bias_category": _l("Bias category"),
    "incident_type": _l("Incident type"),
    "language": _l("Language"),
    "community_area": _l("Community area"),
    "ward": _l("Ward"),
    "assignee": _l("Assigned to"),
    "received_from": _l("Received from"),
    "received_to": _l("Received to"),
    "incident_from": _l("Incident from"),
    "incident_to": _l("Incident to"),
}


def render_list(
    title: str,
    endpoint: str,
    base: dict[str, Any],
    default_sort: str,
    *,
    args: MultiDict[str, str] | None = None,
    saved_form: SavedViewForm | None = None,
) -> str:
    """A case list for the filter in `args` (by default the URL's), within `base`."""
    shown = _carried(request.args if args is None else args)
    filter_args = shown.copy()
    for key, value in base.items():
        filter_args.setlist(key, value if isinstance(value, list) else [value])
    case_filter = queries.CaseFilter.from_args(filter_args, default_sort)
    page = queries.case_page(
        case_filter,
        me(),
        today(),
        int(current_app.config["CASES_PER_PAGE"]),
        int(current_app.config["CASE_COUNT_LIMIT"]),
    )
    saved = saved_views.for_staff(me())
    query = urlencode(queries.filter_pairs(shown.items(multi=True)))
    return render_template(
        "staff/cases.html",
        title=title,
        endpoint=endpoint,
        page=page,
        case_filter=case_filter,
        ignored=_ignored(case_filter),
        list_args=shown,
        choices=queries.filter_choices(),
        investigators=accounts.investigators(),
        saved_views=saved,
        saved_form=saved_form or SavedViewForm(query=query),
        fixed=set(base),
        page_url=lambda **changes: _page_url(endpoint, shown, changes),
        # My cases starts with how many wait in each status.
        status_counts=(
            queries.status_counts(case_filter, me(), today())
            if endpoint == "staff.my_cases"
            else []
        ),
    )


def _carried(args: MultiDict[str, str]) -> MultiDict[str, str]:
    """The filters and page that the list's links and forms carry on: known names only, without
    control characters, and none longer than a usable value (an absurd URL stays one link)."""
    return MultiDict(
        (name, queries.clean_text(value)[: queries.MAX_SEARCH])
        for name, value in args.items(multi=True)
        if name in queries.FILTER_PARAMS or name == "page"
    )


def _ignored(case_filter: queries.CaseFilter) -> str:
    """The names of the filters that could not be used, as a list in the reader's language."""
    names = [str(FILTER_LABELS[name]) for name in case_filter.ignored if name in FILTER_LABELS]
    return format_list(names, locale=get_locale()) if names else ""


def _page_url(endpoint: str, args: MultiDict[str, str], changes: dict[str, Any]) -> str:
    args = args.copy()
    for key, value in changes.items():
        args.setlist(key, [str(value)])
    return url_for(endpoint) + "?" + urlencode(list(args.items(multi=True)))


@bp.get("/triage")
@allow(Can.SEE_TRIAGE)
def triage() -> str:
    """New and unscreened reports, oldest first; overdue ones stand out."""
    return render_list(
        _("Triage queue"),
        "staff.triage",
        {"status": [s.value for s in Status if s in TRIAGE_STATUSES]},
        "received",
    )


@bp.get("/my-cases")
@allow(Can.TAKE_CASES)
def my_cases() -> str:
    """The cases assigned to me."""
    return render_list(_("My cases"), "staff.my_cases", {"assignee": "me"}, "due")


@bp.get("/cases")
@allow(*READ_CASES)
def cases() -> str:
    """Every case this staff member may see, with every filter. Opened without any, the list
    starts with the open cases, the most overdue first (`?all=1`: every case, closed too)."""
    if request.args:
        return render_list(_("Cases"), "staff.cases", {}, "received")
    open_cases = MultiDict([("status", status) for status in sorted(OPEN_STATUSES)])
    return render_list(_("Cases"), "staff.cases", {}, "due", args=open_cases)


@bp.get("/find")
@allow(*READ_CASES)
def find() -> Response:
    """Jump to a case by its case number or record number."""
    number = request.args.get("number", "")
    report = queries.find_by_number(number, me()) if number else None
    if report is None:
        flash(_("No case you can open has that number."), "error")
        return redirect(url_for(".cases"))
    return redirect(url_for(".case", case_id=report.id))
