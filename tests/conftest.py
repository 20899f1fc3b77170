"""Shared fixtures: an app on a real SQLite file, a client, and a resident who fills in forms."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask
from flask.testing import FlaskClient

from intake import create_app

from .helpers import STAFF_PASSWORD, STAFF_TOTP, Resident, StaffBrowser, hate_answers

ROOT = Path(__file__).resolve().parent.parent


def compile_catalogs() -> None:
    """Compile the shipped catalogs, so the suite runs on what they say now."""
    import config

    for language in config.Config.LANGUAGES:
        po_path = ROOT / "translations" / language / "LC_MESSAGES" / "messages.po"
        if not po_path.exists():
            continue
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        with po_path.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database upgraded once through the migrations, copied for each test."""
    compile_catalogs()
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    create_app(
        "testing",
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
            "UPLOAD_FOLDER": str(path.parent / "uploads"),
        },
    )
    return path


@pytest.fixture
def app_factory(tmp_path: Path, template_database: Path) -> Iterator[Any]:
    """Build apps on a fresh copy of the migrated database, with overrides."""
    made: list[Flask] = []

    def make(**overrides: Any) -> Flask:
        database = tmp_path / f"intake-{len(made)}.sqlite"
        shutil.copy(template_database, database)
        settings = {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
            **overrides,
        }
        app = create_app("testing", settings)
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            from intake.extensions import db

            db.engine.dispose()


@pytest.fixture
def app(app_factory: Any) -> Flask:
    """The application under test."""
    return app_factory()  # type: ignore[no-any-return]


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A browser without JavaScript."""
    return app.test_client()


@pytest.fixture
def resident(client: FlaskClient) -> Resident:
    """A resident using the portal."""
    return Resident(client)


@pytest.fixture
def make_staff(app: Flask) -> Any:
    """Create a staff account with two-factor set up: make_staff("intake", email=...)."""
    from intake import accounts
    from intake.extensions import db

    counter = iter(range(1, 1000))

    def make(*roles: str, email: str | None = None, name: str | None = None) -> int:
        with app.app_context():
            address = email or f"{'-'.join(roles) or 'nobody'}{next(counter)}@staff.example"
            staff, _password = accounts.create(
                None,
                address,
                name or address.split("@")[0],
                roles,
                STAFF_PASSWORD,
                must_change_password=False,
            )
            staff.totp_secret = STAFF_TOTP
            staff.totp_confirmed = True
            db.session.commit()
            return staff.id

    return make


@pytest.fixture
def make_case(app: Flask) -> Any:
    """File a report as a resident would (through the domain, not HTTP): make_case(**overrides)."""
    from intake.clock import today
    from intake.extensions import db
    from intake.filing import file_report
    from intake.models import Report

    def make(answers: dict[str, dict[str, Any]] | None = None, **fields: Any) -> int:
        with app.test_request_context():
            filed = file_report(answers or hate_answers(), [], "words", "en", today())
            report = db.session.get(Report, filed.report.id)
            assert report is not None
            for name, value in fields.items():
                setattr(report, name, value)
            db.session.commit()
            return report.id

    return make


@pytest.fixture
def staff_browser(app: Flask, make_staff: Any) -> Any:
    """A signed-in browser for a new account with these roles: staff_browser("supervisor")."""

    def sign_in(*roles: str) -> StaffBrowser:
        staff_id = make_staff(*roles)
        browser = StaffBrowser(app.test_client())
        with app.app_context():
            from intake.extensions import db
            from intake.models import Staff

            staff = db.session.get(Staff, staff_id)
            assert staff is not None
            email = staff.email
        # Outside the app context: requests must not share `g` (and its CSRF token).
        browser.staff_id = staff_id  # type: ignore[attr-defined]
        browser.sign_in(email)
        return browser

    return sign_in


class Mailbox:
    """A real SMTP server on loopback that keeps what it receives."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        from email import message_from_bytes
        from email.policy import default

        self.messages.append(message_from_bytes(envelope.content, policy=default))
        return "250 OK"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[Any]:
    """A local SMTP server (aiosmtpd); `.url` for MAIL_URL, `.messages` for what arrived."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    mailbox.url = f"smtp://127.0.0.1:{port}"  # type: ignore[attr-defined]
    try:
        yield mailbox
    finally:
        controller.stop()
