"""Respondents as records of their own, the notice and its service, and documents shared both ways.

Creates `respondent`; gives `attachment` who sent it (source, staff_id, respondent_id) and whether
the resident's status page offers it (visible_to_resident: every existing file came from a
resident and stays as it was); seeds the English "notice to the respondent" letter template
(intake/respondents/notice_text.py holds its text, as intake/letters/seed.py does for 0017).

Revision ID: 0020_respondents_and_documents
Revises: 0019_complaints
"""

from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa

from intake.respondents import notice_text as notice


revision = "0020_respondents_and_documents"
down_revision = "0019_complaints"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "respondent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("representative_name", sa.Text(), nullable=True),
        sa.Column("representative_contact", sa.Text(), nullable=True),
        sa.Column("notice_sent_on", sa.Date(), nullable=True),
        sa.Column("served_on", sa.Date(), nullable=True),
        sa.Column("served_how", sa.String(length=20), nullable=True),
        sa.Column("response_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name=op.f("fk_respondent_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_respondent")),
    )
    op.create_index(op.f("ix_respondent_report_id"), "respondent", ["report_id"])
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("source", sa.String(length=20), server_default="resident", nullable=False)
        )
        batch_op.add_column(sa.Column("staff_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("respondent_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "visible_to_resident", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_attachment_staff_id_staff"), "staff", ["staff_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_attachment_respondent_id_respondent"),
            "respondent",
            ["respondent_id"],
            ["id"],
            ondelete="SET NULL",
        )
    _seed_notice()


def _seed_notice():
    """The English notice template, unless a template with its key already exists."""
    bind = op.get_bind()
    templates = sa.table(
        "letter_template",
        sa.column("id", sa.Integer),
        sa.column("key", sa.String),
        sa.column("name", sa.String),
        sa.column("kind", sa.String),
        sa.column("active", sa.Boolean),
    )
    versions = sa.table(
        "letter_version",
        sa.column("template_id", sa.Integer),
        sa.column("language", sa.String),
        sa.column("number", sa.Integer),
        sa.column("body", sa.Text),
        sa.column("source_number", sa.Integer),
        sa.column("created_by_id", sa.Integer),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    found = bind.execute(
        sa.select(templates.c.id).where(templates.c.key == notice.TEMPLATE_KEY)
    ).scalar()
    if found is not None:
        return
    bind.execute(
        templates.insert().values(
            key=notice.TEMPLATE_KEY, name=notice.TEMPLATE_NAME, kind="letter", active=True
        )
    )
    template_id = bind.execute(
        sa.select(templates.c.id).where(templates.c.key == notice.TEMPLATE_KEY)
    ).scalar_one()
    bind.execute(
        versions.insert().values(
            template_id=template_id,
            language="en",
            number=1,
            body=notice.TEMPLATE_BODY,
            source_number=1,
            created_by_id=None,
            created_at=datetime.now(timezone.utc),
        )
    )


def downgrade():
    bind = op.get_bind()
    bind.execute(
        sa.text("DELETE FROM letter_template WHERE key = :key"), {"key": notice.TEMPLATE_KEY}
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_attachment_respondent_id_respondent"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("fk_attachment_staff_id_staff"), type_="foreignkey")
        batch_op.drop_column("visible_to_resident")
        batch_op.drop_column("respondent_id")
        batch_op.drop_column("staff_id")
        batch_op.drop_column("source")
    op.drop_index(op.f("ix_respondent_report_id"), table_name="respondent")
    op.drop_table("respondent")
