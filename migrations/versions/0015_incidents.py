"""Incidents: several reports about one event, grouped.

An `incident` table, `report.incident_id` (ON DELETE SET NULL, indexed) and an index on the
incident date (year, month, day) that bounds the "possibly the same event" candidates to a window
of days.

SQLite: a batch "recreate" of `report` (copy, drop, rename) would drop its search and summary
triggers, and ALTER TABLE ... ADD COLUMN ... REFERENCES writes a column constraint that
reflection cannot name. So the column is added plainly and the named table constraint is written
into the table's stored definition, the documented way for a change that touches no stored row
(https://www.sqlite.org/lang_altertable.html#otheralter: writable_schema, then a new
schema_version so every connection reads the definition again). The new column holds only NULLs,
which no foreign key refuses.

Revision ID: 0015_incidents
Revises: 0014_tags
"""

from alembic import op
import sqlalchemy as sa


revision = "0015_incidents"
down_revision = "0014_tags"
branch_labels = None
depends_on = None


FK_SQL = (
    "CONSTRAINT fk_report_incident_id_incident FOREIGN KEY(incident_id) "
    "REFERENCES incident (id) ON DELETE SET NULL"
)


def _sqlite_report_definition(change):
    """Rewrite the stored CREATE TABLE of `report` with `change` (see the module's docstring)."""
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
    op.create_table(
        "incident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_incident_created_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident")),
    )
    op.create_index(op.f("ix_incident_created_at"), "incident", ["created_at"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE report ADD COLUMN incident_id INTEGER")
        _sqlite_report_definition(lambda sql: sql[: sql.rindex(")")].rstrip() + f", {FK_SQL}\n)")
    else:
        op.add_column("report", sa.Column("incident_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_report_incident_id_incident"),
            "report",
            "incident",
            ["incident_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.create_index(op.f("ix_report_incident_id"), "report", ["incident_id"], unique=False)
    op.create_index(
        "ix_report_incident_date",
        "report",
        ["incident_year", "incident_month", "incident_day"],
        unique=False,
    )


def downgrade():
    op.drop_index("ix_report_incident_date", table_name="report")
    op.drop_index(op.f("ix_report_incident_id"), table_name="report")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite (3.35+) drops a column that no index or constraint names.
        _sqlite_report_definition(lambda sql: sql.replace(f", {FK_SQL}", ""))
        op.execute("ALTER TABLE report DROP COLUMN incident_id")
    else:
        op.drop_constraint(op.f("fk_report_incident_id_incident"), "report", type_="foreignkey")
        op.drop_column("report", "incident_id")
    op.drop_index(op.f("ix_incident_created_at"), table_name="incident")
    op.drop_table("incident")
