"""The unassigned cases in the list's default order, for PostgreSQL: it does not take
"assignee_id IS NULL" as fixing the first column of the investigator's queue index (0028), so it
walked every case in the list's order looking for unassigned ones (82 ms at a million cases,
where the newest are the unassigned). A partial index of just those cases serves it; SQLite
uses either.

Revision ID: 0030_unassigned_queue
Revises: 0029_caseload_counts
"""

from alembic import op
import sqlalchemy as sa


revision = "0030_unassigned_queue"
down_revision = "0029_caseload_counts"
branch_labels = None
depends_on = None

UNASSIGNED = sa.text("assignee_id IS NULL")


def upgrade():
    op.create_index(
        "ix_report_unassigned_queue",
        "report",
        [sa.text("urgent DESC"), "created_at", "id"],
        postgresql_where=UNASSIGNED,
        sqlite_where=UNASSIGNED,
    )


def downgrade():
    op.drop_index("ix_report_unassigned_queue", table_name="report")
