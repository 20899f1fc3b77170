"""Two-person disposal, legal holds, tombstones and a resident's withdrawal.

One person proposes disposing of a case past its retention period, a different person approves,
and then it is disposed of from the list or by `flask records dispose` (cron). A legal hold
blocks every step until it is released. Disposal (`erase`) deletes everything personal or
narrative and keeps the report row as a tombstone: its case number, kind, dates, vocabularies,
closure reason and status stay, so the summary's triggers see nothing change and every past
statistic stays as it was.
"""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import delete, or_, select, update

from .. import statuses, uploads
from ..cases import audit
from ..cases.service import stamp_move
from ..clock import today
from ..complaints import signing
from ..extensions import db
from ..models import (
    CaseLink,
    Complaint,
    Disclosure,
    Disposal,
    Message,
    Note,
    OutboxEmail,
    Report,
    Respondent,
    Staff,
    utcnow,
)
from ..statuses import Status
from .retention import is_due

# Report columns that hold what a resident wrote or what identifies someone.
ERASED_COLUMNS = (
    "city",
    "address",
    "respondent_name",
    "respondent_address",
    "witnesses",
    "reported_details",
    "help_details",
    "referral_note",
    "interpreter_other",
)


class RecordsError(Exception):
    """A lifecycle step that may not be taken now; `message` says why, translated."""

    def __init__(self, message: LazyString) -> None:
        super().__init__(str(message))
        self.message = message


def _check_open_to_disposal(report: Report) -> None:
    if report.disposed_on is not None:
        raise RecordsError(_l("This case was already disposed of."))
    if report.legal_hold:
        raise RecordsError(_l("This case is on legal hold. Release the hold first."))


def propose(staff: Staff, report: Report) -> None:
    """Propose disposing of a case that is past its retention period."""
    _check_open_to_disposal(report)
    if not is_due(report, today()):
        raise RecordsError(_l("This case is not past its retention period."))
    if db.session.get(Disposal, report.id) is not None:
        raise RecordsError(_l("Disposal of this case was already proposed."))
    db.session.add(Disposal(report_id=report.id, proposed_by_id=staff.id))
    audit.record(staff, "disposal_proposed", report)
    db.session.commit()


def approve(staff: Staff, report: Report) -> None:
    """Approve a proposal made by someone else."""
    _check_open_to_disposal(report)
    disposal = db.session.get(Disposal, report.id)
    if disposal is None:
        raise RecordsError(_l("Nobody has proposed disposing of this case."))
    if disposal.proposed_by_id == staff.id:
        raise RecordsError(_l("A second person must approve a disposal you proposed."))
    if disposal.approved_at is not None:
        raise RecordsError(_l("This disposal was already approved."))
    disposal.approved_by_id = staff.id
    disposal.approved_at = utcnow()
    audit.record(staff, "disposal_approved", report)
    db.session.commit()


def cancel(staff: Staff, report: Report) -> None:
    """Withdraw a proposal or an approval not yet carried out."""
    disposal = db.session.get(Disposal, report.id)
    if disposal is None or report.disposed_on is not None:
        raise RecordsError(_l("There is no pending disposal of this case."))
    db.session.delete(disposal)
    audit.record(staff, "disposal_cancelled", report)
    db.session.commit()


def hold(staff: Staff, report: Report, reason: str) -> None:
    """Put a case on legal hold: nothing disposes of it until the hold is released."""
    if report.disposed_on is not None:
        raise RecordsError(_l("This case was already disposed of."))
    reason = reason.strip()
    if not reason:
        raise RecordsError(_l("Say why the case is on hold (a lawsuit, a records request, ...)."))
    report.legal_hold = reason
    # The reason stays on the case; the trail says that a hold was set, not its text.
    audit.record(staff, "legal_hold_set", report)
    db.session.commit()


def release(staff: Staff, report: Report) -> None:
    """Release a legal hold."""
    if not report.legal_hold:
        raise RecordsError(_l("This case is not on legal hold."))
    report.legal_hold = None
    audit.record(staff, "legal_hold_released", report)
    db.session.commit()


