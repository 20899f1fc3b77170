"""Alerts and routing on saved views: a daily digest to the owner, routing of new unassigned
matches to an investigator, and where the next run of `flask views run` starts from.

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
    with op.batch_alter_table("saved_view", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("digest", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("route_to_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("last_run_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("last_digest_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_saved_view_route_to_id_staff"),
            "staff",
            ["route_to_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("saved_view", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_saved_view_route_to_id_staff"), type_="foreignkey")
        batch_op.drop_column("last_digest_at")
        batch_op.drop_column("last_run_at")
        batch_op.drop_column("route_to_id")
        batch_op.drop_column("digest")
