"""No input on any route, public or staff, gives a 5xx: a property, not a list of examples.

Each audience (a resident filing, a resident following up, and each staff role) opens every
page it can reach; the walker in tests/hostile.py then sends hostile values to every query name
and every form field it found there, with valid CSRF tokens. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

import pytest
from flask import Flask, request

from intake import callbacks
from intake.auth.guard import is_public
from intake.extensions import db
from intake.models import Attachment, Report, Respondent, SavedView
from intake.public.flow import PAGE_NAMES

from .helpers import IDENTIFIED_CONTACT, Resident, hate_answers
from .hostile import Walker, csrf_of, pages, read_page
from .test_security import RECEIPT, upload

# Query names the staff pages read even when no link on the page shows them.
KNOWN_QUERY_NAMES = {
    "q", "page", "sort", "status", "kind", "assignee", "community_area", "ward", "urgent",
    "received_from", "received_to", "overdue", "protected_class", "bias_category",
    "period", "start", "end", "public", "personal", "number", "template", "lang", "next",
    "tag", "action", "case", "closure_reason", "all", "due", "callback",
}  # fmt: skip
# Forms whose success would end the walker's own session.
ENDS_SESSION = ("/staff/sign-out", "/check/leave", "/report/finish", "/report/discard")
HUGE_ID = 10**20


def staff_paths(app: Flask, ids: dict[str, Any]) -> list[str]:
    """Every staff GET route with real ids, and again with an id past any integer column."""
    paths = []
    for rule in app.url_map.iter_rules():
        if is_public(rule.endpoint) or "GET" not in (rule.methods or ()):
            continue
        for huge in (False, True):

            def fill(match: re.Match[str], huge: bool = huge) -> str:
                name = match.group(1)
                return str(HUGE_ID if huge and name.endswith("_id") else ids[name])

            paths.append(re.sub(r"<(?:[^>]*:)?(\w+)>", fill, rule.rule))
    return sorted(set(paths))


def walk(
    walker: Walker | None, paths: list[str], client: Any, seen: set[str] | None = None
) -> None:
    """Attack each page's query, then each form found on the pages; what is in `seen` (walked
    already by another audience) is not walked again. Without a walker, only note in `seen`
    what this audience would walk."""
    seen = set() if seen is None else seen
    forms = {}
    for path, html in pages(paths, client):
        found, names = read_page(html, path)
        if path not in seen:
            seen.add(path)
            if walker is not None:
                walker.attack_query(path, KNOWN_QUERY_NAMES, alone=names)
        for form in found:
            key = f"{form.method} {form.action}"
            if key not in seen:
                seen.add(key)
                forms[key] = form
    for form in forms.values():
        if walker is not None:
            walker.attack_form(form)


@pytest.fixture
def world(app: Flask, staff_browser: Any, make_case: Any) -> dict[str, Any]:
    """A report with a file and contact details, another case, and a saved view."""
    resident = Resident(app.test_client())
    answers = hate_answers(contact=IDENTIFIED_CONTACT)
    resident.begin(answers)
    for name in ("incident", "place"):
        resident.post(f"/report/{name}", answers[name])
    assert upload(resident, "photo.png") == 302
    resident.post("/report/contact", answers["contact"])
    response = resident.post("/report/review", {"receipt_kind": "digits"})
    assert response.status_code == 302
    page = resident.get("/report/done").get_data(as_text=True)
    record = re.search(r"HR-[0-9A-Z]{4}-[0-9A-Z]{4}", page)
    receipt = RECEIPT.search(page)
    assert record
    assert receipt
    other_case = make_case()
    with app.app_context():
        attachment = db.session.scalars(db.select(Attachment)).first()
        assert attachment is not None
        case_id, attachment_id = attachment.report_id, attachment.id
        # A respondent, so its forms (notice, service, response) are walked too.
        respondent = Respondent(report_id=case_id, kind="organization", name="Acme Rentals")
        db.session.add(respondent)
        db.session.commit()
        respondent_id = respondent.id
    # A call-back request, so its page and forms are walked too.
    with app.test_request_context():
        callback_id = callbacks.request_callback(
            language="en", phone="312 555 0100", may_leave_message=True, received=date.today()
        ).id
    return {
        "record": record.group(0),
        "receipt": receipt.group(1),
        "ids": {
            "case_id": case_id,
            "attachment_id": attachment_id,
            "staff_id": 1,
            "view_id": 1,
            "action": "reset_two_factor",
            "name": "cases",
            "fmt": "csv",
            "incident_id": 1,
            "tag_id": 1,
            "direction": "next",
            "respondent_id": respondent_id,
            "number": 1,
            "callback_id": callback_id,
            "page": "kind",
        },
        "other_case": other_case,
    }


STAFF_ROLES = ("investigator", "intake", "supervisor", "admin")
# The fewest hostile requests each role's walk sends (seen on SQLite: 2,594, 692, 1,560 and
# 308; 5,154 in all, as the one walk of the four roles in turn sent before).
LEAST_SENT = {"investigator": 1500, "intake": 400, "supervisor": 800, "admin": 200}


@pytest.mark.parametrize("walking", STAFF_ROLES)
def test_no_staff_input_gives_a_server_error(
    app: Flask,
    world: dict[str, Any],
    staff_browser: Any,
    make_staff: Any,
    caplog: pytest.LogCaptureFixture,
    walking: str,
) -> None:
    """Each role walks what the roles before it in STAFF_ROLES did not (one test per role, so
    the four walks can run in parallel); the roles before it only open their pages."""
    seen: set[str] = set()
    for role in STAFF_ROLES[: STAFF_ROLES.index(walking) + 1]:
        browser = staff_browser(role)
        with app.app_context():
            view = SavedView(staff_id=browser.staff_id, name="Mine", query="status=new")
            db.session.add(view)
            if role == "investigator":
                report = db.session.get(Report, world["ids"]["case_id"])
                assert report is not None
                report.assignee_id = browser.staff_id
            db.session.commit()
            ids = {**world["ids"], "view_id": view.id, "staff_id": make_staff("intake")}
        if role != walking:
            walk(None, staff_paths(app, ids), browser.client, seen)
            continue
        token = csrf_of(browser.get("/staff/password").get_data(as_text=True))
        assert token
        walker = Walker(browser.client, token, skip_actions=ENDS_SESSION)
        with caplog.at_level(logging.ERROR):
            walk(walker, staff_paths(app, ids), browser.client, seen)
            # Again, as the next role would have: every page shows what the attacks stored,
            # and the forms of what they created (respondents, views) are walked too.
            walk(walker, staff_paths(app, ids), browser.client, seen)
        assert walker.findings == [], role
        assert walker.sent > LEAST_SENT[role], walker.sent
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_no_resident_input_gives_a_server_error(
    app: Flask, world: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    resident = Resident(app.test_client())
    # "Not sure", for someone else, with contact details and an interpreter in another
    # language: every page of the form applies.
    answers = hate_answers(
        kind={"kind": "unsure"},
        incident={"reporter_role": "behalf", "reporter_relationship": "friend"},
        contact={
            "name": "Ana",
            "email": "a@b.example",
            "interpreter_language": "other",
            "interpreter_other": "Mam",
        },
    )
    answers["incident"]["affected_consent"] = "yes"
    resident.begin(answers)
    for name in ("incident", "place", "contact"):
        resident.post(f"/report/{name}", answers[name])
    token = csrf_of(resident.get("/report/kind").get_data(as_text=True))
    assert token
    walker = Walker(resident.client, token, skip_actions=ENDS_SESSION)
    filing = ["/", "/report", *(f"/report/{name}" for name in PAGE_NAMES),
              "/report/incident", "/report/place", "/report/contact", "/check",
              "/staff/sign-in", "/report/evidence/99999999999999999999/remove",
              "/report/safety", "/report/discard", "/call-back", "/call-back/sent"]  # fmt: skip
    with caplog.at_level(logging.ERROR):
        walk(walker, filing, resident.client)
        # Following up: the status page and its forms, opened with the record and code.
        follower = Resident(app.test_client())
        response = follower.post(
            "/check", {"record_number": world["record"], "receipt": world["receipt"]}
        )
        assert response.status_code == 302
        token = csrf_of(follower.get("/check/report").get_data(as_text=True))
        assert token
        following = Walker(follower.client, token, skip_actions=ENDS_SESSION)
        walk(following, ["/check/report", "/report/done"], follower.client)
    assert walker.sent + following.sent > 500
    assert walker.findings + following.findings == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_a_fresh_visitor_with_hostile_values_gets_no_server_error(
    app: Flask, world: dict[str, Any]
) -> None:
    client = app.test_client()
    walker = Walker(client, "not-a-token")
    for rule in app.url_map.iter_rules():
        path = re.sub(
            r"<(?:[^>]*:)?(\w+)>", lambda m: str(world["ids"].get(m.group(1), 1)), rule.rule
        )
        walker.attack_query(path, KNOWN_QUERY_NAMES)
    assert walker.findings == []


def test_the_walker_finds_a_server_error_when_there_is_one(app: Flask) -> None:
    def fragile() -> str:
        return str(int(request.args.get("n", "0")) + len(request.form.get("body", "")))

    app.add_url_rule("/fragile", "public.fragile", fragile, methods=["GET", "POST"])
    app.config["PROPAGATE_EXCEPTIONS"] = False
    client = app.test_client()
    walker = Walker(client, "unused")
    walker.attack_query("/fragile", [], alone=["n"])
    assert any(finding.startswith("500 GET /fragile?n=") for finding in walker.findings)
    forms, names = read_page('<a href="/fragile?n=1">x</a>', "/fragile")
    assert names == {"n"}
    assert forms == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Accept-Language": "ar;q=1e309, zz-ZZ;q=abc, " + "x" * 5000},
        {"Cookie": "session=" + "A" * 43},
        {"Cookie": "session=%00%ff; lang=\u202e"},
        {"Cookie": "session=" + "x" * 4000},
        {"X-Forwarded-For": "not an address, ::1, 999.1.1.1"},
        {"Referer": "javascript:alert(1)", "Origin": "null"},
        {"Content-Type": "multipart/form-data"},
    ],
)
def test_hostile_headers_get_no_server_error(app: Flask, headers: dict[str, str]) -> None:
    client = app.test_client()
    for path in ("/", "/report/kind", "/check", "/staff/sign-in", "/staff/cases"):
        for method in ("GET", "POST"):
            response = client.open(path, method=method, headers=headers, data=b"a=1")
            assert response.status_code < 500, (path, method, headers)


def test_no_two_factor_input_gives_a_server_error(app: Flask, make_staff: Any) -> None:
    from .helpers import STAFF_PASSWORD, StaffBrowser, create_staff

    create_staff(app, "pending@staff.example", ["supervisor"])
    browser = StaffBrowser(app.test_client())
    response = browser.post(
        "/staff/sign-in", {"email": "pending@staff.example", "password": STAFF_PASSWORD}
    )
    assert response.headers["Location"].endswith("/staff/two-factor")
    token = csrf_of(browser.get("/staff/two-factor").get_data(as_text=True))
    assert token
    walker = Walker(browser.client, token)
    walk(walker, ["/staff/two-factor"], browser.client)
    assert walker.sent > 50
    assert walker.findings == []
