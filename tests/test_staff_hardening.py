"""Staff pages under absurd input: no 500s, safe redirects and saved views, hints by access."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from werkzeug.datastructures import MultiDict

from intake import clock, create_app
from intake.cases import listing, queries
from intake.extensions import db
from intake.models import CaseLink, Report, SavedView, Staff

from .conftest import Databases
from .databases import BACKEND
from .helpers import StaffBrowser, create_staff, discrimination_answers, hate_answers

LIST_ROUTES = ("/staff/cases", "/staff/triage", "/staff/my-cases")

HOSTILE = {
    "10^20": "100000000000000000000",
    "20 nines": "9" * 20,
    "2^63": str(2**63),
    "negative": "-5",
    "negative huge": "-" + "9" * 20,
    "zero": "0",
    "last date": "9999-12-31",
    "year zero": "0000-01-01",
    "year one": "0001-01-01",
    "impossible date": "2026-02-30",
    "NUL": "a\x00b",
    "CR LF": "x\r\nSet-Cookie: y=1",
    "escape": "\x1b[31m",
    "100k digits": "7" * 100_000,
    "100k letters": "é" * 100_000,
    "superscript two": "²",
    "Arabic-Indic digits": "١٢",
    "unknown code": "no-such-code",
    "replacement character": "\ufffd",
}

PARAMETERS = (
    "page",
    "community_area",
    "ward",
    "assignee",
    "received_from",
    "received_to",
    "incident_from",
    "incident_to",
    "q",
    "status",
    "kind",
    "covered_area",
    "protected_class",
    "bias_category",
    "incident_type",
    "language",
    "sort",
    "anonymous",
    "overdue",
    "urgent",
)

RAW_QUERIES = {
    "invalid UTF-8 in q": "q=%ff",
    "invalid UTF-8 in page": "page=%ff%fe",
    "invalid UTF-8 name": "%ff=1",
    "encoded NUL": "q=%00&status=%00&ward=%00",
    "repeated page": "page=2&page=100000000000000000000&page=-1",
    "repeated dates": "received_to=9999-12-31&received_to=2020-01-01&received_from=0000-01-01",
    "repeated assignee": "assignee=99999999999999999999&assignee=me&assignee=none",
    "empty names": "=&==&&&page=",
    "encoded CR LF": "q=a%0d%0aLocation:%20//evil.example&sort=%0a",
}


@dataclass
class Workspace:
    """One app, three cases and a browser signed in as intake and investigator at once."""

    app: Flask
    browser: StaffBrowser
    staff_id: int
    case_ids: list[int]


@pytest.fixture(scope="module")
def workspace(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Shared across the tables below: their requests read and change nothing of the cases."""
    url, cleanup = databases.new()
    uploads = tmp_path_factory.mktemp("uploads")
    app = create_app(
        "testing",
        {"SQLALCHEMY_DATABASE_URI": url, "UPLOAD_FOLDER": str(uploads), "CASES_PER_PAGE": 2},
    )
    staff_id = create_staff(app, "both@staff.example", ["intake", "investigator"])
    case_ids = [file_case(app, assignee_id=staff_id, status="accepted") for _ in range(3)]
    case_ids.append(file_case(app))
    browser = StaffBrowser(app.test_client())
    browser.sign_in("both@staff.example")
    yield Workspace(app, browser, staff_id, case_ids)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    cleanup()


def file_case(app: Flask, **fields: Any) -> int:
    """A new hate-incident report, with these fields changed."""
    from intake.filing import file_report

    with app.test_request_context():
        report = file_report(hate_answers(), [], "words", "en", clock.today()).report
        for name, value in fields.items():
            setattr(report, name, value)
        db.session.commit()
        return report.id


