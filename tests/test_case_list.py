"""The case list: every filter, search, sort, pages, saved views, and a fixed number of queries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from flask import Flask
from sqlalchemy import event, text

from intake import clock
from intake.cases import listing
from intake.extensions import db
from intake.filing import file_report
from intake.models import Report

from .helpers import (
    IDENTIFIED_CONTACT,
    StaffBrowser,
    create_staff,
    discrimination_answers,
    hate_answers,
    statements_sent,
)


def numbers(app: Flask, *case_ids: int) -> dict[int, str]:
    with app.app_context():
        return {i: db.session.get(Report, i).case_number for i in case_ids}  # type: ignore[union-attr]


@pytest.fixture
def seeded(app: Flask, make_case: Any, staff_browser: Any) -> dict[str, Any]:
    investigator = staff_browser("investigator")
    old = date.today() - timedelta(days=30)
    cases = {
        "housing": make_case(
            discrimination_answers(
                incident={
                    "covered_area": "housing",
                    "protected_classes": ["source_of_income"],
                    "narrative": "The landlord refused my voucher.",
                },
                place={"community_area": "22", "ward": "35", "respondent_name": "Zenith Rentals"},
                contact=IDENTIFIED_CONTACT,
            )
        ),
        "hate": make_case(
            hate_answers(
                incident={
                    "bias_categories": ["race_ethnicity"],
                    "incident_types": ["assault"],
                    "in_danger": "yes",
                }
            ),
            assignee_id=investigator.staff_id,
            status="accepted",
        ),
        "old": make_case(hate_answers(), acknowledge_by=old, screen_by=old),
        "spanish": make_case(
            hate_answers(incident={"narrative": "Me gritaron en la calle"}),
            language="es",
            status="screening",
        ),
    }
    return {"cases": cases, "investigator": investigator, "numbers": numbers(app, *cases.values())}


@dataclass(frozen=True)
class DaysFromToday:
    """A date filter relative to the commission's today (its time zone, not the machine's)."""

    days: int

    def resolve(self, app: Flask) -> str:
        with app.app_context():
            return (clock.today() + timedelta(days=self.days)).isoformat()


FILTERS = [
    ({"status": "accepted"}, {"hate"}),
    ({"status": ["new", "screening"]}, {"housing", "old", "spanish"}),
    ({"kind": "discrimination"}, {"housing"}),
    ({"covered_area": "housing"}, {"housing"}),
    ({"protected_class": "source_of_income"}, {"housing"}),
    ({"bias_category": "race_ethnicity"}, {"hate"}),
    ({"incident_type": "assault"}, {"hate"}),
    ({"community_area": "22"}, {"housing"}),
    ({"ward": "35"}, {"housing"}),
    ({"language": "es"}, {"spanish"}),
    ({"anonymous": "no"}, {"housing"}),
    ({"assignee": "none"}, {"housing", "old", "spanish"}),
    ({"overdue": "1"}, {"old"}),
    ({"urgent": "1"}, {"hate"}),
    ({"q": "voucher"}, {"housing"}),
    ({"q": "zenith"}, {"housing"}),
    ({"q": "gritaron calle"}, {"spanish"}),
    ({"q": "gritaron en"}, {"spanish"}),  # A short word and a long one: two indexes.
    ({"q": "voucher", "protected_class": "source_of_income"}, {"housing"}),
    ({"q": "voucher", "kind": "hate"}, set()),
    ({"received_from": DaysFromToday(0)}, {"housing", "hate", "old", "spanish"}),
    ({"received_to": DaysFromToday(-2)}, set()),
    ({"incident_from": DaysFromToday(40)}, set()),
]


@pytest.mark.parametrize(("args", "expected"), FILTERS)
def test_each_filter(
    app: Flask,
    seeded: dict[str, Any],
    staff_browser: Any,
    args: dict[str, Any],
    expected: set[str],
) -> None:
    args = {k: v.resolve(app) if isinstance(v, DaysFromToday) else v for k, v in args.items()}
    supervisor = staff_browser("supervisor")
    page = supervisor.get("/staff/cases?" + urlencode(args, doseq=True)).get_data(as_text=True)
    shown = {
        name
        for name, number in ((n, seeded["numbers"][i]) for n, i in seeded["cases"].items())
        if number in page
    }
    assert shown == expected


def test_search_finds_record_and_case_numbers(
    seeded: dict[str, Any], staff_browser: Any, app: Flask
) -> None:
    supervisor = staff_browser("supervisor")
    case_id = seeded["cases"]["housing"]
    with app.app_context():
        record = db.session.get(Report, case_id).record_number  # type: ignore[union-attr]
    page = supervisor.get(f"/staff/cases?q={record}").get_data(as_text=True)
    assert seeded["numbers"][case_id] in page
    number = seeded["numbers"][case_id]
    page = supervisor.get(f"/staff/cases?q=+{number.lower()}+").get_data(as_text=True)
    assert number in page
    assert "1 case<" in page
    jump = supervisor.get(f"/staff/find?number={seeded['numbers'][case_id].lower()}")
    assert jump.headers["Location"].endswith(f"/staff/cases/{case_id}")


def test_filters_respect_what_the_role_may_see(seeded: dict[str, Any]) -> None:
    page = seeded["investigator"].get("/staff/cases").get_data(as_text=True)
    numbers_shown = [n for n in seeded["numbers"].values() if n in page]
    assert numbers_shown == [seeded["numbers"][seeded["cases"]["hate"]]]


def test_triage_shows_new_and_screening_oldest_first(
    seeded: dict[str, Any], staff_browser: Any
) -> None:
    page = staff_browser("intake").get("/staff/triage").get_data(as_text=True)
    order = [seeded["numbers"][seeded["cases"][name]] for name in ("housing", "old", "spanish")]
    positions = [page.index(number) for number in order]
    assert positions == sorted(positions)
    assert seeded["numbers"][seeded["cases"]["hate"]] not in page
    assert "Overdue" in page


def test_sorting_by_a_column(seeded: dict[str, Any], staff_browser: Any) -> None:
    supervisor = staff_browser("supervisor")
    ascending = supervisor.get("/staff/cases?sort=case").get_data(as_text=True)
    descending = supervisor.get("/staff/cases?sort=-case").get_data(as_text=True)
    ordered = sorted(seeded["numbers"].values())
    assert [ascending.index(n) for n in ordered] == sorted(ascending.index(n) for n in ordered)
    assert [descending.index(n) for n in ordered] == sorted(
        (descending.index(n) for n in ordered), reverse=True
    )


def supervisor_of(app: Flask, cases: int) -> StaffBrowser:
    """A supervisor signed in to `app`, which holds `cases` new reports."""
    create_staff(app, "p@staff.example", ["supervisor"])
    with app.app_context():
        for _ in range(cases):
            file_report(hate_answers(), [], "words", "en", clock.today())
    browser = StaffBrowser(app.test_client())
    browser.sign_in("p@staff.example")
    return browser


def test_pages(app_factory: Any) -> None:
    browser = supervisor_of(app_factory(CASES_PER_PAGE=2), cases=5)
    first = browser.get("/staff/cases").get_data(as_text=True)
    assert "Page 1 of 3" in first
    third = browser.get("/staff/cases?page=3").get_data(as_text=True)
    assert "Page 3 of 3" in third
    assert third.count('class="badge badge--new"') == 1


def test_counting_stops_at_the_limit_and_so_do_the_pages(app_factory: Any) -> None:
    """A list of more cases than it counts is paged that far: a page past it (an OFFSET that
    would read every case) is the last counted page, which says how to reach the others."""
    browser = supervisor_of(app_factory(CASES_PER_PAGE=2, CASE_COUNT_LIMIT=3), cases=6)
    first = browser.get("/staff/cases").get_data(as_text=True)
    assert "More than 3 cases" in first
    assert "<span>Page 1</span>" in first
    assert 'rel="next"' in first
    assert "Lists show their first 3 cases" not in first
    second = browser.get("/staff/cases?page=2").get_data(as_text=True)
    assert second.count('class="badge badge--new"') == 2
    assert 'rel="next"' not in second
    assert "Lists show their first 3 cases" in second
    for past in ("3", "40000", "100000"):
        beyond = browser.get(f"/staff/cases?page={past}").get_data(as_text=True)
        assert "<span>Page 2</span>" in beyond
        assert beyond.count('class="badge badge--new"') == 2
    numbers = re.compile(r"data-case-link>(\d{4}-\d{5})<")
    forward = {*numbers.findall(first), *numbers.findall(second)}
    other_end = browser.get("/staff/cases?sort=-case").get_data(as_text=True)
    assert len(forward) == 4
    assert len(set(numbers.findall(other_end)) - forward) == 2  # The other end of the list.
    narrowed = browser.get("/staff/cases?kind=discrimination").get_data(as_text=True)
    assert "0 cases" in narrowed


def test_a_case_with_two_chosen_terms_is_counted_and_listed_once(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    """Counting a term filter reads the term's index (a case with both terms has two rows)."""

    def case_with(*classes: str) -> int:
        incident = {"covered_area": "housing", "protected_classes": list(classes)}
        return int(make_case(discrimination_answers(incident=incident)))

    both, race, religion = case_with("race", "religion"), case_with("race"), case_with("religion")
    case_with("disability")
    supervisor = staff_browser("supervisor")
    found = numbers(app, both, race, religion)
    url = "/staff/cases?all=1&protected_class=race&protected_class=religion"
    for limit in (10, 2):
        app.config["CASE_COUNT_LIMIT"] = limit
        page = supervisor.get(url).get_data(as_text=True)
        assert ("3 cases" if limit > 3 else "More than 2 cases") in page
        shown = [page.count(found[case]) for case in (both, race, religion)]
        assert shown[0] > 0
        assert shown == [shown[0]] * 3


