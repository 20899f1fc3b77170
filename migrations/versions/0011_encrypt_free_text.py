"""Every free text that search and statistics do not need is encrypted at rest, as contact
details already were: the incident's street address, witnesses, where else it was reported, the
help asked for, referral notes, legal holds, messages, notes and the legal reasons for
disclosures. The narrative and the respondent's name stay searchable (README, "Records and
retention"). Each report also records which pepper version hashed its receipt.

The columns stay TEXT; existing values are encrypted here with the running app's key.

Revision ID: 0011_encrypt_free_text
Revises: 0010_contact_grants
"""

from alembic import op
import sqlalchemy as sa


revision = "0011_encrypt_free_text"
down_revision = "0010_contact_grants"
branch_labels = None
depends_on = None

COLUMNS = {
    "report": (
        "address", "witnesses", "reported_details", "help_details", "referral_note", "legal_hold",
    ),
    "message": ("body",),
    "note": ("body",),
    "disclosure": ("legal_reason",),
}


def _convert(change):
    bind = op.get_bind()
    for table, columns in COLUMNS.items():
        for column in columns:
            rows = bind.execute(
                sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL")  # noqa: S608
            ).all()
            for row_id, value in rows:
                bind.execute(
                    sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"),  # noqa: S608
                    {"value": change(value), "id": row_id},
                )


def upgrade():
    from intake.crypto import encrypt

    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("pepper_version", sa.SmallInteger(), server_default="1", nullable=False)
        )
    _convert(encrypt)


def downgrade():
    from intake.crypto import decrypt

    _convert(decrypt)
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_column("pepper_version")
