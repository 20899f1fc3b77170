"""Loopback load: throw-away databases and threaded clients (the server: tests/serving.py).

Clients are threads with one keep-alive connection each (stdlib http.client: no dependency) and
their own cookies, so a client can walk a multi-page form as a browser would.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.client import HTTPConnection, RemoteDisconnected
from http.cookies import SimpleCookie
from pathlib import Path
from queue import Empty, SimpleQueue
from typing import Any
from urllib.parse import urlencode, urlsplit

from tests.databases import USER, PostgresServer, find_postgres_bin

Job = Callable[[HTTPConnection], None]


class Unexpected(Exception):
    """The server answered something other than what a success gets."""


@dataclass
class Browser:
    """One visitor's cookies, and the CSRF token of the form they are on."""

    cookies: dict[str, str] = field(default_factory=dict)
    token: str = ""


@dataclass
class Run:
    """One timed phase: how long it took, how many jobs succeeded, what went wrong."""

    seconds: float
    done: int
    errors: list[str]
    # The server's CPU seconds per successful job, when measured (bench/procstats.py).
    cpu: float = 0.0

    @property
    def rate(self) -> float:
        """Successful jobs per second."""
        return self.done / self.seconds if self.seconds else 0.0


def fetch(
    conn: HTTPConnection, browser: Browser, method: str, path: str, expect: int, **form: Any
) -> tuple[str, str]:
    """One request with the browser's cookies; returns (Location path, body) or raises."""
    body = urlencode(form, doseq=True) if method == "POST" else None
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
    if browser.cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in browser.cookies.items())
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
    except (RemoteDisconnected, BrokenPipeError):
        conn.close()  # The server closed an idle keep-alive connection: the request never ran.
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
    text = response.read().decode()
    for header in response.headers.get_all("Set-Cookie") or []:
        for name, morsel in SimpleCookie(header).items():
            if morsel.value:
                browser.cookies[name] = morsel.value
            else:
                browser.cookies.pop(name, None)
    if response.status != expect:
        raise Unexpected(f"{method} {path}: HTTP {response.status}, expected {expect}")
    return urlsplit(response.getheader("Location", "")).path, text


def hammer(port: int, clients: int, jobs: Sequence[Job]) -> Run:
    """Run `jobs` from `clients` threads at once, each with its own keep-alive connection."""
    pending: SimpleQueue[Job] = SimpleQueue()
    for job in jobs:
        pending.put(job)
    errors: list[str] = []

    def client() -> None:
        conn = HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            while True:
                try:
                    job = pending.get_nowait()
                except Empty:
                    return
                try:
                    job(conn)
                except Exception as error:  # Any failure fails this job only; the client goes on.
                    errors.append(repr(error))
                    conn.close()
        finally:
            conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Run(time.perf_counter() - started, len(jobs) - len(errors), errors)


@contextmanager
def databases(kind: str) -> Iterator[Callable[[], str]]:
    """A maker of fresh, empty database URLs of this kind (PostgreSQL: a throw-away server)."""
    if kind == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="intake-load-"))
        names = itertools.count(1)
        try:
            yield lambda: f"sqlite:///{folder / f'load{next(names)}.sqlite'}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    with postgres_server() as server:
        yield lambda: server.url(server.create())


class KeptPostgres(PostgresServer):
    """A PostgreSQL cluster in a folder that outlives the run (the benches' `--keep`): the next
    run starts it again with its databases as they were. Stopped cleanly, since it is kept."""

    def __init__(self, bindir: Path, folder: Path) -> None:
        super().__init__(bindir)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder, self.data = folder, folder / "data"
        folder.mkdir(parents=True, exist_ok=True)
        if self.as_user:
            shutil.chown(folder, user="postgres")

    def start(self) -> None:
        """initdb the first time, then start."""
        if (self.data / "PG_VERSION").exists():
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), *self._start_options())
            return
        super().start()

    def stop(self) -> None:
        """Stop, keeping the files."""
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")

    def database(self, name: str) -> tuple[str, bool]:
        """The URL of database `name`, created if missing, and whether it was there already."""
        import psycopg

        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres", autocommit=True
        ) as connection:
            found = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
            ).fetchone()
        if found is None:
            self.execute(f"CREATE DATABASE {name}")
        return self.url(name), found is not None


@contextmanager
def kept_postgres(folder: Path) -> Iterator[KeptPostgres]:
    """The kept PostgreSQL cluster in `folder`, running until the block ends."""
    bindir = find_postgres_bin()
    if bindir is None:
        raise SystemExit("PostgreSQL server binaries (initdb, pg_ctl) not found")
    server = KeptPostgres(bindir, folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """A throw-away PostgreSQL server, stopped afterwards."""
    bindir = find_postgres_bin()
    if bindir is None:
        raise SystemExit("PostgreSQL server binaries (initdb, pg_ctl) not found")
    server = PostgresServer(bindir)
    server.start()
    try:
        yield server
    finally:
        server.stop()
