"""Consent and disclosure: what the resident agreed to share with police, when and how, and a log
of everything shared outside the commission (referrals, exports with personal data).

A referral to police shares the resident's contact details; without their consent it is refused
unless a supervisor (Can.OVERRIDE_CONSENT) records the legal reason.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import select

from .. import questions
from ..cases import audit
from ..cases.workflow import WorkflowError
from ..extensions import db
from ..models import Consent, Disclosure, Report, Staff
from ..roles import Can

POLICE = "police"
CHANNELS = {
    "online": _l("Report form"),
    "status_page": _l("Status page"),
    "staff": _l("Recorded by staff"),
}
# What a disclosure may hold, in groups of fields (their values are never logged).
SHARED: dict[str, LazyString] = {
    "case_summary": _l("Case summary"),
    "contact_details": _l("Contact details"),
    "personal_export": _l("Cases with names and contact details"),
}


def asked(report: Report) -> bool:
    """Whether this report's resident is asked about sharing with police (hate incidents with
    a way to reach them)."""
    return report.kind in questions.BY_NAME["share_with_police"].kinds and not report.anonymous


def record(report: Report, given: bool, channel: str, staff: Staff | None = None) -> bool:
    """Record the resident's decision (added to the caller's transaction); whether it changed."""
    if report.consents and report.share_with_police == given:
        return False
    if not report.consents and not given:
        return False  # Never given: nothing to withdraw.
    report.consents.append(
        Consent(subject=POLICE, given=given, channel=channel, staff_id=staff.id if staff else None)
    )
    report.share_with_police = given
    action = "consent_given" if given else "consent_withdrawn"
    audit.record(staff, action, report, detail=f"{POLICE} {channel}")
    return True


def change_from_status_page(report: Report, given: bool) -> bool:
    """The resident gives or withdraws consent on the status page, saved at once."""
    changed = record(report, given, "status_page")
    db.session.commit()
    return changed


def referral(
    staff: Staff, report: Report, agency: str, legal_reason: str | None
) -> tuple[list[str], str | None]:
    """What referring the case to `agency` shares, and the legal reason kept with it; refuses a
    referral to police that the resident did not agree to, unless a supervisor gives a reason."""
    if agency != POLICE:
        return ["case_summary"], None
    if report.share_with_police:
        return ["case_summary", "contact_details"], None
    reason = (legal_reason or "").strip()
    if not staff.can(Can.OVERRIDE_CONSENT):
        raise WorkflowError(
            _l(
                "The resident has not agreed to share their details with the police. Only a "
                "supervisor can refer this case to the police, with the legal reason."
            )
        )
    if not reason:
        raise WorkflowError(
            _l(
                "The resident has not agreed to share their details with the police. Write the "
                "legal reason for referring the case anyway."
            )
        )
    return ["case_summary", "contact_details"], reason


def disclose(
    staff: Staff | None,
    report: Report | None,
    recipient: str,
    shared: list[str],
    legal_reason: str | None = None,
) -> None:
    """Log a disclosure outside the commission (added to the caller's transaction)."""
    db.session.add(
        Disclosure(
            report_id=report.id if report else None,
            staff_id=staff.id if staff else None,
            recipient=recipient,
            shared=",".join(shared),
            legal_reason=legal_reason,
        )
    )


def log_export(staff: Staff, cases: str) -> None:
    """Log, and save at once, an export with personal data (before it is sent)."""
    disclose(staff, None, "export", ["personal_export"], legal_reason=None)
    audit.record(staff, "disclosure", detail=f"export {cases}")
    db.session.commit()


def disclosures(report: Report) -> list[Disclosure]:
    """What was shared about this case, oldest first."""
    query = select(Disclosure).where(Disclosure.report_id == report.id).order_by(Disclosure.id)
    return list(db.session.scalars(query))


def shared_labels(disclosure: Disclosure) -> list[LazyString | str]:
    """The groups of fields a disclosure shared, in the reader's language."""
    return [SHARED.get(code, code) for code in disclosure.shared.split(",") if code]