def renders_a_list(response: Any) -> bool:
    """The case list came back as a page (not an error page)."""
    return response.status_code == 200 and 'class="result-count"' in response.get_data(as_text=True)


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("parameter", PARAMETERS)
def test_hostile_values_in_list_urls_never_answer_500(
    workspace: Workspace, parameter: str, value: str
) -> None:
    for route in LIST_ROUTES:
        response = workspace.browser.get(route, query_string={parameter: value})
        assert response.status_code < 500, (route, parameter)
        assert renders_a_list(response), (route, parameter)


@pytest.mark.parametrize("raw", RAW_QUERIES.values(), ids=RAW_QUERIES.keys())
@pytest.mark.parametrize("route", LIST_ROUTES)
def test_raw_hostile_query_strings_never_answer_500(
    workspace: Workspace, route: str, raw: str
) -> None:
    response = workspace.browser.get(route, query_string=raw)
    assert response.status_code < 500
    assert renders_a_list(response)


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("parameter", PARAMETERS)
def test_the_filter_parser_copes_without_the_request_filter(
    workspace: Workspace, parameter: str, value: str
) -> None:
    """The parsers and queries themselves take any text (not only what the edge lets through)."""
    with workspace.app.test_request_context():
        staff = db.session.get(Staff, workspace.staff_id)
        assert staff is not None
        case_filter = queries.CaseFilter.from_args(MultiDict([(parameter, value)]))
        page = listing.case_page(case_filter, staff, clock.today(), 2, 100)
        assert page.page <= max(page.pages, 1)


@pytest.mark.parametrize(
    "number", [*HOSTILE.values(), "2026-" + "9" * 30, " 2026-00001\x00 "], ids=repr
)
def test_find_by_number_never_answers_500(workspace: Workspace, number: str) -> None:
    response = workspace.browser.get("/staff/find", query_string={"number": number})
    assert response.status_code == 302
    with workspace.app.test_request_context():
        staff = db.session.get(Staff, workspace.staff_id)
        assert staff is not None
        found = queries.find_by_number(number, staff)
        assert found is None or number not in HOSTILE.values()


def test_find_reads_a_number_past_control_characters_and_junk(workspace: Workspace) -> None:
    case_id = workspace.case_ids[0]
    with workspace.app.test_request_context():
        staff = db.session.get(Staff, workspace.staff_id)
        number = db.session.get(Report, case_id).case_number  # type: ignore[union-attr]
        assert staff is not None
        found = queries.find_by_number(f" {number.lower()}\x00\r\n", staff)
        assert found is not None
        assert found.id == case_id
    for raw in ("number=%ff", "number=%00", "number=2026-1&number=%ff", f"number={number}%00"):
        assert workspace.browser.get("/staff/find", query_string=raw).status_code == 302


OUT_OF_RANGE_PATHS = [
    "/staff/cases/100000000000000000000",
    "/staff/cases/9223372036854775808",
    "/staff/cases/4294967296",
    "/staff/views/100000000000000000000",
]


def test_numbers_beyond_any_range_in_urls_are_bounded(workspace: Workspace) -> None:
    """A page past the end shows the last one; an id past the id column's range is not found."""
    page = workspace.browser.get("/staff/my-cases?page=100000000000000000000")
    html = page.get_data(as_text=True)
    assert "Page 2 of 2" in html
    assert html.count('href="/staff/cases/') == 1  # Three cases, two a page.
    for path in OUT_OF_RANGE_PATHS:
        assert workspace.browser.get(path).status_code == 404, path


def test_an_assignee_id_out_of_range_matches_nothing(workspace: Workspace) -> None:
    html = workspace.browser.get("/staff/cases?assignee=" + "9" * 20).get_data(as_text=True)
    assert "0 cases" in html


def test_a_date_out_of_range_is_dropped_and_the_list_says_so(workspace: Workspace) -> None:
    html = workspace.browser.get("/staff/cases?received_to=9999-12-31").get_data(as_text=True)
    assert "4 cases" in html
    assert "These filters were ignored" in html
    assert "Received to" in html.split("These filters were ignored")[1].split("</p>")[0]
    plain = workspace.browser.get("/staff/cases?received_to=2100-12-31").get_data(as_text=True)
    assert "4 cases" in plain
    assert "These filters were ignored" not in plain