def get(report_id: int) -> Report | None:
    """A case by its id."""
    return db.session.get(Report, report_id)


def find(number: str) -> Report | None:
    """A case by its case number or record number, as typed (spaces and case ignored)."""
    text = "".join(number.split()).upper()
    if not text or len(text) > 20:
        return None
    return db.session.scalars(
        select(Report).where(or_(Report.case_number == text, Report.record_number == text))
    ).first()


def held() -> list[Report]:
    """Every case on legal hold, oldest first."""
    query = select(Report).where(Report.legal_hold.is_not(None)).order_by(Report.id)
    return list(db.session.scalars(query))


def dispose(staff: Staff | None, report: Report) -> None:
    """Carry out an approved disposal (from the list, or by the scheduled command)."""
    _check_open_to_disposal(report)
    disposal = db.session.get(Disposal, report.id)
    if disposal is None or disposal.approved_at is None:
        raise RecordsError(_l("A disposal must be proposed and approved by two people first."))
    erase(staff, report, today())


def dispose_approved() -> int:
    """Dispose of every approved case not on hold (the scheduled command); how many."""
    query = (
        select(Report)
        .join(Disposal, Disposal.report_id == Report.id)
        .where(
            Disposal.approved_at.is_not(None),
            Report.disposed_on.is_(None),
            Report.legal_hold.is_(None),
        )
        .order_by(Report.id)
    )
    count = 0
    for report in db.session.scalars(query).all():
        erase(None, report, today())
        count += 1
    return count


def erase(staff: Staff | None, report: Report, on: date) -> None:
    """Turn the report into a tombstone and delete its files, and commit.

    Kept: case and record numbers, the receipt's hash (so the resident can learn what happened),
    kind, language, anonymity, dates, place codes, vocabularies, status and closure reason: the
    columns the summary counts. Deleted: contact details (the reporter's and those of the person it
    happened to), the story, every free text, witnesses, the respondent's name, respondents,
    messages, notes, links, emails, disclosure reasons and evidence files. The search index
    follows the emptied story (a trigger on SQLite, a generated column on PostgreSQL).
    """
    files = [attachment.stored_name for attachment in report.attachments]
    files += signing.stored_files(report)
    report.contact = None
    report.affected = None
    report.attachments.clear()
    report.narrative = ""
    report.narrative_fingerprint = ""
    for column in ERASED_COLUMNS:
        setattr(report, column, None)
    report.disposed_on = on
    for model in (Message, Note, OutboxEmail, Disposal, Respondent, Complaint):
        db.session.execute(delete(model).where(model.report_id == report.id))
    # What was shared stays on record; a supervisor's reason, free text, goes.
    db.session.execute(
        update(Disclosure).where(Disclosure.report_id == report.id).values(legal_reason=None)
    )
    db.session.execute(
        delete(CaseLink).where(or_(CaseLink.report_id == report.id, CaseLink.other_id == report.id))
    )
    audit.record(staff, "disposed", report)
    db.session.commit()
    # After the commit: a failed commit leaves the files with the rows that name them.
    uploads.shred(files)


def withdraw(report: Report) -> bool:
    """The resident withdraws their report. Not yet accepted and not on hold: it is closed as
    withdrawn and disposed of at once (True). Otherwise staff see the request and act on it."""
    if report.disposed_on is not None:
        return True
    if statuses.info(report.status).triage and not report.legal_hold:
        old = report.status
        stamp_move(report, Status.CLOSED, utcnow())
        report.status = Status.CLOSED
        report.closure_reason = "withdrawn"
        audit.record(None, "change", report, field="status", old=old, new=report.status)
        audit.record(None, "change", report, field="closure_reason", new="withdrawn")
        db.session.flush()
        erase(None, report, today())
        return True
    if report.withdrawal_requested_at is None:
        report.withdrawal_requested_at = utcnow()
        audit.record(None, "withdrawal_requested", report)
        db.session.commit()
    return False
