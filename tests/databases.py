"""The databases the suite runs on: SQLite files, or a throw-away PostgreSQL server.

`INTAKE_TEST_DATABASE=postgresql pytest` starts PostgreSQL in a temporary folder (initdb, pg_ctl;
as root, through the `postgres` account), migrates one template database, and gives each test a
fresh copy (CREATE DATABASE … TEMPLATE). Without the server binaries the run is skipped with the
reason, except under CI, where it fails.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

BACKEND = os.environ.get("INTAKE_TEST_DATABASE", "sqlite")
USER = "intake"


def find_postgres_bin() -> Path | None:
    """The folder of initdb and pg_ctl, if PostgreSQL's server is installed."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(candidates[-1]).parent if candidates else None


def wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float = 60) -> bool:
    """Wait until something listens on the loopback `port`; False if `process` ends first or
    the time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                return False
            time.sleep(0.05)  # Waiting for the server to listen.


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """A private PostgreSQL cluster on a loopback port, deleted at the end of the run."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="intake-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.names = itertools.count(1)
        # PostgreSQL refuses to run as root: run its programs as the postgres account.
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.folder, user="postgres")

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, text=True)

    def start(self) -> None:
        """initdb and start, tuned for tests (no fsync: the data is thrown away)."""
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C",
        )
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), *self._start_options())

    def _start_options(self) -> list[str]:
        """pg_ctl's arguments after the data folder, to start the server."""
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=300"
        )
        return ["-o", options, "-l", str(self.folder / "server.log"), "-w", "start"]

    def stop(self) -> None:
        """Stop the server and delete its files."""
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of one database on this server."""
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def execute(self, statement: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE)."""
        import psycopg

        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres", autocommit=True
        ) as connection:
            connection.execute(statement)  # type: ignore[arg-type]

    def create(self, template: str | None = None) -> str:
        """A new, empty (or copied) database; returns its name."""
        name = f"test_{next(self.names)}"
        suffix = f" TEMPLATE {template}" if template else ""
        self.execute(f"CREATE DATABASE {name}{suffix}")
        return name

    def drop(self, name: str) -> None:
        """Drop a database even if a connection lingers."""
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def start_postgres() -> PostgresServer:
    """Start the throw-away server, or skip (fail under CI) when it cannot run here."""
    bindir = find_postgres_bin()
    reason = None
    if bindir is None:
        reason = "PostgreSQL server binaries (initdb, pg_ctl) not found"
    elif os.geteuid() == 0 and shutil.which("runuser") is None:
        reason = "running as root without runuser to start PostgreSQL as postgres"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}")
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    assert bindir is not None
    server = PostgresServer(bindir)
    server.start()
    return server
