"""The letter library: message and letter templates with versions per language.

Revision ID: 0017_letter_library
Revises: 0016_saved_view_alerts
"""

from alembic import op
import sqlalchemy as sa


revision = "0017_letter_library"
down_revision = "0016_saved_view_alerts"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
