"""Need-to-know identity: contact details are masked until someone allowed asks with a reason;
each reveal is audited; others need a supervisor's grant; hints never show identity."""

from __future__ import annotations

from typing import Any

from flask import Flask

from intake.extensions import db
from intake.models import AuditEvent, Report

from .helpers import StaffBrowser
from .test_followup import file_and_keep

CONTACT = {"name": "Maria Example", "email": "maria@example.org", "phone": "312 555 0188"}


def move_to_screening(browser: StaffBrowser, app: Flask, case_id: int) -> None:
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        version = report.version
    response = browser.post(
        f"/staff/cases/{case_id}/update",
        {"version": version, "status": "screening"},
        page=f"/staff/cases/{case_id}",
    )
    assert response.status_code == 302


def reveals(app: Flask, case_id: int) -> list[tuple[int | None, str | None]]:
    with app.app_context():
        rows = db.session.execute(
            db.select(AuditEvent.staff_id, AuditEvent.detail).where(
                AuditEvent.report_id == case_id, AuditEvent.action == "contact_revealed"
            )
        ).all()
        return [(staff_id, detail) for staff_id, detail in rows]


def test_contact_details_are_masked_until_asked_for_with_a_reason(
    app: Flask, staff_browser: Any
) -> None:
    case_id, _number, _receipt = file_and_keep(app, contact=CONTACT)
    supervisor = staff_browser("supervisor")
    page = supervisor.get(f"/staff/cases/{case_id}").get_data(as_text=True)
    for value in CONTACT.values():
        assert value not in page
    assert "Show contact details" in page
    assert reveals(app, case_id) == []  # Opening the case reveals nothing.
    empty = supervisor.post(
        f"/staff/cases/{case_id}/contact", {"reason": "  "}, page=f"/staff/cases/{case_id}"
    ).get_data(as_text=True)
    assert "Say why you need the contact details." in empty
    assert "maria@example.org" not in empty
    shown = supervisor.case_with_contact(case_id)
    assert "maria@example.org" in shown
    assert "312 555 0188" in shown
    assert reveals(app, case_id) == [(supervisor.staff_id, "To call back")]  # type: ignore[attr-defined]
    # Still shown on the next visit, for a while, without a second entry.
    assert "maria@example.org" in supervisor.get(f"/staff/cases/{case_id}").get_data(as_text=True)
    assert len(reveals(app, case_id)) == 1


def test_the_intake_officer_reveals_and_another_needs_a_grant(
    app: Flask, staff_browser: Any
) -> None:
    case_id, _number, _receipt = file_and_keep(app, contact=CONTACT)
    officer, colleague = staff_browser("intake"), staff_browser("intake")
    supervisor = staff_browser("supervisor")
    move_to_screening(officer, app, case_id)
    assert "maria@example.org" in officer.case_with_contact(case_id)
    page = colleague.get(f"/staff/cases/{case_id}").get_data(as_text=True)
    assert "A supervisor can give you access." in page
    refused = colleague.post(
        f"/staff/cases/{case_id}/contact", {"reason": "curious"}, page=f"/staff/cases/{case_id}"
    ).get_data(as_text=True)
    assert "Ask a supervisor for access" in refused
    assert "maria@example.org" not in refused
    granted = supervisor.post(
        f"/staff/cases/{case_id}/contact-access",
        {"staff": str(colleague.staff_id)},  # type: ignore[attr-defined]
        page=f"/staff/cases/{case_id}",
        follow=True,
    ).get_data(as_text=True)
    assert "can now see the contact details" in granted
    assert "maria@example.org" in colleague.case_with_contact(case_id)
    with app.app_context():
        actions = db.session.scalars(
            db.select(AuditEvent.action).where(AuditEvent.report_id == case_id)
        ).all()
    assert "contact_access_granted" in actions


def test_the_assigned_investigator_reveals_and_hints_show_no_identity(
    app: Flask, staff_browser: Any
) -> None:
    first, _n, _r = file_and_keep(app, contact=CONTACT)
    second, _n, _r = file_and_keep(app, contact=CONTACT)  # Same email: a duplicate hint.
    investigator = staff_browser("investigator")
    with app.app_context():
        for case_id in (first, second):
            report = db.session.get(Report, case_id)
            assert report is not None
            report.assignee_id = investigator.staff_id  # type: ignore[attr-defined]
            report.status = "accepted"
        db.session.commit()
    page = investigator.get(f"/staff/cases/{first}").get_data(as_text=True)
    assert "Possible duplicates" in page
    assert "Maria" not in page
    assert "maria@example.org" not in page
    assert "maria@example.org" in investigator.case_with_contact(first)
