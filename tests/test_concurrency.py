"""200 residents sending reports at the same moment to a running server: none lost, no errors.

The server is gunicorn with several worker processes, as in production. Runs on SQLite (WAL,
busy timeout) and, in the PostgreSQL pass, on PostgreSQL.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import func, select

from intake.extensions import db
from intake.models import Report

from .helpers import CSRF_INPUT, hate_answers
from .serving import gunicorn

CLIENTS = 200


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


# Residents fill in their forms a few at a time; only the sending is simultaneous.
FILLING_AT_ONCE = 16


def submit(base: str, start: threading.Barrier, filling: threading.Semaphore) -> int | str:
    """One resident's whole report over HTTP; returns the last status (302 on success), or
    where it went wrong. Every resident reaches the barrier, so one failure never leaves the
    others waiting: it shows in the list of statuses."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect()
    )

    def open_(path: str, data: dict[str, Any] | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        try:
            with opener.open(base + path, data=body, timeout=120) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def fill_in() -> tuple[str | None, int | str]:
        answers = hate_answers()
        status, html = open_("/report/kind")
        token = CSRF_INPUT.search(html)
        if token is None:
            return None, f"kind: {status}"
        pages = [("kind", answers["kind"]), ("reporter", answers["kind"])]
        for name, values in [
            *pages,
            ("incident", answers["incident"]),
            ("place", answers["place"]),
        ]:
            status, _ = open_(f"/report/{name}", {"csrf_token": token.group(1), **values})
            if status != 302:
                return None, f"{name}: {status}"
        status, html = open_("/report/review")
        token = CSRF_INPUT.search(html)
        return (token.group(1), status) if token else (None, f"review: {status}")

    with filling:
        token, outcome = fill_in()
    start.wait(timeout=600)  # Everyone sends at the same moment.
    if token is None:
        return outcome
    status, _ = open_("/report/review", {"csrf_token": token, "receipt_kind": "words"})
    return status


@contextmanager
def portal(app: Flask, tmp_path: Path) -> Iterator[str]:
    """The portal under gunicorn (2 workers x 16 threads) in its own processes, on this database."""
    env = {
        "INTAKE_ENV": "testing",
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "FIELD_ENCRYPTION_KEY": app.config["FIELD_ENCRYPTION_KEY"],
    }
    with gunicorn("wsgi:app", env, workers=2, threads=16) as port:
        yield f"http://127.0.0.1:{port}"


def test_two_hundred_simultaneous_reports(app: Flask, tmp_path: Path) -> None:
    start, filling = threading.Barrier(CLIENTS), threading.Semaphore(FILLING_AT_ONCE)
    with portal(app, tmp_path) as base, ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        statuses = list(pool.map(lambda _n: submit(base, start, filling), range(CLIENTS)))
    assert statuses == [302] * CLIENTS
    with app.app_context():
        count = db.session.scalar(select(func.count(Report.id)))
        numbers = db.session.scalars(select(Report.case_number)).all()
    assert count == CLIENTS
    assert len(set(numbers)) == CLIENTS  # Sequential case numbers never collide.
