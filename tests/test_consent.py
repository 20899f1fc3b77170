"""Consent to share with police is a record (given or withdrawn, when, how) that residents change
on the status page; a referral to police needs it or a supervisor's legal reason; every
disclosure outside the commission is logged with what was shared."""

from __future__ import annotations

from typing import Any

from flask import Flask

from intake.extensions import db
from intake.models import AuditEvent, Consent, Disclosure, Report

from .helpers import StaffBrowser
from .test_followup import file_and_keep, open_report

CONTACT = {"name": "Maria Example", "email": "maria@example.org", "share_with_police": "y"}


def consents(app: Flask, case_id: int) -> list[tuple[bool, str]]:
    with app.app_context():
        rows = db.session.scalars(
            db.select(Consent).where(Consent.report_id == case_id).order_by(Consent.id)
        )
        return [(row.given, row.channel) for row in rows]


def refer_to_police(browser: StaffBrowser, app: Flask, case_id: int, legal_reason: str = "") -> str:
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        report.status = "screening"
        db.session.commit()
        version = report.version
    response = browser.post(
        f"/staff/cases/{case_id}/update",
        {
            "version": version,
            "status": "referred",
            "referred_to": "police",
            "legal_reason": legal_reason,
        },
        page=f"/staff/cases/{case_id}",
        follow=True,
    )
    return response.get_data(as_text=True)


def test_consent_given_when_filing_is_recorded_and_can_be_withdrawn(app: Flask) -> None:
    case_id, number, receipt = file_and_keep(app, contact=CONTACT)
    assert consents(app, case_id) == [(True, "online")]
    resident = open_report(app, number, receipt)
    page = resident.get("/check/report").get_data(as_text=True)
    assert "May we share your name and contact details with the police?" in page
    empty = resident.post("/check/report/consent", {}, page="/check/report")
    assert "Choose yes or no." in empty.get_data(as_text=True)
    saved = resident.post(
        "/check/report/consent", {"share": "no"}, page="/check/report", follow=True
    ).get_data(as_text=True)
    assert "we will not share your contact details with the police" in saved
    resident.post("/check/report/consent", {"share": "no"}, page="/check/report")  # No change.
    assert consents(app, case_id) == [(True, "online"), (False, "status_page")]
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        assert report.share_with_police is False
        actions = db.session.scalars(
            db.select(AuditEvent.action).where(AuditEvent.report_id == case_id)
        ).all()
        assert "consent_withdrawn" in actions


def test_a_referral_to_police_without_consent_needs_a_supervisors_legal_reason(
    app: Flask, staff_browser: Any
) -> None:
    case_id, _number, _receipt = file_and_keep(app, contact={"email": "maria@example.org"})
    assert consents(app, case_id) == []
    intake = staff_browser("intake")
    refused = refer_to_police(intake, app, case_id, legal_reason="A subpoena")
    assert "Only a supervisor can refer this case to the police" in refused
    supervisor = staff_browser("supervisor")
    page = supervisor.get(f"/staff/cases/{case_id}").get_data(as_text=True)
    assert "Legal reason for referring to the police" in page
    no_reason = refer_to_police(supervisor, app, case_id)
    assert "Write the legal reason" in no_reason
    with app.app_context():
        assert db.session.scalars(db.select(Disclosure)).all() == []
    done = refer_to_police(supervisor, app, case_id, legal_reason="Subpoena 2026-X-77")
    assert "Legal reason: Subpoena 2026-X-77" in done
    with app.app_context():
        (disclosure,) = db.session.scalars(db.select(Disclosure)).all()
        assert (disclosure.report_id, disclosure.recipient) == (case_id, "police")
        assert disclosure.shared == "case_summary,contact_details"


def test_a_referral_with_consent_and_to_other_agencies_is_logged(
    app: Flask, staff_browser: Any
) -> None:
    with_consent, _n, _r = file_and_keep(app, contact=CONTACT)
    intake = staff_browser("intake")
    refer_to_police(intake, app, with_consent)
    page = staff_browser("supervisor").get(f"/staff/cases/{with_consent}").get_data(as_text=True)
    assert "Police · Case summary, Contact details" in page
    other, _n, _r = file_and_keep(app)
    with app.app_context():
        report = db.session.get(Report, other)
        assert report is not None
        report.status = "screening"
        db.session.commit()
        version = report.version
    intake.post(
        f"/staff/cases/{other}/update",
        {"version": version, "status": "referred", "referred_to": "idhr"},
        page=f"/staff/cases/{other}",
    )
    with app.app_context():
        logged = {
            (row.report_id, row.recipient, row.shared, row.legal_reason)
            for row in db.session.scalars(db.select(Disclosure))
        }
    assert logged == {
        (with_consent, "police", "case_summary,contact_details", None),
        (other, "idhr", "case_summary", None),
    }


def test_an_export_with_personal_data_is_a_logged_disclosure(
    app: Flask, staff_browser: Any
) -> None:
    file_and_keep(app, contact=CONTACT)
    supervisor = staff_browser("supervisor")
    plain = supervisor.get("/staff/cases/export.csv?q=mosque")
    assert plain.status_code == 200
    assert "maria@example.org" not in plain.get_data(as_text=True)  # Read to the end.
    with app.app_context():
        assert db.session.scalars(db.select(Disclosure)).all() == []
    personal = supervisor.get("/staff/cases/export.csv?personal=1&q=mosque")
    assert "maria@example.org" in personal.get_data(as_text=True)
    with app.app_context():
        (row,) = db.session.scalars(db.select(Disclosure)).all()
        assert (row.recipient, row.shared, row.report_id) == ("export", "personal_export", None)
        details = db.session.scalars(db.select(AuditEvent.detail)).all()
    # Which filters were used, never what was typed in the search box.
    assert not any("mosque" in (detail or "") for detail in details)
