"""Nothing is kept that the resident did not type: no address, no browser, no logs of it."""

from __future__ import annotations

import logging
import re

from flask import Flask
from werkzeug.serving import WSGIRequestHandler

from intake.extensions import db
from intake.privacy import DropClientAddress

from .helpers import (
    IDENTIFIED_CONTACT,
    Resident,
    database_text,
    discrimination_answers,
    hate_answers,
)

ADDRESS = "203.0.113.77"
SUSPECT_COLUMN = re.compile(r"(^|_)(ip|ip_address|remote|user_agent|agent|browser)(_|$)")
AGENT = "TestBrowser/9.9 (UniqueAgentString)"


def test_no_ip_address_or_user_agent_is_stored(app: Flask) -> None:
    client = app.test_client()
    client.environ_base.update(
        {"REMOTE_ADDR": ADDRESS, "HTTP_USER_AGENT": AGENT, "HTTP_X_FORWARDED_FOR": ADDRESS}
    )
    Resident(client).file(hate_answers(contact=IDENTIFIED_CONTACT))
    dump = database_text(app)
    assert "Maria" not in dump  # Contact details are encrypted, so not even the name shows.
    assert "-- report\n(" in dump
    assert ADDRESS not in dump
    assert "UniqueAgentString" not in dump
    for table in ("report", "contact", "attachment", "report_term"):
        with app.app_context():
            columns = [c["name"] for c in db.inspect(db.engine).get_columns(table)]
        assert not [name for name in columns if SUSPECT_COLUMN.search(name)]


def test_request_logs_leave_out_the_client_address() -> None:
    handler = WSGIRequestHandler.__new__(WSGIRequestHandler)
    handler.client_address = (ADDRESS, 51234)
    handler.requestline = "GET /report/kind HTTP/1.1"
    handler.request_version = "HTTP/1.1"
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("werkzeug")
    keep = Keep()
    logger.addHandler(keep)
    logger.addFilter(DropClientAddress())
    previous = logger.level
    logger.setLevel(logging.INFO)
    try:
        handler.log_request(200, 512)
    finally:
        logger.removeHandler(keep)
        logger.setLevel(previous)
    assert records
    line = records[-1].getMessage()
    assert ADDRESS not in line
    assert "GET /report/kind" in line


def test_pages_are_not_cached_and_send_no_referrer(client: object) -> None:
    response = client.get("/report/kind")  # type: ignore[attr-defined]
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_answers_never_travel_in_urls(app: Flask, resident: Resident) -> None:
    answers = discrimination_answers(contact=IDENTIFIED_CONTACT)
    resident.begin(answers)
    for name in ("incident", "place", "contact"):
        response = resident.post(f"/report/{name}", answers[name])
        location = response.headers["Location"]
        assert "?" not in location
        assert "Maria" not in location


def test_error_pages_show_no_personal_data(app: Flask, resident: Resident) -> None:
    page = resident.get("/report/nothing-here").get_data(as_text=True)
    assert "We could not find that page." in page
    assert resident.last is not None
    assert resident.last.status_code == 404


def test_static_files_may_be_cached(client: object) -> None:
    response = client.get("/static/intake.css")  # type: ignore[attr-defined]
    assert response.status_code == 200
    assert response.headers.get("Cache-Control") != "no-store"
    response.close()
