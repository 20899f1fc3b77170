"""A real server and a real browser: Debian's Chromium driven by Playwright.

Locally the browser tests skip with the reason when Chromium is missing; under CI they fail.
They run once, on SQLite (`make test` deselects them for the PostgreSQL run).
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server

from intake import create_app

from ..conftest import Databases
from ..databases import BACKEND, free_port

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test."""
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # A page left mid-download (quick exit blanks the page while its stylesheet loads)
            # leaves the live server's open file to the garbage collector; that is the test
            # server's thread, not the portal, so it is not an error here.
            item.add_marker(
                pytest.mark.filterwarnings(
                    "ignore:Exception ignored in:pytest.PytestUnraisableExceptionWarning"
                )
            )
            item.add_marker(pytest.mark.filterwarnings("ignore::ResourceWarning"))


def find_chromium() -> str | None:
    """Debian's Chromium, or one named by CHROMIUM_PATH."""
    named = os.environ.get("CHROMIUM_PATH")
    if named and Path(named).exists():
        return named
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"Browser tests cannot run in CI: {reason}")
    pytest.skip(f"Browser tests skipped: {reason}")


class LiveServer:
    """The portal served on a free loopback port, in a thread."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.port = free_port()
        self.server = make_server("127.0.0.1", self.port, app, threaded=True)
        # Closing waits for every request thread, so no database connection outlives the test.
        self.server.daemon_threads = False
        self.server.block_on_close = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.thread.join(timeout=10)
        self.server.server_close()


@pytest.fixture(scope="module")
def live_server(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A running portal with a fresh database (one per test module)."""
    if BACKEND != "sqlite":
        pytest.skip("browser tests run on the SQLite pass")
    url, cleanup = databases.new()
    folder = tmp_path_factory.mktemp("live")
    app = create_app(
        "testing", {"SQLALCHEMY_DATABASE_URI": url, "UPLOAD_FOLDER": str(folder / "uploads")}
    )
    with LiveServer(app) as server:
        yield server
    with app.app_context():
        from intake.extensions import db

        db.engine.dispose()
    cleanup()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Chromium, headless."""
    executable = find_chromium()
    if executable is None:
        _unavailable("Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    playwright = sync_playwright().start()
    launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    yield launched
    launched.close()
    playwright.stop()


@pytest.fixture
def page_factory(browser: Any) -> Iterator[Any]:
    """New pages in fresh contexts: page_factory(size="phone", javascript=True)."""
    contexts = []

    def make(size: str = "desktop", javascript: bool = True, **options: Any) -> Any:
        context = browser.new_context(
            viewport=SIZES[size], java_script_enabled=javascript, accept_downloads=True, **options
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