def test_unknown_codes_are_ignored(workspace: Workspace) -> None:
    html = workspace.browser.get("/staff/cases?kind=no-such-kind").get_data(as_text=True)
    assert "4 cases" in html


def test_the_search_text_is_capped_and_loses_control_characters() -> None:
    case_filter = queries.CaseFilter.from_args(MultiDict({"q": "\x00ab\x1b" + "c" * 1000}))
    assert case_filter.q.startswith("abc")
    assert len(case_filter.q) <= 200


# Redirect targets ----------------------------------------------------------------------------

BAD_NEXT = [
    "/staff/cases\r\nSet-Cookie: x=1",
    "/staff/cases?q=a\nb",
    "/staff/cases\t",
    "/staff/ cases",
    "//evil.example",
    "//evil.example/staff/cases",
    "/\\evil.example",
    "https://evil.example/staff/cases",
    "/staff//evil.example",
    "javascript:alert(1)",
    "staff/cases",
    "",
]


@pytest.mark.parametrize("target", [*BAD_NEXT, "/staff/cases\x00", "/staff/\u2028"], ids=repr)
def test_unsafe_redirect_targets_are_refused_whatever_the_request_filter_left(target: str) -> None:
    from intake.staff.views import _safe_next

    assert _safe_next(target) is None


SAFE_NEXT = ["/staff/cases?kind=hate&q=%0d%0a&page=2", "/staff/triage"]


def version_of(browser: StaffBrowser, case_id: int) -> str:
    """The version the case page's forms carry."""
    html = browser.get(f"/staff/cases/{case_id}").get_data(as_text=True)
    match = re.search(r'name="version" type="hidden" value="(\d+)"', html)
    assert match
    return match.group(1)


@pytest.mark.parametrize("target", BAD_NEXT + SAFE_NEXT, ids=repr)
def test_assign_follows_only_a_safe_next(
    app: Flask, staff_browser: Any, make_case: Any, target: str
) -> None:
    case_id = make_case()
    supervisor = staff_browser("supervisor")
    page = f"/staff/cases/{case_id}"
    response = supervisor.post(
        f"/staff/cases/{case_id}/assign",
        {"version": version_of(supervisor, case_id), "assignee": "", "next": target},
        page=page,
    )
    assert response.status_code == 302
    assert response.headers["Location"] == (target if target in SAFE_NEXT else page)


# Saved views ---------------------------------------------------------------------------------

BAD_QUERIES = [
    "kind=hate\r\nSet-Cookie: x=1",
    "kind=hate\nstatus=new",
    "q=%00",
    "kind=hate status=new",
]


