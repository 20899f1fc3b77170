"""Database set-up that the app does for itself."""

from __future__ import annotations

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import inspect

from .extensions import db


def upgrade_if_empty(app: Flask) -> None:
    """Create the schema with the migrations when the database has no tables yet."""
    with app.app_context():
        if not inspect(db.engine).get_table_names():
            upgrade(directory=app.extensions["migrate"].directory)
