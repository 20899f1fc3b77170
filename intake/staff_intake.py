"""Reports taken down by staff: a resident phones, walks in, mails a form or is referred.

Staff go through the resident's own steps and checks (`intake.public.steps`, `flow`). The unsent
answers live in the staff member's session, which is kept on the server and encrypted
(`intake.sessions`): one draft per staff member, until it is sent or discarded. Once sent, the
record number and the secret code stay in the session only until the staff member confirms the
code was given to the resident; the code is never put in a URL, a log, the audit trail or an email.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import current_app, session
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from . import callbacks, filing, questions, uploads, vocab
from .cases import audit
from .extensions import db
from .i18n import shipped
from .models import Staff
from .public.steps import Answers
from .sessions import fresh_entry

DRAFT_KEY = "staff_intake"
FILED_KEY = "staff_intake_filed"
# A report taken down by staff always gets the sixteen-digit code: it is read aloud in groups of
# four, and six English words are hard to spell out to a resident of another language.
RECEIPT_KIND = "digits"
# The channels staff take reports from ("online" is the resident's own form).
STAFF_CHANNELS = tuple(term.code for term in vocab.CHANNELS if term.code != "online")
AUDIT_ACTION = "report_taken"


class IntakeError(Exception):
    """A draft that cannot be started as asked (the message is for the staff member)."""

    def __init__(self, message: LazyString) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class StaffDraft:
    """A report being taken down: how it came in, the resident's language, and the answers."""

    staff_id: int
    channel: str
    language: str
    answers: Answers
    callback_id: int | None = None

    @property
    def takes_original(self) -> bool:
        """Whether a file may be marked as the original the report came as (a scan, an email)."""
        return self.channel in vocab.CHANNELS_WITH_ORIGINAL

    def to_json(self) -> dict[str, Any]:
        """The draft as kept in the session."""
        return {
            "staff_id": self.staff_id,
            "channel": self.channel,
            "language": self.language,
            "answers": self.answers.to_json(),
            "callback_id": self.callback_id,
        }


def _prefilled_contact(callback_id: int) -> tuple[str, dict[str, Any]]:
    """The language and the contact answers a call-back request brings along."""
    prefill = callbacks.intake_prefill(callback_id)
    if prefill is None:
        raise IntakeError(_l("This call-back request is not open any more."))
    contact_questions = {question.name for question in questions.in_section("contact")}
    contact = {
        name: value
        for name, value in (prefill.get("contact") or {}).items()
        if name in contact_questions and value not in (None, "")
    }
    return str(prefill.get("language") or ""), contact


def callback_language(callback_id: int) -> str | None:
    """The language the resident asked to be called back in, while the request is open."""
    prefill = callbacks.intake_prefill(callback_id)
    return None if prefill is None else str(prefill.get("language") or "")


def start(staff: Staff, channel: str, language: str, callback_id: int | None = None) -> StaffDraft:
    """Begin a new report for `staff` (their previous unsent one is discarded)."""
    if channel not in STAFF_CHANNELS:
        raise IntakeError(_l("Choose how the report came in."))
    answers = Answers()
    if callback_id is not None:
        requested_language, contact = _prefilled_contact(callback_id)
        language = language or requested_language
        if contact:
            answers.steps["contact"] = contact
    if language not in shipped():
        raise IntakeError(_l("Choose the resident's language."))
    discard()
    forget_filed()
    draft = StaffDraft(staff.id, channel, language, answers, callback_id)
    save(draft)
    return draft


def current(staff: Staff) -> StaffDraft | None:
    """The report `staff` is taking down, if any."""
    stored = session.get(DRAFT_KEY)
    if not isinstance(stored, dict) or stored.get("staff_id") != staff.id:
        return None
    return StaffDraft(
        staff_id=int(stored["staff_id"]),
        channel=str(stored["channel"]),
        language=str(stored["language"]),
        answers=Answers.from_json(stored.get("answers") or {}),
        callback_id=stored.get("callback_id"),
    )


def save(draft: StaffDraft) -> None:
    """Keep the draft in the session."""
    session[DRAFT_KEY] = draft.to_json()


def discard() -> None:
    """Forget the unsent report and delete the files added to it."""
    stored = session.pop(DRAFT_KEY, None)
    if isinstance(stored, dict):
        files = (stored.get("answers") or {}).get("files") or []
        uploads.remove_pending(item["stored_name"] for item in files)


def add_file(draft: StaffDraft, clean: uploads.CleanFile, filename: str, original: bool) -> None:
    """Add a cleaned file; `original` marks the scanned letter or forwarded email itself."""
    item: dict[str, Any] = {
        "stored_name": uploads.store_pending(clean),
        "original_name": filename,
        "content_type": clean.content_type,
        "size": len(clean.data),
        "sha256": clean.sha256,
    }
    if original and draft.takes_original:
        item["source"] = "original"
    draft.answers.files.append(item)


def remove_file(draft: StaffDraft, index: int) -> bool:
    """Take file `index` back out of the draft; whether there was one."""
    if not 0 <= index < len(draft.answers.files):
        return False
    removed = draft.answers.files.pop(index)
    uploads.remove_pending([removed["stored_name"]])
    return True


def send(draft: StaffDraft, staff: Staff, today: date) -> filing.Filed:
    """File the report under the resident's language, naming its channel and `staff`; audit it
    (the channel alone, nothing the resident said) and close the call-back it came from."""
    filed = filing.file_report(
        draft.answers.steps,
        draft.answers.files,
        RECEIPT_KIND,
        draft.language,
        today,
        channel=draft.channel,
        taken_by=staff,
    )
    report = filed.report
    audit.record(staff, AUDIT_ACTION, report, detail=draft.channel)
    if draft.callback_id is not None:
        callbacks.converted(draft.callback_id, report, staff)
    db.session.commit()
    # The draft's files are now the report's: forgetting the draft must not delete them.
    session.pop(DRAFT_KEY, None)
    session[FILED_KEY] = {
        "staff_id": staff.id,
        "id": report.id,
        "receipt": filed.receipt,
        "language": draft.language,
        "at": time.time(),
    }
    return filed


def filed(staff: Staff) -> dict[str, Any] | None:
    """The report `staff` just sent (with its code until it was given), while fresh."""
    minutes = int(current_app.config["STAFF_IDLE_MINUTES"])
    entry, _expired = fresh_entry(FILED_KEY, "at", minutes)
    if entry is None or entry.get("staff_id") != staff.id:
        return None
    return entry


def code_given(staff: Staff) -> None:
    """The resident has the code: forget it, keeping only which report was sent."""
    entry = filed(staff)
    if entry is not None:
        entry.pop("receipt", None)
        session[FILED_KEY] = entry


def forget_filed() -> None:
    """Forget the report sent last (a new one is being taken)."""
    session.pop(FILED_KEY, None)


def code_groups(receipt: str) -> list[str]:
    """The code in groups of four digits, for reading aloud."""
    digits = "".join(ch for ch in receipt if ch.isdigit())
    return [digits[i : i + 4] for i in range(0, len(digits), 4)]
