"""Staff sign-in: password, two-factor (set-up, wrong and replayed codes), throttling, sessions."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask

from intake import accounts
from intake.extensions import db
from intake.models import AuditEvent, Staff

from .helpers import STAFF_PASSWORD, StaffBrowser, create_staff, totp_code


def browser(app: Flask) -> StaffBrowser:
    return StaffBrowser(app.test_client())


def email_of(app: Flask, staff_id: int) -> str:
    with app.app_context():
        staff = db.session.get(Staff, staff_id)
        assert staff is not None
        return staff.email


def test_sign_in_with_password_and_code_lands_on_the_roles_page(
    app: Flask, make_staff: Any
) -> None:
    email = email_of(app, make_staff("intake"))
    user = browser(app)
    user.sign_in(email)
    assert user.last is not None
    assert user.last.headers["Location"].endswith("/staff/triage")
    page = user.get("/staff/triage").get_data(as_text=True)
    assert "Triage queue" in page
    with app.app_context():
        actions = db.session.scalars(db.select(AuditEvent.action)).all()
        assert "sign_in" in actions


def test_wrong_password_and_unknown_account_get_the_same_answer(
    app: Flask, make_staff: Any
) -> None:
    email = email_of(app, make_staff("intake"))
    user = browser(app)
    wrong = user.post("/staff/sign-in", {"email": email, "password": "not the password"})
    unknown = user.post(
        "/staff/sign-in", {"email": "nobody@staff.example", "password": "not the password"}
    )
    for response in (wrong, unknown):
        assert response.status_code == 200
        assert "The email or password is not right." in response.get_data(as_text=True)


def test_a_wrong_code_is_refused(app: Flask, make_staff: Any) -> None:
    email = email_of(app, make_staff("supervisor"))
    user = browser(app)
    user.post("/staff/sign-in", {"email": email, "password": STAFF_PASSWORD})
    response = user.post("/staff/two-factor", {"code": "000000"})
    assert response.status_code == 200
    assert "That code is not right or was already used." in response.get_data(as_text=True)
    assert user.get("/staff/cases").headers["Location"].endswith("/staff/sign-in")


def test_a_replayed_code_is_refused(app: Flask, make_staff: Any) -> None:
    email = email_of(app, make_staff("supervisor"))
    first = browser(app)
    first.sign_in(email)
    second = browser(app)
    second.post("/staff/sign-in", {"email": email, "password": STAFF_PASSWORD})
    response = second.post("/staff/two-factor", {"code": totp_code()})
    assert response.status_code == 200
    assert "already used" in response.get_data(as_text=True)


def test_first_sign_in_sets_up_two_factor_with_a_qr_code(app: Flask) -> None:
    with app.app_context():
        staff, password = accounts.create(None, "new@staff.example", "New", ["investigator"])
    user = browser(app)
    response = user.post("/staff/sign-in", {"email": "new@staff.example", "password": password})
    assert response.headers["Location"].endswith("/staff/two-factor/setup")
    page = user.get("/staff/two-factor/setup").get_data(as_text=True)
    assert "<svg" in page
    secret = re.search(r'class="receipt__code" dir="ltr">([A-Z2-7]+)<', page)
    assert secret
    response = user.post("/staff/two-factor/setup", {"code": totp_code(secret.group(1))})
    assert response.status_code == 302
    # A temporary password must be replaced before anything else.
    assert user.get("/staff/my-cases").headers["Location"].endswith("/staff/password")
    response = user.post(
        "/staff/password", {"current": password, "new": "short", "repeat": "short"}
    )
    assert "Use at least 12 characters." in response.get_data(as_text=True)
    new_password = "maple river lantern quiet"
    response = user.post(
        "/staff/password", {"current": password, "new": new_password, "repeat": new_password}
    )
    assert response.status_code == 302
    assert user.get("/staff/my-cases").status_code == 200


def test_common_passwords_are_refused(app: Flask, staff_browser: Any) -> None:
    user = staff_browser("investigator")
    response = user.post(
        "/staff/password",
        {"current": STAFF_PASSWORD, "new": "password1234", "repeat": "password1234"},
    )
    assert "This password is too common." in response.get_data(as_text=True)


def test_sign_in_is_throttled_after_five_failures(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True)
    user = browser(app)
    for _ in range(5):
        response = user.post("/staff/sign-in", {"email": "x@staff.example", "password": "nope"})
        assert response.status_code == 200
    response = user.post("/staff/sign-in", {"email": "x@staff.example", "password": "nope"})
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "Too many tries" in page
    assert "x@staff.example" not in page


def test_throttling_counts_per_account_across_clients(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True)
    for number in range(5):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"192.0.2.{number + 1}"
        user = StaffBrowser(client)
        user.post("/staff/sign-in", {"email": "target@staff.example", "password": "nope"})
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "192.0.2.99"
    response = StaffBrowser(other).post(
        "/staff/sign-in", {"email": "target@staff.example", "password": "nope"}
    )
    assert response.status_code == 429


def test_idle_sessions_end(app_factory: Any, make_staff: Any) -> None:
    app = app_factory(STAFF_IDLE_MINUTES=0)
    create_staff(app, "idle@staff.example", ["supervisor"])
    user = browser(app)
    user.sign_in("idle@staff.example")
    response = user.get("/staff/cases")
    assert response.headers["Location"].endswith("/staff/sign-in")
    page = user.get("/staff/sign-in").get_data(as_text=True)
    assert "signed out after a period of inactivity" in page


def test_sign_in_starts_a_fresh_session(app: Flask, make_staff: Any) -> None:
    email = email_of(app, make_staff("supervisor"))
    user = browser(app)
    user.get("/?lang=es")
    with user.client.session_transaction() as session:
        session["planted"] = "by someone else"
    user.sign_in(email)
    with user.client.session_transaction() as session:
        assert "planted" not in session


def test_sign_out_ends_the_session(app: Flask, staff_browser: Any) -> None:
    user = staff_browser("supervisor")
    user.post("/staff/sign-out", {}, page="/staff/cases")
    assert user.get("/staff/cases").headers["Location"].endswith("/staff/sign-in")


def test_deactivating_an_account_ends_its_sessions(app: Flask, staff_browser: Any) -> None:
    user = staff_browser("investigator")
    admin = staff_browser("admin")
    admin.post(
        f"/staff/admin/staff/{user.staff_id}/deactivate",
        {},
        page=f"/staff/admin/staff/{user.staff_id}",
    )
    assert user.get("/staff/my-cases").headers["Location"].endswith("/staff/sign-in")
    email = email_of(app, user.staff_id)
    again = browser(app).post("/staff/sign-in", {"email": email, "password": STAFF_PASSWORD})
    assert again.status_code == 200


def test_passwords_hash_at_full_cost_outside_the_tests(app_factory: Any) -> None:
    import config
    from intake.auth import passwords

    assert config.ProductionConfig.PASSWORD_HASH_PROFILE == "RFC_9106_LOW_MEMORY"
    cheap = app_factory()
    with cheap.app_context():
        quick = passwords.hash_password("a long enough password")
    full = app_factory(PASSWORD_HASH_PROFILE="RFC_9106_LOW_MEMORY")
    with full.app_context():
        slow = passwords.hash_password("a long enough password")
        assert "$m=65536,t=3,p=4$" in slow
        # Hashes made at another cost keep verifying: each carries its own parameters.
        assert passwords.verify_password(quick, "a long enough password")
        assert not passwords.verify_password(slow, "another long password")


def test_the_audit_trail_keeps_references_not_content(
    app: Flask, make_staff: Any, staff_browser: Any, make_case: Any
) -> None:
    make_staff("intake", email="known@staff.example")
    browser = StaffBrowser(app.test_client())
    for email in ("known@staff.example", "someone.else@example.org"):
        browser.post("/staff/sign-in", {"email": email, "password": "not the password at all"})
    supervisor = staff_browser("supervisor")
    case_id = make_case()
    page = f"/staff/cases/{case_id}"
    supervisor.post(f"{page}/notes", {"body": "Respondent is the landlord's nephew"}, page=page)
    with app.app_context():
        details = [e.detail or "" for e in db.session.scalars(db.select(AuditEvent))]
    joined = " ".join(details)
    assert "someone.else" not in joined  # A mistyped address may be a resident's.
    assert "nephew" not in joined
    assert any(d.startswith("account ") for d in details)
    assert any(d.startswith("note ") for d in details)
