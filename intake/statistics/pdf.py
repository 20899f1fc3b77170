"""The PDF summary: key figures, charts and tables, with a font that shapes Arabic script.

The font is DejaVu Sans, which matplotlib ships (Latin, Cyrillic, Greek, Arabic); text shaping
(uharfbuzz) joins Arabic letters and orders right-to-left runs correctly.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import matplotlib
from flask_babel import gettext as _
from fpdf import FPDF

from . import charts
from .cells import printable
from .summary import Summary, hidden_count

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
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


class _Report(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("body", size=8)
        self.cell(0, 8, _("Page %(page)d", page=self.page_no()), align="C")


def _document() -> _Report:
    pdf = _Report(format="Letter")
    pdf.add_font("body", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_text_shaping(True)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    return pdf


def _heading(pdf: FPDF, text: str, size: int = 13) -> None:
    pdf.set_font("body", "B", size)
    pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", "", 10)


def _table(pdf: FPDF, rows: list[tuple[str, str]]) -> None:
    with pdf.table(
        col_widths=(3, 1), text_align=("LEFT", "RIGHT"), first_row_as_headings=False, line_height=6
    ) as table:
        for label, value in rows:
            # Stored text may hold anything: control characters, a name of ten thousand letters.
            table.row([printable(label, CELL_LENGTH), printable(value, CELL_LENGTH)])
    pdf.ln(3)


def build(summary: Summary) -> bytes:
    """The summary as a PDF document."""
    hidden = hidden_count()
    pdf = _document()
    _heading(pdf, _("Summary report: %(period)s", period=summary.period.key), 16)
    if summary.public:
        note = _(
            "Public version: counts below 5 are not shown, nor a larger count from which a "
            "small one could be worked out."
        )
        pdf.multi_cell(0, 6, note, new_x="LMARGIN", new_y="NEXT")
    total = str(summary.total) if summary.total is not None else hidden
    figures = [(_("Reports received"), total)]
    for item in summary.timings:
        median = "—" if item.median is None else f"{item.median:g}"
        p90 = "—" if item.p90 is None else f"{item.p90:g}"
        figures.append((_("%(title)s: median", title=item.title), median))
        figures.append((_("%(title)s: 90th percentile", title=item.title), p90))
    _table(pdf, figures)

    _heading(pdf, _("Reports by month"))
    pdf.image(
        BytesIO(charts.render(charts.line(summary.trend, _("Reports by month")), "png")), w=170
    )
    for table in summary.tables:
        if not table.rows:
            continue
        _heading(pdf, str(table.title))
        if table.name in CHARTED:
            image = charts.render(charts.bars(table.rows, str(table.title)), "png")
            pdf.image(BytesIO(image), w=150)
        _table(
            pdf,
            [(row.label, str(row.shown)) for row in table.rows],
        )
    if summary.caseload:
        _heading(pdf, _("Caseload"))
        _table(
            pdf,
            [
                (
                    load.name,
                    _("%(open)d open, %(overdue)d overdue", open=load.open, overdue=load.overdue),
                )
                for load in summary.caseload
            ],
        )
    return bytes(pdf.output())
