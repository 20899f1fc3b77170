"""One change to many cases at once: assign, move to a status, add a tag, set urgency.

A bulk change is always seen before it is made: `plan` says, case by case, what would change and
what is refused (and why); `apply` then makes each change through the same service functions as
the case page, so every case gets its own audit entry, its version is checked (a case changed
since the preview is left alone and named), and the workflow's rules hold. No more than
BULK_CASE_LIMIT cases move at once, and nobody closes a case that no one has opened.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import select

from .. import accounts, vocab
from ..extensions import db
from ..models import MAX_ID, AuditEvent, Report, Staff, Tag
from ..statuses import Status
from . import service, tags
from .access import can_assign, can_take, can_view, can_work
from .workflow import WorkflowError, allowed_moves, check_move

ACTIONS = ("assign", "status", "tag", "urgent")
NOBODY = "none"  # "Assign to nobody", chosen on purpose (an empty choice is no choice).
# Referral needs an agency and, for the police, consent: one case at a time, on its page.
BULK_STATUSES = tuple(s.value for s in Status if s not in (Status.NEW, Status.REFERRED))


class BulkError(ValueError):
    """A bulk request that cannot be previewed, with a message for staff."""

    def __init__(self, message: LazyString) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class Line:
    """What the change would do to one case."""

    report: Report
    before: str | LazyString
    after: str | LazyString
    refused: LazyString | None = None
    needs_reason: bool = False  # Closing: a closure reason for this case.

    @property
    def changes(self) -> bool:
        return self.refused is None and str(self.before) != str(self.after)


@dataclass
class Plan:
    """A previewed bulk change."""

    action: str
    value: str
    lines: list[Line]
    left_out: int = 0  # Selected cases the staff member may not open (not shown).
    target: Staff | Tag | None = field(default=None, repr=False)

    @property
    def changing(self) -> list[Line]:
        return [line for line in self.lines if line.changes]


@dataclass
class Outcome:
    """What `apply` did: the case numbers changed, and those left alone with the reason."""

    changed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def limit() -> int:
    """How many cases one bulk change may touch."""
    return int(current_app.config["BULK_CASE_LIMIT"])


def case_ids(values: Iterable[str]) -> list[int]:
    """The selected case ids among form values (anything else is ignored), in order, once."""
    ids: dict[int, None] = {}
    for value in values:
        if value.isascii() and value.isdigit() and len(value) <= 12 and 0 < int(value) <= MAX_ID:
            ids[int(value)] = None
    return list(ids)


def _target(action: str, value: str) -> Staff | Tag | None:
    """The investigator or tag a value names (BulkError when it names none)."""
    number = int(value) if value.isascii() and value.isdigit() and len(value) <= 12 else 0
    if action == "assign" and value != NOBODY:
        staff = accounts.get(number) if 0 < number <= MAX_ID else None
        if staff is None or not can_take(staff):
            raise BulkError(_l("Choose who gets the cases."))
        return staff
    if action == "tag":
        tag = tags.get(number) if 0 < number <= MAX_ID else None
        if tag is None or not tag.active:
            raise BulkError(_l("Choose a tag."))
        return tag
    return None


def _check_request(action: str, value: str, ids: list[int]) -> None:
    if action not in ACTIONS:
        raise BulkError(_l("Choose what to do with the selected cases."))
    if not value:
        raise BulkError(
            {
                "assign": _l("Choose who gets the cases."),
                "status": _l("Choose a status."),
                "tag": _l("Choose a tag."),
                "urgent": _l("Choose urgent or not urgent."),
            }[action]
        )
    if action == "status" and value not in BULK_STATUSES:
        raise BulkError(_l("Choose a status."))
    if action == "urgent" and value not in ("yes", "no"):
        raise BulkError(_l("Choose urgent or not urgent."))
    if not ids:
        raise BulkError(_l("Select at least one case."))
    if len(ids) > limit():
        raise BulkError(_l("Select at most %(num)d cases at a time.", num=limit()))


def opened(ids: Iterable[int]) -> set[int]:
    """Which of these cases a staff member has opened at least once."""
    return set(
        db.session.scalars(
            select(AuditEvent.report_id)
            .where(AuditEvent.report_id.in_(list(ids)), AuditEvent.action == "view")
            .distinct()
        )
    )


def plan(staff: Staff, action: str, value: str, selected: list[int]) -> Plan:
    """What doing `action` with `value` to the selected cases would change (nothing is saved).
    BulkError when the request itself cannot be used."""
    _check_request(action, value, selected)
    target = _target(action, value)
    found = db.session.scalars(select(Report).where(Report.id.in_(selected))).all()
    by_id = {report.id: report for report in found if can_view(staff, report)}
    reports = [by_id[i] for i in selected if i in by_id]
    seen = opened(by_id) if action == "status" and value == Status.CLOSED else set()
    tagged = tags.of_cases(by_id) if action == "tag" else {}
    lines = [_line(staff, action, value, target, report, seen, tagged) for report in reports]
    return Plan(action, value, lines, len(selected) - len(reports), target)


def _line(
    staff: Staff,
    action: str,
    value: str,
    target: Staff | Tag | None,
    report: Report,
    seen: set[int],
    tagged: dict[int, list[Tag]],
) -> Line:
    if action == "assign":
        before = report.assignee.name if report.assignee else _l("Unassigned")
        after = target.name if isinstance(target, Staff) else _l("Unassigned")
        refused = None if can_assign(staff, report) else _l("You may not assign this case.")
        return Line(report, before, after, refused)
    refused = None if can_work(staff, report) else _l("You may not change this case.")
    if action == "status":
        line = Line(
            report,
            vocab.label(vocab.STATUSES, report.status),
            vocab.label(vocab.STATUSES, value),
            refused,
            needs_reason=value == Status.CLOSED,
        )
        if refused is None and value != report.status:
            if value not in allowed_moves(report.status):
                line.refused = _l("A case cannot move from this status to that one.")
            elif value == Status.CLOSED and report.id not in seen:
                line.refused = _l("Nobody has opened this case yet: read it before closing it.")
        return line
    if isinstance(target, Tag):
        names = [tag.name for tag in tagged.get(report.id, [])]
        after = names if target.name in names else sorted([*names, target.name], key=str.lower)
        return Line(report, ", ".join(names) or "—", ", ".join(after), refused)
    return Line(
        report,
        vocab.label(vocab.YES_NO, "yes" if report.urgent else "no"),
        vocab.label(vocab.YES_NO, value),
        refused,
    )


def apply(
    staff: Staff,
    action: str,
    value: str,
    versions: dict[int, int],
    reasons: dict[int, str],
) -> Outcome:
    """Make the previewed change to each case whose version is still `versions[id]`, one
    transaction per case. Closing uses `reasons[id]`. BulkError as for `plan`."""
    current = plan(staff, action, value, list(versions))
    outcome = Outcome()
    for line in current.changing:
        report = line.report
        try:
            _change(staff, current, report, versions[report.id], reasons.get(report.id, ""))
        except service.ConflictError:
            outcome.skipped.append(
                (report.case_number, str(_l("Someone changed it after your preview.")))
            )
        except (WorkflowError, tags.TagError, service.PermissionDenied) as error:
            db.session.rollback()
            message = getattr(error, "message", None) or _l("You may not change this case.")
            outcome.skipped.append((report.case_number, str(message)))
        else:
            outcome.changed.append(report.case_number)
    for line in current.lines:
        if line.refused is not None:
            outcome.skipped.append((line.report.case_number, str(line.refused)))
    return outcome


def missing_reasons(current: Plan, reasons: dict[int, str]) -> set[int]:
    """The cases to close that have no valid closure reason among `reasons`."""
    codes = {term.code for term in vocab.CLOSURE_REASONS}
    return {
        line.report.id
        for line in current.changing
        if line.needs_reason and reasons.get(line.report.id) not in codes
    }


def _change(staff: Staff, current: Plan, report: Report, version: int, reason: str) -> None:
    if current.action == "assign":
        assignee = current.target if isinstance(current.target, Staff) else None
        service.assign(staff, report, version, assignee)
    elif current.action == "status":
        if current.value == Status.CLOSED:
            check_move(report.status, current.value, reason or None, None)
        service.update_case(staff, report, version, status=current.value, closure_reason=reason)
    elif isinstance(current.target, Tag):
        if report.version != version:
            raise service.ConflictError
        tags.add(staff, report, current.target)
        db.session.commit()
    else:
        service.update_case(staff, report, version, urgent=current.value == "yes")
