"""A printed letter: the commission's letterhead, the date and the resident's address in the
resident's language, the record number, and the template's text.

Fonts come from `intake.fonts`: DejaVu Sans, with the Noto fonts for Chinese, Korean and
Devanagari where the machine has them. A letter in a language the fonts here cannot draw is
printed in English (`drawable` decides; the case page says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale, format_date, pgettext
from flask_babel import gettext as _
from fpdf import FPDF

from .. import fonts
from ..clock import today
from ..i18n import direction
from ..pages import COMMISSION_NAME

# Control and direction-mark characters: the shaping engine orders the text itself.
NOT_DRAWN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
BODY_LIMIT = 20_000


def drawable(text: str) -> bool:
    """Whether the PDF fonts found here draw every letter of `text` (intake.fonts)."""
    return fonts.drawable(clean(text))


def clean(text: str) -> str:
    """Text as the PDF draws it: no control or direction characters."""
    return NOT_DRAWN.sub("", text.replace("\r\n", "\n"))[:BODY_LIMIT]


@dataclass(frozen=True)
class Letter:
    """What goes on the page; `address` is empty when staff fill it in by hand."""

    language: str
    record_number: str
    body: str
    recipient: str = ""
    address: str = ""


def letterhead() -> tuple[str, list[str], str]:
    """(commission name in the current language, address lines, phone) from configuration."""
    config = current_app.config
    lines = str(config["COMMISSION_ADDRESS"]).splitlines()
    return (
        str(COMMISSION_NAME),
        [line for line in lines if line.strip()],
        str(config["HELP_NUMBERS"].get("commission", "")),
    )


def _labelled(label: str, value: str) -> str:
    return str(
        pgettext(
            "a label and its value, as in: Record number: HR-7K3M-9QX2",
            "%(label)s: %(value)s",
            label=label,
            value=value,
        )
    )


def lines_for(letter: Letter) -> tuple[list[str], str, list[str], str]:
    """(letterhead lines, date, address lines, record line) in the letter's language."""
    with force_locale(letter.language):
        name, address, phone = letterhead()
        head = [name, *address, _labelled(_("Phone"), phone)] if phone else [name, *address]
        dated = format_date(today(), "long")
        record = _labelled(_("Record number"), letter.record_number)
    recipient = [line for line in [letter.recipient, *letter.address.splitlines()] if line]
    return head, dated, recipient, record


def build(letter: Letter) -> bytes:
    """The letter as a one-or-more-page PDF (US Letter)."""
    head, dated, recipient, record = lines_for(letter)
    align = "R" if direction(letter.language) == "rtl" else "L"
    pdf = FPDF(format="Letter")
    pdf.set_title(clean(head[0]))
    fonts.prepare(pdf, [*head, dated, *recipient, record, letter.body], language=letter.language)
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("body", "B", 14)
    pdf.multi_cell(0, 7, clean(head[0]), align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", "", 9)
    for line in head[1:]:
        pdf.multi_cell(0, 5, clean(line), align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.line(pdf.l_margin, pdf.get_y() + 2, pdf.w - pdf.r_margin, pdf.get_y() + 2)
    pdf.ln(8)
    pdf.set_font("body", "", 11)
    pdf.multi_cell(0, 6, clean(dated), align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    # The address block keeps its height when empty: staff write the address in by hand.
    top = pdf.get_y()
    for line in recipient[:8]:
        pdf.multi_cell(90, 6, clean(line)[:200], align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(pdf.get_y(), top + 30))
    pdf.ln(4)
    pdf.multi_cell(0, 6, clean(record), align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, clean(letter.body), align=align, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
