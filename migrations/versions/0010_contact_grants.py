"""Need-to-know identity: a supervisor may let one more staff member reveal a case's contact
details (the intake officer and the assigned investigator may without a grant).

Revision ID: 0010_contact_grants
Revises: 0009_consent_and_disclosures
"""

from alembic import op
import sqlalchemy as sa


revision = "0010_contact_grants"
down_revision = "0009_consent_and_disclosures"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "contact_grant",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("granted_by_id", sa.Integer(), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_contact_grant_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_contact_grant_staff_id_staff"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["granted_by_id"], ["staff.id"], name=op.f("fk_contact_grant_granted_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("report_id", "staff_id", name=op.f("pk_contact_grant")),
    )


def downgrade():
    op.drop_table("contact_grant")
