"""Records lifecycle: legal holds, withdrawal requests, two-person disposal and tombstones; every
reference to a report says what happens when a report is deleted.

Reports are never deleted: disposal empties a report's personal and narrative columns and keeps
the row as a tombstone, so the summary's triggers (0005) see no change and past statistics stay
as they were. The audit trail's reference to a report becomes RESTRICT (it was the default NO
ACTION, unnamed); every other reference already cascades (terms, contact, files, notes,
messages, links) or is set to NULL (the email outbox).

On SQLite, changing the reference recreates `audit_event`, so its append-only triggers (0001)
are created again here.

Revision ID: 0008_records_lifecycle
Revises: 0007_receipt_version
"""

from alembic import op
import sqlalchemy as sa


revision = "0008_records_lifecycle"
down_revision = "0007_receipt_version"
branch_labels = None
depends_on = None

AUDIT_FK = "fk_audit_event_report_id_report"


def _sqlite_append_only(create):
    for operation in ("UPDATE", "DELETE"):
        name = f"audit_event_no_{operation.lower()}"
        if create:
            op.execute(
                f"CREATE TRIGGER {name} BEFORE {operation} ON audit_event "
                "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
            )
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")


def _audit_reference(ondelete):
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _sqlite_append_only(create=False)
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_constraint(AUDIT_FK, type_="foreignkey")
        batch_op.create_foreign_key(AUDIT_FK, "report", ["report_id"], ["id"], ondelete=ondelete)
    if sqlite:
        _sqlite_append_only(create=True)


def upgrade():
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("legal_hold", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("withdrawal_requested_at", sa.DateTime(timezone=True)))
        batch_op.add_column(sa.Column("disposed_on", sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f("ix_report_disposed_on"), ["disposed_on"], unique=False)
    op.create_table(
        "disposal",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("proposed_by_id", sa.Integer(), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_disposal_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["proposed_by_id"], ["staff.id"], name=op.f("fk_disposal_proposed_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_id"], ["staff.id"], name=op.f("fk_disposal_approved_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_disposal")),
    )
    with op.batch_alter_table("disposal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disposal_approved_at"), ["approved_at"], unique=False)
    _audit_reference("RESTRICT")


def downgrade():
    _audit_reference(None)
    with op.batch_alter_table("disposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disposal_approved_at"))
    op.drop_table("disposal")
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_disposed_on"))
        batch_op.drop_column("disposed_on")
        batch_op.drop_column("withdrawal_requested_at")
        batch_op.drop_column("legal_hold")
