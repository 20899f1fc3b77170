"""Deadlines after acceptance: the events that start and end them, each case's calendar, extensions.

Revision ID: 0018_deadlines
Revises: 0017_letter_library
"""

from alembic import op
import sqlalchemy as sa


revision = "0018_deadlines"
down_revision = "0017_letter_library"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "case_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name=op.f("fk_case_event_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_case_event_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_event")),
    )
    op.create_index(op.f("ix_case_event_report_id"), "case_event", ["report_id"])
    op.create_table(
        "case_deadline",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("extended", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name=op.f("fk_case_deadline_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_id", "key", name=op.f("pk_case_deadline")),
    )
    op.create_index("ix_case_deadline_open_due", "case_deadline", ["done_on", "due_on"])
    op.create_table(
        "deadline_extension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name=op.f("fk_deadline_extension_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_deadline_extension_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadline_extension")),
    )
    op.create_index(op.f("ix_deadline_extension_report_id"), "deadline_extension", ["report_id"])


def downgrade():
    op.drop_index(op.f("ix_deadline_extension_report_id"), table_name="deadline_extension")
    op.drop_table("deadline_extension")
    op.drop_index("ix_case_deadline_open_due", table_name="case_deadline")
    op.drop_table("case_deadline")
    op.drop_index(op.f("ix_case_event_report_id"), table_name="case_event")
    op.drop_table("case_event")
