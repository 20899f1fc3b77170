"""Call-back requests: a resident who would rather talk asks to be phoned.

(The interface the staff intake uses; the call-back work fills in the rest.)
"""

from __future__ import annotations

from typing import Any

from .models import Report, Staff


def intake_prefill(callback_id: int) -> dict[str, Any] | None:
    """What a staff-taken report starts with when it comes from call-back `callback_id` (the
    resident's language, phone, good times, whether a message may be left), or None when there
    is no such open request."""
    raise NotImplementedError


def converted(callback_id: int, report: Report, staff: Staff) -> None:
    """Record that the call-back became `report`, taken by `staff` (closes the request)."""
    raise NotImplementedError
