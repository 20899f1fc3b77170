"""Call-back requests: a resident's phone number, good times, whether a message may be left and
interpreter needs, in a queue with a service target; closed requests lose their personal fields
after CALLBACK_RETENTION_DAYS.

Revision ID: 0022_callback_requests
Revises: 0021_every_way_in
"""

from alembic import op
import sqlalchemy as sa


revision = "0022_callback_requests"
down_revision = "0021_every_way_in"
branch_labels = None
depends_on = None

INDEXED = ("created_at", "status", "due_by", "closed_at")


def upgrade():
    op.create_table(
        "callback_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("good_times", sa.Text(), nullable=True),
        sa.Column("may_leave_message", sa.Boolean(), nullable=False),
        sa.Column("interpreter_language", sa.String(length=20), nullable=True),
        sa.Column("interpreter_other", sa.String(length=100), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("due_by", sa.Date(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_outcome", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("handled_by_id", sa.Integer(), nullable=True),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["handled_by_id"], ["staff.id"], name=op.f("fk_callback_request_handled_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name=op.f("fk_callback_request_report_id_report"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_callback_request")),
    )
    for name in INDEXED:
        op.create_index(op.f(f"ix_callback_request_{name}"), "callback_request", [name])


def downgrade():
    for name in INDEXED:
        op.drop_index(op.f(f"ix_callback_request_{name}"), table_name="callback_request")
    op.drop_table("callback_request")
