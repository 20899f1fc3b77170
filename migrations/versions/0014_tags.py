"""Tags: a curated list, and which cases carry which.

Revision ID: 0014_tags
Revises: 0013_unread_replies
"""

from alembic import op
import sqlalchemy as sa


revision = "0014_tags"
down_revision = "0013_unread_replies"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
