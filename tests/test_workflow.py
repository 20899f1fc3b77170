"""Status moves: each allowed one works, others are refused; closing and referring need more."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from flask import Flask

from intake.cases import workflow
from intake.extensions import db
from intake.models import AuditEvent, Report

STATUSES = ("new", "screening", "accepted", "mediation", "determination", "referred", "closed")
ALLOWED = {
    ("new", "screening"),
    ("screening", "accepted"),
    ("screening", "referred"),
    ("screening", "closed"),
    ("accepted", "mediation"),
    ("accepted", "determination"),
    ("mediation", "accepted"),
    ("mediation", "determination"),
    ("determination", "closed"),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.permutations(STATUSES, 2)))
def test_the_table_of_moves(current: str, target: str) -> None:
    extra = {"closure_reason": "settled", "referred_to": "eeoc"}
    if (current, target) in ALLOWED:
        workflow.check_move(current, target, **extra)
    else:
        with pytest.raises(workflow.WorkflowError):
            workflow.check_move(current, target, **extra)


def case_status(app: Flask, case_id: int) -> Report:
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        return report


def move(browser: Any, case_id: int, status: str, **extra: str) -> Any:
    version = str(extra.pop("version", "")) or None
    page = f"/staff/cases/{case_id}"
    if version is None:
        html = browser.get(page).get_data(as_text=True)
        import re

        version = re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)
    return browser.post(
        f"/staff/cases/{case_id}/update", {"version": version, "status": status, **extra}, page=page
    )


def test_a_case_walks_the_whole_workflow_over_http(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    case_id = make_case()
    for status in ("screening", "accepted", "mediation", "accepted", "determination"):
        assert move(supervisor, case_id, status).status_code == 302
    assert move(supervisor, case_id, "closed", closure_reason="settled").status_code == 302
    report = case_status(app, case_id)
    assert report.status == "closed"
    assert report.closure_reason == "settled"
    assert report.acknowledged_at is not None
    assert report.screened_at is not None
    assert report.closed_at is not None


def test_closing_needs_a_reason(app: Flask, staff_browser: Any, make_case: Any) -> None:
    supervisor = staff_browser("supervisor")
    case_id = make_case(status="screening")
    response = move(supervisor, case_id, "closed")
    assert response.status_code == 422
    assert "Choose a closure reason to close the case." in response.get_data(as_text=True)
    assert case_status(app, case_id).status == "screening"


def test_referring_records_where(app: Flask, staff_browser: Any, make_case: Any) -> None:
    intake = staff_browser("intake")
    case_id = make_case(status="screening")
    response = move(intake, case_id, "referred")
    assert "Choose where the case is referred." in response.get_data(as_text=True)
    move(intake, case_id, "referred", referred_to="idhr", referral_note="Employer has 20 staff")
    report = case_status(app, case_id)
    assert report.status == "referred"
    assert report.referred_to == "idhr"
    assert report.referral_note == "Employer has 20 staff"


def test_a_move_the_table_refuses_is_refused_over_http(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    case_id = make_case()
    response = move(supervisor, case_id, "determination")
    assert response.status_code == 422
    assert "A case cannot move from this status to that one." in response.get_data(as_text=True)
    assert case_status(app, case_id).status == "new"


def test_every_change_is_in_the_audit_trail(app: Flask, staff_browser: Any, make_case: Any) -> None:
    supervisor = staff_browser("supervisor")
    case_id = make_case()
    move(supervisor, case_id, "screening", urgent="y")
    with app.app_context():
        events = db.session.scalars(
            db.select(AuditEvent).where(
                AuditEvent.report_id == case_id, AuditEvent.action == "change"
            )
        ).all()
        changes = {(e.field, e.old_value, e.new_value) for e in events}
        assert ("status", "new", "screening") in changes
        assert ("urgent", "no", "yes") in changes
        assert all(e.staff_id == supervisor.staff_id for e in events)
    page = supervisor.get(f"/staff/cases/{case_id}").get_data(as_text=True)
    assert "<bdi>New</bdi> → <bdi>Screening</bdi>" in page  # In words, not codes.
    # Right to left, the arrow still points from the old value to the new one.
    page = supervisor.get(f"/staff/cases/{case_id}?lang=ar").get_data(as_text=True)
    assert "<bdi>جديدة</bdi> ← <bdi>الفرز الأولي</bdi>" in page


def test_every_status_has_public_words_and_a_place_in_the_workflow(app: Any) -> None:
    from intake.statuses import TABLE, Status

    assert {info.status for info in TABLE} == set(Status)
    reached, waiting = {Status.NEW}, [Status.NEW]
    while waiting:
        current = waiting.pop()
        for move in next(i for i in TABLE if i.status == current).moves:
            if move not in reached:
                reached.add(move)
                waiting.append(move)
    assert reached == set(Status), "every status can be reached from new"
    with app.test_request_context("/?lang=es"):
        for info in TABLE:
            assert str(info.public_title), info.status
            assert str(info.public_explanation), info.status
            assert str(info.label), info.status
            # An open status can be left; a closed one cannot.
            assert bool(info.moves) == info.open, info.status
