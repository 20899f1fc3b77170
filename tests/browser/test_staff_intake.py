"""In a real browser: an intake officer takes a hate-incident report down over the phone for a
Spanish-speaking resident, reads the code aloud, and the resident opens the report with it."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from intake.extensions import db
from intake.models import Report

from ..helpers import RECENT, create_staff
from .test_flows import follow, go_on, staff_sign_in


def test_an_intake_officer_takes_a_phone_report(live_server: Any, page_factory: Any) -> None:
    app, base = live_server.app, live_server.url
    staff_id = create_staff(app, "phone@intake.example", ["intake"])
    page = page_factory()
    staff_sign_in(page, base, "phone@intake.example")

    follow(page, page.get_by_role("link", name="Take a report"))
    page.get_by_role("radio", name="Phone").check()
    page.get_by_label("The resident's language").select_option("es")
    follow(page, page.get_by_role("button", name="Start"))
    # The resident's questions, in the staff member's English.
    page.get_by_label("I was targeted because of who I am (a hate incident)").check()
    go_on(page)
    # Who is reporting is asked right after the danger question (or, before, right after the
    # kind): either way, the person it happened to.
    for _ in range(2):
        myself = page.get_by_label("It happened to me")
        if myself.count():
            myself.check()
        else:
            page.get_by_role("group", name="Are you in danger now?").get_by_label("No").check()
        go_on(page)
    page.get_by_label("Religion").check()
    go_on(page)
    page.get_by_label("Insults, slurs or harassment").check()
    go_on(page)
    # A month but no year: refused with the public form's words, and the month is kept.
    page.get_by_label("Month", exact=True).select_option(str(RECENT.month))
    go_on(page)
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Month", exact=True)).to_have_value(str(RECENT.month))
    page.get_by_label("Year", exact=True).select_option(str(RECENT.year))
    go_on(page)
    page.get_by_label("Tell us what happened").fill("Someone shouted slurs at her outside church.")
    go_on(page)
    page.get_by_label("Yes, in Chicago").check()
    go_on(page)
    # The optional pages, the evidence and the contact pages: on to the review.
    for _ in range(15):
        if "Check and send" in page.title():
            break
        go_on(page)
    expect(page).to_have_title(re.compile("Check and send"))
    expect(page.get_by_text("Someone shouted slurs at her outside church.")).to_be_visible()
    follow(page, page.get_by_role("button", name="Send the report"))

    expect(page.get_by_role("heading", name="The report was sent")).to_be_visible()
    record = page.locator(".record-number").inner_text().strip()
    code = page.locator(".receipt__code").inner_text().strip()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", code), code
    with app.app_context():
        report = db.session.scalars(db.select(Report).where(Report.record_number == record)).one()
        assert (report.channel, report.language, report.taken_by_id) == ("phone", "es", staff_id)

    # The letter for mailing, in Spanish, with the same code.
    follow(page, page.get_by_role("link", name=re.compile("Print a letter for mailing")))
    letter = page.locator("article.letter")
    expect(letter).to_have_attribute("lang", "es")
    expect(letter).to_contain_text("Su código secreto")
    expect(letter.locator(".receipt__code")).to_have_text(code)
    follow(page, page.get_by_role("link", name="Back", exact=True))
    follow(page, page.get_by_role("button", name="The resident has the code"))
    expect(page.locator(".receipt__code")).to_have_count(0)

    # The resident opens the report with what was read to them.
    resident = page_factory(size="phone")
    resident.goto(base + "/check?lang=es")
    resident.locator("#record_number").fill(record)
    resident.locator("#receipt").fill(code)
    follow(resident, resident.locator("form button[type=submit]").last)
    expect(resident).to_have_url(re.compile("/check/report$"))
