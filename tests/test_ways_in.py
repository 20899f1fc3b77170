"""Every way in: a report made for someone else keeps the reporter's and the affected person's
contacts apart and records that person's consent; anyone may ask for an interpreter, in any
language; and how reports came in and who made them show in the case list, its exports and the
summary, where a person reported twice counts once."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from flask import Flask
from sqlalchemy import select

from intake.extensions import db
from intake.models import Report

from .helpers import Resident, database_text, discrimination_answers, hate_answers

REPORTER = {"name": "Lena Reporter", "email": "lena.reporter@example.org", "phone": "312 555 0111"}
AFFECTED = {
    "affected_name": "Tomasz Affected",
    "affected_email": "tomasz.affected@example.org",
    "affected_phone": "312 555 0122",
}


def for_someone(**incident: Any) -> dict[str, dict[str, Any]]:
    """A discrimination report made by a relative, with both contacts and an interpreter."""
    return discrimination_answers(
        incident={
            "reporter_role": "behalf",
            "reporter_relationship": "family",
            "affected_consent": "yes",
            **incident,
        },
        contact={**REPORTER, **AFFECTED, "interpreter_language": "pl"},
    )


def only_report(app: Flask) -> Report:
    with app.app_context():
        report = db.session.scalars(select(Report)).one()
        assert report.contact is not None
        db.session.expunge_all()
        return report


def test_a_report_for_someone_else_keeps_both_contacts_apart(
    app: Flask, resident: Resident, staff_browser: Any
) -> None:
    resident.walk(for_someone())
    resident.send()
    with app.app_context():
        report = db.session.scalars(select(Report)).one()
        assert (report.reporter_role, report.reporter_relationship) == ("behalf", "family")
        assert report.affected_consent == "yes"
        assert report.channel == "online"
        assert report.taken_by_id is None
        assert report.contact is not None
        assert report.affected is not None
        assert report.contact.name == "Lena Reporter"
        assert report.affected.name == "Tomasz Affected"
        assert report.affected.email_hash
        assert report.affected.email_hash != report.contact.email_hash
        assert report.interpreter_language == "pl"
        case_id = report.id
    stored = database_text(app)
    for secret in [*REPORTER.values(), *AFFECTED.values()]:
        assert secret not in stored  # Encrypted at rest, like every contact detail.
    supervisor = staff_browser("supervisor")
    page = supervisor.get(f"/staff/cases/{case_id}").get_data(as_text=True)
    assert "Someone on their behalf" in page
    assert "Family member" in page
    assert "Yes, they know and agree" in page
    assert "Polish" in page  # The interpreter, named in the reader's language.
    assert "Tomasz Affected" not in page  # Hidden with the reporter's until asked for.
    shown = supervisor.case_with_contact(case_id)
    assert "Tomasz Affected" in shown
    assert "Lena Reporter" in shown


def test_someone_reporting_for_another_says_who_they_are_and_whether_that_person_agrees(
    resident: Resident,
) -> None:
    resident.post("/report/kind", {"kind": "discrimination"})
    resident.post("/report/reporter", {"reporter_role": "behalf"})
    response = resident.post("/report/relationship", {"reporter_relationship": "lawyer"})
    page = resident.get(response.headers["Location"]).get_data(as_text=True)
    assert "Tell us whether they know about this report." in page
    assert 'value="lawyer" checked' in page  # What was chosen is kept.
    response = resident.post(
        "/report/relationship", {"reporter_relationship": "lawyer", "affected_consent": "not_asked"}
    )
    assert response.headers["Location"].endswith("/report/area")


def test_the_interpreter_question_takes_any_language(resident: Resident) -> None:
    resident.post("/report/kind", {"kind": "hate"})
    response = resident.post("/report/interpreter", {"interpreter_language": "klingon"})
    page = resident.get(response.headers["Location"]).get_data(as_text=True)
    assert "Choose a language from the list." in page
    response = resident.post("/report/interpreter", {"interpreter_language": "other"})
    assert response.headers["Location"].endswith("/report/interpreter_other")
    response = resident.post("/report/interpreter_other", {"interpreter_other": " "})
    page = resident.get(response.headers["Location"]).get_data(as_text=True)
    assert "Write the language you need." in page
    page = resident.get("/report/interpreter?lang=es").get_data(as_text=True)
    assert "polaco" in page  # Language names come in the reader's language.


def test_channels_reporters_and_interpreters_filter_export_and_count(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    today = date.today()
    same_person = "ana.same@example.org"
    # Ana reports for herself; a witness reports the same incident naming her: one person.
    ana = make_case(discrimination_answers(contact={"email": same_person}))
    witness = make_case(
        hate_answers(
            incident={"reporter_role": "witness"},
            contact={"affected_email": same_person.upper(), "interpreter_language": "ase"},
        ),
        channel="police",
    )
    phoned = make_case(hate_answers(), channel="phone")
    supervisor = staff_browser("supervisor")

    def listed(query: str) -> set[int]:
        page = supervisor.get(f"/staff/cases?all=1&{query}").get_data(as_text=True)
        return {case for case in (ana, witness, phoned) if f'/staff/cases/{case}"' in page}

    assert listed("channel=phone") == {phoned}
    assert listed("channel=police&channel=phone") == {witness, phoned}
    assert listed("reporter_role=witness") == {witness}
    assert listed("interpreter=1") == {witness}
    page = supervisor.get("/staff/cases?all=1&channel=police").get_data(as_text=True)
    assert "Came in by: Referral from the police" in page  # The chip names the filter.

    rows = list(csv.reader(io.StringIO(supervisor.get("/staff/cases/export.csv").data.decode())))
    heading = rows[0]
    by_channel = {row[heading.index("Came in by")] for row in rows[1:]}
    assert by_channel == {"Online form", "Referral from the police", "Phone"}
    assert "American Sign Language (ASL)" in {row[heading.index("Interpreter")] for row in rows}
    assert "Their email" not in heading  # Personal columns only when asked for.
    personal = supervisor.get("/staff/cases/export.csv?personal=1").data.decode()
    assert "Their email" in personal
    assert same_person.upper() in personal

    summary = supervisor.get(f"/staff/reports?period={today.year}").get_data(as_text=True)
    assert "How reports came in" in summary
    assert "Who made the report" in summary
    figures = list(
        csv.reader(
            io.StringIO(
                supervisor.get(f"/staff/reports/export.csv?period={today.year}").data.decode()
            )
        )
    )
    people = next(row for row in figures if row[0].startswith("People affected"))
    assert people[2] == "2"  # Three reports, two people.
    assert ["How reports came in", "Referral from the police", "1"] in figures
