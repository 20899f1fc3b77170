"""Database set-up that the app does for itself."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import (
    ColumnElement,
    Integer,
    SQLColumnExpression,
    any_,
    bindparam,
    event,
    func,
    inspect,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Engine

from .clock import local_date_text
from .extensions import db
from .folding import fold, search_words


@event.listens_for(Engine, "connect")
def _connection_settings(connection: Any, _record: Any) -> None:
    """SQLite enforces foreign keys as PostgreSQL does (it does not by default); with several
    writers (threads, gunicorn workers): WAL and a busy timeout; reads through memory-mapped I/O
    with a larger page cache (case lists touch scattered pages)."""
    if type(connection).__module__.startswith("sqlite3"):
        # The search index folds case and accents with the same function as the queries.
        connection.create_function("intake_fold", 1, fold, deterministic=True)
        connection.create_function("intake_words", 1, search_words, deterministic=True)
        # The summary's counts take the day at the commission of a timestamp (migration 0025).
        connection.create_function("intake_local_day", 2, local_date_text, deterministic=True)
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # A burst of reports sent at once waits its turn to write (well within gunicorn's 60 s),
        # rather than failing after a few seconds on a busy machine.
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA mmap_size=1073741824")  # Up to 1 GiB of the file mapped.
        cursor.execute("PRAGMA cache_size=-32768")  # 32 MiB per connection.
        cursor.close()
    elif type(connection).__module__.startswith("psycopg"):
        # JIT compilation pays off for long analytic queries; for the app's short ones it only
        # adds tens of milliseconds (seen: 94 ms on the summary's caseload at 1M cases).
        connection.execute("SET jit = off")
        # A search's matches are a bitmap of the cases they are in; past work_mem it keeps
        # only the pages, and each case on them is read and checked again. At PostgreSQL's
        # default of 4 MB, "landlord" (77,000 of a million cases) went so; 16 MB keeps a
        # bitmap of every case exact (its count 96 -> 51 ms). Per sort or hash, per
        # connection: the server's memory must allow connections times that.
        connection.execute("SET work_mem = '16MB'")
        connection.commit()


def one_of(column: SQLColumnExpression[int], ids: list[int]) -> ColumnElement[bool]:
    """`column` is one of these ids, passed as one value: an array on PostgreSQL, a JSON list
    that SQLite reads with json_each. The statement's text is then the same for any number of
    ids, so neither SQLAlchemy nor the driver builds it again (500 ids written out one by one
    cost an export more than reading its rows)."""
    if db.engine.dialect.name == "postgresql":
        return column == any_(bindparam(None, ids, type_=ARRAY(Integer)))
    listed = func.json_each(json.dumps(ids)).table_valued("value")
    return column.in_(select(listed.c.value))


# The probability SQLite's likely(X) stands for.
LIKELY = 0.9375


def likelihood(condition: ColumnElement[bool], probability: float) -> ColumnElement[bool]:
    """`condition`, with how often it holds told to SQLite's planner, which without statistics
    takes every indexed equality for a rare one. Other databases plan from their own."""
    if db.engine.dialect.name != "sqlite":
        return condition
    return func.likelihood(condition, literal_column(repr(probability)))


def refresh_statistics() -> str:
    """Refresh the query planner's statistics; says what was run. SQLite's documentation asks
    for this regularly (its planner takes every indexed equality for a rare one without them):
    `PRAGMA optimize` from SQLite 3.46 on (it analyzes only what changed), `ANALYZE` before.
    PostgreSQL: `ANALYZE`, as autovacuum also does."""
    if db.engine.dialect.name != "sqlite":
        command = "ANALYZE"
    elif sqlite3.sqlite_version_info >= (3, 46):
        command = "PRAGMA optimize=0x10002"
    else:
        command = "ANALYZE"
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(command)
    return command


def upgrade_if_empty(app: Flask) -> None:
    """Create the schema with the migrations when the database has no tables yet."""
    with app.app_context():
        if not inspect(db.engine).get_table_names():
            upgrade(directory=app.extensions["migrate"].directory)
