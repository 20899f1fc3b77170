"""Alerts and routing on saved views.

Revision ID: 0016_saved_view_alerts
Revises: 0015_incidents
"""

from alembic import op
import sqlalchemy as sa


revision = "0016_saved_view_alerts"
down_revision = "0015_incidents"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
