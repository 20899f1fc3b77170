"""The paper form as a PDF, one per language, cached: it only changes with a deploy.

Fonts: DejaVu Sans (matplotlib's) for Latin and Cyrillic, Noto Naskh Arabic as the body font of
the right-to-left languages (Arabic, Urdu) with DejaVu behind it for digits and Latin letters,
and the Noto CJK and Devanagari fonts for the letters that need them (`intake.fonts`). Every
document names the ten languages in their own scripts, so every document needs those fonts:
`undrawable` says which letters the fonts found here cannot draw (the tests require none).
Check boxes and writing lines are drawn, never glyphs, so no font can lose them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # fpdf2's dependency
from fpdf import FPDF

from .. import fonts
from ..i18n import direction
from .content import Header, Item, Part, header, parts

WIDE_FONT = "noto-arabic"  # The body font of right-to-left documents (intake.fonts.FALLBACKS).
MARGIN = 18.0
BOX = 3.6
LINE_GAP = 8.5
CACHE_KEY = "paper_forms"
# Control and direction-mark characters are dropped; the isolates (U+2066…U+2069) around numbers
# stay: fpdf2's bidi algorithm honours them and draws nothing for them.
NOT_DRAWN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e]")
ISOLATES = re.compile(r"[\u2066-\u2069]")
RTL_LETTERS = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def clean(text: str) -> str:
    """Text as the PDF draws it."""
    return NOT_DRAWN.sub("", text.replace("\r\n", "\n"))


def text_direction(text: str) -> str:
    """A paragraph's own direction: right to left when it holds Arabic letters. (A message not
    yet translated is English in an Arabic form, and reads left to right.)"""
    return "rtl" if RTL_LETTERS.search(text) else "ltr"


class PaperPDF(FPDF):
    """A US Letter page with the form's margins; text flows in the language's direction."""

    def __init__(self, rtl: bool) -> None:
        super().__init__(format="Letter")
        self.rtl = rtl
        self.align = "R" if rtl else "L"
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 6)

    @property
    def inner(self) -> float:
        """The width between the margins."""
        return float(self.w - self.l_margin - self.r_margin)

    def room(self, height: float) -> None:
        """Start a new page unless `height` more fits on this one."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def write_cell(self, width: float, height: float, text: str, **options: Any) -> None:
        """A multi-line cell in the text's own direction, aligned to the language's start."""
        self.set_text_shaping(True, direction=text_direction(text))
        options.setdefault("align", self.align)
        fonts.select_again(self)
        self.multi_cell(width, height, clean(text), **options)

    def para(self, text: str, size: float = 10, bold: bool = False, height: float = 5) -> None:
        """A paragraph across the page, aligned to the language's start."""
        self.set_font("body", "B" if bold else "", size)
        self.write_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")

    def start_x(self, width: float) -> float:
        """The x of a block `width` wide at the start side of the line."""
        return float(self.l_margin if not self.rtl else self.w - self.r_margin - width)

    def box(self, x: float, y: float) -> None:
        """An empty check box, drawn (not a glyph)."""
        self.set_line_width(0.3)
        self.rect(x, y, BOX, BOX)

    def checked_text(self, x: float, width: float, text: str, size: float = 9.5) -> float:
        """A check box and its words in a column starting at `x`; the height used."""
        gap = BOX + 2
        box_x = x if not self.rtl else x + width - BOX
        text_x = x + gap if not self.rtl else x
        top = self.get_y()
        self.box(box_x, top + 0.7)
        self.set_font("body", "", size)
        self.set_xy(text_x, top)
        self.write_cell(width - gap, 5, text, new_x="LEFT", new_y="NEXT")
        return float(self.get_y() - top)

    def lines(self, count: int, width: float | None = None) -> None:
        """`count` lines to write on, a pen's height apart."""
        width = width or self.inner
        self.set_line_width(0.2)
        for _line in range(count):
            self.room(LINE_GAP + 1)
            self.set_y(self.get_y() + LINE_GAP)
            x = self.start_x(width)
            self.line(x, self.get_y(), x + width, self.get_y())
        self.ln(2)


