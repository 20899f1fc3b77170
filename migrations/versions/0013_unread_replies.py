"""When the resident last wrote and when the assigned investigator last opened the case, so the
case lists can flag an unread reply.

Revision ID: 0013_unread_replies
Revises: 0012_accent_insensitive_search
"""

from alembic import op
import sqlalchemy as sa


revision = "0013_unread_replies"
down_revision = "0012_accent_insensitive_search"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resident_wrote_at", sa.DateTime(timezone=True)))
        batch_op.add_column(sa.Column("assignee_read_at", sa.DateTime(timezone=True)))
    op.execute(
        "UPDATE report SET resident_wrote_at = (SELECT max(created_at) FROM message "
        "WHERE message.report_id = report.id AND message.sender = 'resident')"
    )


def downgrade():
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_column("assignee_read_at")
        batch_op.drop_column("resident_wrote_at")
