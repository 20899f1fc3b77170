"""The staff work view in a real browser: filter chips, keyboard shortcuts, a bulk preview."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from intake.extensions import db
from intake.models import Report

from ..helpers import create_staff, hate_answers
from .test_flows import follow, staff_sign_in


def file_cases(app: Any, count: int) -> list[str]:
    from intake.clock import today
    from intake.filing import file_report

    numbers = []
    with app.test_request_context():
        for _ in range(count):
            numbers.append(
                file_report(hate_answers(), [], "words", "en", today()).report.case_number
            )
    return numbers


def test_chips_shortcuts_and_a_bulk_preview(live_server: Any, page_factory: Any) -> None:
    app = live_server.app
    numbers = file_cases(app, 4)
    create_staff(app, "lead@work.example", ["supervisor"])
    create_staff(app, "dana@work.example", ["investigator"], name="Dana")
    page = page_factory()
    base = live_server.url
    staff_sign_in(page, base, "lead@work.example")
    page.goto(base + "/staff/cases?sort=case")

    # Filters: the panel opens on request; what is in use shows as chips above the table.
    page.get_by_text("Filters", exact=True).click()
    page.get_by_label("Urgent only").check()
    follow(page, page.get_by_role("button", name="Apply"))
    expect(page.locator(".chip")).to_have_text(["Urgent only ×"])
    expect(page.locator("details.filters")).not_to_have_attribute("open", "")
    follow(page, page.get_by_role("link", name="Remove the filter Urgent only"))
    expect(page.locator(".chip")).to_have_count(0)

    # "/" goes to the search box; the search shows as a chip.
    page.goto(base + "/staff/cases?sort=case")
    page.keyboard.press("/")
    expect(page.get_by_label("Search narrative, respondent, case or record number")).to_be_focused()
    page.keyboard.type("mosque")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".chip").first).to_contain_text("mosque")

    # From the list, j / k step through the cases; u goes back to the list.
    follow(page, page.get_by_role("link", name=numbers[0], exact=True))
    expect(page.get_by_text("Case 1 of 4")).to_be_visible()
    with page.expect_navigation():
        page.keyboard.press("j")
    expect(page.locator("h1")).to_have_text(f"Case {numbers[1]}")
    with page.expect_navigation():
        page.keyboard.press("k")
    expect(page.locator("h1")).to_have_text(f"Case {numbers[0]}")
    with page.expect_navigation():
        page.keyboard.press("u")
    expect(page.locator(".chip").first).to_contain_text("mosque")
    with page.expect_navigation():
        page.keyboard.press("?")
    expect(page.locator("h1")).to_have_text("Keyboard shortcuts")

    # Bulk: tick two cases, preview an assignment, confirm.
    page.goto(base + "/staff/cases?sort=case")
    page.get_by_label(f"Select {numbers[0]}").check()
    page.get_by_label(f"Select {numbers[1]}").check()
    page.get_by_text("Change the selected cases").click()
    page.get_by_label("Assign to").select_option(label="Dana")
    follow(page, page.get_by_role("button", name="Preview Assign to"))
    expect(page.locator("h1")).to_have_text("Check the change")
    expect(page.get_by_text("2 cases will change.")).to_be_visible()
    with app.app_context():
        assigned = db.session.scalars(
            db.select(Report.assignee_id).where(Report.case_number.in_(numbers[:2]))
        ).all()
    assert assigned == [None, None]  # The preview changed nothing.
    page.get_by_label("I checked the list").check()
    follow(page, page.get_by_role("button", name="Change 2 cases"))
    expect(page.get_by_text("2 cases changed.")).to_be_visible()
    with app.app_context():
        assigned = db.session.scalars(
            db.select(Report.assignee_id).where(Report.case_number.in_(numbers[:2]))
        ).all()
    assert None not in assigned
