"""Real-browser flows: residents with and without JavaScript, keyboard only, staff end to end."""

from __future__ import annotations

import re
from typing import Any

import pyotp
import pytest
from playwright.sync_api import expect

from intake.extensions import db
from intake.models import Report

from ..helpers import STAFF_PASSWORD, STAFF_TOTP, create_staff, pdf_bytes

PDF = pdf_bytes()


def follow(page: Any, control: Any) -> None:
    """Click a link or button and wait until the page it leads to has loaded.

    Without the wait, the next step can read the old page while it is being replaced
    (an empty title, or a second click on the same page's button).
    """
    with page.expect_navigation():
        control.click()


def go_on(page: Any, times: int = 1) -> None:
    """Press "Continue" (on pages the resident leaves as they are, `times` in a row)."""
    for _ in range(times):
        follow(page, page.get_by_role("button", name="Continue"))


def fill_incident(page: Any, narrative: str) -> None:
    """The date page, then the story page."""
    page.get_by_label("Month", exact=True).select_option("1")
    page.get_by_label("Year", exact=True).select_option("2026")
    go_on(page)
    page.get_by_label("Tell us what happened").fill(narrative)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_resident_files_a_hate_incident_with_evidence(
    live_server: Any, page_factory: Any, javascript: bool, tmp_path: Any
) -> None:
    page = page_factory(size="phone", javascript=javascript)
    page.goto(live_server.url + "/")
    follow(page, page.get_by_role("link", name="Start a report"))
    page.get_by_label("I was targeted because of who I am (a hate incident)").check()
    go_on(page)
    page.get_by_role("group", name="Are you in danger now?").get_by_label("No").check()
    go_on(page)
    page.get_by_label("It happened to me").check()
    go_on(page)
    page.get_by_label("Religion").check()
    go_on(page)
    page.get_by_label("Insults, slurs or harassment").check()
    go_on(page)
    fill_incident(page, "They shouted at us outside the temple.")
    if javascript:
        assert page.locator(".char-count").inner_text().strip()
    go_on(page)
    page.get_by_label("Yes, in Chicago").check()
    go_on(page)
    # Where exactly, who, witnesses, other reports, help: all optional.
    go_on(page, 5)
    evidence = tmp_path / "letter.pdf"
    evidence.write_bytes(PDF)
    page.get_by_label("Add files").set_input_files(str(evidence))
    follow(page, page.get_by_role("button", name="Add these files"))
    assert page.get_by_text("letter.pdf").count() >= 1
    follow(page, page.get_by_role("button", name="Continue"))
    follow(page, page.get_by_role("button", name="Continue"))  # Contact: stay anonymous.
    follow(page, page.get_by_role("button", name="Continue"))  # No interpreter needed.
    expect(page).to_have_title(re.compile("Check and send"))
    # The review step changes one answer and keeps the others.
    follow(page, page.get_by_role("link", name=re.compile("Change.*Tell us what happened")))
    page.get_by_label("Tell us what happened").fill("They shouted at us outside the temple, twice.")
    follow(page, page.get_by_role("button", name="Continue"))
    assert "twice" in page.content()
    assert "letter.pdf" in page.content()
    follow(page, page.get_by_role("button", name="Send my report"))
    assert page.get_by_text("Your report was sent").is_visible()
    # Printing needs JavaScript: without it the button is not there to do nothing.
    print_button = page.get_by_role("button", name="Print this page")
    if javascript:
        print_button.wait_for(state="visible")  # Shown by the deferred script.
    else:
        assert not print_button.is_visible()
    receipt = page.locator(".receipt__code").inner_text()
    assert len(receipt.split()) == 6
    page.get_by_label("I have written down or saved my record number and secret code.").check()
    follow(page, page.get_by_role("button", name="I have saved it"))
    assert receipt not in page.content()


def weather(page: Any) -> None:
    """The neutral site, served locally."""
    page.route(
        "https://www.weather.gov/**",
        lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"),
    )


def start_a_story(page: Any, base: str, story: str) -> None:
    page.goto(base + "/report/kind?lang=en")
    page.get_by_label("I am not sure").check()
    go_on(page)
    page.get_by_role("group", name="Are you in danger now?").get_by_label("No").check()
    go_on(page)
    page.get_by_label("It happened to me").check()
    go_on(page, 5)  # Where, why and what: a resident who is not sure may leave them.
    fill_incident(page, story)
    go_on(page)


