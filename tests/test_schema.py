"""The migrations are the schema: upgrading an empty database gives exactly the models' tables."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from intake import create_app
from intake.extensions import db


def test_migrations_match_the_models(tmp_path: Path) -> None:
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}"})
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_an_empty_database_is_upgraded_on_first_start(tmp_path: Path) -> None:
    path = tmp_path / "first.db"
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
    assert {"alembic_version", "report", "contact", "attachment", "report_term", "draft"} <= tables
