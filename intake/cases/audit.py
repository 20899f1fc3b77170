"""The append-only audit trail: every view, change, download and export of a case."""

from __future__ import annotations

import json
from typing import Any

from ..extensions import db
from ..models import AuditEvent, Report, Staff


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def record(
    staff: Staff | None,
    action: str,
    report: Report | None = None,
    *,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
    detail: str | None = None,
) -> AuditEvent:
    """Add one event to the session; it is written with the change it describes."""
    event = AuditEvent(
        staff_id=staff.id if staff else None,
        report_id=report.id if report else None,
        action=action,
        field=field,
        old_value=_text(old),
        new_value=_text(new),
        detail=detail,
    )
    db.session.add(event)
    return event


def note(staff: Staff | None, action: str, detail: str | None = None) -> None:
    """Record an event that belongs to no other change, and save it at once (a sign-in, a
    failed password, a download)."""
    record(staff, action, detail=detail)
    db.session.commit()


def record_export(staff: Staff, **what: Any) -> None:
    """Record, and save at once, that `staff` downloaded an export (before it is sent)."""
    note(staff, "export", json.dumps(what))
