"""The case list's default order as an index; daily counts behind the summary report.

`summary_day` holds per-day counts; `summary_stale_day` lists days whose counts changed. Triggers
add a stale day whenever a report (or one of its terms) changes in a way the summary counts;
`intake.reports.rollup` recomputes stale days before a summary reads. Every existing day starts
stale, so the first summary after this migration computes them.

The triggers are per database and not in the models. A later SQLite batch migration that
recreates `report` or `report_term` must recreate them (as for migration 0004).

Revision ID: 0005_queue_order_and_summary
Revises: 0004_full_text_search
"""
from alembic import op
import sqlalchemy as sa


revision = "0005_queue_order_and_summary"
down_revision = "0004_full_text_search"
branch_labels = None
depends_on = None

# The report columns the summary counts; a change to any other column leaves the counts alone.
COUNTED = (
    "received_on, created_at, kind, covered_area, community_area, ward, language, anonymous, "
    "status, closure_reason, acknowledged_at, closed_at"
)
MARK = "INSERT INTO summary_stale_day (day) VALUES"
MARK_TERM = "INSERT INTO summary_stale_day (day) SELECT received_on FROM report WHERE id ="

SQLITE_TRIGGERS = {
    "report_summary_insert": f"AFTER INSERT ON report BEGIN {MARK} (new.received_on); END",
    "report_summary_update": (
        f"AFTER UPDATE OF {COUNTED} ON report BEGIN {MARK} (old.received_on); "
        f"{MARK} (new.received_on); END"
    ),
    "report_summary_delete": f"AFTER DELETE ON report BEGIN {MARK} (old.received_on); END",
    "report_term_summary_insert": (
        f"AFTER INSERT ON report_term BEGIN {MARK_TERM} new.report_id; END"
    ),
    "report_term_summary_update": (
        f"AFTER UPDATE ON report_term BEGIN {MARK_TERM} old.report_id; "
        f"{MARK_TERM} new.report_id; END"
    ),
    "report_term_summary_delete": (
        f"AFTER DELETE ON report_term BEGIN {MARK_TERM} old.report_id; END"
    ),
}

PG_FUNCTIONS = {
    "summary_mark_report": (
        "BEGIN "
        f"IF TG_OP <> 'INSERT' THEN {MARK} (OLD.received_on); END IF; "
        f"IF TG_OP <> 'DELETE' THEN {MARK} (NEW.received_on); END IF; "
        "RETURN NULL; END"
    ),
    "summary_mark_term": (
        "BEGIN "
        f"IF TG_OP <> 'INSERT' THEN {MARK_TERM} OLD.report_id; END IF; "
        f"IF TG_OP <> 'DELETE' THEN {MARK_TERM} NEW.report_id; END IF; "
        "RETURN NULL; END"
    ),
}
PG_TRIGGERS = {
    "report_summary_insert_delete": ("AFTER INSERT OR DELETE ON report", "summary_mark_report"),
    "report_summary_update": (f"AFTER UPDATE OF {COUNTED} ON report", "summary_mark_report"),
    "report_term_summary": (
        "AFTER INSERT OR UPDATE OR DELETE ON report_term",
        "summary_mark_term",
    ),
}


def upgrade():
    op.create_index(
        "ix_report_queue_order",
        "report",
        [sa.text("urgent DESC"), "created_at", "id"],
    )
    op.create_table(
        "summary_day",
        sa.Column("dimension", sa.String(length=30), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("dimension", "day", "key", name=op.f("pk_summary_day")),
    )
    op.create_table(
        "summary_stale_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summary_stale_day")),
    )
    op.create_index(
        op.f("ix_summary_stale_day_day"), "summary_stale_day", ["day"], unique=False
    )
    if op.get_bind().dialect.name == "postgresql":
        for name, body in PG_FUNCTIONS.items():
            op.execute(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ {body} $$"
            )
        for name, (when, function) in PG_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} FOR EACH ROW EXECUTE FUNCTION {function}()")
    else:
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("INSERT INTO summary_stale_day (day) SELECT DISTINCT received_on FROM report")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for name, (when, _function) in PG_TRIGGERS.items():
            op.execute(f"DROP TRIGGER {name} ON {when.rsplit(' ', 1)[1]}")
        for name in PG_FUNCTIONS:
            op.execute(f"DROP FUNCTION {name}()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    op.drop_index(op.f("ix_summary_stale_day_day"), table_name="summary_stale_day")
    op.drop_table("summary_stale_day")
    op.drop_table("summary_day")
    op.drop_index("ix_report_queue_order", table_name="report")
