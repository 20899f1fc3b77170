"""The formal complaint: drafts, signed versions, the signed PDF's hash.

Revision ID: 0019_complaints
Revises: 0018_deadlines
"""

from alembic import op
import sqlalchemy as sa


revision = "0019_complaints"
down_revision = "0018_deadlines"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
