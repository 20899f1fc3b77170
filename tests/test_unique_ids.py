"""Every id on every page is unique: a label points at one field (a note must never land in the
message to the resident because two boxes shared an id)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from flask import Flask

from .helpers import Resident, hate_answers
from .test_access import staff_routes

ID = re.compile(r'\sid="([^"]+)"')


def duplicated(html: str) -> list[str]:
    return sorted(name for name, count in Counter(ID.findall(html)).items() if count > 1)


def test_no_staff_page_repeats_an_id(app: Flask, make_case: Any, staff_browser: Any) -> None:
    make_case()
    browser = staff_browser("supervisor", "admin")
    found = {}
    for endpoint, method, path in staff_routes(app):
        if method != "GET" or "export" in endpoint or endpoint in ("staff.attachment",):
            continue
        response = browser.get(path)
        if response.mimetype == "text/html" and response.status_code == 200:
            found[path] = duplicated(response.get_data(as_text=True))
    assert "/staff/cases/1" in found
    assert {path: ids for path, ids in found.items() if ids} == {}


def test_no_resident_page_repeats_an_id(app: Flask) -> None:
    resident = Resident(app.test_client())
    pages: dict[str, str] = {}
    pages["/"] = resident.get("/").get_data(as_text=True)

    def visit(url: str, html: str) -> None:
        pages[url] = html

    resident.walk(hate_answers(contact={"email": "a@example.org"}), visit=visit)
    pages["/report/review"] = resident.get("/report/review").get_data(as_text=True)
    resident.send()
    for url in ("/check", "/exit-info", "/report/safety"):
        pages[url] = resident.get(url).get_data(as_text=True)
    assert {url: duplicated(html) for url, html in pages.items() if duplicated(html)} == {}


def test_a_message_to_the_resident_needs_a_confirmation(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    from intake.extensions import db
    from intake.models import Message

    case_id = make_case()
    browser = staff_browser("supervisor")
    page = f"/staff/cases/{case_id}"
    html = browser.get(page).get_data(as_text=True)
    assert 'for="note-body"' in html
    assert 'for="message-body"' in html
    refused = browser.post(f"{page}/messages", {"body": "Meant as a note"}, page=page)
    assert "Tick the box to confirm that the resident should read this message." in (
        refused.get_data(as_text=True)
    )
    assert "Meant as a note" in refused.get_data(as_text=True)  # Nothing typed is lost.
    with app.app_context():
        assert db.session.scalars(db.select(Message)).all() == []
