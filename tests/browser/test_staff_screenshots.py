"""`make screenshots`, staff side: the demo data (`flask demo load`) seen by the demo investigator
and supervisor, at desktop and phone size: the work view, a case, a bulk preview, an incident,
the reports page."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyotp
import pytest

from intake import demo

from .test_accessibility import submit

pytestmark = pytest.mark.screenshots


def sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/staff/sign-in")
    page.fill('input[name="email"]', email)
    page.fill('input[name="password"]', demo.DEMO_PASSWORD)
    submit(page)
    page.fill('input[name="code"]', pyotp.TOTP(demo.DEMO_TOTP_SECRET).now())
    submit(page)


@pytest.fixture(scope="module")
def demo_server(live_server: Any) -> Any:
    result = live_server.app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return live_server


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_staff_screenshots(demo_server: Any, page_factory: Any, size: str) -> None:
    target = os.environ.get("SCREENSHOT_DIR")
    if not target:
        pytest.skip("set SCREENSHOT_DIR (make screenshots) to write screenshots")
    folder = Path(target)
    folder.mkdir(parents=True, exist_ok=True)
    base = demo_server.url

    def shot(page: Any, name: str) -> None:
        page.screenshot(path=str(folder / f"staff-{size}-{name}.png"), full_page=True)

    investigator = page_factory(size=size)
    sign_in(investigator, base, "investigator@demo.example")
    investigator.goto(f"{base}/staff/my-cases")
    shot(investigator, "01-my-cases")
    investigator.locator("a[data-case-link]").first.click()
    investigator.wait_for_load_state()
    shot(investigator, "02-case")

    supervisor = page_factory(size=size)
    sign_in(supervisor, base, "supervisor@demo.example")
    supervisor.goto(f"{base}/staff/cases")
    shot(supervisor, "03-cases")
    boxes = supervisor.locator("input.select-case")
    for index in range(3):
        boxes.nth(index).check()
    supervisor.locator("details.bulk summary").click()
    supervisor.select_option("#bulk-status", "closed")
    supervisor.select_option("#bulk-reason", "duplicate")
    with supervisor.expect_navigation():
        supervisor.locator('button[name="action"][value="status"]').click()
    shot(supervisor, "04-bulk-preview")
    supervisor.goto(f"{base}/staff/incidents")
    with supervisor.expect_navigation():
        supervisor.locator("main table a").first.click()
    shot(supervisor, "05-incident")
    supervisor.goto(f"{base}/staff/reports")
    shot(supervisor, "06-reports")