@pytest.mark.parametrize("query", BAD_QUERIES, ids=repr)
def test_a_saved_view_with_control_characters_is_refused(
    app: Flask, staff_browser: Any, query: str
) -> None:
    supervisor = staff_browser("supervisor")
    response = supervisor.post(
        "/staff/views", {"name": "Night shift", "query": query}, page="/staff/cases?kind=hate"
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "cannot be saved" in html
    assert 'value="Night shift"' in html  # What was typed stays.
    assert renders_a_list(response)
    with app.app_context():
        assert db.session.scalars(db.select(SavedView)).all() == []


def test_a_saved_view_keeps_only_known_filters(app: Flask, staff_browser: Any) -> None:
    supervisor = staff_browser("supervisor")
    query = "kind=hate&page=3&evil=1&q=two+words&status=new&status=screening"
    response = supervisor.post(
        "/staff/views", {"name": "Mine", "query": query}, page="/staff/cases?kind=hate"
    )
    assert response.status_code == 302
    with app.app_context():
        saved = db.session.scalars(db.select(SavedView)).one()
        assert saved.query == "kind=hate&q=two+words&status=new&status=screening"
        view_id = saved.id
    opened = supervisor.get(f"/staff/views/{view_id}")
    assert opened.headers["Location"].endswith(
        "/staff/cases?kind=hate&q=two+words&status=new&status=screening"
    )


NO_NUL_IN_POSTGRESQL = pytest.mark.skipif(
    BACKEND == "postgresql", reason="PostgreSQL refuses to store a NUL, so none can be stored"
)


@pytest.mark.parametrize(
    "query",
    [*BAD_QUERIES, pytest.param("kind=hate\x00", marks=NO_NUL_IN_POSTGRESQL), "q=%ff%fe"],
    ids=repr,
)
def test_a_stored_bad_saved_view_opens_the_plain_list(
    app: Flask, staff_browser: Any, query: str
) -> None:
    supervisor = staff_browser("supervisor")
    with app.app_context():
        view = SavedView(staff_id=supervisor.staff_id, name="Old", query=query)  # type: ignore[attr-defined]
        db.session.add(view)
        db.session.commit()
        view_id = view.id
    for _ in range(2):  # And again: one bad view does not break the list for good.
        response = supervisor.get(f"/staff/views/{view_id}", follow_redirects=True)
        assert response.status_code == 200
        assert renders_a_list(response)
    listing = supervisor.get("/staff/cases")
    assert renders_a_list(listing)


# Hints of cases the viewer may not open ------------------------------------------------------


def test_an_investigator_sees_no_number_of_cases_they_may_not_open(
    app: Flask, staff_browser: Any, make_case: Any, make_staff: Any
) -> None:
    investigator = staff_browser("investigator")
    colleague = make_staff("investigator")
    mine = make_case(
        discrimination_answers(contact={"email": "same@example.org"}),
        assignee_id=investigator.staff_id,
        status="accepted",
    )
    theirs = make_case(
        discrimination_answers(contact={"email": "same@example.org"}),
        assignee_id=colleague,
        status="accepted",
    )
    unassigned = make_case(discrimination_answers())  # Same narrative: a duplicate hint.
    mine_too = make_case(
        discrimination_answers(), assignee_id=investigator.staff_id, status="accepted"
    )
    supervisor = staff_browser("supervisor")
    with app.app_context():
        numbers = {i: db.session.get(Report, i).case_number for i in (theirs, unassigned)}  # type: ignore[union-attr]
        own_number = db.session.get(Report, mine_too).case_number  # type: ignore[union-attr]
    for other in (theirs, unassigned):
        supervisor.post(
            f"/staff/cases/{mine}/links", {"number": numbers[other]}, page=f"/staff/cases/{mine}"
        )
    with app.app_context():
        assert len(db.session.scalars(db.select(CaseLink)).all()) == 2
    seen_by_supervisor = supervisor.get(f"/staff/cases/{mine}").get_data(as_text=True)
    assert all(number in seen_by_supervisor for number in numbers.values())

    page = investigator.get(f"/staff/cases/{mine}").get_data(as_text=True)
    for number in numbers.values():
        assert number not in page
    assert own_number in page  # Their own duplicate is still hinted.

    # Linking by number does not tell a hidden case from a missing one.
    hidden = investigator.post(
        f"/staff/cases/{mine}/links", {"number": numbers[theirs]}, page=f"/staff/cases/{mine}"
    ).get_data(as_text=True)
    missing = investigator.post(
        f"/staff/cases/{mine}/links", {"number": "1999-99999"}, page=f"/staff/cases/{mine}"
    ).get_data(as_text=True)
    assert "No case you can open has that number." in hidden
    assert links_section(hidden).replace(numbers[theirs], "N") == links_section(missing).replace(
        "1999-99999", "N"
    )


def links_section(html: str) -> str:
    """The case page's related-cases section (the rest differs by the audit trail's views),
    without its form's CSRF token (signed with the second it was made in)."""
    section = html.split('id="links"', 1)[1].split("</section>", 1)[0]
    return re.sub(r'name="csrf_token" type="hidden" value="[^"]*"', "", section)
