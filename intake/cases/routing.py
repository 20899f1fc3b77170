"""Alerts and routing on saved views: what `flask views run` does, and its preview.

A view with alerts matches the cases received since its last run, seen as its owner sees them
(the case list's own filter and access rule, with the owner as viewer). Routing gives each
unassigned match to the view's investigator: it never reassigns, never changes a status and so
never closes a case, and the portal is the actor in the audit trail, with the view named. The
digest is one email per owner per run, at most once a day per view, that lists case numbers and
counts only. A run commits owner by owner; a view's marks move only when its owner's run saved.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import groupby
from urllib.parse import parse_qsl

from flask import current_app, render_template
from flask_babel import force_locale, ngettext
from sqlalchemy import ColumnElement, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import load_only, selectinload
from werkzeug.datastructures import MultiDict

from .. import mail, notifications
from ..clock import today
from ..extensions import db
from ..models import OutboxEmail, Report, SavedView, Staff, utcnow
from ..roles import Can
from . import audit, listing, queries
from .access import can_take

# Cases stamped just before a run may not be committed yet: a run looks only this far back from
# now, and the next run starts where it stopped, so none is missed.
SETTLE = timedelta(minutes=1)
DIGEST_EVERY = timedelta(days=1)
# Cron runs drift by seconds: a digest a few minutes short of a day is still due.
DIGEST_SLACK = timedelta(minutes=10)
PREVIEW_DAYS = 90
PREVIEW_ROWS = 200
PREVIEW_COUNT_LIMIT = 10_000
DIGEST_NUMBERS = 50  # Case numbers listed per view in a digest; the count says the rest.
# Why a run skipped a view (for the command's output, in English like every CLI message).
SKIP_REASONS = {
    "filter": "its filters can no longer be used; its owner must save it again",
    "routing": "its routing did not run (the owner may no longer assign any case, or the "
    "assignee can no longer take cases); its digest did",
    "owner": "its owner's account is deactivated; nothing was sent or routed",
}


# Routing and previews read a case's number and assignee, never its (encrypted) content.
_NUMBERS_ONLY = load_only(Report.id, Report.case_number, Report.assignee_id)


def view_filter(view: SavedView) -> queries.CaseFilter | None:
    """The view's filter, or None when it no longer parses (a filter or a code it names is
    gone): such a view matches nothing rather than something else."""
    query = queries.filter_query(view.query)
    if query is None:
        return None
    case_filter = queries.CaseFilter.from_args(MultiDict(parse_qsl(query)))
    return None if case_filter.ignored else case_filter


def may_route(owner: Staff) -> bool:
    """Whether a view of `owner` may assign cases (the right to assign and reassign any case)."""
    return owner.active and owner.can(Can.ASSIGN_ANY)


def _matching(
    case_filter: queries.CaseFilter, owner: Staff, since: datetime, until: datetime
) -> list[ColumnElement[bool]]:
    """The view's cases received in (since, until], within what `owner` may open."""
    return [
        *queries.conditions(case_filter, owner, today()),
        Report.created_at > since,
        Report.created_at <= until,
        Report.disposed_on.is_(None),
    ]


@dataclass(frozen=True)
class PreviewRow:
    """One case the rule would have matched: who has it now, and who routing would give it to."""

    case_id: int
    case_number: str
    assignee: Staff | None
    goes_to: Staff | None


@dataclass(frozen=True)
class Preview:
    """What a rule does to the cases of the last PREVIEW_DAYS, as they are today."""

    rows: list[PreviewRow]
    total: int
    capped: bool
    routed: int
    days: int = PREVIEW_DAYS


def preview(
    case_filter: queries.CaseFilter, owner: Staff, route_to: Staff | None, now: datetime
) -> Preview:
    """The cases of the last 90 days the view matches and where routing would send each; reads
    only (a preview changes nothing)."""
    where = _matching(case_filter, owner, now - timedelta(days=PREVIEW_DAYS), now)
    total, capped = listing.count_up_to(where, PREVIEW_COUNT_LIMIT)
    routed = 0
    if route_to is not None:
        unassigned = [*where, Report.assignee_id.is_(None)]
        routed = listing.count_up_to(unassigned, PREVIEW_COUNT_LIMIT)[0]
    cases = db.session.scalars(
        select(Report)
        .where(*where)
        .order_by(Report.created_at.desc(), Report.id.desc())
        .limit(PREVIEW_ROWS)
        .options(_NUMBERS_ONLY, selectinload(Report.assignee))
    )
    rows = [
        PreviewRow(
            report.id,
            report.case_number,
            report.assignee,
            route_to if report.assignee_id is None else None,
        )
        for report in cases
    ]
    return Preview(rows, total, capped, routed)


@dataclass
class RunResult:
    """What a run did: views looked at, cases routed, digests queued, and what it skipped."""

    views: int = 0
    routed: int = 0
    digests: int = 0
    # (view id, a key of SKIP_REASONS).
    skipped: list[tuple[int, str]] = field(default_factory=list)
    failed_owners: list[int] = field(default_factory=list)


@dataclass
class _DigestPart:
    view_id: int
    numbers: list[str]


