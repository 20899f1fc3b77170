"""The daily deadline digest: each assignee's overdue and coming deadlines, one email a day.

`flask reminders send` (cron, once a day) queues, through the outbox, one email per active staff
member with assigned open cases that have something overdue or due within DUE_SOON_DAYS: the
screening targets (acknowledgement, screening decision) and every running deadline of the case's
calendar (intake/cases/calendar.py). The email names case numbers, the deadline and its day only:
never a case's content or a person's name. Nothing due, no email.

The digest goes to the case's assignee, whatever their roles: they are the one who must act. A
supervisor sees everyone's deadlines in the case lists and reports, so gets no digest of others'.

Once a day: the outbox itself says who already has today's digest (its kind and day, and the
recipient, decrypted for that day's few digests), so a second run the same day sends nothing new
and no column records it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, render_template
from flask_babel import force_locale, ngettext
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import select

from . import mail
from .cases import audit, calendar
from .clock import today as local_today
from .extensions import db
from .models import CaseDeadline, OutboxEmail, Report, Staff
from .statuses import INFO, OPEN_STATUSES, Status

KIND = "deadline_digest"


@dataclass(frozen=True)
class Target:
    """A screening service target: the status it applies in, its due column and done column."""

    key: str
    label: LazyString
    status: str
    due: str
    done: str


# From the statuses table (a status with a due date, and the timestamp set on leaving it).
TARGET_LABELS = {
    Status.NEW: ("acknowledge", _l("Acknowledgement")),
    Status.SCREENING: ("screen", _l("Screening decision")),
}
SCREENING_TARGETS = tuple(
    Target(key, label, status.value, str(INFO[status].due), str(INFO[status].left_at))
    for status, (key, label) in TARGET_LABELS.items()
)


@dataclass(frozen=True)
class Item:
    """One line of a digest: a case number, what is due and when."""

    case_number: str
    label: str
    due_on: date

    def overdue(self, today: date) -> bool:
        """Past its day (due today is not yet overdue)."""
        return self.due_on < today


@dataclass
class Result:
    """What a run did: digests queued, and staff skipped because today's was already queued."""

    digests: int = 0
    already: int = 0
    emailed: list[int] = field(default_factory=list)


def _screening_items(horizon: date) -> list[tuple[int, Item]]:
    """(assignee id, item) for assigned cases whose screening target falls by `horizon`."""
    found: list[tuple[int, Item]] = []
    for target in SCREENING_TARGETS:
        due = getattr(Report, target.due)
        query = select(Report.assignee_id, Report.case_number, due).where(
            Report.assignee_id.is_not(None),
            Report.status == target.status,
            getattr(Report, target.done).is_(None),
            due <= horizon,
        )
        for staff_id, number, due_on in db.session.execute(query):
            found.append((staff_id, Item(number, str(target.label), due_on)))
    return found


def _calendar_items(horizon: date) -> list[tuple[int, Item]]:
    """(assignee id, item) for the running calendar deadlines of open assigned cases."""
    query = (
        select(Report.assignee_id, Report.case_number, CaseDeadline.key, CaseDeadline.due_on)
        .join(Report, Report.id == CaseDeadline.report_id)
        .where(
            Report.assignee_id.is_not(None),
            Report.status.in_(sorted(OPEN_STATUSES)),
            CaseDeadline.done_on.is_(None),
            CaseDeadline.due_on <= horizon,
        )
    )
    found: list[tuple[int, Item]] = []
    for staff_id, number, key, due_on in db.session.execute(query):
        if staff_id is None:  # Excluded by the query; mypy cannot know.
            continue
        rule = calendar.BY_KEY.get(key)
        found.append((staff_id, Item(number, str(rule.label) if rule else key, due_on)))
    return found


def due_items(today: date) -> dict[int, list[Item]]:
    """Per assignee id, what is overdue or due within the next DUE_SOON_DAYS days, by day and
    case number (two queries, whatever the number of cases)."""
    horizon = today + timedelta(days=calendar.DUE_SOON_DAYS)
    by_staff: dict[int, list[Item]] = defaultdict(list)
    for staff_id, item in _screening_items(horizon) + _calendar_items(horizon):
        by_staff[staff_id].append(item)
    return {
        staff_id: sorted(items, key=lambda i: (i.due_on, i.case_number, i.label))
        for staff_id, items in by_staff.items()
    }


def _start_of(day: date) -> datetime:
    """The first moment of `day` at the commission."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return datetime.combine(day, time(0), zone)


def reminded_on(day: date) -> set[str]:
    """The addresses (lower case) already sent, or queued, a digest on `day`."""
    query = select(OutboxEmail.recipient).where(
        OutboxEmail.kind == KIND,
        OutboxEmail.created_at >= _start_of(day),
        OutboxEmail.created_at < _start_of(day + timedelta(days=1)),
    )
    return {address.lower() for address in db.session.scalars(query)}


def digest_email(staff: Staff, items: list[Item], today: date) -> OutboxEmail:
    """Queue one digest for `staff`: overdue items first, then those due soon."""
    # Staff accounts have no language of their own yet: the portal's default language.
    language = current_app.config["BABEL_DEFAULT_LOCALE"]
    overdue = [item for item in items if item.overdue(today)]
    soon = [item for item in items if not item.overdue(today)]
    with force_locale(language):
        subject = ngettext(
            "%(num)d deadline overdue or due this week",
            "%(num)d deadlines overdue or due this week",
            len(items),
        )
        body = render_template(
            "email/deadline_digest.txt",
            overdue=overdue,
            soon=soon,
            days=calendar.DUE_SOON_DAYS,
            today=today,
            base=str(current_app.config["PUBLIC_URL"]).rstrip("/"),
        )
    detail = json.dumps({"staff": staff.id, "overdue": len(overdue), "soon": len(soon)})
    audit.record(None, KIND, detail=detail)
    return mail.queue(staff.email, subject, body, kind=KIND, language=language)


def send(today: date | None = None) -> Result:
    """Queue today's digests (at most one per person per day), commit, then send them."""
    day = today or local_today()
    result = Result()
    items = due_items(day)
    if not items:
        return result
    done = reminded_on(day)
    staff = db.session.scalars(
        select(Staff).where(Staff.id.in_(sorted(items)), Staff.active.is_(True)).order_by(Staff.id)
    )
    emails = []
    for person in staff:
        if person.email.lower() in done:
            result.already += 1
            continue
        emails.append(digest_email(person, items[person.id], day))
        result.digests += 1
        result.emailed.append(person.id)
    db.session.commit()
    mail.deliver(emails)
    return result
