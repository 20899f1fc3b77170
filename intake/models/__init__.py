"""The database models."""

from .calendar import CaseDeadline, CaseEvent, DeadlineExtension
from .callbacks import CallbackRequest
from .cases import AuditEvent, CaseCounter, CaseLink, Disposal, Note, SavedView
from .complaints import Complaint
from .consent import Consent, ContactGrant, Disclosure
from .incidents import Incident
from .letters import LetterTemplate, LetterVersion
from .messages import Message, OutboxEmail
from .reports import (
    NOTHING_DUE_SQL,
    AffectedPerson,
    Attachment,
    Contact,
    Draft,
    Report,
    ReportTerm,
)
from .respondents import Respondent
from .sessions import WebSession
from .staff import Staff, StaffRole, new_session_token
from .summary import SummaryChange, SummaryDay, SummaryMonth
from .tags import ReportTag, Tag
from .types import MAX_ID, UTCDateTime, utcnow

__all__ = [
    "NOTHING_DUE_SQL",
    "AffectedPerson",
    "Attachment",
    "AuditEvent",
    "CallbackRequest",
    "MAX_ID",
    "CaseCounter",
    "CaseDeadline",
    "CaseEvent",
    "CaseLink",
    "Complaint",
    "Consent",
    "Contact",
    "DeadlineExtension",
    "ContactGrant",
    "Disclosure",
    "Disposal",
    "Draft",
    "Incident",
    "LetterTemplate",
    "LetterVersion",
    "Message",
    "Note",
    "OutboxEmail",
    "Report",
    "ReportTag",
    "ReportTerm",
    "Respondent",
    "SavedView",
    "Staff",
    "StaffRole",
    "SummaryChange",
    "SummaryDay",
    "SummaryMonth",
    "Tag",
    "UTCDateTime",
    "new_session_token",
    "WebSession",
    "utcnow",
]