def test_a_filter_can_be_saved_and_opened_again(seeded: dict[str, Any], staff_browser: Any) -> None:
    supervisor = staff_browser("supervisor")
    supervisor.get("/staff/cases?kind=discrimination")
    response = supervisor.post(
        "/staff/views",
        {"name": "Housing watch", "query": "kind=discrimination"},
        page="/staff/cases?kind=discrimination",
    )
    assert response.headers["Location"].endswith("/staff/cases?kind=discrimination")
    page = supervisor.get("/staff/cases").get_data(as_text=True)
    assert "Housing watch" in page
    other = staff_browser("supervisor")
    assert "Housing watch" not in other.get("/staff/cases").get_data(as_text=True)


def count_queries(app: Flask) -> Any:
    counter = {"n": 0}

    def before(*_args: Any, **_kwargs: Any) -> None:
        counter["n"] += 1

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    return counter, lambda: event.remove(engine, "before_cursor_execute", before)


@pytest.mark.parametrize("url", ["/staff/cases", "/staff/triage"])
def test_the_list_runs_the_same_queries_whatever_the_page_size(
    app: Flask, make_case: Any, staff_browser: Any, url: str
) -> None:
    supervisor = staff_browser("supervisor")
    investigator = staff_browser("investigator")
    for _ in range(12):
        make_case(hate_answers(contact=IDENTIFIED_CONTACT), assignee_id=investigator.staff_id)
    supervisor.client.get(url)  # The session's first page stores its form token once.
    counts = []
    for size in (2, 12):
        app.config["CASES_PER_PAGE"] = size
        counter, stop = count_queries(app)
        try:
            response = supervisor.client.get(url)
        finally:
            stop()
        assert response.status_code == 200
        counts.append(counter["n"])
    assert counts[0] == counts[1]
    # Session, staff, count, the matches' ids (there are few), page, eager loads, saved views,
    # the tag list, the page's next deadlines; the open call-backs the menu counts for intake
    # staff and supervisors; and the session's save when the remembered list (for next/previous
    # case) changed, as it does here.
    assert counts[0] <= 16


