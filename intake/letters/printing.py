"""Printing a template as a letter for a case: which language, whose address, and the audit.

The letter is in the resident's language when the library has that text and the letter's font
can draw it; otherwise in English, and the case page says why. The resident's name and mailing
address are printed only while the staff member has the contact details shown on the case page
(need-to-know: identity.py); otherwise the address block is left for staff to fill in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import force_locale

from .. import notifications
from ..cases import audit, identity
from ..cases.access import can_view
from ..extensions import db
from ..models import LetterTemplate, Report, Staff
from ..roles import READ_CASES
from . import library, pdf, render
from .seed import SOURCE_LANGUAGE


@dataclass(frozen=True)
class Printed:
    """A letter ready to send to the browser."""

    data: bytes
    language: str
    with_address: bool


def font_covers(language: str) -> bool:
    """Whether letters can be printed in `language` (the font has its letters)."""
    with force_locale(language):
        head, _address, _phone = pdf.letterhead()
    return pdf.drawable(head)


def _text(template: LetterTemplate, report: Report) -> tuple[str, str, int]:
    """(language, filled text, version number) for the letter."""
    wanted = notifications.resident_language(report)
    for language in (wanted, SOURCE_LANGUAGE):
        version = library.current(template, language)
        if version is None:
            continue
        text = render.fill(version.body, render.case_values(report, language))
        if language == SOURCE_LANGUAGE or (font_covers(language) and pdf.drawable(text)):
            return language, text, version.number
    raise LookupError(template.key)


def print_letter(staff: Staff, template: LetterTemplate, report: Report) -> Printed:
    """The letter as a PDF; the print is audited (which template, language and version, whether
    the address was printed; never the text)."""
    language, text, number = _text(template, report)
    _may, shown = identity.contact_shown(staff, report)
    contact = report.contact if shown else None
    address = (contact.mailing_address or "") if contact else ""
    letter = pdf.Letter(
        language=language,
        record_number=report.record_number,
        body=text,
        recipient=(contact.name or "") if contact and address else "",
        address=address,
    )
    data = pdf.build(letter)
    detail = f"{template.key} {language} v{number}" + (" with address" if address else "")
    audit.record(staff, "letter_printed", report, detail=detail)
    db.session.commit()
    return Printed(data, language, bool(address))


@dataclass(frozen=True)
class Preview:
    """A template's text filled in for the preview page; `report` is None for sample values."""

    text: str
    report: Report | None


def find_case(staff: Staff, case_number: str) -> Report | None:
    """The case with this case or record number, only if `staff` may open it (an administrator
    may open none); None also when there is no such case, so nothing leaks."""
    number = case_number.strip().upper()[:20]
    if not number or not staff.can(*READ_CASES):
        return None
    report: Report | None = db.session.scalar(
        db.select(Report).where((Report.case_number == number) | (Report.record_number == number))
    )
    if report is None or report.disposed_on is not None or not can_view(staff, report):
        return None
    return report


def preview(staff: Staff, body: str, language: str, case_number: str, key: str) -> Preview:
    """`body` filled in, in `language`, for the case named by the editor (audited: the preview
    shows its numbers and date), or with sample values when there is none they may open."""
    report = find_case(staff, case_number)
    if report is None:
        return Preview(render.fill(body, render.sample_values(language)), None)
    audit.record(staff, "letter_previewed", report, detail=key)
    db.session.commit()
    return Preview(render.fill(body, render.case_values(report, language)), report)
