"""The bare endpoint that bench/intake_load.py measures intake against: one POST, one row.

    gunicorn -c gunicorn.conf.py 'bench.bare:create_app()'   (DATABASE_URL names the database)

Flask, Flask-SQLAlchemy and intake's connection settings (intake/database.py: SQLite pragmas,
PostgreSQL's JIT off), and nothing else: no forms, CSRF, sessions, templates or hashing. What
intake does beyond this is what it costs.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import DateTime, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

import intake.database  # noqa: F401 - its connection settings apply to every engine, here too


class Base(DeclarativeBase):
    """The declarative base of the bare app's one model."""


db = SQLAlchemy(model_class=Base)


class Submission(db.Model):  # type: ignore[name-defined,misc]
    """One posted text and when it arrived."""

    __tablename__ = "bare_submission"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def create_app(database_url: str | None = None) -> Flask:
    """The bare app on `database_url` (default: the DATABASE_URL environment variable)."""
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url or os.environ["DATABASE_URL"]
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_pre_ping": True}
    db.init_app(app)

    @app.post("/submit")
    def submit() -> tuple[str, int]:
        """Insert one row and answer 201 Created."""
        row = Submission(text=request.form.get("text", "")[:200], created_at=datetime.now(UTC))
        db.session.add(row)
        db.session.commit()
        return str(row.id), 201

    return app


def create_schema(database_url: str) -> None:
    """Create the table once, before any server process starts (workers would race)."""
    app = create_app(database_url)
    with app.app_context():
        db.create_all()
        db.engine.dispose()
