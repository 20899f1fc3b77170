"""Scripts look right: Urdu in Nastaliq (served by the portal) without clipped buttons or inputs,
and the live counter writes digits the way the rest of the page does."""

from __future__ import annotations

import re
from typing import Any

import pytest


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_urdu_is_set_in_nastaliq_and_nothing_is_clipped(
    live_server: Any, page_factory: Any, size: str
) -> None:
    page = page_factory(size=size)
    page.goto(live_server.url + "/report/kind?lang=ur")
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Nastaliq Urdu"')
    # The face comes from the portal itself (an installed font would not need it).
    loaded = page.evaluate(
        """async () => (await document.fonts.load('16px "Noto Nastaliq Urdu"', 'اردو'))
            .map(face => face.status)"""
    )
    assert loaded == ["loaded"]
    page.evaluate("document.fonts.ready")
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('button, .button, label, input, select, h1')]
            .filter(el => el.offsetParent !== null && el.scrollHeight > el.clientHeight + 1
                    && getComputedStyle(el).overflowY !== 'visible')
            .map(el => el.outerHTML.slice(0, 80))"""
    )
    assert clipped == []


def test_the_counter_uses_the_pages_digits_in_arabic(live_server: Any, page_factory: Any) -> None:
    page = page_factory(size="phone")
    page.goto(live_server.url + "/report/kind?lang=ar")
    page.locator("input[name=kind]").first.check()
    with page.expect_navigation():
        page.locator("form#step-form button[type=submit]").last.click()
    page.goto(live_server.url + "/report/story")
    page.locator("textarea").first.fill("قالوا لنا كلاماً مؤذياً")
    counter = page.locator(".char-count")
    counter.wait_for()
    page.wait_for_timeout(600)  # The counter updates after typing pauses.
    text = counter.inner_text()
    assert re.search(r"[0-9]", text), text
    assert not re.search(r"[\u0660-\u0669\u06f0-\u06f9]", text), text
