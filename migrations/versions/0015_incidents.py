"""Incidents: several reports about one event, grouped.

Revision ID: 0015_incidents
Revises: 0014_tags
"""

from alembic import op
import sqlalchemy as sa


revision = "0015_incidents"
down_revision = "0014_tags"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
