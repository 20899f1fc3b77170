"""The formal complaint: drafts, signed versions, the signed PDF's hash; the respondent's
address on the report (encrypted text).

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
    with op.batch_alter_table("report") as batch:
        batch.add_column(sa.Column("respondent_address", sa.Text(), nullable=True))
    op.create_table(
        "complaint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("complainant_name", sa.Text(), nullable=True),
        sa.Column("respondent_name", sa.Text(), nullable=True),
        sa.Column("respondent_address", sa.Text(), nullable=True),
        sa.Column("covered_area", sa.String(length=40), nullable=True),
        sa.Column("protected_classes", sa.String(length=500), nullable=False),
        sa.Column("incident_dates", sa.Text(), nullable=True),
        sa.Column("statement", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("signed_name", sa.Text(), nullable=True),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("signed_via", sa.String(length=10), nullable=True),
        sa.Column("paper_attachment_id", sa.Integer(), nullable=True),
        sa.Column("pdf_stored_name", sa.String(length=64), nullable=True),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name=op.f("fk_complaint_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["paper_attachment_id"],
            ["attachment.id"],
            name=op.f("fk_complaint_paper_attachment_id_attachment"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_complaint_created_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint")),
        sa.UniqueConstraint("report_id", "number", name=op.f("uq_complaint_report_id")),
    )
    op.create_index(op.f("ix_complaint_report_id"), "complaint", ["report_id"])


def downgrade():
    op.drop_index(op.f("ix_complaint_report_id"), table_name="complaint")
    op.drop_table("complaint")
    with op.batch_alter_table("report") as batch:
        batch.drop_column("respondent_address")
