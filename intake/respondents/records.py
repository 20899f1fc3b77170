"""Respondents as records: adding, changing and removing them, each change audited without
the text (the trail names the respondent by its number and the fields that changed)."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import select

from ..cases import audit
from ..extensions import db
from ..models import Report, Respondent, Staff

KINDS = (("person", _l("A person")), ("organization", _l("An organization")))
# The text fields staff type, in the order the form shows them.
FIELDS = (
    "name",
    "address",
    "email",
    "phone",
    "representative_name",
    "representative_contact",
)
LIMITS = {
    "name": 300,
    "address": 1000,
    "email": 320,
    "phone": 60,
    "representative_name": 300,
    "representative_contact": 1000,
}


class RespondentError(ValueError):
    """A change to a respondent that cannot be made, with a message for staff."""

    def __init__(self, message: LazyString) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Details:
    """What staff type about a respondent."""

    kind: str
    name: str
    address: str = ""
    email: str = ""
    phone: str = ""
    representative_name: str = ""
    representative_contact: str = ""


def of_case(report: Report) -> list[Respondent]:
    """The case's respondents, in the order they were added."""
    return list(
        db.session.scalars(
            select(Respondent).where(Respondent.report_id == report.id).order_by(Respondent.id)
        )
    )


def get(report: Report, respondent_id: int) -> Respondent | None:
    """The respondent with this id, only if it belongs to `report`."""
    found = db.session.get(Respondent, respondent_id)
    return found if found is not None and found.report_id == report.id else None


def prefill(report: Report) -> Details | None:
    """The first respondent as the resident named it, while the case has none yet."""
    if not report.respondent_name or of_case(report):
        return None
    kind = "person" if report.respondent_type == "person" else "organization"
    address = getattr(report, "respondent_address", None) or ""  # Asked by the complaint's form.
    return Details(kind=kind, name=report.respondent_name, address=address)


def _checked(details: Details) -> dict[str, str | None]:
    if details.kind not in dict(KINDS):
        raise RespondentError(_l("Choose a person or an organization."))
    values: dict[str, str | None] = {"kind": details.kind}
    for field in FIELDS:
        text = (getattr(details, field) or "").strip()
        if len(text) > LIMITS[field]:
            raise RespondentError(_l("A field is too long."))
        values[field] = text or None
    if not values["name"]:
        raise RespondentError(_l("Write the respondent's name."))
    return values


def add(staff: Staff, report: Report, details: Details) -> Respondent:
    """Add a respondent to the case (audited: which kind, never the text); commits."""
    respondent = Respondent(report_id=report.id, **_checked(details))
    db.session.add(respondent)
    db.session.flush()
    audit.record(
        staff, "respondent_added", report, detail=f"respondent {respondent.id} {details.kind}"
    )
    db.session.commit()
    return respondent


def change(staff: Staff, report: Report, respondent: Respondent, details: Details) -> list[str]:
    """Save changed details; the trail lists the names of the fields that changed, not their
    values. Returns those names; commits."""
    values = _checked(details)
    changed = [name for name, value in values.items() if getattr(respondent, name) != value]
    for name in changed:
        setattr(respondent, name, values[name])
    if changed:
        audit.record(
            staff,
            "respondent_changed",
            report,
            detail=f"respondent {respondent.id}: {', '.join(changed)}",
        )
        db.session.commit()
    return changed


def remove(staff: Staff, report: Report, respondent: Respondent) -> None:
    """Remove a respondent (its response files stay on the case, no longer tied to it)."""
    audit.record(staff, "respondent_removed", report, detail=f"respondent {respondent.id}")
    db.session.delete(respondent)
    db.session.commit()
