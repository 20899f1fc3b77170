"""Staff accounts: the first admin from the command line, then everything from the admin pages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask

from intake import demo
from intake.extensions import db
from intake.models import AuditEvent, Report, Staff

from .helpers import STAFF_PASSWORD, Resident, StaffBrowser


def test_the_first_admin_comes_from_the_command_line(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=["staff", "create", "--role", "admin", "First.Admin@City.example"]
    )
    assert result.exit_code == 0, result.output
    password = re.search(r"Temporary password: (\S+)", result.output)
    assert password
    with app.app_context():
        staff = db.session.scalars(db.select(Staff)).one()
        assert staff.email == "first.admin@city.example"
        assert staff.role_names == {"admin"}
        assert staff.must_change_password is True
        assert password.group(1) not in staff.password_hash
    again = app.test_cli_runner().invoke(
        args=["staff", "create", "--role", "admin", "first.admin@city.example"]
    )
    assert again.exit_code != 0
    assert "already exists" in again.output


def test_admin_creates_changes_and_resets_accounts(app: Flask, staff_browser: Any) -> None:
    admin = staff_browser("admin")
    response = admin.post(
        "/staff/admin/staff",
        {"email": "new@staff.example", "name": "Nia New", "roles": ["intake", "investigator"]},
    )
    assert response.status_code == 302
    page = admin.get("/staff/admin/staff").get_data(as_text=True)
    assert "Temporary password" in page
    with app.app_context():
        staff = db.session.scalars(db.select(Staff).where(Staff.email == "new@staff.example")).one()
        staff_id = staff.id
        assert staff.role_names == {"intake", "investigator"}
    edit = f"/staff/admin/staff/{staff_id}"
    admin.post(edit, {"email": "new@staff.example", "name": "Nia N.", "roles": ["supervisor"]})
    admin.post(f"{edit}/reset_two_factor", {}, page=edit)
    admin.post(f"{edit}/reset_password", {}, page=edit)
    with app.app_context():
        staff = db.session.get(Staff, staff_id)
        assert staff is not None
        assert staff.name == "Nia N."
        assert staff.role_names == {"supervisor"}
        assert staff.totp_secret is None
        assert staff.must_change_password is True
        actions = set(db.session.scalars(db.select(AuditEvent.action)))
    assert {"staff_created", "staff_changed", "two_factor_reset", "password_reset"} <= actions


def test_admins_cannot_lock_themselves_out(app: Flask, staff_browser: Any) -> None:
    admin = staff_browser("admin")
    edit = f"/staff/admin/staff/{admin.staff_id}"
    admin.post(f"{edit}/deactivate", {}, page=edit)
    assert "You cannot deactivate your own account." in admin.get(edit).get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Staff, admin.staff_id).active is True  # type: ignore[union-attr]


def test_accounts_are_never_deleted(app: Flask) -> None:
    rules = [rule.rule for rule in app.url_map.iter_rules()]
    assert not [rule for rule in rules if "delete" in rule and "admin" in rule]


def test_the_demo_walkthrough(app: Flask) -> None:
    """From `make demo`: each role signs in, the case is triaged, assigned, worked and closed."""
    with app.app_context():
        demo.load()
        report = db.session.scalars(db.select(Report).order_by(Report.id)).first()
        assert report is not None
        case_id = report.id
    browsers = {}
    for email, _name, roles in demo.DEMO_STAFF:
        browser = StaffBrowser(app.test_client())
        response = browser.post("/staff/sign-in", {"email": email, "password": demo.DEMO_PASSWORD})
        assert response.status_code == 302
        import pyotp

        code = pyotp.TOTP(demo.DEMO_TOTP_SECRET).now()
        assert browser.post("/staff/two-factor", {"code": code}).status_code == 302
        browsers[roles[0]] = browser
    with app.app_context():
        investigator = db.session.scalars(
            db.select(Staff).where(Staff.email == "investigator@demo.example")
        ).one()
    page = f"/staff/cases/{case_id}"
    intake = browsers["intake"]
    assert (
        intake.post(
            f"{page}/update", {"version": "1", "status": "screening"}, page=page
        ).status_code
        == 302
    )
    assert (
        intake.post(
            f"{page}/assign", {"version": "2", "assignee": str(investigator.id)}, page=page
        ).status_code
        == 302
    )
    assert (
        intake.post(f"{page}/update", {"version": "3", "status": "accepted"}, page=page).status_code
        == 302
    )
    worker = browsers["investigator"]
    worker.post(f"{page}/notes", {"body": "Interviewed the resident."}, page=page)
    worker.post(f"{page}/update", {"version": "4", "status": "determination"}, page=page)
    supervisor = browsers["supervisor"]
    response = supervisor.post(
        f"{page}/update",
        {"version": "5", "status": "closed", "closure_reason": "violation_found"},
        page=page,
    )
    assert response.status_code == 302
    trail = supervisor.get(page).get_data(as_text=True).split('id="audit"')[1]
    for step in (
        "<bdi>New</bdi> → <bdi>Screening</bdi>",
        "<bdi>Screening</bdi> → <bdi>Accepted (investigation)</bdi>",
        "<bdi>Accepted (investigation)</bdi> → <bdi>Determination</bdi>",
        "<bdi>Determination</bdi> → <bdi>Closed</bdi>",
        "<bdi>Substantial evidence / violation found</bdi>",
        "investigator@demo.example",
        "Added an internal note",
    ):
        assert step in trail
    assert browsers["admin"].get(page).status_code == 403
    assert STAFF_PASSWORD not in demo.sign_in_help()


def test_make_demo_prints_the_demo_codes_every_time_and_they_open_the_reports(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORT", "5050")
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo", "load"]).output
    second = runner.invoke(args=["demo", "load"]).output
    assert "http://127.0.0.1:5050/staff/sign-in" in second
    codes = re.findall(r"(HR-[0-9A-Z]{4}-[0-9A-Z]{4})  secret code: ([a-z ]+)\n", second)
    assert len(codes) == len(demo.DEMO_REPORTS)
    assert codes == re.findall(r"(HR-[0-9A-Z]{4}-[0-9A-Z]{4})  secret code: ([a-z ]+)\n", first)
    resident = Resident(app.test_client())
    number, code = codes[0]
    assert resident.post("/check", {"record_number": number, "receipt": code}).status_code == 302
    status = resident.get("/check/report").get_data(as_text=True)
    assert "Could you tell us the day of the week" in status
