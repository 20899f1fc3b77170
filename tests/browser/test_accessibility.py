"""axe-core on every public and staff page, in every language at phone size, and at desktop
size in a left-to-right, a right-to-left and a CJK language (DESKTOP_LANGUAGES).

WCAG 2.1 A and AA rules only, none disabled; error states, the review step, the confirmation and
the status page included. A violation names the page, the rule and the first element.
"""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe

import config

from ..helpers import STAFF_PASSWORD, STAFF_TOTP, create_staff

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
AXE = Axe()


class Auditor:
    """Runs axe on the current page and collects what it finds."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.found: dict[str, list[str]] = {}
        # axe-core (570 kB) comes with every page the browser loads, instead of being sent and
        # compiled again before each check.
        page.context.add_init_script(script=AXE.axe_script)

    def check(self, label: str) -> None:
        self.page.wait_for_load_state()
        response = self.page.evaluate("options => axe.run(document, options)", WCAG_21_AA)
        problems = [
            f"{v['id']}: {v['nodes'][0]['target']} ({v['help']})" for v in response["violations"]
        ]
        if problems:
            self.found[f"{label} ({self.page.url})"] = problems


def submit(page: Any, selector: str = "main form button.button[type=submit]") -> None:
    """Sends the form and waits for the answer to load: axe on a page still swapping fails."""
    with page.expect_navigation():
        page.locator(selector).last.click()


def page_name(page: Any) -> str:
    return str(page.url).rsplit("/", 1)[-1].split("?")[0]


def resident_pages(page: Any, base: str, audit: Auditor, language: str) -> None:
    page.goto(f"{base}/?lang={language}")
    audit.check("landing")
    page.goto(f"{base}/report/kind")
    audit.check("kind")
    submit(page)
    audit.check("kind with error")
    page.check('input[name="kind"][value="unsure"]')
    submit(page)
    audit.check("danger")
    submit(page)
    audit.check("danger with errors")
    page.goto(f"{base}/report/safety")
    audit.check("in danger now")
    page.goto(f"{base}/report/discard")
    audit.check("delete answers?")
    page.goto(f"{base}/report/danger")
    page.check('input[name="in_danger"][value="no"]')
    submit(page)
    # Every page a "not sure" report with contact details sees, each also with its errors.
    fills = {
        "when": lambda: (
            page.select_option('select[name="incident_month"]', "1"),
            page.select_option('select[name="incident_year"]', "2025"),
        ),
        "story": lambda: page.fill('textarea[name="narrative"]', "Something happened at work."),
        "where": lambda: page.check('input[name="in_city"][value="unsure"]'),
        "details": lambda: page.fill('input[name="name"]', "Ana"),
        # For someone else, who needs an interpreter in a language the portal does not ship.
        "reporter": lambda: page.check('input[name="reporter_role"][value="behalf"]'),
        "relationship": lambda: (
            page.check('input[name="reporter_relationship"][value="friend"]'),
            page.check('input[name="affected_consent"][value="yes"]'),
        ),
        "affected": lambda: page.fill('input[name="affected_name"]', "Luis"),
        "interpreter": lambda: page.select_option('select[name="interpreter_language"]', "other"),
        "interpreter_other": lambda: page.fill('input[name="interpreter_other"]', "Mam"),
    }
    while (name := page_name(page)) != "review":
        audit.check(name)
        if name == "evidence":
            submit(page, 'button[value="continue"]')
            continue
        if name in ("when", "story", "where", "reporter", "relationship", "interpreter_other"):
            submit(page)
            audit.check(f"{name} with errors")
        if name == "details":
            page.fill('input[name="email"]', "not an email")
            submit(page)
            audit.check("details with errors")
            page.fill('input[name="email"]', "")
        fills.get(name, lambda: None)()
        submit(page)
    audit.check("review")
    submit(page)
    audit.check("confirmation")
    number = page.locator(".record-number").inner_text()
    receipt = page.locator(".receipt__code").inner_text()
    page.goto(f"{base}/check")
    audit.check("check my report")
    page.fill('input[name="record_number"]', number)
    page.fill('input[name="receipt"]', "wrong")
    submit(page)
    audit.check("check my report, wrong code")
    page.fill('input[name="receipt"]', receipt)
    submit(page)
    audit.check("status page")
    page.goto(f"{base}/call-back")
    audit.check("call-back")
    submit(page)
    audit.check("call-back with errors")
    page.goto(f"{base}/report/paper")
    audit.check("paper form")
    page.goto(f"{base}/nowhere")
    audit.check("not found page")


def staff_pages(page: Any, base: str, audit: Auditor, email: str) -> None:
    page.goto(f"{base}/staff/sign-in")
    audit.check("sign-in")
    page.fill('input[name="email"]', email)
    page.fill('input[name="password"]', "wrong password")
    submit(page)
    audit.check("sign-in with error")
    page.fill('input[name="password"]', STAFF_PASSWORD)
    submit(page)
    audit.check("two-factor")
    page.fill('input[name="code"]', pyotp.TOTP(STAFF_TOTP).now())
    submit(page)
    for path in (
        "/staff/triage",
        "/staff/my-cases",
        "/staff/cases?q=work",
        "/staff/cases/1",
        "/staff/reports",
        "/staff/intake",
        "/staff/callbacks",
        "/staff/reassign",
        "/staff/admin/staff",
        "/staff/admin/staff/1",
        "/staff/password",
    ):
        page.goto(base + path)
        audit.check(path)


# Every page in every language at phone size; at desktop size in English, Arabic (right to
# left) and Chinese (CJK): the layout only changes with the width and the script's direction.
DESKTOP_LANGUAGES = ("en", "ar", "zh")
SIZED = [(language, "phone") for language in config.Config.LANGUAGES] + [
    (language, "desktop") for language in DESKTOP_LANGUAGES
]


def test_the_desktop_walk_covers_both_directions() -> None:
    """Each page is checked at desktop size in a left-to-right and a right-to-left language."""
    from intake.i18n import direction

    assert set(DESKTOP_LANGUAGES) <= set(config.Config.LANGUAGES)
    assert {direction(language) for language in DESKTOP_LANGUAGES} == {"ltr", "rtl"}


@pytest.mark.parametrize(("language", "size"), SIZED)
def test_no_wcag_violations(live_server: Any, page_factory: Any, language: str, size: str) -> None:
    page = page_factory(size=size)
    audit = Auditor(page)
    resident_pages(page, live_server.url, audit, language)
    email = f"all-{language}-{size}@browser.example"
    create_staff(live_server.app, email, ["intake", "investigator", "supervisor", "admin"])
    staff_pages(page, live_server.url, audit, email)
    assert audit.found == {}
