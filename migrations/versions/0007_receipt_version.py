"""Each report records which normalisation of the secret code made its hash, so the normalisation
can change without locking anyone out of an older report.

Revision ID: 0007_receipt_version
Revises: 0006_web_sessions
"""

from alembic import op
import sqlalchemy as sa


revision = "0007_receipt_version"
down_revision = "0006_web_sessions"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("receipt_version", sa.SmallInteger(), server_default="1", nullable=False)
        )


def downgrade():
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_column("receipt_version")
