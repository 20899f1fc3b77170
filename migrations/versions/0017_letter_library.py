"""The letter library: message and letter templates with versions per language.

Creates letter_template and letter_version and seeds the four message templates that were
hard-coded in intake/followup.py: English, and every shipped language whose catalog translates
them (intake/letters/seed.py says why the catalogs are read from the .po files here).

Revision ID: 0017_letter_library
Revises: 0016_saved_view_alerts
"""

from datetime import datetime, timezone
from pathlib import Path

from alembic import op
from flask import current_app
import sqlalchemy as sa

from intake.letters import seed


revision = "0017_letter_library"
down_revision = "0016_saved_view_alerts"
branch_labels = None
depends_on = None


def upgrade():
    templates = op.create_table(
        "letter_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_template")),
        sa.UniqueConstraint("key", name=op.f("uq_letter_template_key")),
    )
    versions = op.create_table(
        "letter_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("source_number", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["letter_template.id"],
            name=op.f("fk_letter_version_template_id_letter_template"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_letter_version_created_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_version")),
        sa.UniqueConstraint(
            "template_id",
            "language",
            "number",
            name="uq_letter_version_template_language_number",
        ),
    )
    defaults = seed.DEFAULTS
    op.bulk_insert(
        templates,
        [
            {"id": index, "key": d.key, "name": d.name, "kind": d.kind, "active": True}
            for index, d in enumerate(defaults, start=1)
        ],
    )
    ids = {d.key: index for index, d in enumerate(defaults, start=1)}
    now = datetime.now(timezone.utc)
    directory = Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")[0])
    op.bulk_insert(
        versions,
        [
            {
                "template_id": ids[default.key],
                "language": language,
                "number": 1,
                "body": body,
                "source_number": 1,
                "created_by_id": None,
                "created_at": now,
            }
            for default, language, body in seed.rows(
                directory, tuple(current_app.config["LANGUAGES"])
            )
        ],
    )
    if op.get_bind().dialect.name == "postgresql":
        # Explicit ids above: move the sequence past them.
        op.execute(
            "SELECT setval(pg_get_serial_sequence('letter_template', 'id'), "
            "(SELECT max(id) FROM letter_template))"
        )


def downgrade():
    op.drop_table("letter_version")
    op.drop_table("letter_template")
