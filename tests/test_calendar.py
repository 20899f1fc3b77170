"""Deadlines after acceptance, business days with the City's holidays, extensions, and the case
lists' "overdue" and "due within a week" for every stage."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from flask import Flask

from intake import business_days
from intake.cases import deadlines
from intake.clock import today
from intake.extensions import db
from intake.models import AuditEvent, CaseDeadline, Report


def test_business_days_skip_weekends_and_holidays(app: Flask) -> None:
    with app.app_context():
        # Friday 16 January 2026; Monday the 19th is Martin Luther King Jr. Day.
        assert business_days.add_business_days(date(2026, 1, 16), 1) == date(2026, 1, 20)
        # Casimir Pulaski Day (Illinois), Monday 2 March 2026.
        assert business_days.add_business_days(date(2026, 2, 27), 1) == date(2026, 3, 3)
        # The screening targets use the same days.
        assert deadlines.due_dates(date(2026, 1, 16), 2, 10) == (
            date(2026, 1, 21),
            date(2026, 2, 2),
        )
        # A deadline in calendar days that lands on Christmas moves to the next business day.
        assert business_days.add_days(date(2026, 12, 15), 10) == date(2026, 12, 28)


def test_the_city_s_own_closures_come_from_configuration(app_factory: Any) -> None:
    app = app_factory(
        CITY_HOLIDAYS_EXTRA=("2026-11-27",), CITY_HOLIDAYS_NOT_OBSERVED=("Election Day",)
    )
    with app.app_context():
        assert business_days.is_holiday(date(2026, 11, 27))  # The day after Thanksgiving.
        assert not business_days.is_holiday(date(2026, 11, 3))  # Election Day, here worked.


def move(browser: Any, case_id: int, status: str) -> None:
    page = f"/staff/cases/{case_id}"
    html = browser.get(page).get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', html)
    assert version
    response = browser.post(
        f"{page}/update", {"version": version.group(1), "status": status}, page=page
    )
    assert response.status_code == 302, response.get_data(as_text=True)


def calendar_of(app: Flask, case_id: int) -> dict[str, CaseDeadline]:
    with app.app_context():
        rows = db.session.scalars(db.select(CaseDeadline).where(CaseDeadline.report_id == case_id))
        found = {row.key: row for row in rows}
        for row in found.values():
            db.session.expunge(row)
        return found


def record(browser: Any, case_id: int, event: str, on: date) -> Any:
    page = f"/staff/cases/{case_id}"
    return browser.post(
        f"{page}/calendar/events", {"event": event, "on": on.isoformat()}, page=page
    )


def test_acceptance_starts_the_investigation_and_service_the_response(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    case_id = make_case(status="screening")
    move(supervisor, case_id, "accepted")
    with app.app_context():
        now = today()
    investigation = calendar_of(app, case_id)["investigation"]
    assert investigation.starts_on == now
    assert investigation.due_on == business_days_after(app, now, 182)
    served = now
    assert record(supervisor, case_id, "notice_served", served).status_code == 302
    response = calendar_of(app, case_id)["response"]
    assert response.due_on == business_days_after(app, served, 28)
    assert response.done_on is None
    assert record(supervisor, case_id, "response_received", served).status_code == 302
    assert calendar_of(app, case_id)["response"].done_on == served
    # Moving back from mediation does not restart the investigation.
    move(supervisor, case_id, "mediation")
    move(supervisor, case_id, "accepted")
    assert calendar_of(app, case_id)["investigation"].starts_on == now
    page = supervisor.get(f"/staff/cases/{case_id}").get_data(as_text=True)
    assert "<td>Respondent's response</td>" in page


def business_days_after(app: Flask, start: date, days: int) -> date:
    with app.app_context():
        return business_days.add_days(start, days)


def test_a_deadline_is_extended_with_a_reason_kept_out_of_the_trail(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    case_id = make_case(status="screening")
    move(supervisor, case_id, "accepted")
    due = calendar_of(app, case_id)["investigation"].due_on
    page = f"/staff/cases/{case_id}"
    later = (due + timedelta(days=14)).isoformat()
    # No reason, then a day that is not later: refused with the reason, nothing changes.
    response = supervisor.post(
        f"{page}/calendar/extend",
        {"deadline": "investigation", "due_on": later, "reason": " "},
        page=page,
    )
    assert response.status_code == 422
    assert "Write why the deadline moves." in response.get_data(as_text=True)
    response = supervisor.post(
        f"{page}/calendar/extend",
        {"deadline": "investigation", "due_on": due.isoformat(), "reason": "Witness abroad"},
        page=page,
    )
    assert response.status_code == 422
    assert "Choose a day after the current deadline." in response.get_data(as_text=True)
    assert "Witness abroad</textarea>" in response.get_data(as_text=True)  # Nothing lost.
    response = supervisor.post(
        f"{page}/calendar/extend",
        {"deadline": "investigation", "due_on": later, "reason": "Witness abroad"},
        page=page,
    )
    assert response.status_code == 302
    extended = calendar_of(app, case_id)["investigation"]
    assert (extended.due_on.isoformat(), extended.extended) == (later, True)
    with app.app_context():
        trail = db.session.scalars(
            db.select(AuditEvent).where(
                AuditEvent.report_id == case_id, AuditEvent.action == "deadline_extended"
            )
        ).all()
    assert [(e.field, e.new_value) for e in trail] == [("investigation", later)]
    assert all("Witness" not in (e.detail or "") + (e.new_value or "") for e in trail)


def test_bad_days_get_a_clear_error(app: Flask, staff_browser: Any, make_case: Any) -> None:
    supervisor = staff_browser("supervisor")
    case_id = make_case(status="screening")
    for day, message in (
        ("2026-02-30", "Enter the day as year-month-day"),
        ("yesterday", "Enter the day as year-month-day"),
        ("1800-01-01", "Enter a real day."),
        ("2000-01-01", "The day cannot be before the report arrived."),
    ):
        page = f"/staff/cases/{case_id}"
        response = supervisor.post(
            f"{page}/calendar/events", {"event": "notice_served", "on": day}, page=page
        )
        assert response.status_code == 422, day
        assert message in response.get_data(as_text=True), day
    response = record(supervisor, case_id, "nonsense", date.today())
    assert response.status_code == 422
    assert "Choose what happened." in response.get_data(as_text=True)


def test_lists_show_the_next_deadline_and_filter_overdue_and_due_soon(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    late, fresh = make_case(status="screening"), make_case(status="screening")
    for case_id in (late, fresh):
        move(supervisor, case_id, "accepted")
    # The late case's respondent was served forty days ago and has not answered.
    with app.app_context():
        report = db.session.get(Report, late)
        assert report is not None
        report.created_at = report.created_at - timedelta(days=60)
        report.received_on = report.received_on - timedelta(days=60)
        db.session.commit()
        served = today() - timedelta(days=40)
    assert record(supervisor, late, "notice_served", served).status_code == 302
    numbers = {}
    with app.app_context():
        for case_id in (late, fresh):
            numbers[case_id] = db.session.get(Report, case_id).case_number  # type: ignore[union-attr]
    overdue = supervisor.get("/staff/cases?overdue=1").get_data(as_text=True)
    assert numbers[late] in overdue
    assert numbers[fresh] not in overdue
    soon = supervisor.get("/staff/cases?due=week").get_data(as_text=True)
    assert numbers[late] in soon
    assert numbers[fresh] not in soon
    assert "Due within a week" in soon  # The chip.
    listed = supervisor.get("/staff/cases?status=accepted").get_data(as_text=True)
    row = listed.split(f">{numbers[late]}</a>")[1].split("</tr>")[0]
    assert "Respondent&#39;s response" in row


def test_the_due_order_puts_the_most_overdue_first_at_every_stage(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    accepted, screening = make_case(status="screening"), make_case(status="screening")
    move(supervisor, accepted, "accepted")
    with app.app_context():
        report = db.session.get(Report, accepted)
        assert report is not None
        report.received_on = report.received_on - timedelta(days=90)
        report.screen_by = today() + timedelta(days=3)
        db.session.commit()
        waiting = db.session.get(Report, screening)
        assert waiting is not None
        waiting.screen_by = today() + timedelta(days=3)
        db.session.commit()
        served = today() - timedelta(days=60)
    # The accepted case's respondent was served 60 days ago: its response is a month overdue.
    assert record(supervisor, accepted, "notice_served", served).status_code == 302
    page = supervisor.get("/staff/cases?sort=due").get_data(as_text=True)
    listed = [int(n) for n in re.findall(r'href="/staff/cases/(\d+)" data-case-link', page)]
    assert listed.index(accepted) < listed.index(screening)
