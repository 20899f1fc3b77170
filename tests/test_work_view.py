"""The case list as a place to work: chips for the filters in use, a wide search box, next and
previous case from the case page, and the shortcuts page."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask

from intake.extensions import db
from intake.models import Report


def numbers(app: Flask, ids: list[int]) -> list[str]:
    with app.app_context():
        return [db.session.get(Report, i).case_number for i in ids]  # type: ignore[union-attr]


def test_filters_in_use_show_as_chips_that_remove_them(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    make_case(urgent=True)
    html = supervisor.get("/staff/cases?urgent=1&status=new&q=ramp&page=2").get_data(as_text=True)
    chips = dict(re.findall(r'<li class="chip">([^<]+?) <a href="([^"]+)"', html))
    assert set(chips) == {"Urgent only", "Status: New", "Search: “ramp”"}
    # Each chip's link keeps every other filter, drops its own and goes back to page 1.
    without_urgent = chips["Urgent only"].replace("&amp;", "&")
    assert "urgent=1" not in without_urgent
    assert "status=new" in without_urgent
    assert "q=ramp" in without_urgent
    assert "page=" not in without_urgent
    # The panel stays closed however many filters are in use: the table comes first.
    assert '<details class="filters">' in html
    # Values the list could not use make no chip.
    html = supervisor.get("/staff/cases?status=nonsense&ward=99&tag=x").get_data(as_text=True)
    assert 'class="chip"' not in html


def test_the_case_page_steps_through_the_list_it_was_opened_from(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    app.config["CASES_PER_PAGE"] = 2
    supervisor = staff_browser("supervisor")
    ids = [make_case(status="screening") for _ in range(3)]
    supervisor.get("/staff/cases?status=screening&sort=case")
    first = supervisor.get(f"/staff/cases/{ids[0]}").get_data(as_text=True)
    assert "Case 1 of 3" in first
    assert "Previous case" not in first
    # Next from the last case on page 1 reads page 2.
    response = supervisor.get(f"/staff/cases/{ids[1]}/next")
    assert response.headers["Location"].endswith(f"/staff/cases/{ids[2]}")
    last = supervisor.get(f"/staff/cases/{ids[2]}").get_data(as_text=True)
    assert "Case 3 of 3" in last
    assert "Next case" not in last
    response = supervisor.get(f"/staff/cases/{ids[2]}/previous")
    assert response.headers["Location"].endswith(f"/staff/cases/{ids[1]}")
    # The way back goes to the list as it was (its filters and sort), not the start page.
    assert "/staff/cases?status=screening&amp;sort=case" in last


def test_stepping_needs_a_list_and_never_leaves_what_one_may_see(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    investigator = staff_browser("investigator")
    mine = make_case(assignee_id=investigator.staff_id, status="accepted")
    make_case(status="accepted")  # Another investigator's case: never a neighbour.
    assert investigator.get(f"/staff/cases/{mine}/next").status_code == 404
    investigator.get("/staff/my-cases")
    page = investigator.get(f"/staff/cases/{mine}").get_data(as_text=True)
    assert "Case 1 of 1" in page
    assert "Next case" not in page
    response = investigator.get(f"/staff/cases/{mine}/next")
    assert response.headers["Location"].endswith(f"/staff/cases/{mine}")


def test_the_search_never_goes_into_the_case_page_address(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    case_id = make_case()
    make_case()
    html = supervisor.get("/staff/cases?q=mosque").get_data(as_text=True)
    links = re.findall(r'href="(/staff/cases/\d+[^"]*)"', html)
    assert len(links) == 2
    assert all("mosque" not in link for link in links)
    page = supervisor.get(f"/staff/cases/{case_id}").get_data(as_text=True)
    steps = re.findall(r'href="([^"]+/(?:next|previous))"', page)
    assert steps
    assert all("mosque" not in link for link in steps)


def test_every_staff_member_can_read_the_shortcuts(staff_browser: Any) -> None:
    for role in ("intake", "investigator", "supervisor", "admin"):
        page = staff_browser(role).get("/staff/help/shortcuts").get_data(as_text=True)
        assert "Keyboard shortcuts" in page
        assert "<kbd>j</kbd>" in page
