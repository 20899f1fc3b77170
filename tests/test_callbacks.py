"""Call-back requests: a resident asks to be phoned (HTTP, real CSRF tokens), intake staff work
the queue (the overdue first), record calls and close requests (audited, without the phone
number), a request becomes a report, and closed requests lose their personal fields."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from flask import Flask

from intake import callbacks, clock, dates
from intake.extensions import db
from intake.models import AuditEvent, CallbackRequest, Report, Staff, utcnow

from .helpers import Resident, database_text

PHONE = "(312) 555-0142"
PHONE_DIGITS = "3125550142"


def ask(resident: Resident, **overrides: str) -> Any:
    data = {
        "phone": PHONE,
        "language": "es",
        "good_times": "Por las tardes",
        "may_leave_message": "no",
        "interpreter_language": "other",
        "interpreter_other": "Wolof",
        **overrides,
    }
    return resident.post("/call-back", data)


def make_request(app: Flask, received: date | None = None, **fields: Any) -> int:
    with app.test_request_context():
        request = callbacks.request_callback(
            language=fields.pop("language", "en"),
            phone=fields.pop("phone", PHONE),
            may_leave_message=fields.pop("may_leave_message", True),
            received=received or date.today(),
        )
        for name, value in fields.items():
            setattr(request, name, value)
        db.session.commit()
        return request.id


def stored(app: Flask, callback_id: int) -> CallbackRequest:
    with app.app_context():
        found = db.session.get(CallbackRequest, callback_id)
        assert found is not None
        db.session.expunge(found)
        return found


def audit_rows(app: Flask, *actions: str) -> list[AuditEvent]:
    with app.app_context():
        query = db.select(AuditEvent).where(AuditEvent.action.in_(actions))
        return list(db.session.scalars(query.order_by(AuditEvent.id)))


def test_a_resident_asks_for_a_call_back_and_intake_staff_see_it(
    app: Flask, resident: Resident, staff_browser: Any
) -> None:
    page = resident.get("/call-back?lang=es").get_data(as_text=True)
    # The resident's current language is chosen already; the page is in it.
    assert re.search(r'<option selected value="es">|<option value="es" selected>', page)
    assert 'lang="es"' in page
    response = ask(resident)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/call-back/sent")
    with app.app_context():
        request = db.session.scalars(db.select(CallbackRequest)).one()
        callback_id, due = request.id, request.due_by
        assert (request.language, request.phone, request.good_times) == (
            "es",
            PHONE,
            "Por las tardes",
        )
        assert (request.may_leave_message, request.interpreter_language) == (False, "other")
        assert (request.interpreter_other, request.status, request.attempts) == ("Wolof", "open", 0)
    with app.app_context():
        assert due > clock.today()  # One business day later, never the same day.
    # Encrypted at rest: neither the number nor the times are readable in any table (sessions
    # included: the browser's session holds only the request's id).
    text = database_text(app)
    assert PHONE not in text
    assert "Por las tardes" not in text
    sent = resident.get("/call-back/sent?lang=en").get_data(as_text=True)
    with app.test_request_context():
        day = dates.incident_date(due.year, due.month, due.day)
    assert f"We will call you by {day}." in sent
    assert "(312) 744-4111" in sent  # The commission's line, for anything urgent.
    assert PHONE not in sent
    # Another browser has nothing to see.
    assert Resident(app.test_client()).get("/call-back/sent").status_code == 302

    intake = staff_browser("intake")
    queue = intake.get("/staff/callbacks").get_data(as_text=True)
    assert f"Call-back {callback_id}" in queue
    assert "Call-backs (1)" in queue
    assert "Wolof" in queue
    assert PHONE not in queue  # The phone number only on the request's own page.
    page = intake.get(f"/staff/callbacks/{callback_id}").get_data(as_text=True)
    assert PHONE in page
    assert f'href="tel:{PHONE_DIGITS}"' in page or "tel:" in page
    assert "Por las tardes" in page
    assert [e.detail for e in audit_rows(app, "callback_viewed")] == [f"call-back {callback_id}"]


def test_the_landing_page_and_the_contact_step_offer_a_call_back(resident: Resident) -> None:
    assert 'href="/call-back"' in resident.get("/").get_data(as_text=True)
    resident.post("/report/kind", {"kind": "hate", "reporter_role": "self"})
    page = resident.get("/report/details", follow_redirects=True).get_data(as_text=True)
    assert 'href="/call-back"' in page


def test_a_bad_phone_keeps_what_was_typed_with_a_translated_error(
    app: Flask, resident: Resident
) -> None:
    resident.get("/call-back?lang=es")
    response = ask(resident, phone="12 ab", good_times="Lunes")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Escriba un número de teléfono con su código de área" in page
    assert 'value="12 ab"' in page
    assert 'value="Lunes"' in page
    assert 'aria-invalid="true"' in page
    # No phone at all, no answer about messages, another language without its name.
    response = ask(resident, phone="", may_leave_message="", interpreter_other="")
    assert response.status_code == 422
    assert response.get_data(as_text=True).count('class="field-error"') == 3
    for language in ("xx", "en"):  # English is the portal's, not an interpreter's.
        assert ask(resident, interpreter_language=language).status_code == 422
    for language in ("xx", "ase"):  # Only a language the portal is in.
        assert ask(resident, language=language).status_code == 422
    with app.app_context():
        assert db.session.scalars(db.select(CallbackRequest)).all() == []


def test_call_back_requests_are_rate_limited_but_mistakes_do_not_count(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True, CALLBACK_RATE_LIMIT="2 per hour")
    resident = Resident(app.test_client())
    for _ in range(3):
        assert ask(resident, phone="12").status_code == 422
    assert ask(resident).status_code == 302
    assert ask(resident).status_code == 302
    assert ask(resident).status_code == 429
    with app.app_context():
        assert len(db.session.scalars(db.select(CallbackRequest)).all()) == 2


def test_the_queue_puts_the_overdue_first(app: Flask, staff_browser: Any) -> None:
    today = date.today()
    fresh = make_request(app, today)
    oldest = make_request(app, today - timedelta(days=20))
    older = make_request(app, today - timedelta(days=10))
    closed = make_request(app, today - timedelta(days=30), status="done", closed_at=utcnow())
    page = staff_browser("supervisor").get("/staff/callbacks").get_data(as_text=True)
    rows = re.findall(r'<tr data-callback="(\d+)"( class="overdue")?>', page)
    assert [int(number) for number, _late in rows] == [oldest, older, fresh]
    assert [bool(late) for _number, late in rows] == [True, True, False]
    assert str(closed) not in [number for number, _late in rows]
    with app.test_request_context():
        assert [r.id for r in callbacks.open_requests()] == [oldest, older, fresh]
        overdue = db.select(CallbackRequest.id).where(callbacks.overdue_clause(today))
        assert set(db.session.scalars(overdue)) == {oldest, older}
        assert all(
            callbacks.is_overdue(r, today) == (r.id in (oldest, older))
            for r in db.session.scalars(db.select(CallbackRequest))
        )


def test_calls_and_closing_are_audited_without_the_phone_number(
    app: Flask, staff_browser: Any
) -> None:
    callback_id = make_request(app, may_leave_message=False)
    intake = staff_browser("intake")
    page = f"/staff/callbacks/{callback_id}"
    response = intake.post(
        f"{page}/attempt",
        {"attempt-outcome": "no_answer", "attempt-note": "Rang twice"},
        page=page,
    )
    assert response.status_code == 302
    # The resident said no messages: refused, with the reason.
    response = intake.post(f"{page}/attempt", {"attempt-outcome": "left_message"}, page=page)
    assert response.status_code == 422
    assert "The resident asked us not to leave a message." in response.get_data(as_text=True)
    response = intake.post(f"{page}/attempt", {"attempt-outcome": "nonsense"}, page=page)
    assert response.status_code == 422
    response = intake.post(f"{page}/attempt", {"attempt-outcome": "reached"}, page=page)
    assert response.status_code == 302
    request = stored(app, callback_id)
    assert (request.attempts, request.last_outcome, request.note) == (2, "reached", "Rang twice")
    assert request.handled_by_id == intake.staff_id
    response = intake.post(f"{page}/close", {"close-status": "open"}, page=page)
    assert response.status_code == 422
    response = intake.post(f"{page}/close", {"close-status": "done"}, page=page)
    assert response.status_code == 302
    request = stored(app, callback_id)
    assert (request.status, request.closed_at is not None) == ("done", True)
    # Closed: no more calls or closing, and it has left the queue.
    response = intake.post(f"{page}/attempt", {"attempt-outcome": "reached"}, page=page)
    assert response.status_code == 302
    assert stored(app, callback_id).attempts == 2
    assert "Call-backs (0)" in intake.get("/staff/callbacks").get_data(as_text=True)
    attempts = audit_rows(app, "callback_attempt")
    assert [(e.new_value, e.staff_id) for e in attempts] == [
        ("no_answer", intake.staff_id),
        ("reached", intake.staff_id),
    ]
    closings = audit_rows(app, "callback_closed")
    assert [(e.old_value, e.new_value) for e in closings] == [("open", "done")]
    for event in audit_rows(app, "callback_viewed", "callback_attempt", "callback_closed"):
        values = f"{event.old_value} {event.new_value} {event.detail}"
        assert PHONE_DIGITS[-4:] not in values
        assert "Rang" not in values
        assert event.detail == f"call-back {callback_id}"


def test_a_closed_request_refuses_a_late_call(app: Flask, staff_browser: Any) -> None:
    callback_id = make_request(app)
    intake = staff_browser("intake")
    page = f"/staff/callbacks/{callback_id}"
    token = intake.token(page)
    with app.test_request_context():
        staff = db.session.get(Staff, intake.staff_id)
        request = callbacks.get(callback_id)
        assert staff is not None
        assert request is not None
        callbacks.close(staff, request, "cancelled")
        db.session.commit()
    # A form left open before someone else closed the request.
    response = intake.client.post(
        f"{page}/attempt", data={"csrf_token": token, "attempt-outcome": "reached"}
    )
    assert response.status_code == 302
    closed = intake.get(page).get_data(as_text=True)
    assert "This call-back request is already closed." in closed
    assert "Cancelled" in closed
    assert "Record the call" not in closed
    assert stored(app, callback_id).attempts == 0


def test_a_call_back_becomes_a_report(app: Flask, staff_browser: Any, make_case: Any) -> None:
    callback_id = make_request(
        app,
        language="ko",
        may_leave_message=True,
        good_times="After 6",
        interpreter_language="ko",
    )
    with app.test_request_context():
        assert callbacks.intake_prefill(callback_id) == {
            "language": "ko",
            "contact": {
                "phone": PHONE,
                "best_time": "After 6",
                "safe_to_leave_message": "yes",
                "preferred_method": "phone",
                "preferred_language": "ko",
                "interpreter_language": "ko",
                "interpreter_other": "",
            },
        }
        assert callbacks.intake_prefill(callback_id + 1) is None
        assert callbacks.intake_prefill(10**20) is None
    intake = staff_browser("intake")
    page = intake.get(f"/staff/callbacks/{callback_id}").get_data(as_text=True)
    if "staff.intake_start" in app.view_functions:
        assert f"callback={callback_id}" in page
    case_id = make_case()
    with app.test_request_context():
        staff = db.session.get(Staff, intake.staff_id)
        report = db.session.get(Report, case_id)
        assert staff is not None
        assert report is not None
        callbacks.converted(callback_id, report, staff)
        db.session.commit()
        # Done once: a second call changes nothing.
        callbacks.converted(callback_id, report, staff)
        db.session.commit()
        assert callbacks.intake_prefill(callback_id) is None
    request = stored(app, callback_id)
    assert (request.status, request.report_id, request.handled_by_id) == (
        "converted",
        case_id,
        intake.staff_id,
    )
    [event] = audit_rows(app, "callback_closed")
    assert (event.report_id, event.new_value) == (case_id, "converted")
    page = intake.get(f"/staff/callbacks/{callback_id}").get_data(as_text=True)
    assert f'href="/staff/cases/{case_id}"' in page
    assert "Record the call" not in page


def test_closed_requests_lose_their_personal_fields_after_the_retention_period(
    app: Flask,
) -> None:
    long_ago = utcnow() - timedelta(days=31)
    old_open = make_request(app, date.today() - timedelta(days=60), good_times="Mornings")
    old_closed = make_request(
        app, good_times="Mornings", note="Call her cell", status="done", closed_at=long_ago
    )
    recent = make_request(
        app, status="cancelled", closed_at=utcnow() - timedelta(days=29), note="Keep"
    )
    runner = app.test_cli_runner()
    output = runner.invoke(args=["records", "dispose"]).output
    assert "Emptied 1 closed call-back requests." in output
    emptied = stored(app, old_closed)
    assert (emptied.phone, emptied.good_times, emptied.note) == (None, None, None)
    assert (emptied.status, emptied.language) == ("done", "en")  # The rest stays, for counts.
    assert stored(app, old_open).phone == PHONE  # Still waiting: kept.
    assert stored(app, recent).note == "Keep"
    assert "Emptied 0 closed" in runner.invoke(args=["records", "dispose"]).output
    # A shorter period in configuration empties the recent one too.
    app.config["CALLBACK_RETENTION_DAYS"] = 7
    assert "Emptied 1 closed" in runner.invoke(args=["records", "dispose"]).output
    assert stored(app, recent).phone is None


def test_investigators_and_admins_are_refused(app: Flask, staff_browser: Any) -> None:
    callback_id = make_request(app)
    for role in ("investigator", "admin"):
        browser = staff_browser(role)
        home = browser.get("/staff/").get_data(as_text=True)
        assert "Call-backs" not in home
        assert browser.get("/staff/callbacks").status_code == 403
        assert browser.get(f"/staff/callbacks/{callback_id}").status_code == 403
        token = browser.token("/staff/password")
        for action, data in (("attempt", {"attempt-outcome": "reached"}), ("close", {})):
            response = browser.client.post(
                f"/staff/callbacks/{callback_id}/{action}",
                data={"csrf_token": token, "close-status": "done", **data},
            )
            assert response.status_code == 403
    request = stored(app, callback_id)
    assert (request.status, request.attempts) == ("open", 0)
    assert audit_rows(app, "callback_viewed", "callback_attempt", "callback_closed") == []
