"""The notice to the respondent as a PDF for mailing: the library's "notice_to_respondent"
letter, on the commission's letterhead, addressed to one respondent, with the signed complaint
after it when there is one.

The notice is in English: it is a legal notice to a respondent, whose language the commission
does not know. Printing is audited (which respondent, template version; never the text).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO

import pikepdf
from flask_babel import force_locale, format_date

from ..cases import audit, calendar
from ..clock import today
from ..complaints import drafting, signing
from ..extensions import db
from ..letters import library, pdf, render
from ..letters.seed import SOURCE_LANGUAGE
from ..models import Report, Respondent, Staff
from . import notices
from .notice_text import TEMPLATE_KEY


@dataclass(frozen=True)
class Notice:
    """A notice ready to send to the browser."""

    data: bytes
    deadline: date
    with_complaint: bool


def deadline_for(respondent: Respondent) -> date:
    """The deadline the notice states: the real one once served; before service, as if served
    today (the earliest it can be, so a respondent is never told a later day than the rule)."""
    due = notices.response_due(respondent)
    return due or calendar.due_from(calendar.BY_KEY["response"], today())


def signed_complaint(report: Report) -> bytes | None:
    """The newest signed complaint's PDF (checked against its digest), if there is one; a PDF
    that fails the check is not mailed (the notice goes without it, and says nothing false)."""
    signed = [c for c in drafting.versions(report) if c.state == "signed"]
    if not signed:
        return None
    try:
        return signing.signed_pdf(signed[-1])
    except drafting.ComplaintError:
        return None


def _joined(letter: bytes, complaint: bytes) -> bytes:
    with pikepdf.open(BytesIO(letter)) as first, pikepdf.open(BytesIO(complaint)) as second:
        first.pages.extend(second.pages)
        out = BytesIO()
        first.save(out)
    return out.getvalue()


def build(staff: Staff, report: Report, respondent: Respondent) -> Notice:
    """The notice for one respondent; LookupError when the library has no English text."""
    template = library.by_key(TEMPLATE_KEY)
    version = library.current(template, SOURCE_LANGUAGE) if template else None
    if template is None or version is None:
        raise LookupError(TEMPLATE_KEY)
    deadline = deadline_for(respondent)
    values = render.case_values(report, SOURCE_LANGUAGE)
    with force_locale(SOURCE_LANGUAGE):
        values["response_deadline"] = format_date(deadline, "long")
    values["respondent_name"] = respondent.name
    letter = pdf.Letter(
        language=SOURCE_LANGUAGE,
        record_number=report.record_number,
        body=render.fill(version.body, values),
        recipient=respondent.name,
        address=respondent.address or "",
    )
    data = pdf.build(letter)
    complaint = signed_complaint(report)
    if complaint:
        data = _joined(data, complaint)
    detail = f"respondent {respondent.id} v{version.number}" + (
        " with complaint" if complaint else ""
    )
    audit.record(staff, "notice_printed", report, detail=detail)
    db.session.commit()
    return Notice(data, deadline, complaint is not None)
