"""Reports and exports under hostile input: absurd periods, control characters, formulas.

Hostile text is written straight into the database: data stored before any input check (or
imported) may hold it, so the exports must cope whatever the forms now refuse.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from flask import Flask
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from pypdf import PdfReader

from intake.extensions import db
from intake.models import Contact, Staff
from intake.staff.statistics_views import CHARTED
from intake.statistics import charts, pdf
from intake.statistics.cells import cell, neutralize, printable
from intake.statistics.periods import FIRST_YEAR, LAST_YEAR, PeriodError, parse
from intake.statistics.summary import Caseload, Row, Summary, Table
from intake.statistics.writers import xlsx_bytes

from .databases import BACKEND
from .helpers import discrimination_answers

C0 = "".join(chr(code) for code in range(32))
# Every C0 control, DEL, the two non-characters, around words (XML keeps \t, \n and \r).
# PostgreSQL refuses NUL in text, so there it can never be stored.
STORED_C0 = C0[BACKEND == "postgresql" :]
HOSTILE_TEXT = "before" + STORED_C0 + "\x7f\ufffe\uffff" + "after"
CLEANED_TEXT = "before\t\n\r\x7fafter"
ROUTES = (
    ["/staff/reports"]
    + [f"/staff/reports/charts/{name}.svg" for name in sorted(CHARTED | {"trend"})]
    + [f"/staff/reports/export.{fmt}" for fmt in ("csv", "xlsx", "pdf")]
)
# (query string, refused): a refused period must be explained, never answered with a 500 (None:
# either; the edge strips control characters from the query before the reports see it).
PERIODS: list[tuple[str, bool | None]] = [
    ("period=0000", True),
    ("period=9999", True),
    ("period=9999-12", True),
    ("period=0000-Q1", True),
    ("period=9999-Q4", True),
    ("period=1899-12", True),
    ("period=2101", True),
    ("period=2026-13", True),
    ("period=2026-00", True),
    ("start=9999-12-31&end=9999-12-31", True),
    ("start=0001-01-01&end=0001-01-01", True),
    ("start=0000-01-01&end=0000-01-01", True),
    ("start=2026-02-30&end=2026-03-01", True),
    ("start=2026-02-01&end=2026-01-01", True),
    ("start=1926-01-01&end=2025-12-31", True),
    ("start=2026-01-01&end=", True),
    ("start=&end=2026-01-01", True),
    ("period=9999-12-31..9999-12-31", True),
    ("period=99999999999999999999", True),
    ("period=2026-99999999999999999999", True),
    ("start=99999999999999999999&end=99999999999999999999", True),
    ("period=2026%00", None),
    ("start=2026-01-01%00&end=2026-01-02", None),
    ("period=2026%0A-Q3", None),
    ("period=%ff", True),
    ("period=%D9%A2%D9%A0%D9%A2%D9%A6", True),  # Arabic-Indic digits: ٢٠٢٦
    ("period=" + "x" * 10000, True),
    ("period=9999&public=1", True),
    ("period=", False),
    ("start=&end=", False),
    ("period=2026&period=9999", False),
    ("start=2026-01-01&start=9999-12-31&end=2026-01-02", False),
    ("period=%202026-q3%20", False),
    ("period=1900", False),
    ("period=2100-Q4", False),
]


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    ("query", "refused"), PERIODS, ids=[query[:40] for query, _refused in PERIODS]
)
def test_no_period_answers_500_on_any_report_route(
    app: Flask, staff_browser: Any, query: str, refused: bool | None
) -> None:
    supervisor = staff_browser("supervisor")
    for route in ROUTES:
        response = supervisor.client.get(route, query_string=query, buffered=True)
        assert response.status_code < 500, route
        if refused is None:
            continue
        if not refused:
            assert response.status_code == 200, route
        elif route == "/staff/reports":
            assert response.status_code == 400
            assert 'class="error-summary"' in response.get_data(as_text=True)
        elif "/charts/" in route:
            assert response.status_code == 400, route
        else:
            # A download of a period that cannot be shown goes back to the page, which says why.
            assert response.status_code == 303, route
            assert response.headers["Location"].startswith("/staff/reports?"), route


def test_the_page_says_why_and_keeps_the_days_typed(staff_browser: Any) -> None:
    supervisor = staff_browser("supervisor")
    response = supervisor.get("/staff/reports?start=2026-02-01&end=2026-01-01")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The first day must not be after the last day." in page
    assert 'value="2026-02-01"' in page
    assert 'value="2026-01-01"' in page
    far = supervisor.get("/staff/reports?start=9999-12-31&end=9999-12-31").get_data(as_text=True)
    assert f"between {FIRST_YEAR} and {LAST_YEAR}" in far
    assert 'value="9999-12-31"' in far
    export = supervisor.get("/staff/reports/export.pdf?start=9999-12-31&end=9999-12-31&public=1")
    assert export.status_code == 303
    page = supervisor.get(export.headers["Location"]).get_data(as_text=True)
    assert f"between {FIRST_YEAR} and {LAST_YEAR}" in page
    assert 'value="9999-12-31"' in page
    assert 'id="public" name="public" value="1" checked' in page


def test_unknown_charts_and_formats_are_not_found(staff_browser: Any) -> None:
    supervisor = staff_browser("supervisor")
    for route in (
        "/staff/reports/charts/nothing.svg",
        "/staff/reports/charts/..%2Fkind.svg",
        "/staff/reports/charts/kind.png",
        "/staff/reports/export.html",
        "/staff/reports/export.CSV",
        "/staff/cases/export.pdf",
    ):
        assert supervisor.get(route + "?period=9999").status_code == 404, route


@pytest.mark.parametrize(
    "text",
    [
        "0000",
        "9999",
        "9999-12",
        "0000-Q1",
        "9999-Q4",
        "1899",
        "2101-01",
        "9999-12-31..9999-12-31",
        "0001-01-01..0001-01-01",
        "2026-02-30..2026-03-01",
        "1926-01-01..2025-12-31",
        "2026-02-01..2026-01-01",
        "٢٠٢٦",
        "2026\x00",
        "",
        "9" * 20,
        "x" * 10000,
    ],
)
def test_absurd_periods_raise_period_error_with_a_reason(text: str) -> None:
    with pytest.raises(PeriodError) as raised:
        parse(text)
    assert str(raised.value.message)


def test_the_years_a_period_may_cover() -> None:
    assert parse(f"{FIRST_YEAR}").start == date(FIRST_YEAR, 1, 1)
    assert parse(f"{LAST_YEAR}-12").end == date(LAST_YEAR + 1, 1, 1)
    assert parse(f"{LAST_YEAR}-12-31..{LAST_YEAR}-12-31").last_day == date(LAST_YEAR, 12, 31)
    for text in (f"{FIRST_YEAR - 1}-12", f"{LAST_YEAR + 1}-Q1"):
        with pytest.raises(PeriodError):
            parse(text)


@pytest.mark.parametrize("text", ["9999-12", "0000-Q1", "9999-12-31..9999-12-31", "0000"])
def test_the_command_line_refuses_absurd_periods_cleanly(
    app: Flask, tmp_path: Any, text: str
) -> None:
    result = app.test_cli_runner().invoke(
        args=["reports", "export", "--period", text, "--output", str(tmp_path / "out.csv")]
    )
    assert result.exit_code == 2, result.output
    assert "Invalid value for --period" in result.output
    assert f"between {FIRST_YEAR} and {LAST_YEAR}" in result.output
    assert isinstance(result.exception, SystemExit)
    assert not (tmp_path / "out.csv").exists()


def test_a_cell_is_cleaned_of_what_xml_cannot_hold() -> None:
    cleaned = cell(HOSTILE_TEXT + "\ud800")
    assert cleaned == CLEANED_TEXT
    assert not ILLEGAL_CHARACTERS_RE.search(cleaned)
    assert cell("\x1b=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"
    for formula in ("=1+1", " =1+1", "\n@SUM(A1)", "\u00a0+1", "-2", "\t3", "\rx"):
        assert cell(formula) == "'" + formula, repr(formula)
    for number in (-2, -2.5, Decimal("-3"), 0):
        assert cell(number) == number
    assert neutralize(" plain") == " plain"
    assert cell(None) is None


def test_xlsx_text_is_neutralised_numbers_stay_numbers_and_any_title_will_do() -> None:
    rows = [["-1", -1, -2.5, "=A1", " =A1", "\x1bx"]]
    data = xlsx_bytes([("Sheet/With:Bad*Title?[]\x00" + "x" * 40, rows), ("'", rows)])
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Sheet With Bad Title   xxxxxxxx", "Sheet"]
    sheet = workbook.worksheets[0]
    assert [c.value for c in next(sheet.iter_rows())] == ["'-1", -1, -2.5, "'=A1", "' =A1", "x"]


def hostile_case(app: Flask, make_case: Any) -> int:
    """A case whose stored free text holds every C0 control character (NUL but on PostgreSQL)."""
    case_id = make_case(
        discrimination_answers(contact={"name": "Someone", "email": "someone@example.org"}),
        narrative=HOSTILE_TEXT,
        respondent_name=HOSTILE_TEXT,
        witnesses=HOSTILE_TEXT,
        received_on=date(2026, 8, 1),
    )
    with app.app_context():
        contact = db.session.scalar(db.select(Contact).where(Contact.report_id == case_id))
        assert contact is not None
        contact.name = HOSTILE_TEXT
        contact.accommodations = '=HYPERLINK("http://evil","x")\x0b'
        db.session.commit()
    return case_id  # type: ignore[no-any-return]


def test_the_case_xlsx_opens_with_control_characters_in_free_text(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    hostile_case(app, make_case)
    supervisor = staff_browser("supervisor")
    response = supervisor.client.get("/staff/cases/export.xlsx?personal=1", buffered=True)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    heading, values = rows[0], rows[1]
    for title in ("What happened", "Respondent", "Witnesses", "Name"):
        # XML readers turn a stored carriage return into a line feed.
        assert values[heading.index(title)] in (CLEANED_TEXT, CLEANED_TEXT.replace("\r", "\n"))
    assert values[heading.index("Accommodations")] == '\'=HYPERLINK("http://evil","x")'


def test_the_case_csv_holds_the_cleaned_text(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    hostile_case(app, make_case)
    supervisor = staff_browser("supervisor")
    response = supervisor.client.get("/staff/cases/export.csv?personal=1", buffered=True)
    assert response.status_code == 200
    rows = read_csv(response.data)
    heading, values = rows[0], rows[1]
    for title in ("What happened", "Respondent", "Witnesses", "Name"):
        assert values[heading.index(title)] == CLEANED_TEXT
    assert values[heading.index("Accommodations")] == '\'=HYPERLINK("http://evil","x")'
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", response.data.decode("utf-8"))


def investigator_named(app: Flask, make_staff: Any, make_case: Any, name: str) -> None:
    """An investigator with this name (stored as is) and one open case, so in the caseload."""
    staff_id = make_staff("investigator")
    with app.app_context():
        staff = db.session.get(Staff, staff_id)
        assert staff is not None
        staff.name = name
        db.session.commit()
    make_case(assignee_id=staff_id, status="accepted", received_on=date(2026, 8, 3))


FORMULA_NAMES = {
    '=HYPERLINK("http://evil","x")': '\'=HYPERLINK("http://evil","x")',
    " @SUM(A1)": "' @SUM(A1)",
    "\x1b+cmd": "'+cmd",
    "-2": "'-2",
}


def test_the_summary_csv_and_xlsx_neutralise_formula_names(
    app: Flask, make_staff: Any, make_case: Any, staff_browser: Any
) -> None:
    for name in FORMULA_NAMES:
        investigator_named(app, make_staff, make_case, name)
    supervisor = staff_browser("supervisor")
    rows = read_csv(supervisor.get("/staff/reports/export.csv?period=2026-Q3").data)
    names = {row[1] for row in rows if row[0] == "Open cases"}
    assert names == set(FORMULA_NAMES.values())
    assert not [text for row in rows for text in row if text.lstrip()[:1] in ("=", "+", "-", "@")]
    xlsx = supervisor.client.get("/staff/reports/export.xlsx?period=2026-Q3", buffered=True)
    overview = [[c.value for c in row] for row in load_workbook(io.BytesIO(xlsx.data))["Summary"]]
    loads = [row for row in overview if row[0] == "Open cases"]
    assert {row[1] for row in loads} == names
    assert {row[2] for row in loads} == {1}  # Counts stay numbers.


# Names as the database may hold them (a staff name is at most 200 characters).
PDF_NAMES = [
    "Ctl" + STORED_C0 + "\x7f\x9f",
    "\u200f\u202eEvil\u202c \u2067مرحبا\u2069 \u200e",
    "Emoji 😀👍🏽🇺🇸",
    "Long " + "word " * 39,
    "W" * 200,
    "\ufdfd" * 200,
    "$x^$ $\\frac{$",
]
# Text no database column holds, but the PDF must not mind either.
PDF_TEXTS = [*PDF_NAMES, "word " * 2000, "W" * 10000, "\ufdfd" * 10000, "a\ud800b", "\n" * 500]


def test_the_pdf_builds_with_hostile_names(
    app: Flask, make_staff: Any, make_case: Any, staff_browser: Any
) -> None:
    for name in PDF_NAMES:
        investigator_named(app, make_staff, make_case, name)
    # A code the vocabulary does not know is shown (and charted) as it is stored.
    make_case(covered_area="\x1b$\\frac{$", received_on=date(2026, 8, 3))
    supervisor = staff_browser("supervisor")
    response = supervisor.get("/staff/reports/export.pdf?period=2026-Q3")
    assert response.status_code == 200
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "Caseload" in text
    assert "Emoji" in text
    assert supervisor.get("/staff/reports?period=2026-Q3").status_code == 200


# A character the font lacks (emoji, say) is drawn as a box; matplotlib warns of it.
@pytest.mark.filterwarnings("ignore:Glyph .* missing from font:UserWarning")
def test_the_pdf_builds_with_any_text(app: Flask) -> None:
    summary = Summary(
        period=parse("2026"),
        total=12,
        tables=[
            Table(name, name, [Row(str(n), text, 7) for n, text in enumerate(PDF_TEXTS)])
            for name in ("kind", "language")
        ],
        caseload=[Caseload(text, 1, 0) for text in PDF_TEXTS],
    )
    with app.test_request_context():
        document = pdf.build(summary)
    assert len(PdfReader(io.BytesIO(document)).pages) > 1


def test_charts_draw_any_label(app: Flask, make_case: Any, staff_browser: Any) -> None:
    # A code the vocabulary does not know is shown as it is stored.
    make_case(language="$x^$", received_on=date(2026, 8, 3))
    make_case(language="\x1b$\\frac{$", received_on=date(2026, 8, 4))
    supervisor = staff_browser("supervisor")
    for name in ("language", "kind", "trend"):
        response = supervisor.get(f"/staff/reports/charts/{name}.svg?period=2026-Q3")
        assert response.status_code == 200, name
    assert supervisor.get("/staff/reports/export.pdf?period=2026-Q3").status_code == 200
    with app.app_context():
        labels = [Row(str(n), text, n + 1) for n, text in enumerate(["$$", "a\ud800b", "x" * 99])]
        assert b"<svg" in charts.render(charts.bars(labels, "$\\frac{$"), "svg")


def test_printable_text_for_pdf_and_charts() -> None:
    assert printable("a\x00b\x1b c\td\ne\u2028f\ud800\ufffe", 100) == "ab c d e f"
    assert printable("x" * 500, 10) == "x" * 9 + "…"
    assert printable("", 10) == ""
