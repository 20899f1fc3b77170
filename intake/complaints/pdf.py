"""The signed complaint as a PDF: an English legal document, with the statement of facts in the
resident's words and the attestation in their language beside the English.

Fonts as the letters' (`intake.fonts`: DejaVu Sans, and the Noto fonts for Chinese, Korean and
Devanagari where the machine has them). A letter no font here can draw is drawn as "□" and the
PDF says that the full text is kept in the case record (the stored complaint is the record; the
PDF's digest proves the PDF unchanged).
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from flask_babel import force_locale
from flask_babel import gettext as _
from fpdf import FPDF

from .. import fonts, vocab
from ..i18n import direction
from ..letters.pdf import clean, letterhead
from ..models import Complaint, Report
from . import oath
from .drafting import FIELDS

MISSING_GLYPH = "\u25a1"


def drawn(text: str) -> tuple[str, bool]:
    """`text` as the fonts here can draw it, and whether any letter had to be replaced."""
    covered = fonts.covered(text)
    out = [c if c.isspace() or ord(c) in covered else MISSING_GLYPH for c in clean(text)]
    result = "".join(out)
    return result, result != clean(text)


class _Writer:
    """Headings and paragraphs on the page, remembering whether a letter could not be drawn."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self.replaced = False

    def heading(self, text: str) -> None:
        self.pdf.ln(3)
        self.pdf.set_font("body", "B", 11)
        self.paragraph(text, size=11, bold=True)

    def paragraph(
        self, text: str, *, size: int = 10, bold: bool = False, rtl: bool = False
    ) -> None:
        shown, replaced = drawn(text)
        self.replaced |= replaced
        self.pdf.set_font("body", "B" if bold else "", size)
        self.pdf.multi_cell(
            0, 5.5, shown or "—", align="R" if rtl else "L", new_x="LMARGIN", new_y="NEXT"
        )


def _signature_line(complaint: Complaint) -> str:
    day = complaint.signed_on.isoformat() if complaint.signed_on else ""
    name = complaint.signed_name or ""
    if complaint.signed_via == "paper":
        text = _(
            "Signed on paper on %(day)s by %(name)s. The signed page is kept with the case.",
            day=day,
            name=name,
        )
    else:
        stamp = complaint.signed_at.strftime("%Y-%m-%d %H:%M UTC") if complaint.signed_at else day
        text = _("Signed online on %(stamp)s by typing the name: %(name)s", stamp=stamp, name=name)
    return str(text)


def build(report: Report, complaint: Complaint) -> bytes:
    """The complaint's PDF (US Letter). Call after the signature is set."""
    pdf = FPDF(format="Letter")
    # A fixed creation date: the same complaint gives the same document information.
    signed = complaint.signed_at or datetime.combine(complaint.filed_on, time(), UTC)
    pdf.set_creation_date(signed)
    said = [str(getattr(complaint, name) or "") for name in FIELDS]
    fonts.prepare(
        pdf,
        [*said, complaint.signed_name or "", oath.translated(complaint.language) or ""],
        language=complaint.language,
    )
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    page = _Writer(pdf)
    rtl = direction(complaint.language) == "rtl"
    with force_locale(oath.SOURCE_LANGUAGE):
        name, address, _phone = letterhead()
        pdf.set_title(clean(_("Complaint %(case)s", case=report.case_number)))
        page.paragraph(name, size=14, bold=True)
        for line in address:
            page.paragraph(line, size=9)
        pdf.ln(4)
        page.paragraph(_("Complaint of discrimination"), size=16, bold=True)
        page.paragraph(_("Case number: %(case)s", case=report.case_number))
        page.paragraph(_("Record number: %(record)s", record=report.record_number))
        page.paragraph(_("Version %(number)d", number=complaint.number))
        page.paragraph(_("Filed on: %(day)s", day=complaint.filed_on.isoformat()))
        facts = [
            (_("Complainant"), complaint.complainant_name or ""),
            (_("Respondent"), complaint.respondent_name or ""),
            (_("Respondent's address"), complaint.respondent_address or ""),
            (_("Covered area"), str(vocab.label(vocab.COVERED_AREAS, complaint.covered_area))),
            (
                _("Protected classes"),
                ", ".join(
                    str(vocab.label(vocab.PROTECTED_CLASSES, code)) for code in complaint.classes()
                ),
            ),
            (_("When it happened"), complaint.incident_dates or ""),
        ]
        for label, value in facts:
            page.heading(label)
            page.paragraph(value)
        page.heading(_("Statement of facts"))
        page.paragraph(complaint.statement or "", rtl=rtl)
        page.heading(_("Attestation (the legal text)"))
        page.paragraph(oath.english())
    translation = oath.translated(complaint.language)
    if translation:
        with force_locale(complaint.language):
            page.heading(_("Translation of the attestation (for your understanding)"))
        page.paragraph(translation, rtl=rtl)
    with force_locale(oath.SOURCE_LANGUAGE):
        page.heading(_("Signature"))
        page.paragraph(_signature_line(complaint))
        if page.replaced:
            pdf.ln(4)
            page.paragraph(
                _(
                    "Some letters cannot be drawn in this PDF and are shown as %(mark)s. The "
                    "complete text is kept in the commission's case record.",
                    mark=MISSING_GLYPH,
                ),
                size=8,
            )
    return bytes(pdf.output())
