"""Every way in: how a report arrived and who took it, who made it, the person it is about, and
interpreter needs.

Adds to `report`: channel (default "online": every earlier report came through the web form),
taken_by_id (staff, for reports taken by phone, in person, by mail or email, or from a referral),
reporter_role (default "self"), reporter_relationship, affected_consent, interpreter_language and
interpreter_other; creates `affected_person` (the contact details of the person a report made by
someone else is about, kept apart from the reporter's `contact`).

SQLite: the staff foreign key is written into the stored table definition as 0015 does for
incident_id (a batch rebuild would drop the search and summary triggers); see 0015's docstring.

Revision ID: 0021_every_way_in
Revises: 0020_respondents_and_documents
"""

from alembic import op
import sqlalchemy as sa


revision = "0021_every_way_in"
down_revision = "0020_respondents_and_documents"
branch_labels = None
depends_on = None

FK_SQL = "CONSTRAINT fk_report_taken_by_id_staff FOREIGN KEY(taken_by_id) REFERENCES staff (id)"
# (name, length, server default): a default makes the column required.
PLAIN_COLUMNS = (
    ("channel", 20, "online"),
    ("reporter_role", 20, "self"),
    ("reporter_relationship", 20, None),
    ("affected_consent", 20, None),
    ("interpreter_language", 20, None),
    ("interpreter_other", 100, None),
)
INDEXED = ("interpreter_language",)
# Filters by channel or reporter and the summary's counts per period read these.
PAIRS = {
    "ix_report_received_channel": ["received_on", "channel"],
    "ix_report_received_reporter": ["received_on", "reporter_role"],
}


def _sqlite_report_definition(change):
    """Rewrite the stored CREATE TABLE of `report` with `change` (as in 0015)."""
    bind = op.get_bind()
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'report'"
    ).scalar()
    assert sql.rstrip().endswith(")"), "report has table options this migration does not expect"
    new = change(sql)
    assert new != sql
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'report'", (new,)
    )
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade():
    for name, length, default in PLAIN_COLUMNS:
        column = sa.Column(
            name, sa.String(length=length), server_default=default, nullable=default is None
        )
        op.add_column("report", column)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE report ADD COLUMN taken_by_id INTEGER")
        _sqlite_report_definition(lambda sql: sql[: sql.rindex(")")].rstrip() + f", {FK_SQL}\n)")
    else:
        op.add_column("report", sa.Column("taken_by_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_report_taken_by_id_staff"), "report", "staff", ["taken_by_id"], ["id"]
        )
    for name in INDEXED:
        op.create_index(op.f(f"ix_report_{name}"), "report", [name], unique=False)
    for index, columns in PAIRS.items():
        op.create_index(index, "report", columns, unique=False)
    op.create_table(
        "affected_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("email_hash", sa.String(length=64), nullable=True),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("mailing_address", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name=op.f("fk_affected_person_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_affected_person")),
        sa.UniqueConstraint("report_id", name=op.f("uq_affected_person_report_id")),
    )
    op.create_index(
        op.f("ix_affected_person_email_hash"), "affected_person", ["email_hash"], unique=False
    )


def downgrade():
    op.drop_index(op.f("ix_affected_person_email_hash"), table_name="affected_person")
    op.drop_table("affected_person")
    for index in PAIRS:
        op.drop_index(index, table_name="report")
    for name in INDEXED:
        op.drop_index(op.f(f"ix_report_{name}"), table_name="report")
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_report_definition(lambda sql: sql.replace(f", {FK_SQL}", ""))
        op.execute("ALTER TABLE report DROP COLUMN taken_by_id")
    else:
        op.drop_constraint(op.f("fk_report_taken_by_id_staff"), "report", type_="foreignkey")
        op.drop_column("report", "taken_by_id")
    for name, _length, _default in reversed(PLAIN_COLUMNS):
        op.drop_column("report", name)
