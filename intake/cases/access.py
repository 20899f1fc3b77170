"""Which cases a staff member may see and what they may do with them. Every rule here is named
and tested; views only ask. What each role may do is in `intake.roles`.

- every case: SEE_ALL (supervisors);
- the triage queue (new and screening cases): SEE_TRIAGE (intake);
- the cases assigned to oneself: SEE_ASSIGNED (investigators);
- administrators see no case content.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, or_, true

from ..extensions import db
from ..models import Report, Staff
from ..roles import Can, home
from ..statuses import TRIAGE_STATUSES


def visible_cases(staff: Staff) -> ColumnElement[bool]:
    """SQL condition: the cases `staff` may see."""
    if staff.can(Can.SEE_ALL):
        return true()
    conditions: list[ColumnElement[bool]] = []
    if staff.can(Can.SEE_TRIAGE):
        conditions.append(Report.status.in_(TRIAGE_STATUSES))
    if staff.can(Can.SEE_ASSIGNED):
        conditions.append(Report.assignee_id == staff.id)
    return or_(*conditions) if conditions else false()


def can_view(staff: Staff, report: Report) -> bool:
    """Whether `staff` may open this case (the same rule as `visible_cases`)."""
    if staff.can(Can.SEE_ALL):
        return True
    if staff.can(Can.SEE_TRIAGE) and report.status in TRIAGE_STATUSES:
        return True
    return staff.can(Can.SEE_ASSIGNED) and report.assignee_id == staff.id


def can_work(staff: Staff, report: Report) -> bool:
    """Change status, priority, notes and links, write to the resident: who may open the case
    and work cases (a read-only role opens it and changes nothing). A disposed case's tombstone
    is never changed."""
    return report.disposed_on is None and staff.can(Can.WORK_CASES) and can_view(staff, report)


def can_assign(staff: Staff, report: Report) -> bool:
    """Assigning any case, or the cases in the triage queue."""
    if staff.can(Can.ASSIGN_ANY):
        return True
    return staff.can(Can.ASSIGN_TRIAGE) and report.status in TRIAGE_STATUSES


def can_take(staff: Staff) -> bool:
    """Whether cases may be assigned to `staff`."""
    return staff.active and staff.can(Can.TAKE_CASES)


def hidden_numbers(staff: Staff, numbers: set[str]) -> set[str]:
    """Those of these case numbers that `staff` may not open (to name them in no hint)."""
    if not numbers:
        return set()
    visible = db.session.scalars(
        db.select(Report.case_number).where(Report.case_number.in_(numbers), visible_cases(staff))
    )
    return numbers - set(visible)


def home_endpoint(staff: Staff) -> str:
    """Where a staff member lands after signing in."""
    return home(staff.capabilities)
