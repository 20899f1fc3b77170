"""Who may see and do what. Every rule here is named and tested; views only ask.

- supervisor: every case, assigns and reassigns, sees contact details.
- intake: the triage queue (new and screening cases), assigns from it, sees contact details
  of the cases it screens.
- investigator: the cases assigned to them (plus the triage queue if also intake).
- admin: staff accounts only; no case content.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, or_, true

from ..models import Report, Staff
from .workflow import TRIAGE_STATUSES

CASE_ROLES = frozenset({"intake", "investigator", "supervisor"})


def visible_cases(staff: Staff) -> ColumnElement[bool]:
    """SQL condition: the cases `staff` may see."""
    if staff.has_role("supervisor"):
        return true()
    conditions: list[ColumnElement[bool]] = []
    if staff.has_role("intake"):
        conditions.append(Report.status.in_(TRIAGE_STATUSES))
    if staff.has_role("investigator"):
        conditions.append(Report.assignee_id == staff.id)
    return or_(*conditions) if conditions else false()


def can_view(staff: Staff, report: Report) -> bool:
    """Whether `staff` may open this case (the same rule as `visible_cases`)."""
    if staff.has_role("supervisor"):
        return True
    if staff.has_role("intake") and report.status in TRIAGE_STATUSES:
        return True
    return staff.has_role("investigator") and report.assignee_id == staff.id


def can_see_contact(staff: Staff, report: Report) -> bool:
    """Contact details: only for staff who work the case, never for admins as such."""
    return can_view(staff, report)


def can_work(staff: Staff, report: Report) -> bool:
    """Change status, priority, notes and links: anyone who may open the case."""
    return can_view(staff, report)


def can_assign(staff: Staff, report: Report) -> bool:
    """Supervisors assign any case; intake assigns what is in its triage queue."""
    if staff.has_role("supervisor"):
        return True
    return staff.has_role("intake") and report.status in TRIAGE_STATUSES


def home_endpoint(staff: Staff) -> str:
    """Where a staff member lands after signing in."""
    if staff.has_role("supervisor"):
        return "staff.cases"
    if staff.has_role("intake"):
        return "staff.triage"
    if staff.has_role("investigator"):
        return "staff.my_cases"
    return "staff.admin_staff"
