"""Consent records (given or withdrawn, when, through which channel) and the log of what was
shared outside the commission. Reports whose resident agreed to share with police when filing
get that consent as their first record.

Revision ID: 0009_consent_and_disclosures
Revises: 0008_records_lifecycle
"""

from alembic import op
import sqlalchemy as sa


revision = "0009_consent_and_disclosures"
down_revision = "0008_records_lifecycle"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=20), nullable=False),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_consent_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_consent_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_report_id"), ["report_id"], unique=False)
    op.create_table(
        "disclosure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(length=30), nullable=False),
        sa.Column("shared", sa.Text(), nullable=False),
        sa.Column("legal_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_disclosure_report_id_report"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_disclosure_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosure")),
    )
    with op.batch_alter_table("disclosure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disclosure_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_disclosure_report_id"), ["report_id"], unique=False)
    op.execute(
        "INSERT INTO consent (report_id, subject, given, channel, recorded_at) "
        "SELECT id, 'police', share_with_police, 'online', created_at FROM report "
        "WHERE share_with_police"
    )


def downgrade():
    with op.batch_alter_table("disclosure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disclosure_report_id"))
        batch_op.drop_index(batch_op.f("ix_disclosure_created_at"))
    op.drop_table("disclosure")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_report_id"))
    op.drop_table("consent")
