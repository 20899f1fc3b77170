"""The PDF summary reads like a finished document: a running head with the commission and the
period, 'Page N of M' and the day it was made, a header row on every table (again on each
page a table runs onto), and no heading left alone at the foot of a page."""

from __future__ import annotations

import io
import re

import pytest
from flask import Flask
from pypdf import PdfReader

from intake.statistics import pdf
from intake.statistics.periods import parse
from intake.statistics.summary import Caseload, Row, Summary, Table

from .helpers import commission_today

# Tables long enough to run over pages, with rows that say which table they belong to.
TABLES = [
    Table(name, title, [Row(str(n), f"{tag}-row-{n:03d}", n + 5) for n in range(size)])
    for name, title, tag, size in (
        ("ward", "Ward", "ward", 90),
        ("language", "Language", "lang", 3),
        ("status", "Status", "stat", 40),
        ("closure_reason", "Closure reason", "clos", 60),
    )
]


def summary() -> Summary:
    period = parse("2026-Q3")
    trend = [Row("2026-07", "Jul 2026", 3), Row("2026-08", "Aug 2026", 4)]
    caseload = [Caseload(f"Investigator {n:02d}", n, 0) for n in range(30)]
    return Summary(period=period, total=12, tables=TABLES, trend=trend, caseload=caseload)


def pages_of(document: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(document)).pages]


def build(app: Flask, lang: str = "en") -> list[str]:
    with app.test_request_context(f"/?lang={lang}"):
        return pages_of(pdf.build(summary()))


def test_every_page_names_the_commission_period_page_and_day(app: Flask) -> None:
    pages = build(app)
    assert len(pages) > 3
    today = commission_today()
    for number, text in enumerate(pages, 1):
        assert "Chicago Commission on Human Relations" in text, number
        assert "2026-Q3" in text, number
        assert f"Page {number} of {len(pages)}" in text, number
        assert f"Generated {today:%B} {today.day}, {today.year}" in text, number


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font:UserWarning")
def test_the_day_made_is_written_in_the_readers_language(app: Flask) -> None:
    text = build(app, "es")[0]
    today = commission_today()
    assert f"{today.day} de " in text
    assert f" de {today.year}" in text


def test_every_table_has_its_header_on_every_page_it_reaches(app: Flask) -> None:
    pages = build(app)
    header = {"ward": "Ward", "lang": "Language", "stat": "Status", "clos": "Closure reason"}
    seen = set()
    for text in pages:
        for tag in set(re.findall(r"\b(ward|lang|stat|clos)-row-\d{3}", text)):
            seen.add(tag)
            # The header row: the table's title and "Reports", above the first row on the page.
            first_row = text.index(f"{tag}-row-")
            assert re.search(header[tag] + r"\s+Reports", text[:first_row]), (tag, text)
    assert seen == set(header)
    # The wards run over a page: rows on two pages, each page with its header.
    assert sum("ward-row-" in text for text in pages) >= 2
    caseload = [text for text in pages if "Investigator 0" in text or "Investigator 2" in text]
    assert all(re.search(r"Investigator\s+Open cases\s+Overdue", text) for text in caseload)
    assert "Figure" in pages[0]
    assert re.search(r"Month\s+Reports", "".join(pages))


def test_no_heading_is_left_alone_at_the_foot_of_a_page(app: Flask) -> None:
    pages = build(app)
    for title, tag in (("Status", "stat"), ("Closure reason", "clos"), ("Language", "lang")):
        # The page with the table's first row also has its heading above the header row.
        page = next(text for text in pages if f"{tag}-row-000" in text)
        assert re.search(rf"{title}\n{title}\s+Reports", page), page
    for text in pages:
        # No page ends with a heading: the last line before the foot is a table's row.
        body = [line for line in text.splitlines() if line.strip()]
        footer_at = next(i for i, line in enumerate(body) if line.startswith("Page "))
        assert not re.fullmatch(
            r"(Ward|Language|Status|Closure reason|Caseload)", body[footer_at - 1]
        )