def _route(
    view: SavedView, case_filter: queries.CaseFilter, owner: Staff, until: datetime
) -> tuple[int, list[OutboxEmail | None]]:
    """Give the unassigned matches since the view's last run to its investigator."""
    assignee = view.route_to
    since = view.last_run_at
    if assignee is None or since is None:
        return 0, []
    where = [*_matching(case_filter, owner, since, until), Report.assignee_id.is_(None)]
    query = select(Report).where(*where).order_by(Report.id).options(_NUMBERS_ONLY)
    reports = db.session.scalars(query).all()
    routed, notices = 0, []
    for report in reports:
        # Only if still unassigned at this instant: someone may have assigned it meanwhile.
        result = db.session.execute(
            update(Report)
            .where(Report.id == report.id, Report.assignee_id.is_(None))
            .values(assignee_id=assignee.id, version=Report.version + 1)
            .execution_options(synchronize_session=False)
        )
        if not result.rowcount:  # type: ignore[attr-defined]
            continue
        audit.record(
            None,
            "assign",
            report,
            field="assignee",
            new=assignee.email,
            detail=f"saved view {view.id}",
        )
        notices.append(notifications.case_assigned(report, assignee))
        db.session.expire(report)
        routed += 1
    return routed, notices


def _digest_due(view: SavedView, until: datetime) -> bool:
    return view.last_digest_at is not None and until - view.last_digest_at >= (
        DIGEST_EVERY - DIGEST_SLACK
    )


def _digest_numbers(
    view: SavedView, case_filter: queries.CaseFilter, owner: Staff, until: datetime
) -> list[str]:
    since = view.last_digest_at or until
    where = _matching(case_filter, owner, since, until)
    query = select(Report.case_number).where(*where).order_by(Report.created_at, Report.id)
    return list(db.session.scalars(query))


def _run_view(
    view: SavedView, owner: Staff, until: datetime, result: RunResult
) -> tuple[_DigestPart | None, list[OutboxEmail | None]]:
    """One view's run: its digest part (if due and there are matches) and routing."""
    case_filter = view_filter(view)
    if case_filter is None:
        result.skipped.append((view.id, "filter"))
        return None, []
    part = None
    if view.digest:
        if view.last_digest_at is None:
            view.last_digest_at = until
        elif _digest_due(view, until):
            numbers = _digest_numbers(view, case_filter, owner, until)
            if numbers:  # Nothing new: the next run looks again, from the same mark.
                part = _DigestPart(view.id, numbers)
                view.last_digest_at = until
    notices: list[OutboxEmail | None] = []
    if view.route_to_id is not None:
        if may_route(owner) and view.route_to is not None and can_take(view.route_to):
            routed, notices = _route(view, case_filter, owner, until)
            result.routed += routed
        else:
            result.skipped.append((view.id, "routing"))
    view.last_run_at = until
    return part, notices


def digest_email(owner: Staff, parts: list[_DigestPart]) -> OutboxEmail:
    """Queue one digest for `owner`: per view, its link, a count and case numbers; nothing of a
    case's content and no view name (staff free text stays in the portal)."""
    # Staff accounts have no language of their own yet: the portal's default language.
    language = current_app.config["BABEL_DEFAULT_LOCALE"]
    base = str(current_app.config["PUBLIC_URL"]).rstrip("/")
    total = sum(len(part.numbers) for part in parts)
    with force_locale(language):
        subject = ngettext(
            "%(num)d new case in your saved views",
            "%(num)d new cases in your saved views",
            total,
        )
        body = render_template(
            "email/staff_view_digest.txt",
            parts=parts,
            shown=DIGEST_NUMBERS,
            base=base,
        )
    audit.record(None, "view_digest", detail=json.dumps({"views": [p.view_id for p in parts]}))
    return mail.queue(owner.email, subject, body, kind="view_digest", language=language)


def _views_with_alerts() -> list[SavedView]:
    return list(
        db.session.scalars(
            select(SavedView)
            .where((SavedView.digest.is_(True)) | (SavedView.route_to_id.is_not(None)))
            .order_by(SavedView.staff_id, SavedView.id)
        )
    )


def _owner_id(view: SavedView) -> int:
    return view.staff_id


def _run_owner(
    owner: Staff, views: Iterable[SavedView], until: datetime, result: RunResult
) -> list[OutboxEmail | None]:
    """One owner's views, and their digest; a deactivated account's views only move on."""
    parts, emails = [], []
    for view in views:
        if not owner.active:
            result.skipped.append((view.id, "owner"))
            view.last_run_at = until
            continue
        result.views += 1
        part, notices = _run_view(view, owner, until, result)
        emails += notices
        if part is not None:
            parts.append(part)
    if parts:
        emails.append(digest_email(owner, parts))
        result.digests += 1
    return emails


def run(now: datetime | None = None) -> RunResult:
    """Run every view with alerts (for `flask views run`, from cron every 15 minutes or so)."""
    until = (now or utcnow()) - SETTLE
    result = RunResult()
    emails: list[OutboxEmail | None] = []
    views = _views_with_alerts()
    by_owner = [(owner_id, list(group)) for owner_id, group in groupby(views, _owner_id)]
    for owner_id, owned in by_owner:
        owner = db.session.get(Staff, owner_id)
        done = RunResult()
        try:
            sent = _run_owner(owner, owned, until, done) if owner else []
            db.session.commit()
        except SQLAlchemyError:
            db.session.rollback()
            result.failed_owners.append(owner_id)
            continue
        emails += sent
        result.views += done.views
        result.routed += done.routed
        result.digests += done.digests
        result.skipped += done.skipped
    mail.deliver(emails)
    return result
