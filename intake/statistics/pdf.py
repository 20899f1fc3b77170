"""The PDF summary: key figures, charts and tables, with a font that shapes Arabic script.

Fonts come from `intake.fonts` (DejaVu Sans; the Noto fonts for Chinese, Korean and Devanagari
where the machine has them); text shaping (uharfbuzz) joins Arabic letters and orders
right-to-left runs correctly. Every page names the
commission and the period at its top, and its number, the page count and the day the document
was made at its foot; every table has a header row, repeated on each page it runs onto, and a
heading never ends a page: it moves to the next with its chart and its table's first rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from babel.dates import format_date
from flask_babel import get_locale
from flask_babel import gettext as _
from fpdf import FPDF
from matplotlib.figure import Figure

from .. import fonts
from ..clock import today
from ..pages import COMMISSION_NAME
from . import charts, compliance
from .cells import printable
from .summary import Summary, hidden_count
from .summary import figures as summary_figures

# The longest text in a table's cell: a row must fit on one page (fpdf2 refuses it otherwise).
CELL_LENGTH = 200
CHARTED = (
    "kind",
    "covered_area",
    "protected_class",
    "bias_category",
    "incident_type",
    "community_area",
)
# Millimetres: a table's row, a heading's line, the widest and tallest a chart is drawn.
ROW_HEIGHT = 6
HEADING_HEIGHT = 8
CHART_WIDTH = 150
CHART_HEIGHT = 130
# A heading stays with its table's header row and this many rows after it.
KEPT_ROWS = 2


class _Report(FPDF):
    """Letter pages with the commission and period on top, page N of M and the date below."""

    def __init__(self, running_head: str, made_on: str) -> None:
        super().__init__(format="Letter")
        self.running_head = running_head
        self.made_on = made_on

    def header(self) -> None:
        self.set_font("body", size=8)
        self.set_text_color(80)
        self.multi_cell(0, 4, self.running_head, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)
        self.set_text_color(0)
        self.set_font("body", size=10)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("body", size=8)
        self.set_text_color(80)
        pages = _("Page %(page)d of %(pages)s", page=self.page_no(), pages=self.str_alias_nb_pages)
        self.cell(0, 8, pages, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 8, _("Generated %(date)s", date=self.made_on), align="R")
        self.set_text_color(0)


def _document(summary: Summary) -> _Report:
    locale = get_locale() or "en"
    head = _(
        "%(commission)s · Summary report: %(period)s",
        commission=str(COMMISSION_NAME),
        period=summary.period.key,
    )
    pdf = _Report(head, format_date(today(), "long", locale=locale))
    # What the pages say that may need a fallback font: the headings (in the reader's language),
    # every label (language names are written in their own script) and the months.
    labels = [row.label for table in summary.tables for row in table.rows]
    titles = [str(table.title) for table in summary.tables]
    months = [row.label for row in summary.trend]
    texts = [head, *titles, *labels, *months, _("Page %(page)d", page=1)]
    fonts.prepare(pdf, texts, language=str(get_locale()))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    return pdf


def _heading(pdf: FPDF, text: str, size: int = 13, keep: float = 0) -> None:
    """A heading, on the next page if it and the `keep` millimetres after it do not fit."""
    if pdf.will_page_break(HEADING_HEIGHT + keep):
        pdf.add_page()
    pdf.set_font("body", "B", size)
    pdf.multi_cell(0, HEADING_HEIGHT, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", "", 10)


def _kept(rows: int) -> float:
    """The height of a table's header and first rows, kept with what comes before them."""
    return ROW_HEIGHT * (1 + min(rows, KEPT_ROWS))


def _table(pdf: FPDF, header: Sequence[str], rows: list[Sequence[str]]) -> None:
    """A table with a header row, repeated at the top of every page the table runs onto."""
    right = ("RIGHT",) * (len(header) - 1)
    with pdf.table(
        col_widths=(3,) + (1,) * (len(header) - 1),
        text_align=("LEFT", *right),
        first_row_as_headings=True,
        repeat_headings=1,
        line_height=ROW_HEIGHT,
    ) as table:
        # Stored text may hold anything: control characters, a name of ten thousand letters.
        for row in [header, *rows]:
            table.row([printable(text, CELL_LENGTH) for text in row])
    pdf.ln(3)


def _chart_size(figure: Figure) -> tuple[float, float]:
    """Width and height (mm) to draw a chart: CHART_WIDTH wide, unless that is too tall."""
    width_in, height_in = figure.get_size_inches()
    width = min(CHART_WIDTH, CHART_HEIGHT * width_in / height_in)
    return width, width * height_in / width_in


def _section(
    pdf: FPDF, title: str, figure: Figure | None, header: Sequence[str], rows: list[Sequence[str]]
) -> None:
    """A heading, its chart (if any) and its table, the heading never alone at a page's end."""
    width, height = _chart_size(figure) if figure is not None else (0.0, 0.0)
    _heading(pdf, title, keep=height + _kept(len(rows)))
    if figure is not None:
        pdf.image(BytesIO(charts.render(figure, "png")), w=width, h=height)
    _table(pdf, header, rows)


def _figures(summary: Summary) -> list[Sequence[str]]:
    total = str(summary.total) if summary.total is not None else hidden_count()
    figures: list[Sequence[str]] = [(_("Reports received"), total)]
    figures += [
        (title, str(count) if count is not None else hidden_count())
        for title, count in summary_figures(summary)
    ]
    for item in summary.timings:
        median = "—" if item.median is None else f"{item.median:g}"
        p90 = "—" if item.p90 is None else f"{item.p90:g}"
        figures.append((_("%(title)s: median", title=item.title), median))
        figures.append((_("%(title)s: 90th percentile", title=item.title), p90))
    return figures


def build(summary: Summary) -> bytes:
    """The summary as a PDF document."""
    pdf = _document(summary)
    _heading(pdf, _("Summary report: %(period)s", period=summary.period.key), 16)
    if summary.public:
        note = _(
            "Public version: counts below 5 are not shown, nor a larger count from which a "
            "small one could be worked out."
        )
        pdf.multi_cell(0, 6, note, new_x="LMARGIN", new_y="NEXT")
    _table(pdf, (_("Figure"), _("Value")), _figures(summary))
    reports = _("Reports")
    _section(
        pdf,
        _("Reports by month"),
        charts.trend_chart(summary),
        (_("Month"), reports),
        [(row.label, str(row.shown)) for row in summary.trend],
    )
    for table in summary.tables:
        if not table.rows:
            continue
        figure = charts.table_chart(summary, table.name) if table.name in CHARTED else None
        rows: list[Sequence[str]] = [(row.label, str(row.shown)) for row in table.rows]
        _section(pdf, str(table.title), figure, (str(table.title), reports), rows)
    if summary.caseload:
        _section(
            pdf,
            _("Caseload"),
            None,
            (_("Investigator"), _("Open cases"), _("Overdue")),
            [(load.name, str(load.open), str(load.overdue)) for load in summary.caseload],
        )
    deadlines = compliance.deadline_rows(summary.compliance, hidden_count())
    stages = compliance.stage_rows(summary.stages)
    for title, header, lines in (
        (_("Deadlines met"), compliance.deadline_header(), deadlines),
        (_("Days to each stage"), compliance.stage_header(), stages),
    ):
        _section(pdf, title, None, header, [[str(value) for value in line] for line in lines])
    return bytes(pdf.output())
