"""The case page, assignment, notes, links, duplicates, the audit trail and concurrent edits."""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

import pytest
from flask import Flask
from sqlalchemy.exc import DatabaseError

from intake.extensions import db
from intake.models import AuditEvent, Report
from intake.uploads import evidence_path

from .helpers import (
    IDENTIFIED_CONTACT,
    Resident,
    discrimination_answers,
    hate_answers,
    pdf_bytes,
    stored_content,
)

PDF = pdf_bytes()


def version_of(browser: Any, case_id: int) -> str:
    html = browser.get(f"/staff/cases/{case_id}").get_data(as_text=True)
    match = re.search(r'name="version" type="hidden" value="(\d+)"', html)
    assert match
    return match.group(1)


def events(app: Flask, case_id: int, action: str | None = None) -> list[AuditEvent]:
    with app.app_context():
        query = db.select(AuditEvent).where(AuditEvent.report_id == case_id)
        if action:
            query = query.where(AuditEvent.action == action)
        return list(db.session.scalars(query))


def test_the_case_page_tells_the_whole_story(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    case_id = make_case(discrimination_answers(contact=IDENTIFIED_CONTACT))
    supervisor = staff_browser("supervisor")
    page = supervisor.case_with_contact(case_id)
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert re.fullmatch(r"\d{4}-\d{5}", report.case_number)
        assert report.case_number in page
        assert report.record_number in page
    assert "My manager cut my hours" in page
    assert "Work or applying for a job" in page
    assert "Maria Example" in page
    assert "Written in" in page
    assert "Happened in Chicago." in page
    assert "Within 365 days." in page


def test_case_numbers_are_sequential_per_year(app: Flask, make_case: Any) -> None:
    first, second = make_case(), make_case()
    with app.app_context():
        numbers = [db.session.get(Report, i).case_number for i in (first, second)]  # type: ignore[union-attr]
    year, number = numbers[0].split("-")
    assert numbers[1] == f"{year}-{int(number) + 1:05d}"


def test_investigators_see_only_their_cases(app: Flask, staff_browser: Any, make_case: Any) -> None:
    mine, theirs = staff_browser("investigator"), staff_browser("investigator")
    case_id = make_case(assignee_id=theirs.staff_id, status="accepted")
    assert mine.get(f"/staff/cases/{case_id}").status_code == 404
    assert theirs.get(f"/staff/cases/{case_id}").status_code == 200
    with app.app_context():
        number = db.session.get(Report, case_id).case_number  # type: ignore[union-attr]
    listed = mine.get("/staff/my-cases").get_data(as_text=True)
    assert number not in listed
    assert number in theirs.get("/staff/my-cases").get_data(as_text=True)


def test_intake_sees_the_triage_queue_but_not_accepted_cases(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    intake = staff_browser("intake")
    waiting, accepted = make_case(), make_case(status="accepted")
    assert intake.get(f"/staff/cases/{waiting}").status_code == 200
    assert intake.get(f"/staff/cases/{accepted}").status_code == 404


def test_supervisor_assigns_and_intake_assigns_from_the_queue(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor, intake = staff_browser("supervisor"), staff_browser("intake")
    investigator = staff_browser("investigator")
    first, second = make_case(), make_case()
    response = supervisor.post(
        f"/staff/cases/{first}/assign",
        {"version": version_of(supervisor, first), "assignee": str(investigator.staff_id)},
        page=f"/staff/cases/{first}",
    )
    assert response.status_code == 302
    response = intake.post(
        f"/staff/cases/{second}/assign",
        {"version": "1", "assignee": str(investigator.staff_id), "next": "/staff/triage"},
        page="/staff/triage",
    )
    assert response.headers["Location"].endswith("/staff/triage")
    mine = investigator.get("/staff/my-cases").get_data(as_text=True)
    with app.app_context():
        for case_id in (first, second):
            report = db.session.get(Report, case_id)
            assert report is not None
            assert report.assignee_id == investigator.staff_id
            assert report.case_number in mine
    assert [e.field for e in events(app, first, "assign")] == ["assignee"]


def test_cases_go_only_to_investigators(app: Flask, staff_browser: Any, make_case: Any) -> None:
    supervisor, intake = staff_browser("supervisor"), staff_browser("intake")
    case_id = make_case()
    response = supervisor.post(
        f"/staff/cases/{case_id}/assign",
        {"version": "1", "assignee": str(intake.staff_id)},
        page=f"/staff/cases/{case_id}",
    )
    assert response.status_code == 200


def test_bulk_reassignment_moves_open_cases_only(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    leaving, staying = staff_browser("investigator"), staff_browser("investigator")
    open_ids = [
        make_case(assignee_id=leaving.staff_id, status=s)
        for s in ("accepted", "mediation", "screening")
    ]
    closed_id = make_case(assignee_id=leaving.staff_id, status="closed", closure_reason="settled")
    # Forgetting "To" unassigns nothing: the choice must be made, "Nobody" included.
    slip = supervisor.post("/staff/reassign", {"from_staff": str(leaving.staff_id)})
    assert "Choose who takes the cases" in slip.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Report, open_ids[0]).assignee_id == leaving.staff_id  # type: ignore[union-attr]
    response = supervisor.post(
        "/staff/reassign", {"from_staff": str(leaving.staff_id), "to_staff": str(staying.staff_id)}
    )
    assert response.status_code == 302
    assert "3 open cases reassigned." in supervisor.get("/staff/reassign").get_data(as_text=True)
    with app.app_context():
        for case_id in open_ids:
            assert db.session.get(Report, case_id).assignee_id == staying.staff_id  # type: ignore[union-attr]
        assert db.session.get(Report, closed_id).assignee_id == leaving.staff_id  # type: ignore[union-attr]
    assert events(app, open_ids[0], "assign")[0].detail == "bulk reassignment"


def test_notes_are_kept_and_audited(app: Flask, staff_browser: Any, make_case: Any) -> None:
    investigator = staff_browser("investigator")
    case_id = make_case(assignee_id=investigator.staff_id, status="accepted")
    investigator.post(
        f"/staff/cases/{case_id}/notes",
        {"body": "Called the employer."},
        page=f"/staff/cases/{case_id}",
    )
    assert "Called the employer." in investigator.get(f"/staff/cases/{case_id}").get_data(
        as_text=True
    )
    assert len(events(app, case_id, "note")) == 1
    empty = investigator.post(
        f"/staff/cases/{case_id}/notes", {"body": ""}, page=f"/staff/cases/{case_id}"
    )
    assert "Write the note first." in empty.get_data(as_text=True)


def test_cases_can_be_linked(app: Flask, staff_browser: Any, make_case: Any) -> None:
    supervisor = staff_browser("supervisor")
    first, second = make_case(), make_case()
    with app.app_context():
        number = db.session.get(Report, second).case_number  # type: ignore[union-attr]
    supervisor.post(f"/staff/cases/{first}/links", {"number": number}, page=f"/staff/cases/{first}")
    assert number in supervisor.get(f"/staff/cases/{first}").get_data(as_text=True)
    missing = supervisor.post(
        f"/staff/cases/{first}/links", {"number": "1999-00001"}, page=f"/staff/cases/{first}"
    )
    assert "No case you can open has that number." in missing.get_data(as_text=True)


def test_duplicates_are_hinted(app: Flask, staff_browser: Any, make_case: Any) -> None:
    supervisor = staff_browser("supervisor")
    first = make_case(hate_answers(contact={"email": "same@example.org"}))
    narrative = hate_answers()["incident"]["narrative"].upper() + "!!"
    second = make_case(hate_answers(incident={"narrative": narrative}))
    third = make_case(discrimination_answers(contact={"email": " SAME@example.org"}))
    page = supervisor.get(f"/staff/cases/{first}").get_data(as_text=True)
    assert "Possible duplicates" in page
    with app.app_context():
        for other in (second, third):
            assert db.session.get(Report, other).case_number in page  # type: ignore[union-attr]


def test_duplicates_find_the_same_person_as_reporter_or_affected(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    """Ana reports for herself; a witness names her as the person it happened to; an advocate
    reports for her too: each case page hints at the others, and not at an unrelated case."""
    email = "ana.same@example.org"
    herself = make_case(discrimination_answers(contact={"email": email}))
    witness = make_case(
        hate_answers(
            incident={"reporter_role": "witness", "narrative": "Someone else's words entirely."},
            contact={"affected_email": email.upper()},
        )
    )
    other = make_case(
        hate_answers(incident={"narrative": "Another story, about graffiti on a garage."})
    )
    supervisor = staff_browser("supervisor")
    with app.app_context():
        numbers = {
            case: db.session.get(Report, case).case_number  # type: ignore[union-attr]
            for case in (herself, witness, other)
        }
    page = supervisor.get(f"/staff/cases/{herself}").get_data(as_text=True)
    assert numbers[witness] in page
    assert numbers[other] not in page
    page = supervisor.get(f"/staff/cases/{witness}").get_data(as_text=True)
    assert numbers[herself] in page
    assert numbers[other] not in page


def test_views_and_downloads_are_audited(app: Flask, staff_browser: Any) -> None:
    resident = Resident(app.test_client())
    answers = hate_answers()
    resident.begin(answers)
    for name in ("incident", "place"):
        resident.post(f"/report/{name}", answers[name])
    resident.post(
        "/report/evidence",
        {"action": "continue", "files": [(BytesIO(PDF), "proof.pdf")]},
        content_type="multipart/form-data",
    )
    resident.post("/report/review", {"receipt_kind": "words"})
    supervisor = staff_browser("supervisor")
    with app.app_context():
        report = db.session.scalars(db.select(Report)).one()
        case_id, attachment_id = report.id, report.attachments[0].id
        path = evidence_path(report.attachments[0].stored_name)
        assert b"%PDF" not in path.read_bytes()  # Encrypted at rest.
    stored = stored_content(app, path)
    supervisor.get(f"/staff/cases/{case_id}")
    with supervisor.get(f"/staff/cases/{case_id}/attachments/{attachment_id}") as download:
        assert download.status_code == 200
        assert download.data == stored  # The cleaned copy (a PDF is rewritten without scripts).
        assert download.data.startswith(b"%PDF")
        assert "attachment" in download.headers["Content-Disposition"]
    assert len(events(app, case_id, "view")) == 1
    assert len(events(app, case_id, "download")) == 1


def test_files_are_refused_to_staff_who_cannot_see_the_case(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    investigator = staff_browser("investigator")
    case_id = make_case(status="accepted")
    assert investigator.get(f"/staff/cases/{case_id}/attachments/1").status_code == 404


def test_the_audit_trail_is_append_only(app: Flask, make_case: Any) -> None:
    case_id = make_case()
    with app.app_context():
        db.session.add(AuditEvent(report_id=case_id, action="view"))
        db.session.commit()
        with pytest.raises(DatabaseError, match="append-only"):
            db.session.execute(db.text("UPDATE audit_event SET action = 'nothing'"))
        db.session.rollback()
        with pytest.raises(DatabaseError, match="append-only"):
            db.session.execute(db.text("DELETE FROM audit_event"))
        db.session.rollback()


def test_a_concurrent_edit_is_refused_and_keeps_what_was_typed(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    first, second = staff_browser("supervisor"), staff_browser("supervisor")
    case_id = make_case(status="screening")
    stale = version_of(second, case_id)
    assert version_of(first, case_id) == stale
    first.post(
        f"/staff/cases/{case_id}/update",
        {"version": stale, "status": "accepted"},
        page=f"/staff/cases/{case_id}",
    )
    response = second.post(
        f"/staff/cases/{case_id}/update",
        {
            "version": stale,
            "status": "referred",
            "referred_to": "eeoc",
            "referral_note": "My careful referral note",
        },
        page=f"/staff/cases/{case_id}",
    )
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Someone else changed this case" in page
    assert "My careful referral note" in page
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert report.status == "accepted"
        assert report.referred_to is None


def test_the_audit_trail_shows_changes_in_words_and_everything_on_request(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    from intake.cases import trail

    case_id = make_case(status="new")
    supervisor = staff_browser("supervisor")
    page = f"/staff/cases/{case_id}"
    for _ in range(trail.PER_PAGE + 5):
        supervisor.get(page)  # Each visit is recorded: routine, hidden by default.
    with app.app_context():
        version = db.session.get(Report, case_id).version  # type: ignore[union-attr]
    supervisor.post(f"{page}/update", {"version": version, "status": "screening"}, page=page)
    changes = supervisor.get(page).get_data(as_text=True).split('id="audit"')[1]
    assert "<bdi>New</bdi> → <bdi>Screening</bdi>" in changes
    assert "Opened the case" not in changes
    everything = supervisor.get(f"{page}?audit=all").get_data(as_text=True).split('id="audit"')[1]
    assert "Opened the case" in everything
    assert "Page 1 of 2" in everything
    older = supervisor.get(f"{page}?audit=all&audit_page=2").get_data(as_text=True)
    assert "Page 2 of 2" in older
    assert "Page 1 of 1" not in supervisor.get(f"{page}?audit_page=abc").get_data(as_text=True)
