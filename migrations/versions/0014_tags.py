"""Tags: a curated list, and which cases carry which.

Revision ID: 0014_tags
Revises: 0013_unread_replies
"""

from alembic import op
import sqlalchemy as sa


revision = "0014_tags"
down_revision = "0013_unread_replies"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("name", name=op.f("uq_tag_name")),
    )
    op.create_table(
        "report_tag",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_report_tag_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_report_tag_tag_id_tag"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("report_id", "tag_id", name=op.f("pk_report_tag")),
    )
    op.create_index(op.f("ix_report_tag_tag_id"), "report_tag", ["tag_id"])


def downgrade():
    op.drop_index(op.f("ix_report_tag_tag_id"), table_name="report_tag")
    op.drop_table("report_tag")
    op.drop_table("tag")
