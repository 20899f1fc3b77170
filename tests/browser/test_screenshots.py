"""`make screenshots`: the main pages at phone and desktop sizes in every language, and one
contact sheet per language (its phone pages side by side) for a translator to review in one look.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from ..helpers import TRANSLATED
from .test_accessibility import page_name, submit

pytestmark = pytest.mark.screenshots
LANGUAGES = ("en", *TRANSLATED)
THUMB_WIDTH, THUMB_HEIGHT, COLUMNS = 260, 560, 6


def contact_sheet(folder: Path, language: str) -> Path:
    """One image of a language's phone screenshots in reading order, each captioned."""
    from PIL import Image, ImageDraw

    shots = sorted(folder.glob(f"{language}-phone-*.png"))
    rows = -(-len(shots) // COLUMNS)
    sheet = Image.new("RGB", (COLUMNS * THUMB_WIDTH, rows * (THUMB_HEIGHT + 24)), "white")
    draw = ImageDraw.Draw(sheet)
    for index, path in enumerate(shots):
        with Image.open(path) as shot:
            scale = THUMB_WIDTH / shot.width
            thumb = shot.resize((THUMB_WIDTH, max(1, int(shot.height * scale))))
            thumb = thumb.crop((0, 0, THUMB_WIDTH, min(thumb.height, THUMB_HEIGHT)))
        x, y = (index % COLUMNS) * THUMB_WIDTH, (index // COLUMNS) * (THUMB_HEIGHT + 24)
        sheet.paste(thumb, (x, y + 24))
        draw.text((x + 4, y + 6), path.stem.removeprefix(f"{language}-phone-"), fill="black")
    target = folder / f"contact-{language}.png"
    sheet.save(target)
    return target


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshots(live_server: Any, page_factory: Any, language: str, size: str) -> None:
    target = os.environ.get("SCREENSHOT_DIR")
    if not target:
        pytest.skip("set SCREENSHOT_DIR (make screenshots) to write screenshots")
    folder = Path(target)
    folder.mkdir(parents=True, exist_ok=True)
    page = page_factory(size=size)
    base = live_server.url

    def shot(name: str) -> None:
        page.screenshot(path=str(folder / f"{language}-{size}-{name}.png"), full_page=True)

    page.goto(f"{base}/?lang={language}")
    shot("01-landing")
    page.goto(f"{base}/report/kind")
    page.check('input[name="kind"][value="hate"]')
    submit(page)
    submit(page)
    shot("02-danger-with-errors")
    page.goto(f"{base}/report/safety")
    shot("02b-in-danger-now")
    page.goto(f"{base}/report/discard")
    shot("02c-delete-answers")
    page.goto(f"{base}/report/danger")
    answers = {
        "danger": ('input[name="in_danger"][value="no"]',),
        "targeted": ('input[name="bias_categories"][value="religion"]',),
        "acts": ('input[name="incident_types"][value="verbal"]',),
        "where": ('input[name="in_city"][value="yes"]',),
    }
    while (name := page_name(page)) != "review":
        for selector in answers.get(name, ()):
            page.check(selector)
        if name == "when":
            page.select_option('select[name="incident_month"]', "1")
            page.select_option('select[name="incident_year"]', "2025")
        if name == "story":
            page.fill(
                'textarea[name="narrative"]', "Example: they shouted at us outside the temple."
            )
        shot(f"03-{name}")
        if name == "evidence":
            submit(page, 'button[value="continue"]')
        else:
            submit(page)
    shot("04-review")
    submit(page)
    shot("05-confirmation")
    if size == "phone":
        contact_sheet(folder, language)
