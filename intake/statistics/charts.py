"""Charts drawn on the server with matplotlib: SVG for the page, PNG for the PDF.

Each chart on the page sits beside its data table, so screen readers get the same figures.
Every label is drawn whole or cut by `printable`'s rule (an ellipsis): a long label wraps onto
two lines, the figure grows to hold its labels, and a long trend labels only some months.
"""

from __future__ import annotations

import math
import textwrap
import warnings
from base64 import b64encode
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from io import BytesIO

from flask_babel import gettext as _
from matplotlib import rcParams
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path
from matplotlib.ticker import MaxNLocator

from .cells import printable
from .summary import Row, Summary

BAR_COLOR = "#1d4f91"
LINE_COLOR = "#00703c"
MAX_BARS = 15
# A bar's label: at most two lines of LINE_LENGTH characters, cut with an ellipsis beyond.
LINE_LENGTH = 28
TITLE_LENGTH = 100
# The most month labels a trend shows: beyond, every second (third...) month is labelled.
MAX_MONTH_LABELS = 18
WIDTH = 7.0
# Charts kept drawn (about 20 KB each): a dozen pages' worth.
CACHED_CHARTS = 144
# Inches: the space around the edges, and below the bars for the axis' numbers.
PAD = 0.1
AXIS = 0.4
# A title wraps after this many characters (about 6 inches at 11 points).
TITLE_LINE = 75
# Stable SVG output (ids do not change from one drawing to the next).
rcParams["svg.hashsalt"] = "intake"
rcParams["font.family"] = ["DejaVu Sans", "sans-serif"]
# What the SVG names after DejaVu Sans (a browser without it uses its own sans-serif).
rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]
# Text stays text in the SVG: the browser draws it with its fonts, so Chinese, Korean and Hindi
# names have glyphs and Arabic and Urdu are joined right to left (DejaVu Sans has no CJK).
rcParams["svg.fonttype"] = "none"
# Labels are data: "$x^$" is a name to show, not mathematics to typeset (or fail to).
rcParams["text.parse_math"] = False


def _shown(rows: list[Row]) -> list[Row]:
    return [row for row in rows if row.count is not None][:MAX_BARS]


@contextmanager
def _quiet_glyphs() -> Iterator[None]:
    """Measuring a Chinese or Korean label with DejaVu Sans warns of each glyph it lacks. In the
    SVG the browser draws them (text stays text); in the PDF's PNG they show as boxes."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
        yield


def _width(text: str, size: float) -> float:
    """The widest line of `text` in inches, as DejaVu Sans draws it at `size` points."""
    font = FontProperties(family=rcParams["font.family"], size=size)
    with _quiet_glyphs():
        return max(
            text_to_path.get_text_width_height_descent(part, font, ismath=False)[0] / 72
            for part in text.split("\n")
        )


def wrapped(label: str, length: int = LINE_LENGTH) -> str:
    """A label on at most two lines (each at most `length`), cut by `printable`'s rule."""
    text = printable(label, 2 * length)
    lines = textwrap.wrap(text, length) or [""]
    if len(lines) > 2:
        lines = [lines[0], printable(" ".join(lines[1:]), length)]
    return "\n".join(lines)


def _frame(width: float, height: float, margins: tuple[float, float, float, float]) -> Figure:
    """A figure of this size (inches) whose axes leave these margins (left, right, top,
    bottom) for the labels measured around them."""
    left, right, top, bottom = margins
    figure = Figure(figsize=(width, height), dpi=100)
    figure.subplots_adjust(
        left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height
    )
    return figure


def _title(figure: Figure, title: str) -> float:
    """The title at the figure's top left, wrapped; returns the height it takes (inches)."""
    text = textwrap.fill(printable(title, TITLE_LENGTH), TITLE_LINE)
    height = figure.get_figheight()
    figure.text(PAD / WIDTH, 1 - PAD / height, text, va="top", ha="left", fontsize=11)
    return PAD + 0.22 * (text.count("\n") + 1) + PAD