@pytest.mark.parametrize("query", ["wheelch", "RAMP manager", "ra", "Zeta Holdings"])
def test_full_text_search_uses_every_word(
    app: Flask, make_case: Any, staff_browser: Any, query: str
) -> None:
    wanted = make_case(
        discrimination_answers(
            incident={"narrative": "The manager refused to build a wheelchair ramp for me."},
            place={"respondent_name": "Zeta Holdings"},
        )
    )
    other = make_case(hate_answers())
    found = numbers(app, wanted, other)
    page = staff_browser("supervisor").get("/staff/cases?q=" + query).get_data(as_text=True)
    assert found[wanted] in page
    assert found[other] not in page


def test_a_common_word_gives_the_same_page_however_the_list_is_read(
    app: Flask, make_case: Any, staff_browser: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many matches make the list read in order instead of sorting the matches; many but
    sparse ones are sorted still (reading in order would pass too many cases)."""
    cases = [
        make_case(hate_answers(incident={"narrative": f"Graffiti on the wall, number {n}."}))
        for n in range(4)
    ]
    make_case(hate_answers())
    supervisor = staff_browser("supervisor")
    app.config["CASES_PER_PAGE"] = 3
    pages = []
    statements: list[str] = []
    with app.app_context():
        engine = db.engine

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    sorts = []
    for threshold, sort_cost in ((10_000, 10), (1, 10**9), (1, 0)):
        monkeypatch.setattr(listing, "MANY_MATCHES", threshold)
        monkeypatch.setattr(listing, "SORT_COST", dict.fromkeys(listing.SORT_COST, sort_cost))
        statements.clear()
        pages.append([supervisor.get(f"/staff/cases?q=graffiti&page={n}") for n in (1, 2)])
        sorts.append(sum("WITH few" in statement for statement in statements))
    event.remove(engine, "before_cursor_execute", record)
    assert sorts == [2, 0, 2]
    found = numbers(app, *cases)
    orders = []
    for first, second in pages:
        shown = first.get_data(as_text=True) + second.get_data(as_text=True)
        orders.append(sorted(cases, key=lambda case: shown.index(found[case])))
    assert orders == [cases, cases, cases]  # Oldest first, on every path, over both pages.


def test_a_common_value_is_read_in_the_list_s_order_without_statistics(
    app: Flask, make_case: Any, staff_browser: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Among many matches, a filter on a column of a few values is read in the list's order: a
    SQLite file never analyzed otherwise reads every match from the column's index and sorts
    them (405 ms for one kind at a million cases)."""
    cases = [make_case(hate_answers()) for _ in range(3)]
    make_case(discrimination_answers())
    supervisor = staff_browser("supervisor")
    monkeypatch.setattr(listing, "MANY_MATCHES", 1)
    monkeypatch.setattr(listing, "SORT_COST", dict.fromkeys(listing.SORT_COST, 10**9))
    with app.app_context():
        sqlite = db.engine.dialect.name == "sqlite"
        if sqlite:
            db.session.execute(text("DROP TABLE IF EXISTS sqlite_stat1"))
            db.session.commit()
    with statements_sent(app, "SELECT report.id, report.record_number") as pages:
        page = supervisor.get("/staff/cases?all=1&kind=hate").get_data(as_text=True)
    found = numbers(app, *cases)
    assert [page.index(found[case]) for case in cases] == sorted(
        page.index(found[case]) for case in cases
    )
    assert len(pages) == 1
    if not sqlite:
        return
    with app.app_context():
        explained = db.session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + pages[0][0], pages[0][1]
        )
        plan = " ".join(str(row[-1]) for row in explained)
    assert "ix_report_queue_order" in plan
    assert "ix_report_kind_order" not in plan


