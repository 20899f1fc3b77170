"""Respondents, the notice to each, its service, the response deadline and the reply (issue 17)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from io import BytesIO
from typing import Any

from flask import Flask
from pypdf import PdfReader

from intake.business_days import add_days
from intake.extensions import db
from intake.models import AuditEvent, CaseDeadline, Report, Respondent

from .helpers import database_text

LONG_AGO = date.today() - timedelta(days=150)


def a_saturday() -> date:
    """A Saturday long enough ago that its 28-day deadline has passed, after LONG_AGO."""
    day = LONG_AGO + timedelta(days=10)
    while day.weekday() != 5:
        day += timedelta(days=1)
    return day


def open_case(make_case: Any, staff_browser: Any, **fields: Any) -> tuple[Any, int, str]:
    """A case received long ago and a supervisor at its page: (browser, case id, page URL)."""
    case_id = make_case(received_on=LONG_AGO, **fields)
    return staff_browser("supervisor"), case_id, f"/staff/cases/{case_id}"


def add(browser: Any, page: str, name: str, **fields: str) -> Any:
    data = {"new-respondent-kind": "organization", "new-respondent-name": name}
    data.update({f"new-respondent-{key}": value for key, value in fields.items()})
    return browser.post(f"{page}/respondents", data, page=page)


def respondents(app: Flask, case_id: int) -> list[Respondent]:
    with app.app_context():
        rows = db.session.scalars(
            db.select(Respondent).where(Respondent.report_id == case_id).order_by(Respondent.id)
        ).all()
        db.session.expunge_all()
        return list(rows)


def serve(browser: Any, page: str, respondent_id: int, on: date, how: str = "mail") -> Any:
    data = {f"r{respondent_id}-served-on": on.isoformat(), f"r{respondent_id}-served-how": how}
    return browser.post(f"{page}/respondents/{respondent_id}/served", data, page=page)


def respond(browser: Any, page: str, respondent_id: int, on: date) -> Any:
    data = {f"r{respondent_id}-response-on": on.isoformat()}
    return browser.post(f"{page}/respondents/{respondent_id}/response", data, page=page)


def test_two_respondents_are_added_the_first_prefilled_and_audited_without_text(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    browser, case_id, page = open_case(
        make_case,
        staff_browser,
        respondent_name="Lakeview Rentals LLC",
        respondent_type="organization",
    )
    html = browser.get(page).get_data(as_text=True)
    assert 'value="Lakeview Rentals LLC"' in html  # Pre-filled from the resident's answer.
    response = add(
        browser,
        page,
        "Lakeview Rentals LLC",
        address="12 W Elm St\nChicago, IL 60610",
        representative_name="Dana Counsel",
    )
    assert response.status_code == 302
    response = add(browser, page, "Pat Manager", kind="person", email="pat@rentals.example")
    assert response.status_code == 302
    found = respondents(app, case_id)
    assert [(r.name, r.kind) for r in found] == [
        ("Lakeview Rentals LLC", "organization"),
        ("Pat Manager", "person"),
    ]
    assert found[0].address == "12 W Elm St\nChicago, IL 60610"
    html = browser.get(page).get_data(as_text=True)
    assert "Pat Manager" in html
    assert "Dana Counsel" in html
    assert 'value="Lakeview Rentals LLC"' in html  # Now in its own edit form, no longer a prefill.
    assert "Filled in from what the resident told us." not in html
    # Changed and removed, each audited by number and field names only.
    second = found[1].id
    response = browser.post(
        f"{page}/respondents/{second}",
        {
            f"r{second}-kind": "person",
            f"r{second}-name": "Pat Manager",
            f"r{second}-phone": "555-0101",
        },
        page=page,
    )
    assert response.status_code == 302
    assert respondents(app, case_id)[1].phone == "555-0101"
    response = browser.post(f"{page}/respondents/{second}/remove", {}, page=page)
    assert response.status_code == 302
    assert len(respondents(app, case_id)) == 1
    with app.app_context():
        details = db.session.scalars(
            db.select(AuditEvent.detail).where(AuditEvent.action.like("respondent_%"))
        ).all()
    assert len(details) == 4
    assert any("phone" in (d or "") for d in details)
    assert not any("Pat" in (d or "") or "Lakeview" in (d or "") for d in details)
    assert "Dana Counsel" not in database_text(app)  # Encrypted at rest.


def test_wrong_input_is_refused_with_a_message_and_keeps_what_was_typed(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    browser, case_id, page = open_case(make_case, staff_browser)
    response = add(browser, page, "   ", address="99 Typed Ave")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert re.search(r"Write the respondent(&#39;|')s name.", html)
    assert "99 Typed Ave" in html
    response = browser.post(
        f"{page}/respondents",
        {"new-respondent-kind": "robot", "new-respondent-name": "Someone"},
        page=page,
    )
    assert response.status_code == 422
    assert "Choose a person or an organization." in response.get_data(as_text=True)
    assert add(browser, page, "Acme").status_code == 302
    (acme,) = respondents(app, case_id)
    future = date.today() + timedelta(days=3)
    response = serve(browser, page, acme.id, future)
    assert response.status_code == 422
    assert "The day cannot be in the future." in response.get_data(as_text=True)
    response = serve(browser, page, acme.id, LONG_AGO - timedelta(days=1))
    assert "The day cannot be before the report arrived." in response.get_data(as_text=True)
    response = serve(browser, page, acme.id, LONG_AGO, how="pigeon")
    assert "Choose how the notice was served." in response.get_data(as_text=True)
    response = browser.post(
        f"{page}/respondents/{acme.id}/mailed", {f"r{acme.id}-sent-on": "31/02/2026"}, page=page
    )
    assert response.status_code == 422
    assert "Enter the day as year-month-day" in response.get_data(as_text=True)
    assert respondents(app, case_id)[0].served_on is None


def test_a_respondent_of_another_case_is_not_found(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    browser, case_id, page = open_case(make_case, staff_browser)
    assert add(browser, page, "Acme").status_code == 302
    (acme,) = respondents(app, case_id)
    other = f"/staff/cases/{make_case()}"
    response = browser.post(f"{other}/respondents/{acme.id}/remove", {}, page=other)
    assert response.status_code == 404
    assert len(respondents(app, case_id)) == 1


def test_service_starts_a_28_day_response_deadline_moved_off_the_weekend(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    browser, case_id, page = open_case(make_case, staff_browser)
    assert add(browser, page, "Acme").status_code == 302
    (acme,) = respondents(app, case_id)
    served = a_saturday()
    mailed = served - timedelta(days=3)
    response = browser.post(
        f"{page}/respondents/{acme.id}/mailed",
        {f"r{acme.id}-sent-on": mailed.isoformat()},
        page=page,
    )
    assert response.status_code == 302
    assert serve(browser, page, acme.id, served).status_code == 302
    with app.test_request_context():
        due = add_days(served, 28)
    assert due > served + timedelta(days=28)  # 28 days after a Saturday is a Saturday: moved.
    assert due.weekday() < 5
    (acme,) = respondents(app, case_id)
    assert (acme.notice_sent_on, acme.served_on, acme.served_how) == (mailed, served, "mail")
    with app.app_context():
        deadline = db.session.get(CaseDeadline, (case_id, "response"))
        assert deadline is not None
        assert (deadline.starts_on, deadline.due_on, deadline.done_on) == (served, due, None)
    html = browser.get(page).get_data(as_text=True)
    section = html[html.index('id="respondents"') :]
    assert f"{due:%b} {due.day}, {due.year}" in section
    assert 'data-timeliness="overdue"' in section


def test_responses_before_and_after_the_deadline_show_as_on_time_and_late(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    browser, case_id, page = open_case(make_case, staff_browser)
    assert add(browser, page, "Early Corp").status_code == 302
    assert add(browser, page, "Late Corp").status_code == 302
    early, late = respondents(app, case_id)
    served = a_saturday()
    with app.test_request_context():
        due = add_days(served, 28)
    for respondent in (early, late):
        assert serve(browser, page, respondent.id, served).status_code == 302
    assert respond(browser, page, early.id, due).status_code == 302  # The last day counts.
    assert respond(browser, page, late.id, due + timedelta(days=1)).status_code == 302
    html = browser.get(page).get_data(as_text=True)
    blocks = {
        match.group(1): match.group(2)
        for match in re.finditer(r'id="respondent-(\d+)"(.*?)</article>', html, re.S)
    }
    assert 'data-timeliness="on_time"' in blocks[str(early.id)]
    assert "Response on time" in blocks[str(early.id)]
    assert 'data-timeliness="late"' in blocks[str(late.id)]
    assert "Response late" in blocks[str(late.id)]
    # The complainant's reply is a fact on the calendar too.
    reply = due + timedelta(days=5)
    response = browser.post(f"{page}/reply", {"reply-on": reply.isoformat()}, page=page)
    assert response.status_code == 302
    html = browser.get(page).get_data(as_text=True)
    assert f"Received on {reply:%b} {reply.day}, {reply.year}" in html
    with app.app_context():
        deadline = db.session.get(CaseDeadline, (case_id, "reply"))
        assert deadline is not None
        assert deadline.done_on == reply


def test_the_notice_pdf_has_the_letterhead_the_name_and_the_deadline(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    browser, case_id, page = open_case(make_case, staff_browser)
    assert (
        add(browser, page, "Lakeview Rentals LLC", address="12 W Elm St\nChicago, IL").status_code
        == 302
    )
    (lakeview,) = respondents(app, case_id)
    served = a_saturday()
    assert serve(browser, page, lakeview.id, served).status_code == 302
    response = browser.post(f"{page}/respondents/{lakeview.id}/notice", {}, page=page)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    reader = PdfReader(BytesIO(response.data))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    with app.test_request_context():
        due = add_days(served, 28)
        case_number = db.session.get(Report, case_id).case_number  # type: ignore[union-attr]
    assert "Chicago Commission on Human Relations" in text  # The letterhead.
    assert "740 N. Sedgwick St." in text
    assert "Lakeview Rentals LLC" in text
    assert "12 W Elm St" in text
    assert f"by {due:%B} {due.day}, {due.year}" in text
    assert case_number in text
    with app.app_context():
        details = db.session.scalars(
            db.select(AuditEvent.detail).where(AuditEvent.action == "notice_printed")
        ).all()
    assert details == [f"respondent {lakeview.id} v1"]


def test_disposal_deletes_the_respondents(app: Flask, make_case: Any, staff_browser: Any) -> None:
    from intake.records import disposal

    browser, case_id, page = open_case(make_case, staff_browser)
    assert add(browser, page, "Acme").status_code == 302
    with app.test_request_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        disposal.erase(None, report, date.today())
    assert respondents(app, case_id) == []