def _columns(pdf: PaperPDF, choices: tuple[str, ...]) -> int:
    pdf.set_font("body", "", 9.5)
    widest = max((pdf.get_string_width(clean(choice)) for choice in choices), default=0)
    if widest + BOX + 6 < pdf.inner / 3:
        return 3
    # Long lists in two columns, their longest choices wrapping.
    return 2 if len(choices) > 4 or widest + BOX + 6 < pdf.inner / 2 else 1


def draw_choices(pdf: PaperPDF, choices: tuple[str, ...]) -> None:
    """Check boxes in as many columns as the longest choice allows, in reading order."""
    count = _columns(pdf, choices)
    width = pdf.inner / count
    rows = [choices[i : i + count] for i in range(0, len(choices), count)]
    for row in rows:
        pdf.room(11)
        top, used = pdf.get_y(), 0.0
        for column, choice in enumerate(row):
            offset = column * width if not pdf.rtl else pdf.inner - (column + 1) * width
            pdf.set_y(top)
            used = max(used, pdf.checked_text(pdf.l_margin + offset, width - 2, choice))
        pdf.set_xy(pdf.l_margin, top + used + 1)
    pdf.ln(1)


def draw_item(pdf: PaperPDF, item: Item) -> None:
    """One question: its label, hint and notes, then the place to answer."""
    pdf.room(22 if item.answer != "lines" else 30)
    if item.answer == "check":
        pdf.set_font("body", "B", 10)
        pdf.checked_text(pdf.l_margin, pdf.inner, item.label, size=10)
        pdf.set_x(pdf.l_margin)
    else:
        pdf.para(item.label, size=10.5, bold=True)
    if item.description:
        pdf.para(item.description, size=8.5, height=4.2)
    for note in item.notes:
        pdf.set_text_color(90, 90, 90)
        mark = "◂" if text_direction(note) == "rtl" else "▸"
        pdf.para(f"{mark} {note}", size=8.5, height=4.2)
        pdf.set_text_color(0, 0, 0)
    if item.answer == "choices":
        pdf.ln(1)
        draw_choices(pdf, item.choices)
    elif item.answer == "lines":
        pdf.lines(item.lines)
    elif item.answer == "line":
        pdf.lines(1)
    elif item.answer == "short":
        pdf.lines(1, width=45)
    pdf.ln(3)


def draw_header(pdf: PaperPDF, head: Header) -> None:
    """The first page's top: the commission, the title, the help numbers and the address."""
    pdf.para(head.commission, size=11, bold=True)
    pdf.para(head.title, size=17, bold=True, height=8)
    pdf.ln(1)
    for line in head.intro:
        pdf.para(line, size=10)
    pdf.ln(2)
    pdf.para(head.help_title, size=11, bold=True)
    half = pdf.inner / 2
    for label, number in head.help:
        top = pdf.get_y()
        pdf.set_font("body", "", 9)
        label_x, number_x = (
            (pdf.l_margin, pdf.l_margin + half)
            if not pdf.rtl
            else (
                pdf.l_margin + half,
                pdf.l_margin,
            )
        )
        pdf.set_xy(label_x, top)
        pdf.write_cell(half, 4.6, label, new_x="LEFT", new_y="NEXT")
        bottom = pdf.get_y()
        pdf.set_xy(number_x, top)
        pdf.set_font("body", "B", 9)
        pdf.write_cell(half, 4.6, number, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(bottom, pdf.get_y()) + 0.6)
    pdf.ln(2)
    draw_address(pdf, head)


def draw_address(pdf: PaperPDF, head: Header) -> None:
    """Where to mail the form, and the phone for those who would rather talk."""
    pdf.room(40)
    pdf.para(head.back[0], size=10.5, bold=True)
    for line in head.address:
        pdf.para(line, size=10)
    pdf.para(head.back[1], size=10)
    pdf.ln(2)


def draw_part(pdf: PaperPDF, part: Part) -> None:
    """A section's title, its notes, then its pages' questions."""
    pdf.room(30)
    pdf.ln(2)
    pdf.set_fill_color(230, 230, 230)
    pdf.set_font("body", "B", 13)
    pdf.write_cell(0, 8, part.title, fill=True, new_x="LMARGIN")
    pdf.ln(3)
    for note in part.notes:
        pdf.para(note, size=9.5)
        pdf.ln(2)
    for title, items in part.groups:
        if title:
            pdf.room(30)
            pdf.para(title, size=11.5, bold=True, height=6)
            pdf.ln(1)
        for item in items:
            draw_item(pdf, item)


