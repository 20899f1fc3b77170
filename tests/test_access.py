"""Every staff page refuses visitors and every role that should not reach it.

The table below is the specification: a new route that is not in it fails this test.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask

from intake.auth.guard import is_public

from .helpers import StaffBrowser

ROLES = ("intake", "investigator", "supervisor", "admin")
EVERYONE = frozenset(ROLES)
CASE_WORK = frozenset({"intake", "investigator", "supervisor"})
TAKE_REPORTS = frozenset({"intake", "supervisor"})
EXPECTED: dict[str, frozenset[str]] = {
    "staff.home": EVERYONE,
    "auth.change_password": EVERYONE,
    "auth.sign_out": EVERYONE,
    "staff.triage": frozenset({"intake", "supervisor"}),
    "staff.my_cases": frozenset({"investigator"}),
    "staff.cases": CASE_WORK,
    "staff.find": CASE_WORK,
    "staff.save_view": CASE_WORK,
    "staff.open_view": CASE_WORK,
    "staff.delete_view": CASE_WORK,
    "staff.view_alerts": CASE_WORK,
    "staff.case": CASE_WORK,
    "staff.update_case": CASE_WORK,
    "staff.add_note": CASE_WORK,
    "staff.link": CASE_WORK,
    "staff.send_message": CASE_WORK,
    "staff.reveal_contact": CASE_WORK,
    "staff.grant_contact": frozenset({"supervisor"}),
    "staff.attachment": CASE_WORK,
    "staff.assign": frozenset({"intake", "supervisor"}),
    "staff.reassign": frozenset({"supervisor"}),
    "staff.reports": frozenset({"supervisor"}),
    "staff.report_chart": frozenset({"supervisor"}),
    "staff.export_summary": frozenset({"supervisor"}),
    "staff.export_cases": frozenset({"supervisor"}),
    "staff.records": frozenset({"supervisor", "admin"}),
    "staff.records_hold": frozenset({"supervisor", "admin"}),
    "staff.records_step": frozenset({"supervisor", "admin"}),
    "staff.letters": frozenset({"supervisor", "admin"}),
    "staff.letters_new": frozenset({"supervisor", "admin"}),
    "staff.letters_template": frozenset({"supervisor", "admin"}),
    "staff.letters_edit": frozenset({"supervisor", "admin"}),
    "staff.letters_history": frozenset({"supervisor", "admin"}),
    "staff.letters_preview": frozenset({"supervisor", "admin"}),
    "staff.letters_active": frozenset({"supervisor", "admin"}),
    "staff.print_letter": CASE_WORK,
    "staff.incidents_list": CASE_WORK,
    "staff.incident": CASE_WORK,
    "staff.incident_message": CASE_WORK,
    "staff.create_incident": CASE_WORK,
    "staff.join_incident": CASE_WORK,
    "staff.leave_incident": CASE_WORK,
    "staff.admin_staff": frozenset({"admin"}),
    "staff.admin_staff_edit": frozenset({"admin"}),
    "staff.admin_staff_action": frozenset({"admin"}),
    "staff.admin_tags": frozenset({"supervisor", "admin"}),
    "staff.edit_tag": frozenset({"supervisor", "admin"}),
    "staff.tag_case": CASE_WORK,
    "staff.untag_case": CASE_WORK,
    "staff.bulk_preview": CASE_WORK,
    "staff.bulk_apply": CASE_WORK,
    "staff.step_case": CASE_WORK,
    "staff.record_event": CASE_WORK,
    "staff.extend_deadline": CASE_WORK,
    "staff.add_respondent": CASE_WORK,
    "staff.edit_respondent": CASE_WORK,
    "staff.remove_respondent": CASE_WORK,
    "staff.respondent_notice": CASE_WORK,
    "staff.notice_mailed": CASE_WORK,
    "staff.notice_served": CASE_WORK,
    "staff.record_response": CASE_WORK,
    "staff.record_reply": CASE_WORK,
    "staff.share_document": CASE_WORK,
    "staff.shortcuts": EVERYONE,
    "staff.complaint": CASE_WORK,
    "staff.complaint_draft": CASE_WORK,
    "staff.complaint_save": CASE_WORK,
    "staff.complaint_ready": CASE_WORK,
    "staff.complaint_paper": CASE_WORK,
    "staff.complaint_version": CASE_WORK,
    "staff.complaint_pdf": CASE_WORK,
    "staff.callbacks": frozenset({"intake", "supervisor"}),
    "staff.callback_request": frozenset({"intake", "supervisor"}),
    "staff.callback_attempt": frozenset({"intake", "supervisor"}),
    "staff.callback_close": frozenset({"intake", "supervisor"}),
    "staff.intake_start": TAKE_REPORTS,
    "staff.intake_step": TAKE_REPORTS,
    "staff.intake_evidence": TAKE_REPORTS,
    "staff.intake_remove_file": TAKE_REPORTS,
    "staff.intake_review": TAKE_REPORTS,
    "staff.intake_discard": TAKE_REPORTS,
    "staff.intake_done": TAKE_REPORTS,
    "staff.intake_letter": TAKE_REPORTS,
}
ARGUMENTS = {
    "case_id": 1,
    "attachment_id": 1,
    "view_id": 1,
    "staff_id": 1,
    "action": "reset_two_factor",
    "name": "kind",
    "index": 0,
    "fmt": "csv",
    "step": "release",
    "incident_id": 1,
    "tag_id": 1,
    "direction": "next",
    "respondent_id": 1,
    "number": 1,
    "callback_id": 1,
    "page": "kind",
}


def staff_routes(app: Flask) -> list[tuple[str, str, str]]:
    routes = []
    for rule in app.url_map.iter_rules():
        if is_public(rule.endpoint):
            continue
        method = "POST" if "POST" in rule.methods and "GET" not in rule.methods else "GET"
        path = re.sub(r"<(?:[^>]*:)?(\w+)>", lambda m: str(ARGUMENTS[m.group(1)]), rule.rule)
        routes.append((rule.endpoint, method, path))
    return sorted(routes)


def test_every_staff_route_is_in_the_table(app: Flask) -> None:
    assert {endpoint for endpoint, _m, _p in staff_routes(app)} == set(EXPECTED)


def test_public_pages_are_the_residents_and_the_sign_in_steps(app: Flask) -> None:
    public = {rule.endpoint for rule in app.url_map.iter_rules() if is_public(rule.endpoint)}
    assert {e for e in public if not e.startswith("public.")} == {
        "static",
        "auth.sign_in",
        "auth.two_factor",
        "auth.two_factor_setup",
    }


def test_visitors_are_sent_to_sign_in_from_every_staff_route(app: Flask) -> None:
    client = app.test_client()
    for endpoint, method, path in staff_routes(app):
        response = client.open(path, method=method)
        # A POST without a CSRF token is refused before anything else; either way, no entry.
        assert response.status_code in (302, 400), (endpoint, response.status_code)
        if response.status_code == 302:
            assert response.headers["Location"].endswith("/staff/sign-in"), endpoint


@pytest.fixture
def setup(app: Flask, make_case: Any, staff_browser: Any) -> dict[str, StaffBrowser]:
    browsers = {role: staff_browser(role) for role in ROLES}
    investigator_id = browsers["investigator"].staff_id  # type: ignore[attr-defined]
    make_case(assignee_id=investigator_id)
    return browsers


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_its_pages(
    app: Flask, setup: dict[str, StaffBrowser], role: str
) -> None:
    browser = setup[role]
    token = browser.token("/staff/password")
    for endpoint, method, path in staff_routes(app):
        if endpoint == "auth.sign_out":
            continue  # Signing out would end the walk; tested on its own.
        data = {"csrf_token": token} if method == "POST" else None
        response = browser.client.open(path, method=method, data=data, buffered=True)
        refused = response.status_code == 403
        assert refused == (role not in EXPECTED[endpoint]), (role, endpoint, response.status_code)
        assert not response.headers.get("Location", "").endswith("/staff/sign-in"), endpoint