def bars(rows: list[Row], title: str) -> Figure:
    """Horizontal bars, largest at the top, labels readable at any length: the figure is as
    tall as its labels' lines and leaves them as wide a margin as the longest needs."""
    shown = list(reversed(_shown(rows)))
    labels = [wrapped(row.label) for row in shown]
    lines = sum(label.count("\n") + 1 for label in labels)
    title_lines = textwrap.fill(printable(title, TITLE_LENGTH), TITLE_LINE).count("\n") + 1
    top = 2 * PAD + 0.22 * title_lines
    plot = max(0.22 * lines + 0.16 * len(shown), 0.4)
    left = max((_width(label, 10) for label in labels), default=0) + 0.15 + PAD
    figure = _frame(WIDTH, top + plot + AXIS, (left, PAD, top, AXIS))
    _title(figure, title)
    axes = figure.add_subplot()
    counts = [row.count or 0 for row in shown]
    # By position, then labelled: two rows whose labels read the same stay two bars.
    positions = range(len(shown))
    axes.barh(positions, counts, color=BAR_COLOR)
    axes.set_yticks(positions, labels)
    for position, count in enumerate(counts):
        axes.text(count, position, f" {count}", va="center", fontsize=9)
    # Room on the right for the longest bar's count.
    axes.set_xlim(0, max(counts, default=0) * 1.15 + 1)
    axes.spines[["top", "right"]].set_visible(False)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return figure


def line(rows: list[Row], title: str) -> Figure:
    """A line of counts over months (labelled with every month, or every second, ...); the
    labels are turned 45° and the figure leaves room below and left for the longest."""
    labels = [printable(row.label, LINE_LENGTH) for row in rows]
    step = max(1, math.ceil(len(rows) / MAX_MONTH_LABELS))
    shown = labels[::step]
    # A label turned 45° reaches down and to the left by its width times sin 45°.
    reach = max((_width(label, 10) for label in shown), default=0) * 0.71
    first = _width(shown[0], 10) * 0.71 if shown else 0
    top = 2 * PAD + 0.22 * (
        textwrap.fill(printable(title, TITLE_LENGTH), TITLE_LINE).count("\n") + 1
    )
    left, bottom = max(0.6, first + PAD), reach + 0.35
    figure = _frame(WIDTH, top + 2.0 + bottom, (left, PAD, top, bottom))
    _title(figure, title)
    axes = figure.add_subplot()
    counts = [row.count if row.count is not None else float("nan") for row in rows]
    positions = list(range(len(rows)))
    axes.plot(positions, counts, marker="o", color=LINE_COLOR)
    axes.set_xticks(positions[::step], shown, rotation=45, ha="right", rotation_mode="anchor")
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def render(figure: Figure, kind: str) -> bytes:
    """The figure as "svg" or "png" bytes."""
    out = BytesIO()
    with _quiet_glyphs():
        figure.savefig(out, format=kind, metadata={"Date": None} if kind == "svg" else None)
    return out.getvalue()


def data_uri(figure: Figure) -> str:
    """The figure as an SVG `data:` address, for an <img> on the page that drew it."""
    return "data:image/svg+xml;base64," + b64encode(render(figure, "svg")).decode("ascii")


def trend_chart(summary: Summary) -> Figure:
    """The summary's reports by month."""
    return line(summary.trend, _("Reports by month"))


def table_chart(summary: Summary, name: str) -> Figure:
    """One of the summary's tables as bars."""
    table = summary.table(name)
    return bars(table.rows, str(table.title))


@lru_cache(maxsize=CACHED_CHARTS)
def _drawn(kind: str, rows: tuple[Row, ...], title: str) -> str:
    """A chart's `data:` address: the same rows and title (in the same language) draw the
    same chart, so a page shown again, or by another supervisor, reuses it."""
    figure = line(list(rows), title) if kind == "line" else bars(list(rows), title)
    return data_uri(figure)


def page_charts(summary: Summary, charted: Iterable[str]) -> dict[str, str]:
    """Every chart of the page as a `data:` address, by name ("trend" or a table's): drawn
    from the summary the page already holds, so the page computes its figures once."""
    drawn = {"trend": _drawn("line", tuple(summary.trend), _("Reports by month"))}
    for table in summary.tables:
        if table.name in charted and table.rows:
            drawn[table.name] = _drawn("bars", tuple(table.rows), str(table.title))
    return drawn
