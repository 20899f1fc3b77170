"""The reports page: one summary per page, charts that keep their labels, months in the
reader's language, and a period form laid out as one row."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from openpyxl import load_workbook
from sqlalchemy import event

from intake.extensions import db
from intake.statistics import charts
from intake.statistics.cells import printable
from intake.statistics.periods import parse
from intake.statistics.summary import Row, summarize

from .helpers import hate_answers

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def quarter(make_case: Any) -> None:
    """Reports in July, August and September 2026."""
    for month, times in ((7, 1), (8, 2), (9, 3)):
        for _ in range(times):
            make_case(hate_answers(), received_on=date(2026, month, 10))


@contextmanager
def counted(app: Flask) -> Iterator[list[str]]:
    """The SQL statements run inside the block."""
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_the_page_computes_its_summary_once(app: Flask, quarter: None, staff_browser: Any) -> None:
    supervisor = staff_browser("supervisor")
    supervisor.get("/staff/reports?period=2026-Q3")  # Sessions, the daily counts: all warm.
    with app.test_request_context(), counted(app) as summary_queries:
        summarize(parse("2026-Q3"), date(2026, 10, 1))
    with counted(app) as page_queries:
        response = supervisor.get("/staff/reports?period=2026-Q3")
        page = response.get_data(as_text=True)
        # Whatever the page asks the server for to show itself (its images) counts too.
        for src in re.findall(r'<img [^>]*src="([^"]+)"', page):
            if not src.startswith("data:"):
                assert supervisor.get(src.replace("&amp;", "&")).status_code == 200
    assert len(summary_queries) > 5
    # One summary, plus signing in and the page's own few: never one summary per chart.
    assert len(page_queries) < 2 * len(summary_queries), len(page_queries)
    images = re.findall(r'<img [^>]*src="([^"]+)"[^>]*class="chart"', page)
    assert len(images) >= 6  # The trend, and each table with rows (hate incidents only here).
    assert all(src.startswith("data:image/svg+xml;base64,") for src in images)
    # The embedded images are allowed, and nothing more than that is.
    policy = response.headers["Content-Security-Policy"]
    img_src = re.search(r"img-src ([^;]*)", policy)
    assert img_src is not None
    assert img_src[1].split() == ["'self'", "data:"]


def test_every_chart_keeps_its_table_beside_it(
    app: Flask, quarter: None, staff_browser: Any
) -> None:
    page = staff_browser("supervisor").get("/staff/reports?period=2026-Q3").get_data(as_text=True)
    pairs = re.findall(r'<div class="chart-pair">(.*?)</div>', page, re.S)
    charted = [pair for pair in pairs if 'class="chart"' in pair]
    assert len(charted) >= 6
    assert all("<table>" in pair and "</tbody></table>" in pair for pair in charted)


@pytest.mark.parametrize(
    ("lang", "july"),
    [
        ("en", "Jul 2026"),
        ("es", "jul 2026"),
        ("zh", "2026年7月"),
        ("ko", "2026년 7월"),
        ("ar", "يوليو 2026"),
    ],
)
def test_months_are_written_in_the_readers_language(
    app: Flask, quarter: None, staff_browser: Any, lang: str, july: str
) -> None:
    supervisor = staff_browser("supervisor")
    page = supervisor.get(f"/staff/reports?period=2026-Q3&lang={lang}").get_data(as_text=True)
    assert f"<td>{july}</td><td>1</td>" in page
    assert "<td>2026-07</td>" not in page
    # The trend chart too: its text stays text in the SVG.
    trend = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert trend is not None
    from base64 import b64decode

    assert july in b64decode(trend[1]).decode("utf-8")
    data = supervisor.client.get("/staff/reports/export.csv?period=2026-Q3", buffered=True).data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [july, "1"] in [row[1:] for row in rows]
    xlsx = supervisor.client.get("/staff/reports/export.xlsx?period=2026-Q3", buffered=True)
    overview = load_workbook(io.BytesIO(xlsx.data)).worksheets[0]
    assert july in [cell.value for row in overview.iter_rows() for cell in row]


def drawn_inside(figure: Figure) -> bool:
    """Whether everything the figure draws lies within its edges (the SVG's viewBox)."""
    FigureCanvasAgg(figure)
    figure.canvas.draw()
    drawn = figure.get_tightbbox(figure.canvas.get_renderer())
    edges = figure.bbox_inches
    return bool(
        drawn.x0 >= edges.x0
        and drawn.y0 >= edges.y0
        and drawn.x1 <= edges.x1 + 1e-6
        and drawn.y1 <= edges.y1 + 1e-6
    )


LONG_LABELS = [
    "Race, ethnicity, or ancestry (including national origin)",  # 56 characters
    "Sexual orientation",
    "Gender identity or gender expression of the person harmed",
    "x" * 80,
    "Credit history (employment only, never housing or public places)",
]


def svg_text(figure: Figure) -> list[str]:
    svg = charts.render(figure, "svg").decode("utf-8")
    return [text for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def test_long_bar_labels_wrap_whole_and_fit_the_chart() -> None:
    rows = [Row(str(n), label, 10 + n) for n, label in enumerate(LONG_LABELS)]
    figure = charts.bars(rows, "A title long enough to need a second line " * 3)
    assert drawn_inside(figure)
    shown = "\n".join(svg_text(figure))
    for label in LONG_LABELS:
        lines = charts.wrapped(label).split("\n")
        assert len(lines) <= 2
        assert all(line in shown for line in lines), label
        joined = " ".join(lines)
        # Whole, or cut only as printable cuts: a start of the label, then the ellipsis.
        if joined.replace(" ", "") != label.replace(" ", ""):
            assert joined.endswith("…"), label
            assert label.replace(" ", "").startswith(joined[:-1].replace(" ", "")), label
            assert len(label) > 2 * charts.LINE_LENGTH or len(label.split()) > 1
    # A label of 56 characters is shown whole (it used to end in "…" after 39).
    assert "Race, ethnicity, or ancestry" in shown
    assert "(including national origin)" in shown
    assert printable(LONG_LABELS[0], 200) == LONG_LABELS[0]


@pytest.mark.parametrize("months", [3, 12, 36, 120])
def test_trend_month_labels_fit_and_never_overlap(months: int) -> None:
    rows = [
        Row(str(n), f"{['Sept.', 'Oct.', 'Nov.'][n % 3]} {2016 + n // 12} р.", n % 7)
        for n in range(months)
    ]
    figure = charts.line(rows, "Reports by month")
    assert drawn_inside(figure)
    axes = figure.axes[0]
    labels = [label for label in axes.get_xticklabels() if label.get_text()]
    assert 3 <= len(labels) <= charts.MAX_MONTH_LABELS
    # Labels turned 45° are parallel lines: apart by the ticks' distance times sin 45°, which
    # must be more than a line of text (10 points at 100 dots per inch).
    ticks = axes.transData.transform([(tick, 0) for tick in axes.get_xticks()])[:, 0]
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)]
    line_height = 10 / 72 * figure.dpi * 1.2
    assert min(gaps) * math.sin(math.radians(45)) >= line_height, min(gaps)


def test_the_period_form_is_one_row_that_wraps() -> None:
    template = (ROOT / "templates/staff/reports.html").read_text(encoding="utf-8")
    form = template[template.index('<form method="get" class="period-form"') :]
    form = form[: form.index("</form>")]
    # The preset, the days, the public toggle and Show are the row's four parts, in order.
    parts = ["period-form__preset", "period-form__days", "period-form__public", "period-form__show"]
    positions = [form.index(part) for part in parts]
    assert positions == sorted(positions)
    css = (ROOT / "intake/static/intake.css").read_text(encoding="utf-8")
    section = css[css.index("Reports page") :]
    rule = re.search(r"\.period-form \{([^}]*)\}", section)
    assert rule is not None
    assert "flex-wrap: wrap" in rule[1]
    assert "align-items: flex-end" in rule[1]
    # Date inputs look like the other inputs; every part takes the full width on a phone.
    assert "input[type=date]" in section
    assert re.search(r"@media \(max-width: [\d.]+rem\) \{\s*\.period-form > \*", section)
