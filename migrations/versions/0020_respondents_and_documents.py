"""Respondents as records of their own, the notice and its service, and documents shared both ways.

Revision ID: 0020_respondents_and_documents
Revises: 0019_complaints
"""

from alembic import op
import sqlalchemy as sa


revision = "0020_respondents_and_documents"
down_revision = "0019_complaints"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
