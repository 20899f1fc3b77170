"""Incidents: reports about one event grouped, suggested, written to, and counted once."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from flask import Flask
from sqlalchemy import text

from intake.extensions import db
from intake.models import AuditEvent, Contact, Incident, Message, OutboxEmail, Report

from .helpers import RECENT, hate_answers, statements_sent

STORY = "Someone painted a slur on our mosque's door and shouted at us."
RETOLD = "Last night somebody painted a slur on the mosque door, then shouted at us and ran off."
UNRELATED = "My landlord refused to rent me the flat because I pay with a housing voucher."


def story(text: str, **place: Any) -> dict[str, dict[str, Any]]:
    """A hate-incident report with this narrative (and place answers)."""
    return hate_answers(incident={"narrative": text}, place=place)


def on(day: date) -> dict[str, int]:
    """The incident-date fields of a case for `day`."""
    return {"incident_year": day.year, "incident_month": day.month, "incident_day": day.day}


def with_email(app: Flask, case_id: int, address: str) -> None:
    """Give a case a contact who asked for email notices."""
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        report.contact = Contact(email=address, email_updates=True)
        report.anonymous = False
        db.session.commit()


def incident_of(app: Flask, case_id: int) -> int | None:
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        return report.incident_id


def actions(app: Flask, case_id: int) -> list[str]:
    with app.app_context():
        return list(
            db.session.scalars(
                db.select(AuditEvent.action)
                .where(AuditEvent.report_id == case_id)
                .order_by(AuditEvent.id)
            )
        )


def case_page(browser: Any, case_id: int) -> str:
    response = browser.get(f"/staff/cases/{case_id}")
    assert response.status_code == 200
    return str(response.get_data(as_text=True))


def suggested(html: str) -> set[str]:
    """The case numbers under "Possibly the same event"."""
    part = html.split('id="same-event-title"', 1)[1].split("</section>", 1)[0]
    return set(re.findall(r"\d{4}-\d{5,7}", part))


def number(app: Flask, case_id: int) -> str:
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        return report.case_number


def group(browser: Any, case_id: int, others: list[int], title: str = "Mosque graffiti") -> Any:
    page = f"/staff/cases/{case_id}"
    data = {"title": title, "case": [str(other) for other in others]}
    return browser.post(f"{page}/incident", data, page=page)


def test_suggestions_find_the_retold_story_and_not_an_unrelated_case(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    first = make_case(story(STORY))
    retold = make_case(story(RETOLD))
    unrelated = make_case(story(UNRELATED))
    elsewhere = make_case(story(STORY, community_area="32"))
    months_later = make_case(story(STORY), incident_month=((RECENT.month + 5) % 12) + 1)
    html = case_page(staff_browser("supervisor"), first)
    found = suggested(html)
    assert number(app, retold) in found
    for other in (unrelated, elsewhere, months_later):
        assert number(app, other) not in found
    assert "same community area" in html
    assert "% similar story" in html
    assert "Maria" not in html  # No other resident's details, only numbers and reasons.


def test_suggestions_keep_to_the_window_of_days(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    first = make_case(story(STORY))
    near = make_case(story(RETOLD), incident_day=None)  # The whole month: may be the same day.
    far = make_case(story(RETOLD), **on(RECENT - timedelta(days=20)))
    supervisor = staff_browser("supervisor")
    found = suggested(case_page(supervisor, first))
    assert number(app, near) in found
    assert number(app, far) not in found
    app.config["INCIDENT_WINDOW_DAYS"] = 30
    assert number(app, far) in suggested(case_page(supervisor, first))


def test_suggestions_come_from_the_same_area_the_same_ward_or_online(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    """Each place is read from its own index over the window (month boundaries included)."""
    first = make_case(story(STORY, ward="8"))
    same_ward = make_case(story(RETOLD, community_area="32", ward="8"))
    other_ward = make_case(story(RETOLD, community_area="32", ward="9"))
    online = make_case(story(STORY, community_area="", ward="", location_type="online"))
    also_online = make_case(story(RETOLD, community_area="", location_type="online"))
    # The last day of the month before.
    month_before = make_case(story(RETOLD), **on(RECENT.replace(day=1) - timedelta(days=1)))
    supervisor = staff_browser("supervisor")
    app.config["INCIDENT_WINDOW_DAYS"] = RECENT.day
    found = suggested(case_page(supervisor, first))
    assert {number(app, same_ward), number(app, month_before)} <= found
    assert not {number(app, other_ward), number(app, also_online)} & found
    assert suggested(case_page(supervisor, online)) == {number(app, also_online)}


def test_suggestions_are_read_from_the_places_indexes(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    """SQLite without statistics (a file never analyzed) reads the candidates from the area's
    and ward's incident-date indexes, not from the index of disposal days (nearly every case)."""
    first = make_case(story(STORY, ward="8"))
    candidates = "SELECT report.id, report.case_number, report.narrative,"
    with statements_sent(app, candidates) as statements:
        case_page(staff_browser("supervisor"), first)
    assert len(statements) == 1
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            return
        db.session.execute(text("DROP TABLE IF EXISTS sqlite_stat1"))
        plan = " ".join(
            str(row[-1])
            for row in db.session.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statements[0][0], statements[0][1]
            )
        )
    assert "ix_report_area_incident" in plan
    assert "ix_report_ward_incident" in plan
    assert "ix_report_disposed_on" not in plan


