"""The case list sorts and filters from indexes whatever the number of cases.

- `report.next_due_on`: the day a case is next due (its screening target while in triage, its
  earliest running deadline after acceptance, whichever comes first; 2100-12-31 when nothing is
  due), kept by triggers on report and case_deadline, so "sort by due", "overdue" and "due this
  week" read an index instead of working the day out for every case.
- Every sort order has an index in its order with the id as tie-breaker (PostgreSQL sorted whole
  tables for kind, status, language, community area, ward and incident); single-column indexes
  they make redundant are dropped.

Revision ID: 0023_list_orders
Revises: 0022_callback_requests
"""

from alembic import op
import sqlalchemy as sa


revision = "0023_list_orders"
down_revision = "0022_callback_requests"
branch_labels = None
depends_on = None

NOTHING_DUE = "2100-12-31"
# The screening target of each triage status (intake/statuses.py DUE_COLUMNS, at this revision).
SCREENING = "CASE status WHEN 'new' THEN acknowledge_by WHEN 'screening' THEN screen_by END"
RUNNING = (
    "(SELECT min(due_on) FROM case_deadline "
    "WHERE case_deadline.report_id = report.id AND case_deadline.done_on IS NULL)"
)
# (name, columns): replaced single-column indexes are dropped first.
SORT_INDEXES = (
    ("ix_report_kind_order", ["kind", "id"]),
    ("ix_report_status_sort", ["status", "id"]),
    ("ix_report_language_order", ["language", "id"]),
    ("ix_report_area_order", ["community_area", "id"]),
    ("ix_report_ward_order", ["ward", "id"]),
    ("ix_report_next_due", ["next_due_on", "id"]),
)
REPLACED = {"ix_report_kind": ["kind"], "ix_report_language": ["language"], "ix_report_ward": ["ward"]}
# Half the cases either way: without statistics SQLite fetched half the table by it and sorted
# (ix_report_anonymous_queue replaces it).
DROPPED = {"ix_report_anonymous": ["anonymous"]}
INCIDENT_DATE = ["incident_year", "incident_month", "incident_day"]
QUEUE_ORDER = [sa.text("urgent DESC"), "created_at", "id"]
QUEUE_FILTERS = {
    "ix_report_channel_queue": "channel",
    "ix_report_reporter_queue": "reporter_role",
    "ix_report_anonymous_queue": "anonymous",
}


def _next_due(dialect):
    earliest = "min" if dialect == "sqlite" else "least"
    return (
        f"{earliest}(coalesce({SCREENING}, '{NOTHING_DUE}'), coalesce({RUNNING}, '{NOTHING_DUE}'))"
    )


def _sqlite_triggers():
    def refresh(report_id):
        return f"UPDATE report SET next_due_on = {_next_due('sqlite')} WHERE id = {report_id};"

    return {
        "report_next_due_insert": f"AFTER INSERT ON report BEGIN {refresh('new.id')} END",
        "report_next_due_update": (
            "AFTER UPDATE OF status, acknowledge_by, screen_by ON report "
            f"BEGIN {refresh('new.id')} END"
        ),
        "case_deadline_next_due_insert": (
            f"AFTER INSERT ON case_deadline BEGIN {refresh('new.report_id')} END"
        ),
        "case_deadline_next_due_update": (
            "AFTER UPDATE ON case_deadline "
            f"BEGIN {refresh('old.report_id')} {refresh('new.report_id')} END"
        ),
        "case_deadline_next_due_delete": (
            f"AFTER DELETE ON case_deadline BEGIN {refresh('old.report_id')} END"
        ),
    }


PG_TRIGGERS = {
    "report_next_due": ("report", "INSERT OR UPDATE OF status, acknowledge_by, screen_by"),
    "case_deadline_next_due": ("case_deadline", "INSERT OR UPDATE OR DELETE"),
}


def _postgresql_statements():
    yield (
        "CREATE FUNCTION intake_refresh_next_due(wanted integer) RETURNS void LANGUAGE sql AS "
        f"$$ UPDATE report SET next_due_on = {_next_due('postgresql')} WHERE id = wanted $$"
    )
    yield (
        "CREATE FUNCTION report_next_due_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "PERFORM intake_refresh_next_due(NEW.id); RETURN NULL; END $$"
    )
    yield (
        "CREATE FUNCTION case_deadline_next_due_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF TG_OP <> 'INSERT' THEN PERFORM intake_refresh_next_due(OLD.report_id); END IF; "
        "IF TG_OP <> 'DELETE' THEN PERFORM intake_refresh_next_due(NEW.report_id); END IF; "
        "RETURN NULL; END $$"
    )
    for name, (table, events) in PG_TRIGGERS.items():
        yield (
            f"CREATE TRIGGER {name} AFTER {events} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {name}_change()"
        )


def upgrade():
    dialect = op.get_bind().dialect.name
    # A plain ADD COLUMN: a batch copy of the table would drop its search and summary triggers.
    op.add_column(
        "report",
        sa.Column(
            "next_due_on", sa.Date(), nullable=False, server_default=sa.text(f"'{NOTHING_DUE}'")
        ),
    )
    op.execute(f"UPDATE report SET next_due_on = {_next_due(dialect)}")
    if dialect == "sqlite":
        for name, body in _sqlite_triggers().items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    else:
        for statement in _postgresql_statements():
            op.execute(statement)
    for name in (*REPLACED, *DROPPED):
        op.drop_index(name, table_name="report")
    for name, columns in SORT_INDEXES:
        op.create_index(name, "report", columns)
    op.drop_index("ix_report_incident_date", table_name="report")
    op.create_index("ix_report_incident_date", "report", [*INCIDENT_DATE, "id"])
    # The list opened without filters: urgent cases first, then the soonest due.
    op.create_index(
        "ix_report_due_queue", "report", [sa.text("urgent DESC"), "next_due_on", "id"]
    )
    # A filter's value in the list's default order, however common or rare the value.
    for name, column in QUEUE_FILTERS.items():
        op.create_index(name, "report", [column, *QUEUE_ORDER])
    needed = sa.text("interpreter_language IS NOT NULL")
    op.create_index(
        "ix_report_interpreter_queue",
        "report",
        QUEUE_ORDER,
        postgresql_where=needed,
        sqlite_where=needed,
    )
    if dialect == "sqlite":
        # The planner's statistics (the docs' advice after creating indexes): without them,
        # SQLite takes every equality on an indexed column for a rare one.
        op.execute("ANALYZE")


def downgrade():
    dialect = op.get_bind().dialect.name
    for name in (*QUEUE_FILTERS, "ix_report_interpreter_queue", "ix_report_due_queue"):
        op.drop_index(name, table_name="report")
    op.drop_index("ix_report_incident_date", table_name="report")
    op.create_index("ix_report_incident_date", "report", INCIDENT_DATE)
    for name, _columns in SORT_INDEXES:
        op.drop_index(name, table_name="report")
    for name, columns in {**REPLACED, **DROPPED}.items():
        op.create_index(name, "report", columns)
    if dialect == "sqlite":
        for name in _sqlite_triggers():
            op.execute(f"DROP TRIGGER {name}")
    else:
        for name, (table, _events) in PG_TRIGGERS.items():
            op.execute(f"DROP TRIGGER {name} ON {table}")
        for function in ("report_next_due_change", "case_deadline_next_due_change"):
            op.execute(f"DROP FUNCTION {function}()")
        op.execute("DROP FUNCTION intake_refresh_next_due(integer)")
    op.drop_column("report", "next_due_on")