def test_the_case_list_starts_with_open_cases_most_overdue_first(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    now = date.today()
    # A screening case is due by its screening decision date.
    later = make_case(status="screening", screen_by=now + timedelta(days=5))
    overdue = make_case(status="screening", screen_by=now - timedelta(days=5))
    closed = make_case(status="closed", closure_reason="settled")
    browser = staff_browser("supervisor")
    page = browser.get("/staff/cases").get_data(as_text=True)
    listed = [int(n) for n in re.findall(r'href="/staff/cases/(\d+)"', page)]
    assert closed not in listed
    assert listed.index(overdue) < listed.index(later)
    every = browser.get("/staff/cases?all=1").get_data(as_text=True)
    assert f'href="/staff/cases/{closed}"' in every


def test_my_cases_says_what_needs_action(app: Flask, staff_browser: Any) -> None:
    from .test_followup import file_and_keep, open_report

    investigator = staff_browser("investigator")
    replied, number, receipt = file_and_keep(app)
    quiet, _n, _r = file_and_keep(app)
    with app.app_context():
        for case_id, status in ((replied, "accepted"), (quiet, "mediation")):
            report = db.session.get(Report, case_id)
            assert report is not None
            report.status, report.assignee_id = status, investigator.staff_id  # type: ignore[attr-defined]
        db.session.commit()
        version = db.session.get(Report, replied).version  # type: ignore[union-attr]
    page = investigator.get("/staff/my-cases").get_data(as_text=True)
    assert "Accepted (investigation): 1" in page
    assert "Mediation: 1" in page
    assert "New reply" not in page
    open_report(app, number, receipt).post(
        "/check/report/message", {"body": "It happened on a Tuesday."}, page="/check/report"
    )
    page = investigator.get("/staff/my-cases").get_data(as_text=True)
    row = page.split(f'href="/staff/cases/{replied}"')[1].split("</tr>")[0]
    assert "New reply" in row
    # The reply did not change the case's version: an edit begun before it still saves.
    with app.app_context():
        assert db.session.get(Report, replied).version == version  # type: ignore[union-attr]
    investigator.get(f"/staff/cases/{replied}")  # The assignee reads it.
    assert "New reply" not in investigator.get("/staff/my-cases").get_data(as_text=True)


def test_my_cases_opens_on_the_open_ones_and_counts_every_status(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    investigator = staff_browser("investigator")
    mine = investigator.staff_id  # type: ignore[attr-defined]
    open_case = make_case(status="accepted", assignee_id=mine)
    closed = make_case(status="closed", closure_reason="settled", assignee_id=mine, urgent=True)
    page = investigator.get("/staff/my-cases").get_data(as_text=True)
    listed = [int(n) for n in re.findall(r'href="/staff/cases/(\d+)" data-case-link', page)]
    assert listed == [open_case]  # An urgent closed case does not come first: it is not shown.
    assert "Closed: 1" in page  # The counts name it, a link away.
    every = investigator.get("/staff/my-cases?all=1").get_data(as_text=True)
    assert f'href="/staff/cases/{closed}"' in every
