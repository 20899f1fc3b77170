"""Backups: one encrypted archive of the database and the evidence files, and a restore into an
empty database and an empty upload folder.

The database is copied with SQLite's online backup API, or `pg_dump` on PostgreSQL (custom
format; restored with `pg_restore`); the evidence files are copied as stored (each already
encrypted). The archive is a tar sealed like an evidence file (filecrypt) under a key derived
from FIELD_ENCRYPTION_KEY for backups only: restoring needs the same keys, which live in the
environment, never in the archive. A backup restores into the database kind it came from.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore, with fixed arguments
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from flask import current_app
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from . import filecrypt
from .extensions import db

SQLITE_NAME = "database.sqlite"
POSTGRES_NAME = "database.pgdump"
EVIDENCE = "evidence"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


def _url() -> str:
    return str(current_app.config["SQLALCHEMY_DATABASE_URI"])


def _sqlite_path() -> str:
    database = make_url(_url()).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory database has nothing to back up")
    return database


def _pg_tool(name: str) -> str:
    """pg_dump or pg_restore: PG_BIN, then PATH, then PostgreSQL's own folders."""
    folder = os.environ.get("PG_BIN")
    candidates = [str(Path(folder) / name)] if folder else []
    candidates += [shutil.which(name) or ""]
    candidates += sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)  # type: ignore[arg-type]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return str(candidate)
    raise BackupError(f"{name} was not found (install PostgreSQL's client tools or set PG_BIN)")


def _pg_environment() -> dict[str, str]:
    """libpq's settings from the database URL (the password never on a command line)."""
    url = make_url(_url())
    settings = {
        "PGHOST": url.host or "",
        "PGPORT": str(url.port or ""),
        "PGUSER": url.username or "",
        "PGPASSWORD": url.password or "",
        "PGDATABASE": url.database or "",
    }
    return {**os.environ, **{key: value for key, value in settings.items() if value}}


def _evidence_folder() -> Path:
    return Path(current_app.config["UPLOAD_FOLDER"]) / EVIDENCE


def _dump_database(folder: Path) -> Path:
    if db.engine.dialect.name == "sqlite":
        target = folder / SQLITE_NAME
        source = sqlite3.connect(_sqlite_path())
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # Consistent while the portal keeps writing.
        finally:
            copy.close()
            source.close()
        return target
    target = folder / POSTGRES_NAME
    subprocess.run(  # noqa: S603
        [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target)],
        env=_pg_environment(),
        check=True,
        capture_output=True,
    )
    return target


def _file_blocks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while block := handle.read(filecrypt.CHUNK):
            yield block


def create(target: Path) -> int:
    """Write an encrypted archive of the database and the evidence files; how many files."""
    evidence = _evidence_folder()
    files = sorted(p for p in evidence.iterdir() if p.is_file()) if evidence.exists() else []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        dump = _dump_database(folder)
        archive = folder / "backup.tar"
        with tarfile.open(archive, "w") as tar:
            tar.add(dump, arcname=dump.name)
            for path in files:
                tar.add(path, arcname=f"{EVIDENCE}/{path.name}")
        filecrypt.write(target, _file_blocks(archive), purpose=filecrypt.BACKUPS)
    return len(files)


def _check_empty() -> None:
    if inspect(db.engine).get_table_names():
        raise BackupError("restore only into an empty database (this one has tables)")
    evidence = _evidence_folder()
    if evidence.exists() and any(evidence.iterdir()):
        raise BackupError("restore only into an empty upload folder")


def restore(source: Path) -> int:
    """Restore an archive into the configured (empty) database and upload folder; how many
    files were restored."""
    _check_empty()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        archive = folder / "backup.tar"
        with archive.open("wb") as handle:
            for block in filecrypt.read(source, purpose=filecrypt.BACKUPS):
                handle.write(block)
        with tarfile.open(archive) as tar:
            tar.extractall(folder / "out", filter="data")
        out = folder / "out"
        sqlite = db.engine.dialect.name == "sqlite"
        dump = out / (SQLITE_NAME if sqlite else POSTGRES_NAME)
        if not dump.exists():
            raise BackupError("this backup is from the other kind of database")
        db.engine.dispose()
        if sqlite:
            source_db, target_db = sqlite3.connect(dump), sqlite3.connect(_sqlite_path())
            try:
                source_db.backup(target_db)
            finally:
                target_db.close()
                source_db.close()
        else:
            subprocess.run(  # noqa: S603
                [
                    _pg_tool("pg_restore"),
                    "--no-owner",
                    "--dbname",
                    _pg_environment()["PGDATABASE"],
                    str(dump),
                ],
                env=_pg_environment(),
                check=True,
                capture_output=True,
            )
        evidence = _evidence_folder()
        evidence.mkdir(parents=True, exist_ok=True, mode=0o700)
        restored = 0
        for path in sorted((out / EVIDENCE).glob("*")) if (out / EVIDENCE).exists() else []:
            shutil.copyfile(path, evidence / path.name)
            os.chmod(evidence / path.name, 0o600)
            restored += 1
    return restored
