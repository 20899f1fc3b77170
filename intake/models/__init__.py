"""The database models."""

from .cases import AuditEvent, CaseCounter, CaseLink, Note, SavedView
from .reports import Attachment, Contact, Draft, Report, ReportTerm
from .staff import Staff, StaffRole, new_session_token
from .types import UTCDateTime, utcnow

__all__ = [
    "Attachment",
    "AuditEvent",
    "CaseCounter",
    "CaseLink",
    "Contact",
    "Draft",
    "Note",
    "Report",
    "ReportTerm",
    "SavedView",
    "Staff",
    "StaffRole",
    "UTCDateTime",
    "new_session_token",
    "utcnow",
]
