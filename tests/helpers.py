"""Helpers for tests: a resident who fills in forms, and complete sets of answers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event
from werkzeug.test import TestResponse

import config


def pdf_bytes() -> bytes:
    """A small PDF that readers open: one blank page."""
    from io import BytesIO

    import pikepdf

    document = pikepdf.new()
    document.add_blank_page()
    out = BytesIO()
    document.save(out)
    return out.getvalue()


# Every shipped language but the catalog's source language (English), from configuration.
TRANSLATED = tuple(
    code for code in config.Config.LANGUAGES if code != config.Config.BABEL_DEFAULT_LOCALE
)

CSRF_INPUT = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
CSRF_INPUT_ALT = re.compile(r'type="hidden" name="csrf_token" value="([^"]+)"')


class Resident:
    """A person filling in the public form through HTTP, with real CSRF tokens."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.last: TestResponse | None = None

    def get(self, url: str, **kwargs: Any) -> TestResponse:
        """Open a page."""
        self.last = self.client.get(url, **kwargs)
        return self.last

    def token(self, url: str) -> str:
        """The CSRF token of the form on `url` (or where it leads)."""
        html = self.get(url, follow_redirects=True).get_data(as_text=True)
        match = CSRF_INPUT.search(html) or CSRF_INPUT_ALT.search(html)
        assert match, f"no CSRF token on {url}"
        return match.group(1)

    def post(
        self,
        url: str,
        data: dict[str, Any] | None = None,
        *,
        page: str | None = None,
        follow: bool = False,
        **kwargs: Any,
    ) -> TestResponse:
        """Submit a form as the page `page` (default: `url`) would, with its CSRF token."""
        payload = {"csrf_token": self.token(page or url), **(data or {})}
        self.last = self.client.post(url, data=payload, follow_redirects=follow, **kwargs)
        return self.last

    def file(self, steps: dict[str, dict[str, Any]], receipt_kind: str = "words") -> TestResponse:
        """Send each section whole (as a form left open across an update would) and send the
        report; returns the confirmation page. `walk` goes page by page like a resident."""
        self.begin(steps)
        for name in ("incident", "place"):
            response = self.post(f"/report/{name}", steps[name])
            assert response.status_code == 302, response.get_data(as_text=True)
        response = self.post("/report/evidence", {"action": "continue"})
        assert response.status_code == 302
        if "contact" in steps:
            response = self.post("/report/contact", steps["contact"])
            assert response.status_code == 302, response.get_data(as_text=True)
        return self.send(receipt_kind)

    def begin(self, steps: dict[str, dict[str, Any]]) -> None:
        """Answer the first page: what happened."""
        response = self.post("/report/kind", steps["kind"])
        assert response.status_code == 302, response.get_data(as_text=True)

    def walk(
        self,
        steps: dict[str, dict[str, Any]],
        receipt_kind: str = "words",
        visit: Any = None,
    ) -> list[str]:
        """Answer page after page, where the portal leads, up to the review; returns the pages
        seen. `visit(url, html)` sees each page, and each page sent empty first (its errors)."""
        from intake import questions

        location, seen = "/report/kind", []
        while not location.endswith("/report/review"):
            page = location.rsplit("/", 1)[-1]
            seen.append(page)
            if visit is not None:
                visit(location, self.get(location).get_data(as_text=True))
                if page not in ("evidence", "safety"):
                    empty = self.post(location, {}, follow=True).get_data(as_text=True)
                    visit(f"{location} with errors", empty)
            if page == "evidence":
                data: dict[str, Any] = {"action": "continue"}
            elif page == "safety":
                data = {}
            else:
                data = {
                    q.name: steps.get(q.section, {})[q.name]
                    for q in questions.on_page(page)
                    if q.name in steps.get(q.section, {})
                }
            response = self.post(location, data)
            assert response.status_code == 302, response.get_data(as_text=True)
            location = response.headers["Location"]
        return seen

    def send(self, receipt_kind: str = "words") -> TestResponse:
        """Send the report from the review page; returns the confirmation page."""
        response = self.post("/report/review", {"receipt_kind": receipt_kind})
        assert response.status_code == 302, response.get_data(as_text=True)
        assert response.headers["Location"].endswith("/report/done")
        return self.get("/report/done")


def commission_today() -> date:
    """Today at the commission, as the app's `clock.today()` says without an application
    context. The machine's `date.today()` is another day for hours each night (UTC is ahead
    of Chicago), and a test comparing it with what the app writes fails then."""
    return datetime.now(ZoneInfo(config.Config.BABEL_DEFAULT_TIMEZONE)).date()


@contextmanager
def statements_sent(app: Flask, starting: str) -> Iterator[list[tuple[str, Any]]]:
    """The SQL statements that begin with `starting`, with their parameters, as the app sends
    them while the block runs (to explain their plans afterwards)."""
    from intake.extensions import db

    sent: list[tuple[str, Any]] = []
    with app.app_context():
        engine = db.engine

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.startswith(starting):
            sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


