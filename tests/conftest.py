"""Shared fixtures: an app on a real SQLite file, a client, and a resident who fills in forms."""

from __future__ import annotations

import os
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

from .databases import BACKEND, PostgresServer, free_port, start_postgres
from .helpers import Resident, StaffBrowser, create_staff, hate_answers
from .speedups import install as share_compiled_templates_and_routes

ROOT = Path(__file__).resolve().parent.parent
# Each test builds its own app; what every app compiles the same way is compiled once.
share_compiled_templates_and_routes()


def compile_catalogs() -> None:
    """Compile the shipped catalogs, so the suite runs on what they say now."""
    import config

    for language in config.Config.LANGUAGES:
        po_path = ROOT / "translations" / language / "LC_MESSAGES" / "messages.po"
        if not po_path.exists():
            continue
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        # Written aside, then renamed: several test workers compile at once, and none may read
        # a half-written catalog.
        target = po_path.with_suffix(".mo")
        partial = target.with_name(f"{target.name}.{os.getpid()}")
        with partial.open("wb") as handle:
            write_mo(handle, catalog)
        os.replace(partial, target)


class Databases:
    """Fresh databases for tests: copies of one migrated template (SQLite file or PostgreSQL)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.server: PostgresServer | None = None
        self.template = ""
        self.counter = 0

    def start(self) -> None:
        """Prepare the template database through the migrations."""
        if BACKEND == "postgresql":
            self.server = start_postgres()
            self.template = self.server.create()
            url = self.server.url(self.template)
        else:
            self.template = str(self.folder / "template.sqlite")
            url = f"sqlite:///{self.template}"
        app = create_app(
            "testing",
            {"SQLALCHEMY_DATABASE_URI": url, "UPLOAD_FOLDER": str(self.folder / "uploads")},
        )
        with app.app_context():
            from intake.extensions import db

            db.engine.dispose()  # A template must have no open connections to be copied.

    def stop(self) -> None:
        """Stop PostgreSQL, if it was started."""
        if self.server is not None:
            self.server.stop()

    def new(self, migrated: bool = True) -> tuple[str, Any]:
        """(URL, cleanup) of a fresh database: migrated (a template copy) or empty."""
        self.counter += 1
        if self.server is not None:
            name = self.server.create(self.template if migrated else None)
            server = self.server
            return self.server.url(name), lambda: server.drop(name)
        path = self.folder / f"db-{self.counter}.sqlite"
        if migrated:
            shutil.copy(self.template, path)
        return f"sqlite:///{path}", lambda: path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    """The session's database source."""
    compile_catalogs()
    source = Databases(tmp_path_factory.mktemp("databases"))
    source.start()
    yield source
    source.stop()


@pytest.fixture
def empty_database(databases: Databases) -> Iterator[str]:
    """The URL of an empty database (no tables), for migration tests."""
    url, cleanup = databases.new(migrated=False)
    yield url
    cleanup()


@pytest.fixture
def app_factory(tmp_path: Path, databases: Databases) -> Iterator[Any]:
    """Build apps on fresh copies of the migrated database, with overrides."""
    made: list[tuple[Flask, Any]] = []

    def make(**overrides: Any) -> Flask:
        url, cleanup = databases.new()
        settings = {
            "SQLALCHEMY_DATABASE_URI": url,
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
            **overrides,
        }
        app = create_app("testing", settings)
        made.append((app, cleanup))
        return app

    yield make
    for app, cleanup in made:
        with app.app_context():
            from intake.extensions import db

            db.session.remove()
            db.engine.dispose()
        cleanup()


@pytest.fixture(scope="module")
def module_app(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """One application for a whole test module, for tests that only read from it (the paper
    form's PDFs, built once per language and app, then served from its cache)."""
    url, cleanup = databases.new()
    folder = tmp_path_factory.mktemp("module-app")
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": url, "UPLOAD_FOLDER": str(folder)})
    yield app
    with app.app_context():
        from intake.extensions import db

        db.session.remove()
        db.engine.dispose()
    cleanup()


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
    counter = iter(range(1, 1000))

    def make(*roles: str, email: str | None = None, name: str | None = None) -> int:
        address = email or f"{'-'.join(roles) or 'nobody'}{next(counter)}@staff.example"
        return create_staff(app, address, roles, name)

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
