"""What happens to the demo cases (`make demo`): each is filed and worked through the real domain
functions (filing, workflow, assignment, notes, messages) at moments spread over the last eighteen
months, so the queues, "My cases", the reports and every audit trail look lived in.

The same cases every time (a fixed seed); what they say is intake.demo_cases.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from flask import current_app

from . import demo_cases, followup, notifications, rules
from .business_days import add_business_days
from .cases import service
from .demo_cases import Story
from .extensions import db
from .filing import file_report
from .models import Report, Staff
from .models import types as model_types
from .statistics import rollup

SEED = 18
CASES = 300
DAYS_BACK = 548  # About eighteen months.
RECENT = 8  # Reports of the last few days, still new.
MY_OPEN = 30  # Open cases of the demo investigator...
UNREAD = 4  # ... of which the resident wrote since the investigator last opened the case.
Event = tuple[datetime, str, str]  # When, what ("screening", "note", "reply"...), its detail.


class _DemoTime(datetime):
    """A `datetime` whose now() is the moment the demo is replaying."""

    moment: ClassVar[datetime] = datetime.now(UTC)

    @classmethod
    def now(cls, tz: Any = None) -> datetime:  # type: ignore[override]
        return cls.moment.astimezone(tz) if tz else cls.moment.replace(tzinfo=None)


@contextmanager
def replaying() -> Iterator[type[_DemoTime]]:
    """While open, the portal's clock reads `_DemoTime.moment`: every stored timestamp comes from
    `intake.models.types.utcnow`, so the real functions date what they write as if it were then."""
    real = vars(model_types)["datetime"]
    setattr(model_types, "datetime", _DemoTime)  # noqa: B010 - patched for the demo only
    try:
        yield _DemoTime
    finally:
        setattr(model_types, "datetime", real)  # noqa: B010


@dataclass(frozen=True)
class Team:
    """Who works the demo cases."""

    intake: Staff
    supervisor: Staff
    me: Staff  # The demo investigator whose "My cases" the demo shows off.
    colleagues: tuple[Staff, ...]


@dataclass
class Plan:
    """One case to file, and what happens to it afterwards (moment, event, detail)."""

    received: datetime
    language: str
    voice: str  # The language the resident writes in.
    answers: dict[str, dict[str, Any]]
    events: list[Event] = field(default_factory=list)
    assignee: Staff | None = None
    original: Plan | None = None  # The earlier report this one repeats, if any.
    report_id: int | None = None  # Once filed.

    def reached(self, event: str) -> bool:
        """Whether the case got as far as `event`."""
        return any(name == event for _at, name, _detail in self.events)

    @property
    def open(self) -> bool:
        """Still open now (neither referred nor closed)."""
        return not (self.reached("referred") or self.reached("closed"))


def _received(rng: random.Random, now: datetime, zone: ZoneInfo) -> list[datetime]:
    """When each report arrived, oldest first: spread over the period, a few in the last days."""
    days = sorted(rng.randrange(5, DAYS_BACK) for _ in range(CASES - RECENT))
    days += [rng.randrange(0, 7) for _ in range(RECENT)]
    today = now.astimezone(zone).date()
    moments = []
    for back in sorted(days, reverse=True):
        local = time(rng.randrange(7, 23), rng.randrange(60))
        moment = datetime.combine(today - timedelta(days=back), local, zone).astimezone(UTC)
        moments.append(min(moment, now - timedelta(minutes=rng.randrange(20, 600))))
    return sorted(moments)


def _office_hours(rng: random.Random, after: datetime, days: int, zone: ZoneInfo) -> datetime:
    """A moment in office hours `days` business days after `after` (and after it)."""
    start = after.astimezone(zone).date()
    day = add_business_days(start, days) if days else start
    while True:
        if day.weekday() < 5:
            local = time(rng.randrange(9, 17), rng.randrange(60))
            moment = datetime.combine(day, local, zone).astimezone(UTC)
            if moment > after:
                return moment
        day += timedelta(days=1)


REFERRALS = {"housing": ("hud", "idhr"), "employment": ("eeoc", "idhr")}


def _outcome(
    rng: random.Random, story: Story, answers: dict[str, dict[str, Any]], received: date
) -> tuple[str, str]:
    """How screening ends: ("closed", reason), ("referred", agency) or ("accepted", "")."""
    place, incident, contact = answers["place"], answers["incident"], answers["contact"]
    if place["in_city"] == "no":
        return ("referred", "idhr") if rng.random() < 0.5 else ("closed", "no_jurisdiction")
    late = rules.past_filing_deadline(
        story.kind,
        int(incident["incident_year"]),
        int(incident["incident_month"]),
        int(incident["incident_day"] or 0) or None,
        incident["still_happening"],
        received,
    )
    if late and rng.random() < 0.7:
        return ("closed", "untimely")
    roll = rng.random()
    for reason, below in (("spam", 0.03), ("duplicate", 0.07), ("withdrawn", 0.1)):
        if roll < below:
            return ("closed", reason)
    if roll < 0.14 or (not contact and roll < 0.2):
        return ("closed", "failure_to_cooperate")
    if roll < 0.34:
        if story.kind == "hate":
            return ("referred", "police" if contact.get("share_with_police") else "other")
        topic = story.topic[0] if story.topic else ""
        return ("referred", rng.choice(REFERRALS.get(topic, ("idhr", "other"))))
    return ("accepted", "")


def _investigation(
    rng: random.Random, start: datetime, mediate: bool, zone: ZoneInfo
) -> list[Event]:
    """What the investigator does once the case is accepted, up to its closing."""
    at = _office_hours(rng, start, rng.randrange(1, 5), zone)
    events = [(at, "view", ""), (at + timedelta(minutes=4), "note", rng.choice(demo_cases.NOTES))]
    if rng.random() < 0.6:
        at = _office_hours(rng, at, rng.randrange(2, 8), zone)
        events.append((at, "message", "request_info"))
        if rng.random() < 0.65:
            at += timedelta(hours=rng.randrange(3, 120))
            events.append((at, "reply", ""))
            at = _office_hours(rng, at, rng.randrange(0, 3), zone)
            events += [
                (at, "view", ""),
                (at + timedelta(minutes=6), "note", rng.choice(demo_cases.NOTES)),
            ]
    if mediate:
        at = _office_hours(rng, at, rng.randrange(15, 60), zone)
        events.append((at, "mediation", ""))
    # Investigations take months (a year is not rare): many accepted cases are still open.
    at = _office_hours(rng, at, rng.randrange(60, 260), zone)
    events += [(at, "view", ""), (at + timedelta(minutes=9), "determination", "")]
    at = _office_hours(rng, at, rng.randrange(10, 40), zone)
    reasons = (
        ("settled",) * 3 + ("withdrawn",)
        if mediate
        else (
            "no_substantial_evidence",
            "no_substantial_evidence",
            "violation_found",
            "withdrawn",
            "failure_to_cooperate",
        )
    )
    events += [
        (at, "message", "closure"),
        (at + timedelta(minutes=2), "closed", rng.choice(reasons)),
    ]
    return events


def _timeline(rng: random.Random, plan: Plan, story: Story, zone: ZoneInfo) -> list[Event]:
    """Everything that happens to the case from screening on, whether or not it has yet."""
    contact = plan.answers["contact"]
    at = _office_hours(rng, plan.received, rng.choice((0, 1, 1, 1, 2, 2, 3, 4, 6, 9)), zone)
    events = [(at, "screening", "")]
    if contact and rng.random() < 0.3:
        events.append((at + timedelta(minutes=12), "message", "acknowledgement"))
    if story.kind != "hate" and rng.random() < 0.06:
        events.append((at + timedelta(minutes=40), "urgent", ""))
    decided = _office_hours(rng, at, rng.choice((1, 2, 3, 4, 6, 8, 12, 20)), zone)
    outcome, detail = _outcome(rng, story, plan.answers, plan.received.astimezone(zone).date())
    if outcome != "accepted":
        events.append((decided, outcome, detail))
        if outcome == "referred" and contact:
            events.append((decided + timedelta(minutes=8), "message", "referral"))
        return events
    early = rng.random() < 0.4  # Intake assigns some cases while screening them.
    assigned = at + timedelta(hours=1) if early else decided + timedelta(minutes=20)
    events += [(decided, "accepted", ""), (assigned, "assign", "")]
    help_wanted = plan.answers["place"]["help_wanted"]
    mediate = story.kind != "hate" and ("mediation" in help_wanted or rng.random() < 0.15)
    return events + _investigation(rng, max(decided, assigned), mediate, zone)


def _assign(rng: random.Random, plans: list[Plan], team: Team) -> None:
    """Who each assigned case went to: `MY_OPEN` of the open ones to the demo investigator."""
    assigned = [plan for plan in plans if plan.reached("assign")]
    still_open = [plan for plan in assigned if plan.open]
    mine = rng.sample(still_open, min(MY_OPEN, len(still_open)))
    for plan in assigned:
        if plan in mine:
            plan.assignee = team.me
        elif plan.open:
            plan.assignee = rng.choice(team.colleagues)
        else:
            plan.assignee = rng.choice((team.me, *team.colleagues))


def _unread(
    rng: random.Random, plans: list[Plan], mine: list[Plan], now: datetime, zone: ZoneInfo
) -> None:
    """`UNREAD` of the demo investigator's open cases get a reply they have not opened yet; every
    other reply has been read (a reply nobody opened since is left out)."""
    week_ago = now - timedelta(days=7)
    settled = [plan for plan in mine if plan.events and plan.events[-1][0] < week_ago]
    chosen = rng.sample(settled, min(UNREAD, len(settled)))
    for plan in plans:
        if plan in chosen:
            asked = _office_hours(rng, week_ago, 0, zone)
            plan.events += [
                (asked, "view", ""),
                (asked + timedelta(minutes=3), "message", "request_info"),
                (now - timedelta(hours=rng.randrange(2, 60)), "reply", ""),
            ]
        elif plan.events and plan.events[-1][1] == "reply":
            plan.events.pop()


def _duplicates(plans: list[Plan]) -> None:
    """A case closed as a duplicate repeats an earlier report of the same kind, as someone who
    sent it twice would (the same answers), and intake links the two before closing it."""
    for index, plan in enumerate(plans):
        closing = next((e for e in plan.events if e[1:] == ("closed", "duplicate")), None)
        kind = plan.answers["kind"]
        earlier = [other for other in plans[:index] if other.answers["kind"] == kind]
        if closing is None or not earlier:
            continue
        plan.original = earlier[-1]
        plan.answers = copy.deepcopy(plan.original.answers)
        plan.language, plan.voice = plan.original.language, plan.original.voice
        plan.events.insert(plan.events.index(closing), (closing[0], "link", ""))


def plan_cases(rng: random.Random, team: Team, now: datetime, zone: ZoneInfo) -> list[Plan]:
    """Every demo case and its history up to `now`, oldest first."""
    plans = []
    moments = _received(rng, now, zone)
    for number, (received, (story, text)) in enumerate(
        zip(moments, demo_cases.narratives(rng, CASES), strict=True), start=1
    ):
        language = story.language
        if language == "en" and rng.random() < 0.1:
            # Some residents choose their language for the form and still write in English.
            language = rng.choice(("es", "pl", "zh", "ar", "ko"))
        day = received.astimezone(zone).date()
        filled = demo_cases.answers(rng, story, text, language, day, number)
        plan = Plan(received, language, story.language, filled)
        plan.events = sorted(e for e in _timeline(rng, plan, story, zone) if e[0] < now)
        plans.append(plan)
    _duplicates(plans)
    _assign(rng, plans, team)
    mine = [plan for plan in plans if plan.assignee is team.me and plan.open]
    _unread(rng, plans, [plan for plan in mine if plan.reached("accepted")], now, zone)
    for plan in plans:
        plan.events = [event for event in plan.events if event[1] != "assign" or plan.assignee]
    return plans


def _replies(report: Report) -> int:
    """How many times the resident has written (the next reply follows on), at most 1."""
    return min(sum(message.sender == "resident" for message in followup.thread(report)), 1)


def _questions_asked(report: Report, questions: tuple[str, ...] | list[str]) -> int:
    """How many of `questions` staff have asked already (the next is new words), at most 1.
    Counted from staff's messages, not the resident's replies: a reply can come after the
    next question when holidays move the timeline."""
    asked = sum(
        message.sender == "staff" and any(q in message.body for q in questions)
        for message in followup.thread(report)
    )
    return min(asked, 1)


def _message(key: str, report: Report) -> str:
    text = followup.template_text(key, report)
    if key == "request_info":
        questions = demo_cases.QUESTIONS.get(
            notifications.resident_language(report), demo_cases.QUESTIONS["en"]
        )
        text += "\n\n" + questions[_questions_asked(report, questions)]
    return text


def _happen(team: Team, plan: Plan, report: Report, event: str, detail: str) -> None:
    """One event, done by whoever would do it, through the function the staff page calls."""
    worker = plan.assignee or team.supervisor
    triage = report.status in ("new", "screening")
    if event == "screening":
        service.update_case(team.intake, report, report.version, status="screening")
    elif event == "urgent":
        service.update_case(team.supervisor, report, report.version, urgent=True)
    elif event == "assign":
        boss = team.intake if triage else team.supervisor
        service.assign(boss, report, report.version, plan.assignee)
    elif event == "referred":
        service.update_case(team.intake, report, report.version, status=event, referred_to=detail)
    elif event == "closed":
        closer = team.intake if triage else team.supervisor
        service.update_case(closer, report, report.version, status=event, closure_reason=detail)
    elif event in ("accepted", "mediation", "determination"):
        mover = team.supervisor if event == "accepted" else worker
        service.update_case(mover, report, report.version, status=event)
    elif event == "note":
        service.add_note(worker, report, detail)
    elif event == "message":
        writer = team.intake if detail in ("acknowledgement", "referral") else worker
        followup.staff_message(writer, report, _message(detail, report))
    elif event == "reply":
        followup.resident_message(report, demo_cases.REPLIES[plan.voice][_replies(report)])
    elif event == "view":
        service.record_view(worker, report)
    elif event == "link" and plan.original and plan.original.report_id:
        original = db.session.get(Report, plan.original.report_id)
        if original is not None:
            service.link_cases(team.intake, report, original)


# Per database: (while seeding, after): commits need not wait for the disk while the demo fills
# an empty database (a demo cut short by a power failure is simply made again).
UNSYNCED = {
    "sqlite": ("PRAGMA synchronous=NORMAL", "PRAGMA synchronous=FULL"),
    "postgresql": ("SET synchronous_commit = off", "SET synchronous_commit = on"),
}


@contextmanager
def settings(**values: Any) -> Iterator[None]:
    """The app's configuration with `values` while the demo is being made."""
    config = current_app.config
    before = {name: config[name] for name in values}
    config.update(values)
    try:
        yield
    finally:
        config.update(before)


@contextmanager
def _quickly() -> Iterator[None]:
    """Seed in seconds: the demo cases' receipts are never shown to anyone, so the cheapest hash
    will do (each hash carries its parameters), and commits do not wait for the disk."""
    during, after = UNSYNCED.get(db.engine.dialect.name, ("", ""))
    with settings(RECEIPT_HASH_PROFILE="CHEAPEST"):
        if during:
            db.session.connection().exec_driver_sql(during)
        try:
            yield
        finally:
            if after:
                db.session.connection().exec_driver_sql(after)
                db.session.commit()


def seed(team: Team) -> int:
    """File and work the demo cases (the caller checks there are none yet); how many."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    now = datetime.now(UTC)
    rng = random.Random(SEED)  # noqa: S311 - demo data, the same on purpose; nothing secret
    plans = plan_cases(rng, team, now, zone)
    with _quickly(), replaying() as clock:
        for plan in plans:
            clock.moment = plan.received
            day = plan.received.astimezone(zone).date()
            report = file_report(plan.answers, [], "words", plan.language, day).report
            plan.report_id = report.id
            for at, event, detail in plan.events:
                clock.moment = at
                _happen(team, plan, report, event, detail)
    rollup.fold()
    return len(plans)
