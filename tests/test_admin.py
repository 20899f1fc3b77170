"""Staff accounts: the first admin from the command line, then everything from the admin pages."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask

from intake.extensions import db
from intake.models import AuditEvent, Staff


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
