"""The migrations are the schema: upgrading an empty database gives exactly the models' tables."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from sqlalchemy import inspect

from intake import create_app
from intake.extensions import db


def search_objects_left_out(obj: object, name: str, type_: str, *_args: object) -> bool:
    """The full-text search objects are per database and not in the models (migration 0004)."""
    if type_ == "table" and name.startswith("report_fts"):
        return False
    return name not in {"search_vector", "ix_report_search_vector"}


def test_migrations_match_the_models(empty_database: str) -> None:
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": empty_database})
    with app.app_context():
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_object": search_objects_left_out}
            )
            differences = compare_metadata(context, db.metadata)
        db.engine.dispose()  # Before the database is dropped, with no connection checked out.
    assert differences == []


def test_an_empty_database_is_upgraded_on_first_start(empty_database: str) -> None:
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": empty_database})
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
        db.engine.dispose()
    assert {
        "alembic_version",
        "report",
        "contact",
        "attachment",
        "report_term",
        "draft",
        "staff",
        "audit_event",
        "message",
        "outbox_email",
    } <= tables


def test_each_connection_has_the_settings_the_queries_were_measured_with(app: Flask) -> None:
    """SQLite: foreign keys enforced, WAL for several writers. PostgreSQL: no JIT for short
    queries, and a work_mem that keeps a common word's matches exact (intake/database.py)."""
    with app.app_context(), db.engine.connect() as connection:
        if db.engine.dialect.name == "sqlite":
            settings = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("foreign_keys", "journal_mode")
            }
            assert settings == {"foreign_keys": 1, "journal_mode": "wal"}
        else:
            settings = {
                name: connection.exec_driver_sql(f"SHOW {name}").scalar()
                for name in ("jit", "work_mem")
            }
            assert settings == {"jit": "off", "work_mem": "16MB"}
