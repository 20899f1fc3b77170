"""What hangs off a seeded case (bench/seed.py): contacts, affected people, notes, messages, tags
and the audit trail, written as the app writes them.

Encrypted columns go through the models' own column type (the app's key, the app's Fernet
tokens), and email hashes are `intake.crypto.email_hash`, so "possibly the same person" finds
the people who report more than once. The audit trail follows each case's progress (taken down,
opened, acknowledged, assigned, screened, notes, messages, closed) plus a few views; a few cases
(LONG_TRAILS) were opened and changed hundreds of times.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from intake import vocab
from intake.crypto import email_hash
from intake.models import AffectedPerson, AuditEvent, Contact, Message, Note, ReportTag, Tag

FIRST_NAMES = (
    "Maria", "Jose", "Wei", "Anna", "Ahmed", "Priya", "Jamal", "Olena", "Min-jun", "Fatima",
    "Luis", "Grace", "Tomasz", "Aisha", "Darnell", "Rosa", "Imran", "Mei", "Kateryna", "Juan",
)  # fmt: skip
LAST_NAMES = (
    "Garcia", "Nowak", "Chen", "Johnson", "Khan", "Patel", "Kim", "Kowalski", "Hernandez",
    "Williams", "Shevchenko", "Santos", "Haddad", "Lopez", "Brown", "Park", "Ali", "Reyes",
)  # fmt: skip
NOTES = (
    "Called the resident, no answer; left no message as asked.",
    "Spoke with the resident; they will send the lease and the texts from the landlord.",
    "Checked the address: inside the city, community area matches.",
    "Respondent's agent asked for an extension of the response deadline.",
    "Interpreter booked for the intake interview next week.",
    "Similar flyers were reported in the same area last month; linked for the pattern.",
    "Resident prefers mail; sent the acknowledgement letter by post.",
    "Reviewed the photos: the graffiti names a religion; bias category confirmed.",
)
MESSAGES = (
    "Thank you for your report. An intake officer will call you within two business days.",
    "Could you tell us the date of the last incident and whether anyone else saw it?",
    "I have the photos of the door and the letter from the building manager. How do I send them?",
    "The landlord has not answered my calls since I wrote to you.",
    "We have scheduled a meeting with an interpreter for next Tuesday at 10 am.",
    "Is there any news about my case? It happened again this week.",
)
VIEWS = (0, 0, 1, 1, 2, 3)
TAGS = (
    "flyer wave", "needs interpreter", "media interest", "repeat respondent", "school",
    "transit", "CTA referral", "housing voucher", "elected official asked", "pattern", "court",
    "follow-up call",
)  # fmt: skip
# Cases with hundreds of audit events: at least this many, and one in LONG_TRAIL_SHARE.
LONG_TRAILS = 40
LONG_TRAIL_SHARE = 2000
LONG_TRAIL_EVENTS = (300, 420)


class People:
    """Who reports: most people once, some (REPEATERS of them) several times."""

    def __init__(self, rng: random.Random, count: int) -> None:
        self.rng = rng
        self.serial = 0
        self.repeaters = [self._new() for _ in range(max(20, count // 200))]

    def _new(self) -> dict[str, Any]:
        self.serial += 1
        first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        email = f"{first}.{last}{self.serial}@example.org".lower()
        return {"name": f"{first} {last}", "email": email, "email_hash": email_hash(email)}

    def person(self, repeat: bool = False) -> dict[str, Any]:
        """Someone new, or (`repeat`, or 15% of the time) one of the people who report often."""
        if repeat or self.rng.random() < 0.15:
            return self.rng.choice(self.repeaters)
        return self._new()


class Extras:
    """The rows a batch of seeded cases carries besides itself."""

    def __init__(self, rng: random.Random, staff: Any, session: Session, count: int) -> None:
        self.rng = rng
        self.staff = staff
        self.long_chance = max(LONG_TRAILS / max(count, 1), 1 / LONG_TRAIL_SHARE) * 2
        existing = {tag.name: tag.id for tag in session.query(Tag)}
        for name in TAGS:
            if name not in existing:
                tag = Tag(name=name)
                session.add(tag)
                session.flush()
                existing[name] = tag.id
        self.tags = list(existing.values())

    def for_reports(
        self, reports: list[dict[str, Any]], people: People
    ) -> list[tuple[type[Any], list[dict[str, Any]]]]:
        """Contacts, affected people, notes, messages, tags and audit events of `reports`."""
        tables: dict[type[Any], list[dict[str, Any]]] = {
            model: [] for model in (Contact, AffectedPerson, Note, Message, ReportTag, AuditEvent)
        }
        for report in reports:
            long_trail = not report["anonymous"] and self.rng.random() < self.long_chance
            if not report["anonymous"]:
                tables[Contact].append(self._contact(report, people.person(repeat=long_trail)))
            if report["reporter_role"] != "self" and self.rng.random() < 0.6:
                tables[AffectedPerson].append(self._affected(report, people.person()))
            notes = self._notes(report)
            messages = self._messages(report) if not report["anonymous"] else []
            tables[Note] += notes
            tables[Message] += messages
            tables[ReportTag] += self._tags(report)
            tables[AuditEvent] += self._trail(report, notes, messages, long_trail)
        return list(tables.items())

    def _contact(self, report: dict[str, Any], person: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        has_email = rng.random() < 0.85
        return {
            "report_id": report["id"],
            "name": person["name"] if rng.random() < 0.9 else None,
            "email": person["email"] if has_email else None,
            "email_hash": person["email_hash"] if has_email else None,
            "phone": f"(312) 555-{rng.randint(0, 9999):04d}" if rng.random() < 0.6 else None,
            "mailing_address": f"{rng.randint(100, 9999)} N Example Ave, Chicago IL"
            if rng.random() < 0.2
            else None,
            "best_time": "Evenings after 6" if rng.random() < 0.3 else None,
            "accommodations": None,
            "preferred_method": rng.choice(vocab.CONTACT_METHODS).code,
            "safe_to_leave_message": rng.random() < 0.7,
            "preferred_language": report["language"],
            "email_updates": has_email and rng.random() < 0.5,
        }

    def _affected(self, report: dict[str, Any], person: dict[str, Any]) -> dict[str, Any]:
        has_email = self.rng.random() < 0.5
        return {
            "report_id": report["id"],
            "name": person["name"],
            "email": person["email"] if has_email else None,
            "email_hash": person["email_hash"] if has_email else None,
            "phone": f"(773) 555-{self.rng.randint(0, 9999):04d}"
            if self.rng.random() < 0.5
            else None,
            "mailing_address": None,
        }

    def _later(self, start: datetime, days: float) -> datetime:
        return start + timedelta(days=self.rng.uniform(0, days))

    def _notes(self, report: dict[str, Any]) -> list[dict[str, Any]]:
        if report["status"] == "new":
            return []
        count = self.rng.choices((0, 1, 2, 3), (50, 30, 15, 5))[0]
        author = report.get("assignee_id") or self.rng.choice(self.staff.intake)
        return [
            {
                "report_id": report["id"],
                "author_id": author,
                "body": self.rng.choice(NOTES),
                "created_at": self._later(report["created_at"], 30),
            }
            for _ in range(count)
        ]

    def _messages(self, report: dict[str, Any]) -> list[dict[str, Any]]:
        if report["status"] == "new" or self.rng.random() < 0.5:
            return []
        rows = []
        when = report["created_at"]
        staff = report.get("assignee_id") or self.rng.choice(self.staff.intake)
        for turn in range(self.rng.randint(1, 5)):
            when = self._later(when, 10)
            from_staff = turn % 2 == 0
            rows.append(
                {
                    "report_id": report["id"],
                    "sender": "staff" if from_staff else "resident",
                    "staff_id": staff if from_staff else None,
                    "body": self.rng.choice(MESSAGES),
                    "created_at": when,
                }
            )
            if not from_staff:
                report["resident_wrote_at"] = when
        return rows

    def _tags(self, report: dict[str, Any]) -> list[dict[str, Any]]:
        if self.rng.random() >= 0.08:
            return []
        chosen = self.rng.sample(self.tags, self.rng.randint(1, 2))
        return [
            {"report_id": report["id"], "tag_id": tag, "created_at": report["created_at"]}
            for tag in chosen
        ]

    def _trail(
        self,
        report: dict[str, Any],
        notes: list[dict[str, Any]],
        messages: list[dict[str, Any]],
        long_trail: bool,
    ) -> list[dict[str, Any]]:
        """The case's audit events, in the order the app would have written them."""
        rng, events = self.rng, []
        intake = rng.choice(self.staff.intake)

        def add(when: datetime, staff: int | None, action: str, **values: Any) -> None:
            events.append(
                {
                    "report_id": report["id"],
                    "created_at": when,
                    "staff_id": staff,
                    "action": action,
                    "field": values.get("field"),
                    "old_value": values.get("old"),
                    "new_value": values.get("new"),
                    "detail": values.get("detail"),
                }
            )

        created = report["created_at"]
        if report["channel"] != "online":
            add(created, report["taken_by_id"], "report_taken", detail=report["channel"])
        if report.get("acknowledged_at"):
            add(report["acknowledged_at"], intake, "view")
            add(
                report["acknowledged_at"],
                intake,
                "change",
                field="status",
                old="new",
                new="screening",
            )
        if report.get("assignee_id"):
            supervisor = rng.choice(self.staff.supervisors)
            when = report["acknowledged_at"] + timedelta(hours=2)
            add(
                when,
                supervisor,
                "assign",
                field="assignee",
                new=f"investigator{report['assignee_id']}",
            )
        if report.get("screened_at"):
            new = "closed" if report["status"] == "closed" else report["status"]
            add(
                report["screened_at"],
                report.get("assignee_id"),
                "change",
                field="status",
                old="screening",
                new="accepted" if new == "closed" else new,
            )
        for note in notes:
            add(note["created_at"], note["author_id"], "note", detail="note")
        for message in messages:
            if message["sender"] == "staff":
                add(message["created_at"], message["staff_id"], "message_sent")
        if report.get("closed_at"):
            add(
                report["closed_at"],
                report.get("assignee_id"),
                "change",
                field="status",
                old="accepted",
                new="closed",
            )
        for _ in range(rng.choice(VIEWS)):
            add(self._later(created, 60), rng.choice(self.staff.investigators), "view")
        if long_trail:
            for _ in range(rng.randint(*LONG_TRAIL_EVENTS)):
                who = rng.choice(self.staff.investigators + self.staff.supervisors)
                add(self._later(created, 300), who, "view")
        return events
