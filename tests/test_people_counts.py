""" "People affected" from the kept counts (migration 0026) equals the count it replaced (the
period's reports joined to their contact and affected person, each email hash once), for many
periods, after every kind of change that moves a report between people or in time."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from flask import Flask
from sqlalchemy import String, case, cast, func, literal, select, update

from bench.seed import bulk_triggers_off
from intake.extensions import db
from intake.models import AffectedPerson, Contact, Report, SummaryDay
from intake.statistics import progress, rollup
from intake.statistics.periods import Period, parse
from intake.statistics.summary import people_affected

from .helpers import IDENTIFIED_CONTACT, hate_answers

START = date(2026, 1, 1)


def joined_count(period: Period) -> int:
    """The people of a period as the summary counted them before migration 0026."""
    own_email = case((Report.reporter_role == "self", Contact.email_hash))
    person = func.coalesce(
        AffectedPerson.email_hash, own_email, literal("report:") + cast(Report.id, String)
    )
    query = (
        select(func.count(func.distinct(person)))
        .select_from(Report)
        .outerjoin(AffectedPerson, AffectedPerson.report_id == Report.id)
        .outerjoin(Contact, Contact.report_id == Report.id)
        .where(Report.received_on >= period.start, Report.received_on < period.end)
    )
    return int(db.session.scalar(query) or 0)


def periods(rng: random.Random) -> list[Period]:
    """Whole months, a year, single days and ranges across months."""
    found = [parse("2026"), parse("2026-03"), parse("2026-Q2")]
    for _ in range(25):
        first = START + timedelta(days=rng.randrange(0, 150))
        last = first + timedelta(days=rng.choice((0, 1, 6, 29, 74)))
        found.append(parse(f"{first.isoformat()}..{last.isoformat()}"))
    return found


def check(rng: random.Random) -> None:
    rollup.fold()
    for period in periods(rng):
        assert people_affected(period) == joined_count(period), period


def test_people_follow_every_change(app: Flask, make_case: Any) -> None:
    rng = random.Random(20)  # noqa: S311 - reproducible test data
    emails = [f"person{n}@example.org" for n in range(4)]
    ids = []
    for number in range(14):
        contact = {**IDENTIFIED_CONTACT, "email": emails[number % 4]} if number % 3 else {}
        ids.append(make_case(hate_answers(contact=contact) if contact else hate_answers()))
    behalf = make_case(
        hate_answers(
            incident={"reporter_role": "behalf"},
            contact={"affected_name": "Tomasz", "affected_email": emails[1].upper()},
        )
    )
    with app.app_context():
        reports = [db.session.get(Report, i) for i in [*ids, behalf]]
        for report in reports:
            assert report is not None
            # Spread over the year, several on the same day.
            report.received_on = START + timedelta(days=rng.randrange(0, 120, 3))
        db.session.commit()
        check(rng)
        first, second, third = reports[1], reports[2], reports[4]
        assert first is not None
        assert second is not None
        assert third is not None
        assert first.contact is not None
        assert second.contact is not None
        # A person's first report moves after their others; two reports trade places.
        first.received_on = START + timedelta(days=140)
        second.received_on, third.received_on = third.received_on, second.received_on
        db.session.commit()
        check(rng)
        # An email changes to another person's, one is removed, a contact goes altogether.
        first.contact.email_hash = second.contact.email_hash
        second.contact.email_hash = None
        db.session.delete(reports[7].contact if reports[7] and reports[7].contact else first)
        db.session.commit()
        check(rng)
        # Who made it: "self" counts the reporter's email, a witness's report does not.
        for report in reports[::2]:
            assert report is not None
            report.reporter_role = "witness" if report.reporter_role == "self" else "self"
        db.session.commit()
        check(rng)
        # The person it happened to is named, then their email taken away.
        witness = next(r for r in reports if r is not None and r.reporter_role == "witness")
        db.session.add(AffectedPerson(report_id=witness.id, name="Ana", email_hash="ana-hash"))
        db.session.commit()
        check(rng)
        affected = db.session.scalars(select(AffectedPerson)).all()
        for person in affected:
            person.email_hash = None if person.email_hash == "ana-hash" else "ana-hash"
        db.session.commit()
        check(rng)

        def stored() -> dict[tuple[Any, ...], int]:
            rows = db.session.execute(
                select(SummaryDay).where(SummaryDay.dimension == "person", SummaryDay.count != 0)
            )
            return {(r.day, r.key): r.count for (r,) in rows}

        kept = stored()
        rollup.rebuild()
        assert stored() == kept

        # What a bulk load fills in at once gives every report the person the triggers kept.
        def people() -> list[tuple[Any, ...]]:
            columns = (Report.id, Report.person_key, Report.person_since)
            return [tuple(row) for row in db.session.execute(select(*columns).order_by(Report.id))]

        before = people()
        assert any(since for _id, _key, since in before)
        with bulk_triggers_off():  # As the bench's seed loads.
            db.session.execute(update(Report).values(person_key=None, person_since=None))
            progress.refresh_people()
            db.session.commit()
        assert people() == before