# Incidents a few weeks ago: inside the 365-day window whenever the suite runs.
RECENT = commission_today() - timedelta(days=40)


def discrimination_answers(**overrides: Any) -> dict[str, dict[str, Any]]:
    """A complete, valid discrimination complaint."""
    steps: dict[str, dict[str, Any]] = {
        "kind": {"kind": "discrimination"},
        "incident": {
            "reporter_role": "self",
            "covered_area": "employment",
            "protected_classes": ["race", "age"],
            "incident_month": str(RECENT.month),
            "incident_year": str(RECENT.year),
            "incident_day": "",
            "narrative": "My manager cut my hours after I turned 50 and said I was too old.",
        },
        "place": {
            "in_city": "yes",
            "community_area": "32",
            "ward": "42",
            "location_type": "workplace",
            "respondent_type": "organization",
            "respondent_name": "Acme Widgets",
            "respondent_role": "employer",
            "reported_to": ["none"],
            "help_wanted": ["investigate"],
        },
    }
    for step, values in overrides.items():
        steps.setdefault(step, {}).update(values)
    return steps


def hate_answers(**overrides: Any) -> dict[str, dict[str, Any]]:
    """A complete, valid hate-incident report."""
    steps: dict[str, dict[str, Any]] = {
        "kind": {"kind": "hate"},
        "incident": {
            "reporter_role": "self",
            "in_danger": "no",
            "bias_categories": ["religion"],
            "incident_types": ["verbal", "vandalism"],
            "incident_month": str(RECENT.month),
            "incident_year": str(RECENT.year),
            "incident_day": str(RECENT.day),
            "narrative": "Someone painted a slur on our mosque's door and shouted at us.",
        },
        "place": {
            "in_city": "yes",
            "community_area": "14",
            "location_type": "worship",
            "respondent_type": "unknown",
            "reported_to": ["police"],
            "reported_details": "Police report 123",
            "help_wanted": ["record", "support"],
        },
    }
    for step, values in overrides.items():
        steps.setdefault(step, {}).update(values)
    return steps


IDENTIFIED_CONTACT = {
    "name": "Maria Example",
    "email": "Maria.Example@Example.org",
    "phone": "(312) 555-0199",
    "mailing_address": "123 W Example St, Chicago IL",
    "preferred_method": "email",
    "best_time": "evenings",
    "safe_to_leave_message": "yes",
    "preferred_language": "es",
    "accommodations": "Spanish interpreter",
}


STAFF_PASSWORD = "correct horse battery staple"
STAFF_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = STAFF_TOTP, *, ahead: int = 0) -> str:
    """The code an authenticator app shows now (or `ahead` steps later)."""
    import time

    import pyotp

    return pyotp.TOTP(secret).at(time.time() + 30 * ahead)


class StaffBrowser(Resident):
    """A staff member's browser: signs in through the real forms."""

    def case_with_contact(self, case_id: int) -> str:
        """The case page after "Show contact details" (with a reason), as HTML."""
        page = f"/staff/cases/{case_id}"
        response = self.post(f"{page}/contact", {"reason": "To call back"}, page=page)
        assert response.status_code == 302, response.status_code
        return self.get(page).get_data(as_text=True)

    def sign_in(self, email: str, password: str = STAFF_PASSWORD, *, ahead: int = 0) -> None:
        """Password, then the two-factor code."""
        response = self.post("/staff/sign-in", {"email": email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)
        assert response.headers["Location"].endswith("/staff/two-factor")
        response = self.post("/staff/two-factor", {"code": totp_code(ahead=ahead)})
        assert response.status_code == 302, response.get_data(as_text=True)


def database_text(app: Any) -> str:
    """Every row of every table as text, on any database (to look for what must not be kept)."""
    from intake.extensions import db

    lines = []
    with app.app_context():
        for table in db.metadata.sorted_tables:
            lines.append(f"-- {table.name}")
            # Raw SQL: the stored values, before any column type decrypts them.
            for row in db.session.execute(db.text(f"SELECT * FROM {table.name}")):  # noqa: S608
                lines.append(repr(tuple(row)))
    return "\n".join(lines)


def create_staff(app: Any, email: str, roles: Iterable[str], name: str | None = None) -> int:
    """An active account with STAFF_PASSWORD and two-factor set up on STAFF_TOTP; its id."""
    from intake import accounts
    from intake.extensions import db

    with app.app_context():
        staff, _password = accounts.create(
            None,
            email,
            name or email.split("@")[0],
            roles,
            STAFF_PASSWORD,
            must_change_password=False,
        )
        staff.totp_secret = STAFF_TOTP
        staff.totp_confirmed = True
        db.session.commit()
        return staff.id


def stored_content(app: Any, path: Path) -> bytes:
    """A stored evidence file's content, decrypted (the disk holds only ciphertext)."""
    from intake import filecrypt

    with app.app_context():
        return b"".join(filecrypt.read(path))
