"""Reports count by the day they arrived at the commission: report.received_on.

Revision ID: d0434faf15c7
Revises: d3b2705d0607
Create Date: 2026-11-25 17:21:31.766858

"""
import os

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd0434faf15c7'
down_revision = 'd3b2705d0607'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('received_on', sa.Date(), nullable=True))
    # Existing reports: the day they were received in the commission's time zone (PostgreSQL);
    # SQLite has no time zones, so there the UTC day stands in.
    if op.get_bind().dialect.name == "postgresql":
        zone = os.environ.get("TIMEZONE", "America/Chicago")
        op.execute(sa.text("UPDATE report SET received_on = (created_at AT TIME ZONE :zone)::date")
                   .bindparams(zone=zone))
    else:
        op.execute("UPDATE report SET received_on = date(created_at)")
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.alter_column('received_on', existing_type=sa.Date(), nullable=False)
        batch_op.create_index(batch_op.f('ix_report_received_on'), ['received_on'], unique=False)


def downgrade():
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_received_on'))
        batch_op.drop_column('received_on')