def test_three_reports_grouped_then_one_leaves(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    cases = [make_case(story(STORY)), make_case(story(RETOLD)), make_case(story(STORY + " Again."))]
    supervisor = staff_browser("supervisor")
    html = case_page(supervisor, cases[0])
    assert {number(app, c) for c in cases[1:]} <= suggested(html)
    response = group(supervisor, cases[0], cases[1:])
    assert response.status_code == 302
    incident_id = incident_of(app, cases[0])
    assert incident_id is not None
    assert response.headers["Location"].endswith(f"/staff/incidents/{incident_id}")
    assert [incident_of(app, c) for c in cases] == [incident_id] * 3
    for case_id in cases:
        assert actions(app, case_id).count("incident_join") == 1
    page = supervisor.get(f"/staff/incidents/{incident_id}").get_data(as_text=True)
    assert all(number(app, c) in page for c in cases)
    listing = supervisor.get("/staff/incidents").get_data(as_text=True)
    assert "Mosque graffiti" in listing

    # One leaves from the incident's page.
    leave = supervisor.post(
        f"/staff/cases/{cases[2]}/incident/leave",
        {"back": "incident"},
        page=f"/staff/incidents/{incident_id}",
    )
    assert leave.status_code == 302
    assert leave.headers["Location"].endswith(f"/staff/incidents/{incident_id}")
    assert incident_of(app, cases[2]) is None
    assert actions(app, cases[2])[-1] == "incident_leave"
    with app.app_context():
        event = db.session.scalars(
            db.select(AuditEvent).where(
                AuditEvent.report_id == cases[2], AuditEvent.action == "incident_leave"
            )
        ).one()
        assert (event.old_value, event.new_value) == (str(incident_id), None)
        assert "Mosque" not in (event.detail or "")  # The staff title is not copied.

    # And joins again by the incident's number.
    page = f"/staff/cases/{cases[2]}"
    join = supervisor.post(f"{page}/incident/join", {"number": str(incident_id)}, page=page)
    assert join.status_code == 302
    assert incident_of(app, cases[2]) == incident_id


def test_grouping_needs_a_title_and_keeps_what_was_typed(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    first, other = make_case(story(STORY)), make_case(story(RETOLD))
    supervisor = staff_browser("supervisor")
    response = group(supervisor, first, [other], title="   ")
    assert response.status_code == 422
    assert "Give the incident a short title." in response.get_data(as_text=True)
    long_title = "x" * 250
    response = group(supervisor, first, [other], title=long_title)
    assert response.status_code == 422
    assert long_title in response.get_data(as_text=True)
    assert incident_of(app, first) is None
    page = f"/staff/cases/{first}"
    wrong = supervisor.post(f"{page}/incident/join", {"number": "99999"}, page=page)
    assert wrong.status_code == 422
    assert "No incident you can open has that number." in wrong.get_data(as_text=True)


def test_only_staff_who_may_work_both_cases_group_them(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    investigator = staff_browser("investigator")
    mine = make_case(story(STORY), assignee_id=investigator.staff_id)
    not_mine = make_case(story(RETOLD), status="accepted")
    html = case_page(investigator, mine)
    assert number(app, not_mine) not in suggested(html)  # A case they cannot open is not named.
    response = group(investigator, mine, [not_mine])
    assert response.status_code == 302
    assert incident_of(app, not_mine) is None  # A case they cannot open is not grouped.
    assert incident_of(app, mine) is not None
    forbidden = investigator.post(
        f"/staff/cases/{not_mine}/incident", {"title": "x"}, page=f"/staff/cases/{mine}"
    )
    assert forbidden.status_code == 404


def test_one_message_reaches_every_reporter_in_their_language(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    english = make_case(story(STORY))
    spanish = [make_case(story(RETOLD), language="es"), make_case(story(STORY), language="es")]
    polish = make_case(story(STORY), language="pl")
    disposed = make_case(story(STORY), language="es")
    for case_id, address in zip(
        [english, *spanish, polish],
        ["en@x.example", "es1@x.example", "es2@x.example", "pl@x.example"],
        strict=True,
    ):
        with_email(app, case_id, address)
    supervisor = staff_browser("supervisor")
    assert group(supervisor, english, [*spanish, polish, disposed]).status_code == 302
    incident_id = incident_of(app, english)
    with app.app_context():
        from intake.clock import today

        report = db.session.get(Report, disposed)
        assert report is not None
        report.disposed_on = today()
        db.session.commit()
    page = f"/staff/incidents/{incident_id}"
    html = supervisor.get(page).get_data(as_text=True)
    assert 'id="incident-message-es"' in html
    assert "Español (2 reporters)" in html
    assert "1 disposed report gets nothing" in html
    texts = {"body_en": "We met the police.", "body_es": "Nos reunimos con la policía."}

    # Polish left blank: the page says so, and nothing is sent until that is confirmed.
    response = supervisor.post(f"{page}/message", {**texts, "confirm": "y"}, page=page)
    assert response.status_code == 422
    assert "Reporters in Polski would get nothing." in response.get_data(as_text=True)
    assert "Nos reunimos con la policía." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Message)) == 0

    response = supervisor.post(
        f"{page}/message", {**texts, "confirm": "y", "skip_blank": "y"}, page=page
    )
    assert response.status_code == 302
    with app.app_context():
        sent = dict(db.session.execute(db.select(Message.report_id, Message.body)).all())
        assert sent == {
            english: "We met the police.",
            spanish[0]: "Nos reunimos con la policía.",
            spanish[1]: "Nos reunimos con la policía.",
        }
        emails = db.session.scalars(
            db.select(OutboxEmail).where(OutboxEmail.kind != "report_received")
        ).all()
        assert sorted(e.recipient for e in emails) == [
            "en@x.example",
            "es1@x.example",
            "es2@x.example",
        ]
        assert {e.language for e in emails if e.recipient.startswith("es")} == {"es"}
        assert all("policía" not in e.body and "police" not in e.body for e in emails)
    for case_id in (english, *spanish):
        assert "message_sent" in actions(app, case_id)
    assert "message_sent" not in actions(app, polish)


def test_the_summary_counts_an_incident_once(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    cases = [make_case(story(STORY)) for _ in range(3)]
    make_case(story(UNRELATED))
    supervisor = staff_browser("supervisor")
    assert group(supervisor, cases[0], cases[1:]).status_code == 302
    with app.test_request_context():
        from intake.clock import today
        from intake.statistics.periods import parse
        from intake.statistics.summary import summarize

        result = summarize(parse(str(today().year)), today())
        assert result.total == 4
        assert result.incidents == 2  # The unrelated report, and the incident once.
        public = summarize(parse(str(today().year)), today(), public=True)
        assert public.incidents is None  # Below the public minimum.
    html = supervisor.get(f"/staff/reports?period={RECENT.year}").get_data(as_text=True)
    assert "Incidents" in html


def test_an_incident_is_hidden_from_staff_who_open_none_of_its_cases(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    cases = [
        make_case(story(STORY), status="accepted"),
        make_case(story(RETOLD), status="accepted"),
    ]
    assert group(staff_browser("supervisor"), cases[0], cases[1:]).status_code == 302
    incident_id = incident_of(app, cases[0])
    intake = staff_browser("intake")  # Sees the triage queue only.
    assert intake.get(f"/staff/incidents/{incident_id}").status_code == 404
    assert "Mosque graffiti" not in intake.get("/staff/incidents").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Incident, incident_id) is not None


def test_no_hostile_input_on_the_incident_pages_gives_a_server_error(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    from .hostile import Walker, csrf_of
    from .test_hostile_inputs import walk

    cases = [make_case(story(STORY)), make_case(story(RETOLD), language="ar")]
    supervisor = staff_browser("supervisor")
    assert group(supervisor, cases[0], cases[1:2]).status_code == 302
    incident_id = incident_of(app, cases[0])
    other = make_case(story(RETOLD))  # Not in the incident: its case page offers the forms.
    token = csrf_of(supervisor.get("/staff/password").get_data(as_text=True))
    walker = Walker(supervisor.client, token, skip_actions=("/staff/sign-out",))
    paths = ["/staff/incidents", f"/staff/incidents/{incident_id}", f"/staff/cases/{other}"]
    walk(walker, paths, supervisor.client)
    assert walker.findings == []
    assert walker.sent > 50
