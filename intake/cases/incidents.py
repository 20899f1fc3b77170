"""Incidents: several reports about one event (a wave of flyers, one attack seen by many).

Staff group reports into an incident, and the case page suggests "possibly the same event":
other cases with an incident date within INCIDENT_WINDOW_DAYS (configuration, default 7), the
same community area or ward (or both online), and a similar narrative.

How similar, and where it is computed (bench/similarity.py; figures in bench/RESULTS.md,
"Possibly the same event"): the candidates are read through the incident-date index
(ix_report_incident_date: one or two months of reports, narrowed by place to a handful even at
50k reports) and scored in Python by rapidfuzz's token_set_ratio, in about a millisecond.
PostgreSQL's pg_trgm similarity() over the same candidates took as long and separated a retold
story from unrelated ones more widely (86 against at most 47 at 50k reports, where
token_set_ratio gives 98 against up to 78), but it exists only on PostgreSQL, and SQLite is the
portal's default database: rapidfuzz gives the same suggestions on both, so the suite tests what
production runs. The threshold (INCIDENT_MIN_SIMILARITY, default 75) keeps the retellings; the
few unrelated cases above it are listed below the real match, each with its reasons.

Joining and leaving write one audit row per case (the incident's number, never its title: the
title is staff free text). The report's `incident_id` is set without bumping the case's version,
so a colleague editing the case at that moment is not refused (as `followup` does for replies).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from rapidfuzz import fuzz, utils
from sqlalchemy import ColumnElement, Executable, and_, false, func, or_, select, update

from .. import followup
from ..database import LIKELY, likelihood
from ..extensions import db
from ..models import Incident, Report, Staff
from . import audit
from .access import can_work, visible_cases

SUGGESTIONS = 5
# At most this many candidates are scored (a month of one ward holds far fewer).
CANDIDATE_LIMIT = 500
TITLE_LENGTH = 200


class IncidentError(Exception):
    """A grouping that is refused, with a message for the staff member."""

    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = message


def window_days() -> int:
    """How many days apart two incident dates may be to suggest the same event."""
    return int(current_app.config["INCIDENT_WINDOW_DAYS"])


def minimum_similarity() -> int:
    """The narrative similarity (0-100) a suggestion needs."""
    return int(current_app.config["INCIDENT_MIN_SIMILARITY"])


def incident_dates(year: int, month: int, day: int | None) -> tuple[date, date]:
    """The first and last day an incident date can mean (a month without a day: all of it)."""
    if day is not None:
        return date(year, month, day), date(year, month, day)
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def days_apart(first: tuple[date, date], second: tuple[date, date]) -> int:
    """Days between two incident dates (0 when they may be the same day)."""
    if first[1] < second[0]:
        return (second[0] - first[1]).days
    if second[1] < first[0]:
        return (first[0] - second[1]).days
    return 0


def window_terms(start: date, end: date) -> list[list[ColumnElement[bool]]]:
    """The incident dates that may fall between `start` and `end`, as groups of conditions to
    AND: equalities on (year, month), then the day unknown or in a range. Each group is one
    range of an index that starts with those columns (ix_report_incident_date, or a place's)."""
    terms: list[list[ColumnElement[bool]]] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        first, last = (
            max(start, date(year, month, 1)),
            min(end, incident_dates(year, month, None)[1]),
        )
        same_month = [Report.incident_year == year, Report.incident_month == month]
        terms.append([*same_month, Report.incident_day.is_(None)])
        terms.append([*same_month, Report.incident_day.between(first.day, last.day)])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return terms


def similarity(first: str, second: str) -> int:
    """How alike two narratives are, 0-100: rapidfuzz's token_set_ratio over case-folded words
    (a short retelling inside a longer one scores high; word order does not matter)."""
    return round(fuzz.token_set_ratio(first, second, processor=utils.default_process))


@dataclass(frozen=True)
class Suggestion:
    """Another case that may be about the same event, and why (never its resident's details)."""

    id: int
    case_number: str
    similarity: int
    days_apart: int
    same_area: bool
    same_ward: bool
    incident_id: int | None


def _places(report: Report) -> list[ColumnElement[bool]]:
    """Where another report's event counts as near: the same community area, the same ward,
    or also online."""
    places: list[ColumnElement[bool]] = []
    if report.community_area is not None:
        places.append(Report.community_area == report.community_area)
    if report.ward is not None:
        places.append(Report.ward == report.ward)
    if report.location_type == "online":
        places.append(Report.location_type == "online")
    return places


def _not_disposed() -> ColumnElement[bool]:
    """A report not disposed of, as nearly every one is: said so to SQLite, which without
    statistics took the index of disposal days for a selective one and read nearly every case
    from it (550 ms at a million cases)."""
    return likelihood(Report.disposed_on.is_(None), LIKELY)


def candidates_query(report: Report, viewer: Staff, days: int) -> Executable:
    """The query for the cases that could be the same event: each place's reports in the
    window, every pair one range of an index (of the area or ward and the incident date: the
    date alone read every report of those weeks, 15,000 at a million cases)."""
    dates = incident_dates(report.incident_year, report.incident_month, report.incident_day)
    window = window_terms(dates[0] - timedelta(days=days), dates[1] + timedelta(days=days))
    near = [and_(place, *term) for place in _places(report) for term in window]
    conditions = [
        or_(*near) if near else false(),
        Report.id != report.id,
        _not_disposed(),
        visible_cases(viewer),
    ]
    if report.incident_id is not None:
        conditions.append(
            or_(Report.incident_id.is_(None), Report.incident_id != report.incident_id)
        )
    columns = (
        Report.id,
        Report.case_number,
        Report.narrative,
        Report.community_area,
        Report.ward,
        Report.incident_year,
        Report.incident_month,
        Report.incident_day,
        Report.incident_id,
    )
    return select(*columns).where(*conditions).order_by(Report.id.desc()).limit(CANDIDATE_LIMIT)


def suggestions(report: Report, viewer: Staff, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """Up to `limit` cases `viewer` may open that are possibly the same event, the most alike
    first."""
    if report.disposed_on is not None or not report.narrative:
        return []
    days, least = window_days(), minimum_similarity()
    mine = incident_dates(report.incident_year, report.incident_month, report.incident_day)
    found = []
    for row in db.session.execute(candidates_query(report, viewer, days)):
        score = similarity(report.narrative, row.narrative)
        apart = days_apart(
            mine, incident_dates(row.incident_year, row.incident_month, row.incident_day)
        )
        if score < least or apart > days:
            continue
        found.append(
            Suggestion(
                id=row.id,
                case_number=row.case_number,
                similarity=score,
                days_apart=apart,
                same_area=report.community_area is not None
                and row.community_area == report.community_area,
                same_ward=report.ward is not None and row.ward == report.ward,
                incident_id=row.incident_id,
            )
        )
    found.sort(key=lambda item: (-item.similarity, item.days_apart, item.id))
    return found[:limit]


def get(incident_id: int) -> Incident | None:
    """The incident `incident_id`, if any."""
    return db.session.get(Incident, incident_id)


def clean_title(title: str | None) -> str:
    """The title as stored; refused when empty or too long."""
    text = " ".join((title or "").split())
    if not text:
        raise IncidentError(_l("Give the incident a short title."))
    if len(text) > TITLE_LENGTH:
        raise IncidentError(_l("Keep the title under %(num)d characters.", num=TITLE_LENGTH))
    return text


def _check_work(staff: Staff, reports: Iterable[Report]) -> None:
    for report in reports:
        if not can_work(staff, report):
            raise IncidentError(_l("You cannot change one of these cases."))


def _set_incident(staff: Staff, report: Report, incident_id: int | None) -> bool:
    old = report.incident_id
    if old == incident_id:
        return False
    db.session.execute(update(Report).where(Report.id == report.id).values(incident_id=incident_id))
    action = "incident_leave" if incident_id is None else "incident_join"
    audit.record(staff, action, report, field="incident", old=old, new=incident_id)
    return True


def create(staff: Staff, title: str | None, reports: list[Report]) -> Incident:
    """A new incident holding `reports` (each one the staff member may work), and commit."""
    text = clean_title(title)
    _check_work(staff, reports)
    incident = Incident(title=text, created_by_id=staff.id)
    db.session.add(incident)
    db.session.flush()
    for report in reports:
        _set_incident(staff, report, incident.id)
    db.session.commit()
    return incident


def join(staff: Staff, incident: Incident, report: Report) -> bool:
    """Add a case to an incident (moving it from another one), and commit; False if it was in."""
    _check_work(staff, [report])
    changed = _set_incident(staff, report, incident.id)
    db.session.commit()
    return changed


def leave(staff: Staff, report: Report) -> bool:
    """Take a case out of its incident, and commit; False if it was in none."""
    _check_work(staff, [report])
    changed = _set_incident(staff, report, None)
    db.session.commit()
    return changed


def members(incident: Incident, viewer: Staff) -> list[Report]:
    """The incident's cases that `viewer` may open, oldest first."""
    return list(
        db.session.scalars(
            select(Report)
            .where(Report.incident_id == incident.id, visible_cases(viewer))
            .order_by(Report.received_on, Report.id)
        )
    )


@dataclass(frozen=True)
class Listed:
    """One line of the incident list."""

    incident: Incident
    reports: int
    first: date | None
    last: date | None
    areas: list[int]


def listing(viewer: Staff) -> list[Listed]:
    """Incidents with at least one case `viewer` may open (counting only those), newest
    first."""
    rows = db.session.execute(
        select(
            Report.incident_id,
            func.count(),
            func.min(Report.received_on),
            func.max(Report.received_on),
        )
        .where(Report.incident_id.is_not(None), visible_cases(viewer))
        .group_by(Report.incident_id)
    ).all()
    if not rows:
        return []
    areas: dict[int | None, set[int]] = {}
    for incident_id, area in db.session.execute(
        select(Report.incident_id, Report.community_area)
        .where(Report.incident_id.is_not(None), Report.community_area.is_not(None))
        .where(visible_cases(viewer))
        .distinct()
    ):
        if area is not None:
            areas.setdefault(incident_id, set()).add(area)
    found: dict[int | None, Incident] = {
        incident.id: incident
        for incident in db.session.scalars(
            select(Incident).where(Incident.id.in_([row[0] for row in rows]))
        )
    }
    listed = [
        Listed(found[iid], count, first, last, sorted(areas.get(iid, ())))
        for iid, count, first, last in rows
    ]
    return sorted(listed, key=lambda item: item.incident.created_at, reverse=True)


def audiences(incident: Incident, staff: Staff) -> dict[str, list[Report]]:
    """The incident's reporters `staff` may write to, by their report's language (in the order
    of LANGUAGES). Disposed reports are left out: their story, messages and contact details are
    gone, and a tombstone is never changed. Closed and referred reports are in: their residents
    still read their status page, and news of the event (an arrest, a meeting) is theirs too."""
    order = list(current_app.config["LANGUAGES"])
    grouped: dict[str, list[Report]] = {}
    for report in members(incident, staff):
        if can_work(staff, report):
            grouped.setdefault(report.language, []).append(report)
    return dict(sorted(grouped.items(), key=lambda item: (order + [item[0]]).index(item[0])))


def unreachable(incident: Incident, staff: Staff) -> int:
    """How many of the incident's cases `staff` opens get no message (disposed)."""
    return sum(1 for report in members(incident, staff) if not can_work(staff, report))


def send(staff: Staff, incident: Incident, bodies: dict[str, str]) -> int:
    """Write to every reporter whose language has a text, each as a normal staff message on
    their own report (its audit row, its email notice through the outbox); the number sent."""
    sent = 0
    for language, reports in audiences(incident, staff).items():
        body = (bodies.get(language) or "").strip()
        if not body:
            continue
        for report in reports:
            followup.staff_message(staff, report, body)
            sent += 1
    return sent