def page_numbers(pdf: PaperPDF) -> None:
    """ "Page 2 of 9" at the foot of every page, written once the total is known."""
    total = pdf.page
    pdf.set_auto_page_break(False)
    for number in range(1, total + 1):
        pdf.page = number
        pdf.set_xy(pdf.l_margin, pdf.h - MARGIN)
        # fpdf2 skips a font change it thinks is current, but each page's text has its own.
        pdf.set_font("body", "B", 8)
        pdf.set_font("body", "", 8)
        text = _("Page %(page)d of %(total)d", page=number, total=total)
        pdf.write_cell(0, 4, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.page = total


def texts(head: Header, found: list[Part]) -> Iterator[str]:
    """Every string the document draws."""
    yield head.commission
    yield head.title
    yield head.help_title
    yield from (*head.intro, *head.address, *head.back)
    for label, number in head.help:
        yield from (label, number)
    for part in found:
        yield from (part.title, *part.notes)
        for title, items in part.groups:
            yield title
            for item in items:
                yield from (item.label, item.description, *item.notes, *item.choices)
    yield _("Page %(page)d of %(total)d", page=99, total=99)


def font_files(language: str, text: str) -> list[tuple[str, Path, int]]:
    """(family, file, face) of every font the document uses, body first."""
    used: list[tuple[str, Path, int]] = []
    wide = fonts.fallback_file(WIDE_FONT) if direction(language) == "rtl" else None
    if wide is not None:
        used.append(("body", wide, 0))
    used.append(("latin" if wide is not None else "body", fonts.BODY, 0))
    letters = {ord(char) for char in text}
    for family, ranges in fonts.RANGES.items():
        if not any(low <= code <= high for code in letters for low, high in ranges):
            continue
        path = fonts.fallback_file(family)
        if path is not None:
            used.append((family, path, fonts.face(path, language)))
    return used


def _add_fonts(pdf: PaperPDF, used: list[tuple[str, Path, int]]) -> None:
    for family, path, face in used:
        bold = fonts.BODY_BOLD if path == fonts.BODY else fonts.bold_file(path)
        pdf.add_font(family, "", str(path), collection_font_number=face)
        pdf.add_font(family, "B", str(bold), collection_font_number=face)
    # Bold text falls back too (a bold Chinese heading uses the bold CJK face).
    pdf.set_fallback_fonts([family for family, _path, _face in used[1:]], exact_match=False)


@cache
def _letters(path: Path, face: int) -> frozenset[int]:
    with TTFont(str(path), fontNumber=face, lazy=True) as font:
        return frozenset(font["cmap"].getBestCmap())


def undrawable(language: str) -> str:
    """The letters of the language's paper form that no font used for it can draw ("" when
    every letter can be drawn)."""
    with force_locale(language):
        text = "".join(texts(header(), parts()))
    letters: set[int] = set()
    for _family, path, face in font_files(language, text):
        letters |= _letters(path, face)
    drawn = ISOLATES.sub("", clean(text))
    return "".join(sorted({c for c in drawn if not c.isspace() and ord(c) not in letters}))


def build(language: str) -> bytes:
    """The whole form in `language`, as a PDF."""
    rtl = direction(language) == "rtl"
    pdf = PaperPDF(rtl)
    with force_locale(language):
        head, found = header(), parts()
        pdf.set_title(clean(head.title))
        pdf.set_lang(language)
        pdf.set_creator(clean(head.commission))
        _add_fonts(pdf, font_files(language, "".join(texts(head, found))))
        pdf.add_page()
        draw_header(pdf, head)
        for part in found:
            draw_part(pdf, part)
        pdf.ln(4)
        draw_address(pdf, head)
        page_numbers(pdf)
    return bytes(pdf.output())


def form_pdf(language: str) -> bytes:
    """The cached form in `language` (built on first use, once per language and process)."""
    cached: dict[str, bytes] = current_app.extensions.setdefault(CACHE_KEY, {})
    if language not in cached:
        cached[language] = build(language)
    return cached[language]
