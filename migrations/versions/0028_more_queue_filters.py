"""Each investigator's cases, each community area's and each ward's, in the list's default order:
"unassigned", "assigned to …", "area 24" and "ward 27" read one value's cases in order rather
than walking every case in the list's order for them (at a million cases SQLite spent 60-100 ms
on each; the newest cases are the ones still open, the oldest, read first, are long closed).
The investigator's queue index also serves what the index on `assignee_id` alone did.

Revision ID: 0028_more_queue_filters
Revises: 0027_due_queue
"""

from alembic import op
import sqlalchemy as sa


revision = "0028_more_queue_filters"
down_revision = "0027_due_queue"
branch_labels = None
depends_on = None

QUEUE_ORDER = [sa.text("urgent DESC"), "created_at", "id"]
QUEUE_FILTERS = {
    "ix_report_assignee_queue": "assignee_id",
    "ix_report_area_queue": "community_area",
    "ix_report_ward_queue": "ward",
}


def upgrade():
    for name, column in QUEUE_FILTERS.items():
        op.create_index(name, "report", [column, *QUEUE_ORDER])
    op.drop_index("ix_report_assignee_id", table_name="report")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ANALYZE report")


def downgrade():
    op.create_index("ix_report_assignee_id", "report", ["assignee_id"])
    for name in QUEUE_FILTERS:
        op.drop_index(name, table_name="report")
