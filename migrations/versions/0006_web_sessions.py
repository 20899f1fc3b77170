"""Browser sessions on the server: the cookie holds a random id, the table its hash and the
session's data, encrypted, with the time it expires.

Revision ID: 0006_web_sessions
Revises: 0005_queue_order_and_summary
"""

from alembic import op
import sqlalchemy as sa


revision = "0006_web_sessions"
down_revision = "0005_queue_order_and_summary"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "web_session",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_session")),
    )
    with op.batch_alter_table("web_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_web_session_expires_at"), ["expires_at"], unique=False)


def downgrade():
    with op.batch_alter_table("web_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_web_session_expires_at"))
    op.drop_table("web_session")
