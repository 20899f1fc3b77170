"""The case lists (triage queue, my cases, all cases) and the jump to a case by its number."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from babel.lists import format_list
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from .. import accounts, vocab
from ..auth.guard import allow
from ..cases import bulk, calendar, deadlines, listing, queries, saved_views, tags
from ..clock import today
from ..geography import WARD_COUNT, community_area_name
from ..i18n import NATIVE_NAMES
from ..roles import ASSIGN, READ_CASES, Can
from ..statuses import OPEN_STATUSES, TRIAGE_STATUSES, Status
from . import list_memory
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
    "channel": _l("Came in by"),
    "reporter_role": _l("Made by"),
    "community_area": _l("Community area"),
    "ward": _l("Ward"),
    "assignee": _l("Assigned to"),
    "tag": _l("Tags"),
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
    page = listing.case_page(
        case_filter,
        me(),
        today(),
        int(current_app.config["CASES_PER_PAGE"]),
        int(current_app.config["CASE_COUNT_LIMIT"]),
    )
    saved = saved_views.for_staff(me())
    all_tags = tags.all_tags()
    query = urlencode(queries.filter_pairs(shown.items(multi=True)))
    list_memory.remember(endpoint, filter_args, default_sort, page, _page_url(endpoint, shown, {}))
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
        chips=_chips(endpoint, shown, {tag.id: tag.name for tag in all_tags}),
        tag_options=[(tag.id, tag.name) for tag in all_tags],
        next_due=_next_deadlines(page.cases),
        today=today(),
        # No tags at all (a new installation): no query for them.
        case_tags=tags.of_cases(report.id for report in page.cases) if all_tags else {},
        may_bulk=me().can(Can.WORK_CASES, *ASSIGN),
        bulk_statuses=[(code, vocab.label(vocab.STATUSES, code)) for code in bulk.BULK_STATUSES],
        bulk_limit=bulk.limit(),
        # My cases starts with how many wait in each status.
        status_counts=(
            listing.status_counts(_without_status(filter_args, default_sort), me(), today())
            if endpoint == "staff.my_cases"
            else []
        ),
    )


def _next_deadlines(cases: list[Any]) -> dict[int, tuple[date, str]]:
    """Each case's next deadline and its name: a screening target, or the calendar's earliest
    running deadline after acceptance (one query for the page)."""
    running = calendar.next_due(report.id for report in cases)
    found = {}
    for report in cases:
        options = []
        screening = deadlines.due_date(report)
        if screening is not None:
            options.append((screening, str(vocab.label(vocab.STATUSES, report.status))))
        if report.id in running:
            deadline = running[report.id]
            options.append((deadline.due_on, str(calendar.BY_KEY[deadline.key].label)))
        if options:
            found[report.id] = min(options)
    return found


def _without_status(args: MultiDict[str, str], default_sort: str) -> queries.CaseFilter:
    """The list's filter with any status: the counts by status name every status."""
    others = MultiDict([(k, v) for k, v in args.items(multi=True) if k != "status"])
    return queries.CaseFilter.from_args(others, default_sort)


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


# Each multiple-choice filter's vocabulary, to name its values on the chips.
CHIP_VOCABULARIES = {
    "status": vocab.STATUSES,
    "kind": vocab.KIND_NAMES,
    "covered_area": vocab.COVERED_AREAS,
    "protected_class": vocab.PROTECTED_CLASSES,
    "bias_category": vocab.BIAS_CATEGORIES,
    "incident_type": vocab.INCIDENT_TYPES,
    "channel": vocab.CHANNELS,
    "reporter_role": vocab.REPORTER_ROLE_NAMES,
}
FLAG_CHIPS = {
    ("overdue", "1"): _l("Overdue only"),
    ("due", "week"): _l("Due within a week"),
    ("urgent", "1"): _l("Urgent only"),
    ("interpreter", "1"): _l("Needs an interpreter"),
    ("anonymous", "yes"): _l("Anonymous"),
    ("anonymous", "no"): _l("Identified"),
    ("assignee", "me"): _l("Assigned to me"),
    ("assignee", "none"): _l("Unassigned"),
}


def _chip_text(name: str, value: str, tag_names: dict[int, str]) -> str | None:
    """What a chip says for one filter value, or None for a value the list did not use."""
    if (name, value) in FLAG_CHIPS:
        return str(FLAG_CHIPS[(name, value)])
    label = FILTER_LABELS.get(name)
    if name == "q":
        return str(_("Search: “%(text)s”", text=value))
    if name in CHIP_VOCABULARIES and value in queries.CODES[name]:
        shown = vocab.label(CHIP_VOCABULARIES[name], value)
    elif name == "language" and value in NATIVE_NAMES:
        shown = NATIVE_NAMES[value]
    elif name == "community_area" and (number := _small_number(value)) is not None:
        shown = community_area_name(number) or ""
    elif name == "ward" and (number := _small_number(value)) is not None:
        shown = str(number) if 1 <= number <= WARD_COUNT else ""
    elif name == "tag" and (number := _small_number(value)) is not None:
        shown = tag_names.get(number, "")
    elif name == "assignee" and (number := _small_number(value)) is not None:
        person = accounts.get(number)
        shown = person.name if person else ""
    elif name in queries.DATES and (day := queries.as_date(value)) is not None:
        shown = format_date(day, "medium")
    else:
        return None
    return f"{label}: {shown}" if label and shown else None


def _small_number(value: str) -> int | None:
    """ASCII digits as a number, if it is short enough to be an id (else None)."""
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


def _chips(
    endpoint: str, args: MultiDict[str, str], tag_names: dict[int, str]
) -> list[tuple[str, str]]:
    """The filters in use, each with the address of the list without it."""
    chips = []
    for name, value in args.items(multi=True):
        text = _chip_text(name, value, tag_names) if value else None
        if text is None:
            continue
        rest = MultiDict(
            [(n, v) for n, v in args.items(multi=True) if (n, v) != (name, value) and n != "page"]
        )
        chips.append((text, _page_url(endpoint, rest, {})))
    return chips


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
    """The cases assigned to me. Opened without filters: the open ones, the most overdue first
    (the counts at the top name every status, closed too, each a link)."""
    args = request.args if request.args else _open_cases()
    return render_list(_("My cases"), "staff.my_cases", {"assignee": "me"}, "due", args=args)


def _open_cases() -> MultiDict[str, str]:
    return MultiDict([("status", status) for status in sorted(OPEN_STATUSES)])


@bp.get("/cases")
@allow(*READ_CASES)
def cases() -> str:
    """Every case this staff member may see, with every filter. Opened without any, the list
    starts with the open cases, the most overdue first (`?all=1`: every case, closed too)."""
    if request.args:
        return render_list(_("Cases"), "staff.cases", {}, "received")
    return render_list(_("Cases"), "staff.cases", {}, "due", args=_open_cases())


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
