"""Alerts on saved views: the settings page (owner only, routing only for who may assign any
case, a preview that changes nothing) and `flask views run` (routing of unassigned matches by
the portal, audited, never reassigning or closing; a digest of case numbers only)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask

from intake.extensions import db
from intake.models import AuditEvent, OutboxEmail, Report, SavedView, Staff, utcnow

from .helpers import IDENTIFIED_CONTACT, StaffBrowser, hate_answers

NUMBER = re.compile(r"^\d{4}-\d{5}$")


def add_view(app: Flask, staff_id: int, query: str = "status=new", **fields: Any) -> int:
    with app.app_context():
        view = SavedView(staff_id=staff_id, name="Spray paint (Ana's view)", query=query, **fields)
        db.session.add(view)
        db.session.commit()
        return view.id


def ago(**delta: Any) -> Any:
    return utcnow() - timedelta(**delta)


def snapshot(app: Flask) -> tuple[Any, ...]:
    """What routing or a preview could change: cases, views, the trail, the outbox."""
    with app.app_context():
        cases = db.session.execute(
            db.select(Report.id, Report.assignee_id, Report.status, Report.version)
        ).all()
        views = db.session.execute(
            db.select(SavedView.id, SavedView.digest, SavedView.route_to_id, SavedView.last_run_at)
        ).all()
        trail = db.session.scalar(db.select(db.func.count()).select_from(AuditEvent))
        outbox = db.session.scalar(db.select(db.func.count()).select_from(OutboxEmail))
        return sorted(cases), sorted(views), trail, outbox


def run_views(app: Flask) -> str:
    result = app.test_cli_runner().invoke(args=["views", "run"])
    assert result.exit_code == 0, result.output
    return result.output


def case_numbers(app: Flask, *case_ids: int) -> list[str]:
    with app.app_context():
        return [db.session.get(Report, case_id).case_number for case_id in case_ids]  # type: ignore[union-attr]


@pytest.fixture
def supervisor(staff_browser: Any) -> StaffBrowser:
    return staff_browser("supervisor")  # type: ignore[no-any-return]


# The settings page.


def test_the_owner_sets_a_digest_and_routing_and_it_is_audited(
    app: Flask, supervisor: StaffBrowser, make_staff: Any
) -> None:
    investigator = make_staff("investigator")
    view_id = add_view(app, supervisor.staff_id)  # type: ignore[attr-defined]
    page = f"/staff/views/{view_id}/alerts"
    assert "Email me a daily digest" in supervisor.get(page).get_data(as_text=True)
    response = supervisor.post(
        page, {"digest": "y", "route_to": str(investigator), "action": "apply"}, page=page
    )
    assert response.status_code == 302
    with app.app_context():
        view = db.session.get(SavedView, view_id)
        assert view is not None
        assert (view.digest, view.route_to_id) == (True, investigator)
        assert view.last_run_at is not None
        assert view.last_digest_at is not None
        event = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "saved_view_alerts")
        ).one()
        assert event.staff_id == supervisor.staff_id  # type: ignore[attr-defined]
        assert "Ana" not in (event.detail or "")  # The view's name is staff free text.
    html = supervisor.get(page).get_data(as_text=True)
    assert re.search(
        rf'<option selected value="{investigator}"|value="{investigator}" selected', html
    )


def test_another_staff_members_view_does_not_exist(
    app: Flask, supervisor: StaffBrowser, staff_browser: Any
) -> None:
    other = staff_browser("supervisor")
    view_id = add_view(app, other.staff_id, digest=True)
    page = f"/staff/views/{view_id}/alerts"
    before = snapshot(app)
    assert supervisor.get(page).status_code == 404
    token = supervisor.token("/staff/password")
    response = supervisor.client.post(
        page, data={"csrf_token": token, "digest": "", "action": "apply"}
    )
    assert response.status_code == 404
    assert snapshot(app) == before


@pytest.mark.parametrize("role", ["intake", "investigator"])
def test_only_staff_who_assign_any_case_may_route(
    app: Flask, staff_browser: Any, make_staff: Any, role: str
) -> None:
    browser = staff_browser(role)
    investigator = make_staff("investigator")
    view_id = add_view(app, browser.staff_id)
    page = f"/staff/views/{view_id}/alerts"
    assert "Only staff who may assign any case can route cases." in browser.get(page).get_data(
        as_text=True
    )
    before = snapshot(app)
    response = browser.post(
        page, {"digest": "y", "route_to": str(investigator), "action": "apply"}, page=page
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Please check your answers" in html
    assert "can route cases. You can still turn the digest on or off." in html
    assert '<input checked id="digest"' in html  # What was typed stays.
    assert snapshot(app) == before
    # The digest alone is theirs to set.
    response = browser.post(page, {"digest": "y", "route_to": "", "action": "apply"}, page=page)
    assert response.status_code == 302
    with app.app_context():
        view = db.session.get(SavedView, view_id)
        assert view is not None
        assert (view.digest, view.route_to_id) == (True, None)


def test_the_preview_lists_the_last_90_days_and_changes_nothing(
    app: Flask, supervisor: StaffBrowser, make_case: Any, make_staff: Any
) -> None:
    investigator = make_staff("investigator", name="Ines Investigator")
    other = make_staff("investigator", name="Olga Other")
    fresh = make_case(created_at=ago(days=3))
    taken = make_case(created_at=ago(days=10), assignee_id=other)
    old = make_case(created_at=ago(days=120))
    closed = make_case(created_at=ago(days=5), status="closed", closure_reason="spam")
    view_id = add_view(app, supervisor.staff_id)  # type: ignore[attr-defined]
    page = f"/staff/views/{view_id}/alerts"
    before = snapshot(app)
    response = supervisor.post(
        page, {"digest": "y", "route_to": str(investigator), "action": "preview"}, page=page
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    fresh_number, taken_number, old_number, closed_number = case_numbers(
        app, fresh, taken, old, closed
    )
    assert fresh_number in html
    assert taken_number in html
    assert old_number not in html
    assert closed_number not in html
    row = re.search(rf"{fresh_number}</a></td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", html)
    assert row
    assert row.groups() == ("Nobody", "Ines Investigator")
    row = re.search(rf"{taken_number}</a></td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", html)
    assert row
    assert row.groups() == ("Olga Other", "Stays with the current assignee")
    assert "2 cases would have matched." in html
    assert "1 of them is unassigned and would have been assigned." in html
    assert snapshot(app) == before


def test_the_preview_sees_only_what_the_owner_may_open(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    browser = staff_browser("investigator")
    mine = make_case(created_at=ago(days=2), assignee_id=browser.staff_id)
    theirs = make_case(created_at=ago(days=2))
    view_id = add_view(app, browser.staff_id, query="")
    page = f"/staff/views/{view_id}/alerts"
    html = browser.post(page, {"route_to": "", "action": "preview"}, page=page).get_data(
        as_text=True
    )
    mine_number, theirs_number = case_numbers(app, mine, theirs)
    assert mine_number in html
    assert theirs_number not in html


# `flask views run`: routing.


def test_routing_assigns_new_unassigned_matches_only_audited_as_the_portal(
    app: Flask, supervisor: StaffBrowser, make_case: Any, make_staff: Any
) -> None:
    investigator = make_staff("investigator")
    other = make_staff("investigator")
    view_id = add_view(app, supervisor.staff_id, route_to_id=investigator, last_run_at=ago(hours=1))  # type: ignore[attr-defined]
    before_mark = make_case(created_at=ago(hours=2))
    new = make_case(created_at=ago(minutes=30))
    assigned = make_case(created_at=ago(minutes=30), assignee_id=other)
    screening = make_case(created_at=ago(minutes=20), status="screening")  # Not in the view.
    output = run_views(app)
    assert "routed 1 cases" in output
    with app.app_context():
        assignees = {
            case_id: (report.assignee_id, report.status)
            for case_id in (before_mark, new, assigned, screening)
            if (report := db.session.get(Report, case_id)) is not None
        }
        assert assignees == {
            before_mark: (None, "new"),
            new: (investigator, "new"),
            assigned: (other, "new"),
            screening: (None, "screening"),
        }
        events = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "assign")
        ).all()
        assert [(e.report_id, e.staff_id, e.field, e.old_value, e.detail) for e in events] == [
            (new, None, "assignee", None, f"saved view {view_id}")
        ]
        staff = db.session.get(Staff, investigator)
        assert staff is not None
        assert events[0].new_value == staff.email
        outbox = db.session.execute(db.select(OutboxEmail.kind, OutboxEmail.recipient)).all()
        assert outbox == [("staff_assigned", staff.email)]  # As when staff assign a case.
    # The next run starts where this one stopped: nothing twice.
    assert "routed 0 cases" in run_views(app)
    # The case's trail (changes only) reads: the portal assigned it.
    case_page = supervisor.get(f"/staff/cases/{new}").get_data(as_text=True)
    assert re.search(r"<td>The portal</td>\s*<td>Assigned · Assigned to</td>", case_page)


def test_routing_never_closes_or_moves_a_case(
    app: Flask, supervisor: StaffBrowser, make_case: Any, make_staff: Any
) -> None:
    investigator = make_staff("investigator")
    add_view(
        app,
        supervisor.staff_id,  # type: ignore[attr-defined]
        query="status=closed&status=new",
        route_to_id=investigator,
        last_run_at=ago(hours=1),
    )
    closed = make_case(created_at=ago(minutes=30), status="closed", closure_reason="spam")
    new = make_case(created_at=ago(minutes=30))
    run_views(app)
    with app.app_context():
        statuses = {
            case_id: db.session.get(Report, case_id).status  # type: ignore[union-attr]
            for case_id in (closed, new)
        }
        changes = db.session.scalars(
            db.select(AuditEvent.field).where(AuditEvent.action == "change")
        ).all()
    assert statuses == {closed: "closed", new: "new"}
    assert "status" not in changes


def test_routing_stops_when_the_owner_may_no_longer_assign(
    app: Flask, staff_browser: Any, make_case: Any, make_staff: Any
) -> None:
    browser = staff_browser("intake")
    investigator = make_staff("investigator")
    view_id = add_view(app, browser.staff_id, route_to_id=investigator, last_run_at=ago(hours=1))
    case_id = make_case(created_at=ago(minutes=30))
    output = run_views(app)
    assert f"Skipped saved view {view_id}: its routing did not run" in output
    with app.app_context():
        assert db.session.get(Report, case_id).assignee_id is None  # type: ignore[union-attr]


def test_a_view_whose_filter_no_longer_parses_is_skipped_and_named(
    app: Flask, supervisor: StaffBrowser, make_case: Any, make_staff: Any
) -> None:
    investigator = make_staff("investigator")
    broken = add_view(
        app,
        supervisor.staff_id,  # type: ignore[attr-defined]
        query="status=no-such-status",
        route_to_id=investigator,
        last_run_at=ago(hours=1),
    )
    case_id = make_case(created_at=ago(minutes=30))
    output = run_views(app)
    assert f"Skipped saved view {broken}: its filters can no longer be used" in output
    with app.app_context():
        assert db.session.get(Report, case_id).assignee_id is None  # type: ignore[union-attr]
    page = f"/staff/views/{broken}/alerts"
    assert "cannot be used" in supervisor.get(page).get_data(as_text=True)


# `flask views run`: the digest.


def digests(app: Flask) -> list[OutboxEmail]:
    with app.app_context():
        found = db.session.scalars(
            db.select(OutboxEmail).where(OutboxEmail.kind == "view_digest")
        ).all()
        db.session.expunge_all()
        return list(found)


def test_the_digest_lists_case_numbers_and_counts_only_once_a_day_per_owner(
    app: Flask, supervisor: StaffBrowser, make_case: Any
) -> None:
    owner = supervisor.staff_id  # type: ignore[attr-defined]
    new_view = add_view(app, owner, digest=True, last_digest_at=ago(days=1, minutes=5))
    all_view = add_view(app, owner, query="", digest=True, last_digest_at=ago(days=1, minutes=5))
    identified = hate_answers(contact=IDENTIFIED_CONTACT)
    first = make_case(identified, created_at=ago(hours=5))
    second = make_case(created_at=ago(hours=2), status="screening")
    old = make_case(created_at=ago(days=3))
    output = run_views(app)
    assert "queued 1 digests" in output
    [email] = digests(app)
    with app.app_context():
        staff = db.session.get(Staff, owner)
        assert staff is not None
        assert email.recipient == staff.email
    assert email.language == "en"
    assert email.subject == "3 new cases in your saved views"
    first_number, second_number, old_number = case_numbers(app, first, second, old)
    body = email.body
    assert f"Saved view {new_view}: 1 new case\n" in body
    assert f"Saved view {all_view}: 2 new cases\n" in body
    assert body.count(first_number) == 2
    assert body.count(second_number) == 1
    assert old_number not in body
    # Numbers, counts and links; nothing of a case or a view's name.
    allowed = re.compile(
        r"^(Saved view \d+: \d+ new cases?|  \d{4}-\d{5}|http://[^ ]+/staff/views/\d+|"
        r"New cases match your saved views\. .*|To change or stop these emails, .*)$"
    )
    lines = [line for line in body.splitlines() if line.strip()]
    assert [line for line in lines if not allowed.match(line)] == []
    for private in ("Maria", "mosque", "Ana", "555"):
        assert private not in body
    with app.app_context():
        assert db.session.scalars(
            db.select(AuditEvent.detail).where(AuditEvent.action == "view_digest")
        ).all() == [f'{{"views": [{new_view}, {all_view}]}}']
    # Within the day: no second digest, even with a new match.
    make_case(created_at=ago(minutes=5))
    assert "queued 0 digests" in run_views(app)
    assert len(digests(app)) == 1


def test_a_digest_waits_for_a_match_and_starts_when_switched_on(
    app: Flask, supervisor: StaffBrowser, make_case: Any
) -> None:
    owner = supervisor.staff_id  # type: ignore[attr-defined]
    make_case(created_at=ago(days=2))
    view_id = add_view(app, owner)
    page = f"/staff/views/{view_id}/alerts"
    response = supervisor.post(page, {"digest": "y", "route_to": "", "action": "apply"}, page=page)
    assert response.status_code == 302
    # Switched on now: the case of two days ago is not news.
    with app.app_context():
        view = db.session.get(SavedView, view_id)
        assert view is not None
        view.last_digest_at = view.last_digest_at - timedelta(days=1)  # type: ignore[operator]
        db.session.commit()
    assert "queued 0 digests" in run_views(app)
    case_id = make_case(created_at=ago(minutes=10))
    assert "queued 1 digests" in run_views(app)
    [email] = digests(app)
    assert case_numbers(app, case_id)[0] in email.body


def test_an_investigators_digest_counts_only_the_cases_they_may_open(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    browser = staff_browser("investigator")
    add_view(app, browser.staff_id, query="", digest=True, last_digest_at=ago(days=2))
    mine = make_case(created_at=ago(hours=3), assignee_id=browser.staff_id)
    theirs = make_case(created_at=ago(hours=3))
    run_views(app)
    [email] = digests(app)
    mine_number, theirs_number = case_numbers(app, mine, theirs)
    assert mine_number in email.body
    assert theirs_number not in email.body
    assert NUMBER.match(mine_number)
