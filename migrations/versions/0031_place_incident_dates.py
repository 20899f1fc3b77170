"""The reports of one community area, or one ward, around an incident date: "possibly the same
event" reads the case's area's and ward's reports of a few weeks from these, where it read every
report of those weeks and kept its area's and ward's (15,000 at a million cases, 35 ms).

Revision ID: 0031_place_incident_dates
Revises: 0030_unassigned_queue
"""

from alembic import op


revision = "0031_place_incident_dates"
down_revision = "0030_unassigned_queue"
branch_labels = None
depends_on = None

INCIDENT_DATE = ["incident_year", "incident_month", "incident_day"]
PLACES = {"ix_report_area_incident": "community_area", "ix_report_ward_incident": "ward"}


def upgrade():
    for name, column in PLACES.items():
        op.create_index(name, "report", [column, *INCIDENT_DATE])
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ANALYZE report")


def downgrade():
    for name in PLACES:
        op.drop_index(name, table_name="report")