def stored(live_server: Any, page: Any) -> tuple[int, bool]:
    """(drafts on the server, whether this browser's session row exists)."""
    import hashlib

    from intake.models import Draft, WebSession

    cookie = next((c["value"] for c in page.context.cookies() if c["name"] == "session"), "")
    key = hashlib.sha256(cookie.encode()).hexdigest()
    with live_server.app.app_context():
        drafts = len(db.session.scalars(db.select(Draft)).all())
        return drafts, db.session.get(WebSession, key) is not None


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_quick_exit_leaves_nothing_behind(
    live_server: Any, page_factory: Any, javascript: bool
) -> None:
    page = page_factory(size="phone", javascript=javascript)
    weather(page)
    story = "My neighbour wrote on our door again"
    start_a_story(page, live_server.url, story)
    page.goto(live_server.url + "/report/story")
    assert page.get_by_label("Tell us what happened").input_value() == story
    # The control stays on screen after scrolling to the bottom of a long step.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert page.get_by_role("link", name="Leave this site quickly").is_visible()
    drafts, has_session = stored(live_server, page)
    assert has_session
    page.get_by_role("link", name="Leave this site quickly").click()
    page.wait_for_url(re.compile(r"weather\.gov"))
    assert stored(live_server, page)[0] == drafts - 1
    page.go_back()
    assert story not in page.content()
    page.goto(live_server.url + "/report/story")
    assert story not in page.content()


def test_escape_twice_leaves(live_server: Any, page_factory: Any) -> None:
    page = page_factory()
    weather(page)
    page.goto(live_server.url + "/?lang=en")
    assert page.get_by_text("press the Esc key twice").is_visible()
    page.keyboard.press("Escape")
    with page.expect_request(re.compile(r"/exit$")):
        page.keyboard.press("Escape")


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_phone_numbers_stay_in_order_right_to_left(
    live_server: Any, page_factory: Any, language: str
) -> None:
    page = page_factory(size="phone")
    page.goto(live_server.url + f"/report/kind?lang={language}")
    page.locator("input[name=kind]").first.check()
    follow(page, page.locator("form#step-form button[type=submit]").last)
    page.goto(live_server.url + "/report/details")
    phone = page.locator("input[name=phone]")
    phone.fill("773 555 01")
    assert phone.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert (
        page.locator("input[name=email]").evaluate("el => getComputedStyle(el).direction") == "ltr"
    )


def test_switching_language_mid_form_keeps_answers(live_server: Any, page_factory: Any) -> None:
    page = page_factory()
    page.goto(live_server.url + "/report/kind?lang=en")
    page.get_by_label("I am not sure").check()
    go_on(page)
    page.goto(live_server.url + "/report/story")
    page.get_by_label("Tell us what happened").fill("Half written, then I switched language")
    follow(page, page.get_by_role("button", name="Español"))
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("textarea").first.input_value() == "Half written, then I switched language"


def test_keyboard_only_with_visible_focus(live_server: Any, page_factory: Any) -> None:
    page = page_factory()
    page.goto(live_server.url + "/report/kind?lang=en")
    page.keyboard.press("Tab")  # The skip link comes first.
    assert page.evaluate("document.activeElement.className") == "skip-link"
    radio = page.get_by_label("I was treated unfairly (discrimination)")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Space")
    assert radio.is_checked()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.tagName") != "BUTTON":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/report/reporter"))
    page.get_by_label("It happened to me").focus()
    page.keyboard.press("Space")
    while page.evaluate("document.activeElement.tagName") != "BUTTON":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/report/area"))
    page.get_by_label("Work or applying for a job").focus()
    page.keyboard.press("Space")
    assert page.get_by_label("Work or applying for a job").is_checked()


def staff_sign_in(page: Any, base: str, email: str) -> None:
    page.goto(base + "/staff/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    follow(page, page.get_by_role("button", name="Continue"))
    page.get_by_label("Six-digit code from your authenticator app").fill(
        pyotp.TOTP(STAFF_TOTP).now()
    )
    follow(page, page.get_by_role("button", name="Sign in"))


def test_staff_triage_assign_close_and_export(live_server: Any, page_factory: Any) -> None:
    app = live_server.app
    from intake.clock import today
    from intake.filing import file_report

    from ..helpers import hate_answers

    with app.test_request_context():
        report = file_report(hate_answers(), [], "words", "en", today()).report
        case_number = report.case_number
    create_staff(app, "supervisor@browser.example", ["supervisor"])
    create_staff(app, "inv@browser.example", ["investigator"], name="Inv")
    page = page_factory()
    staff_sign_in(page, live_server.url, "supervisor@browser.example")
    follow(page, page.get_by_role("link", name="Triage queue"))
    follow(page, page.get_by_role("link", name=case_number))
    page.get_by_label("Move to").select_option("screening")
    follow(page, page.get_by_role("button", name="Save"))
    page.get_by_label("Assigned to", exact=True).select_option(label="Inv (inv@browser.example)")
    follow(page, page.get_by_role("button", name="Assign", exact=True))
    page.get_by_label("Move to").select_option("closed")
    page.get_by_label("Closure reason").select_option("duplicate")
    follow(page, page.get_by_role("button", name="Save"))
    assert "Screening → Closed" in page.locator("#audit").inner_text()
    follow(page, page.get_by_role("link", name="Reports"))
    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    with app.app_context():
        status = db.session.scalars(
            db.select(Report.status).where(Report.case_number == case_number)
        ).one()
    assert status == "closed"
