"""Drafting the complaint: which cases may have one, pre-filling it from the report, editing it
against lost edits, and making it ready for the resident's signature.

The complaint holds the facts Regulation 210.120(c) lists: complainant, respondent and the
respondent's address, covered area, protected classes, when, and what happened. A signed version
is never changed: editing it starts the next version, a draft pre-filled from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import select

from .. import dates, notifications, vocab
from ..cases import audit
from ..extensions import db
from ..models import Complaint, Report, Staff
from ..statuses import Status

# The case's stages in which the commission works a complaint.
ELIGIBLE_STATUSES = frozenset({Status.ACCEPTED.value, Status.MEDIATION.value})
DISCRIMINATION_KINDS = frozenset({"discrimination", "unsure"})
# The complaint's editable facts, in the order the page and the PDF show them.
FIELDS = (
    "complainant_name",
    "respondent_name",
    "respondent_address",
    "covered_area",
    "protected_classes",
    "incident_dates",
    "statement",
)
# What a complaint must say before the resident is asked to sign it.
REQUIRED: dict[str, LazyString] = {
    "complainant_name": _l("Write the complainant's name."),
    "respondent_name": _l("Write the respondent's name."),
    "respondent_address": _l("Write the respondent's address: the notice is mailed there."),
    "covered_area": _l("Choose the covered area."),
    "protected_classes": _l("Choose at least one protected class."),
    "incident_dates": _l("Write when it happened."),
    "statement": _l("Write the statement of facts."),
}
STATE_LABELS: dict[str, LazyString] = {
    "draft": _l("Draft"),
    "ready": _l("Ready for signature"),
    "signed": _l("Signed"),
}


class ComplaintError(ValueError):
    """A step that cannot be taken now, with a message for the reader (translated)."""

    def __init__(self, message: LazyString | str, problems: list[LazyString] | None = None):
        super().__init__(str(message))
        self.message = message
        self.problems = problems or []


def may_draft(report: Report) -> bool:
    """Whether the case may have a formal complaint: an accepted discrimination case."""
    return (
        report.disposed_on is None
        and report.kind in DISCRIMINATION_KINDS
        and report.covered_area is not None
        and report.status in ELIGIBLE_STATUSES
    )


def versions(report: Report) -> list[Complaint]:
    """Every version of the case's complaint, the first first."""
    query = select(Complaint).where(Complaint.report_id == report.id).order_by(Complaint.number)
    return list(db.session.scalars(query))


def latest(report: Report) -> Complaint | None:
    """The newest version, whatever its state."""
    found = versions(report)
    return found[-1] if found else None


def version(report: Report, number: int) -> Complaint | None:
    """Version `number` of the case's complaint."""
    return db.session.scalar(
        select(Complaint).where(Complaint.report_id == report.id, Complaint.number == number)
    )


def for_resident(report: Report) -> Complaint | None:
    """What the resident sees: the newest version that is ready or signed (not a draft)."""
    shown = [c for c in versions(report) if c.state in ("ready", "signed")]
    return shown[-1] if shown else None


def to_sign(report: Report) -> Complaint | None:
    """The version waiting for the resident's signature, if any."""
    complaint = for_resident(report)
    return complaint if complaint is not None and complaint.state == "ready" else None


def _when(report: Report) -> str:
    # The complaint is an English legal document: its dates are written in English.
    with force_locale("en"):
        written = dates.incident_date(
            report.incident_year, report.incident_month, report.incident_day
        )
        if report.still_happening:
            return str(_("%(date)s, and still happening", date=written))
    return written


def prefill(report: Report) -> dict[str, Any]:
    """The complaint's facts as the report gives them."""
    contact = report.contact
    return {
        "complainant_name": contact.name if contact else None,
        "respondent_name": report.respondent_name,
        "respondent_address": report.respondent_address,
        "covered_area": report.covered_area,
        "protected_classes": ",".join(report.codes("protected_class")),
        "incident_dates": _when(report),
        "statement": report.narrative,
    }


def start(staff: Staff, report: Report) -> Complaint:
    """The version to edit: the draft or ready one, else a new draft (from the report the first
    time, from the signed version after that). Committed."""
    if not may_draft(report):
        raise ComplaintError(_l("Only an accepted discrimination case has a formal complaint."))
    newest = latest(report)
    if newest is not None and newest.state != "signed":
        return newest
    values = prefill(report) if newest is None else {f: getattr(newest, f) for f in FIELDS}
    complaint = Complaint(
        report_id=report.id,
        number=1 if newest is None else newest.number + 1,
        state="draft",
        language=notifications.resident_language(report),
        filed_on=report.received_on,
        created_by_id=staff.id,
        **values,
    )
    db.session.add(complaint)
    audit.record(staff, "complaint_drafted", report, field="complaint", new=complaint.number)
    db.session.commit()
    return complaint


def _editable(complaint: Complaint, seen_version: int) -> None:
    if complaint.state == "signed":
        raise ComplaintError(_l("This version is signed and cannot change. Start a new version."))
    if complaint.version != seen_version:
        raise ComplaintError(
            _l(
                "Someone changed this complaint after you opened it. Your text is below: "
                "compare it with the current version and save again."
            )
        )


def save(
    staff: Staff, report: Report, complaint: Complaint, values: dict[str, Any], seen: int
) -> list[str]:
    """Change the complaint's facts (the trail names the fields, never their text). A ready
    complaint goes back to draft: the resident must not sign a text staff are still changing."""
    _editable(complaint, seen)
    changed = [name for name in FIELDS if (values.get(name) or None) != getattr(complaint, name)]
    for name in changed:
        setattr(complaint, name, values.get(name) or (None if name != "protected_classes" else ""))
        audit.record(staff, "complaint_changed", report, field=name, detail=str(complaint.number))
    if changed and complaint.state == "ready":
        complaint.state = "draft"
    db.session.commit()
    return changed


def problems(complaint: Complaint) -> list[LazyString]:
    """What the complaint still lacks before it can be signed."""
    return [message for name, message in REQUIRED.items() if not getattr(complaint, name)]


def mark_ready(staff: Staff, report: Report, complaint: Complaint, seen: int) -> None:
    """Let the resident read and sign the complaint on their status page."""
    _editable(complaint, seen)
    missing = problems(complaint)
    if missing:
        raise ComplaintError(_l("The complaint is not complete yet."), missing)
    complaint.state = "ready"
    audit.record(staff, "complaint_ready", report, field="complaint", new=complaint.number)
    db.session.commit()


def class_labels(complaint: Complaint) -> list[str]:
    """The protected classes' names, in the current language."""
    return [str(vocab.label(vocab.PROTECTED_CLASSES, code)) for code in complaint.classes()]


@dataclass(frozen=True)
class CaseComplaint:
    """What the case page shows about the complaint."""

    eligible: bool
    current: Complaint | None
    signed: Complaint | None


def on_case(report: Report) -> CaseComplaint:
    """The case page's summary: whether it may have one, the newest version, the last signed."""
    found = versions(report)
    signed = [c for c in found if c.state == "signed"]
    return CaseComplaint(
        may_draft(report), found[-1] if found else None, signed[-1] if signed else None
    )
