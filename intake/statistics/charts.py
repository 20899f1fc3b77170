"""Charts drawn on the server with matplotlib: SVG for the page, PNG for the PDF.

Each chart on the page sits beside its data table, so screen readers get the same figures.
"""

from __future__ import annotations

from io import BytesIO

from matplotlib import rcParams
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .cells import printable
from .summary import Row

BAR_COLOR = "#1d4f91"
LINE_COLOR = "#00703c"
MAX_BARS = 15
LABEL_LENGTH = 40
TITLE_LENGTH = 100
# Stable SVG output (ids do not change from one drawing to the next).
rcParams["svg.hashsalt"] = "intake"
rcParams["font.family"] = "DejaVu Sans"
# Labels are data: "$x^$" is a name to show, not mathematics to typeset (or fail to).
rcParams["text.parse_math"] = False


def _shown(rows: list[Row]) -> list[Row]:
    return [row for row in rows if row.count is not None][:MAX_BARS]


def bars(rows: list[Row], title: str) -> Figure:
    """Horizontal bars, largest at the top, labels readable at any length."""
    shown = list(reversed(_shown(rows)))
    figure = Figure(figsize=(7, 0.45 * max(len(shown), 1) + 1.2), dpi=100)
    axes = figure.add_subplot()
    labels = [printable(row.label, LABEL_LENGTH) for row in shown]
    counts = [row.count or 0 for row in shown]
    # By position, then labelled: two rows whose labels read the same stay two bars.
    positions = range(len(shown))
    axes.barh(positions, counts, color=BAR_COLOR)
    axes.set_yticks(positions, labels)
    for position, count in enumerate(counts):
        axes.text(count, position, f" {count}", va="center", fontsize=9)
    axes.set_title(printable(title, TITLE_LENGTH), loc="left", fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    figure.tight_layout()
    return figure


def line(rows: list[Row], title: str) -> Figure:
    """A line of counts over months."""
    figure = Figure(figsize=(7, 3), dpi=100)
    axes = figure.add_subplot()
    labels = [printable(row.label, LABEL_LENGTH) for row in rows]
    counts = [row.count if row.count is not None else float("nan") for row in rows]
    axes.plot(labels, counts, marker="o", color=LINE_COLOR)
    axes.set_title(printable(title, TITLE_LENGTH), loc="left", fontsize=11)
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(axis="x", labelrotation=45)
    figure.tight_layout()
    return figure


def render(figure: Figure, kind: str) -> bytes:
    """The figure as "svg" or "png" bytes."""
    out = BytesIO()
    figure.savefig(out, format=kind, metadata={"Date": None} if kind == "svg" else None)
    return out.getvalue()
