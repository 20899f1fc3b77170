"""The case list's default order as an index; daily counts behind the summary report.

`ix_report_status_order` (status, then the list's order) replaces the plain status index: the
triage queue reads its new and screening cases, already sorted, from the index alone;
`ix_report_triage_order` holds just the triage queue in order (PostgreSQL's plan for it);
`ix_report_area_filters` (community area, status, kind) replaces the plain community-area index;
`ix_report_caseload` gives the summary's open cases per investigator without reading cases.

`summary_day` holds per-day counts (dimension, day, key → count); it is filled here from the
existing reports. From then on, triggers append +1/-1 rows to `summary_change` whenever a report
or one of its terms is added, changed or removed in a way the summary counts, and
`intake.statistics.rollup.fold` adds them into `summary_day` before a summary reads it. Appending
never waits on another transaction, so busy intake does not queue behind a counter row.

Each dimension's key is computed by the same SQL as in `intake.statistics.rollup` (tests compare the
kept counts with a full recount). The triggers are per database and not in the models; a later
SQLite batch migration that recreates `report` or `report_term` must recreate them (as for 0004).

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
CHANGE = "INSERT INTO summary_change (dimension, day, key, change)"


def _days(row, column, dialect):
    if dialect == "sqlite":
        return f"(julianday({row}.{column}) - julianday({row}.created_at))"
    return f"(CAST(EXTRACT(epoch FROM {row}.{column} - {row}.created_at) AS NUMERIC) / 86400)"


def _delay(row, column, dialect):
    days = _days(row, column, dialect)
    return (
        f"CAST(CASE WHEN {row}.{column} IS NULL THEN NULL WHEN {days} < 10 THEN round({days}, 1) "
        f"WHEN {days} < 100 THEN round({days}, 0) ELSE round({days} / 10, 0) * 10 END AS VARCHAR)"
    )


def _keys(row, dialect):
    """Each dimension's key for one report row (NULL: not counted)."""
    return {
        "received": "''",
        "kind": f"{row}.kind",
        "covered_area": f"{row}.covered_area",
        "community_area": f"CAST({row}.community_area AS VARCHAR)",
        "ward": f"CAST({row}.ward AS VARCHAR)",
        "language": f"{row}.language",
        "status": f"{row}.status",
        "closure_reason": f"{row}.closure_reason",
        "anonymous": f"CASE WHEN {row}.anonymous THEN 'true' ELSE 'false' END",
        "acknowledge": _delay(row, "acknowledged_at", dialect),
        "close": _delay(row, "closed_at", dialect),
    }


def _report_changes(dialect, old, new):
    """One INSERT of the changes a report row makes: -1 for what `old` counted, +1 for `new`."""
    distinct = "IS NOT" if dialect == "sqlite" else "IS DISTINCT FROM"
    branches = []
    old_keys = _keys(old, dialect) if old else {}
    new_keys = _keys(new, dialect) if new else {}
    for dimension in old_keys or new_keys:
        changed = ""
        if old and new:
            changed = (
                f" WHERE {old}.received_on {distinct} {new}.received_on"
                f" OR {old_keys[dimension]} {distinct} {new_keys[dimension]}"
            )
        for row, keys, sign in ((old, old_keys, -1), (new, new_keys, 1)):
            if row:
                branches.append(
                    f"SELECT '{dimension}' AS d, {row}.received_on AS day, "
                    f"{keys[dimension]} AS k, {sign} AS c{changed}"
                )
    union = " UNION ALL ".join(branches)
    return f"{CHANGE} SELECT d, day, k, c FROM ({union}) AS changes WHERE k IS NOT NULL"


def _term_change(row, sign):
    return (
        f"{CHANGE} SELECT {row}.vocabulary, received_on, {row}.code, {sign} "
        f"FROM report WHERE id = {row}.report_id"
    )


def _terms_moved(dialect, old, new):
    """A report whose day changed takes its terms' counts along."""
    distinct = "IS NOT" if dialect == "sqlite" else "IS DISTINCT FROM"
    moved = f"{old}.received_on {distinct} {new}.received_on"
    return (
        f"{CHANGE} SELECT vocabulary, {old}.received_on, code, -1 FROM report_term "
        f"WHERE report_id = {old}.id AND {moved} UNION ALL "
        f"SELECT vocabulary, {new}.received_on, code, 1 FROM report_term "
        f"WHERE report_id = {new}.id AND {moved}"
    )


def _sqlite_triggers():
    report = {
        "insert": ("AFTER INSERT ON report", [_report_changes("sqlite", None, "new")]),
        "update": (
            f"AFTER UPDATE OF {COUNTED} ON report",
            [_report_changes("sqlite", "old", "new"), _terms_moved("sqlite", "old", "new")],
        ),
        "delete": ("AFTER DELETE ON report", [_report_changes("sqlite", "old", None)]),
    }
    term = {
        "insert": ("AFTER INSERT ON report_term", [_term_change("new", 1)]),
        "update": (
            "AFTER UPDATE ON report_term",
            [_term_change("old", -1), _term_change("new", 1)],
        ),
        "delete": ("AFTER DELETE ON report_term", [_term_change("old", -1)]),
    }
    for table, triggers in (("report", report), ("report_term", term)):
        for event, (when, statements) in triggers.items():
            body = " ".join(f"{statement};" for statement in statements)
            yield (
                f"{table}_summary_{event}",
                f"CREATE TRIGGER {table}_summary_{event} {when} BEGIN {body} END",
            )


def _pg_function(name, inserted, updated, deleted):
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP = 'INSERT' THEN {inserted}; "
        f"ELSIF TG_OP = 'UPDATE' THEN {updated}; "
        f"ELSE {deleted}; END IF; RETURN NULL; END $$"
    )


PG_TRIGGERS = {
    "report_summary": (
        "report",
        "summary_report_change",
        f"INSERT OR DELETE OR UPDATE OF {COUNTED}",
    ),
    "report_term_summary": ("report_term", "summary_term_change", "INSERT OR DELETE OR UPDATE"),
}


def _postgresql_statements():
    yield _pg_function(
        "summary_report_change",
        _report_changes("postgresql", None, "NEW"),
        f"{_report_changes('postgresql', 'OLD', 'NEW')}; "
        f"{_terms_moved('postgresql', 'OLD', 'NEW')}",
        _report_changes("postgresql", "OLD", None),
    )
    yield _pg_function(
        "summary_term_change",
        _term_change("NEW", 1),
        f"{_term_change('OLD', -1)}; {_term_change('NEW', 1)}",
        _term_change("OLD", -1),
    )
    for name, (table, function, events) in PG_TRIGGERS.items():
        yield (
            f"CREATE TRIGGER {name} AFTER {events} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()"
        )


def _fill(dialect):
    """The counts of every report already stored."""
    keys = _keys("report", dialect)
    union = " UNION ALL ".join(
        f"SELECT '{dimension}' AS d, received_on AS day, {key} AS k FROM report"
        for dimension, key in keys.items()
    )
    yield (
        f"INSERT INTO summary_day (dimension, day, key, count) SELECT d, day, k, count(*) "
        f"FROM ({union}) AS counted WHERE k IS NOT NULL GROUP BY d, day, k"
    )
    yield (
        "INSERT INTO summary_day (dimension, day, key, count) "
        "SELECT report_term.vocabulary, report.received_on, report_term.code, count(*) "
        "FROM report_term JOIN report ON report.id = report_term.report_id "
        "GROUP BY report_term.vocabulary, report.received_on, report_term.code"
    )


def upgrade():
    op.create_index("ix_report_queue_order", "report", [sa.text("urgent DESC"), "created_at", "id"])
    op.create_index(
        "ix_report_status_order",
        "report",
        ["status", sa.text("urgent DESC"), "created_at", "id"],
    )
    op.drop_index("ix_report_status", table_name="report")
    op.create_index("ix_report_area_filters", "report", ["community_area", "status", "kind"])
    op.drop_index("ix_report_community_area", table_name="report")
    triage = sa.text("status IN ('new', 'screening')")
    op.create_index(
        "ix_report_triage_order",
        "report",
        [sa.text("urgent DESC"), "created_at", "id"],
        postgresql_where=triage,
        sqlite_where=triage,
    )
    op.create_index(
        "ix_report_caseload", "report", ["status", "assignee_id", "acknowledge_by", "screen_by"]
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
        "summary_change",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("dimension", sa.String(length=30), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("change", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summary_change")),
    )
    dialect = op.get_bind().dialect.name
    for statement in _fill(dialect):
        op.execute(statement)
    if dialect == "postgresql":
        for statement in _postgresql_statements():
            op.execute(statement)
    else:
        for _name, statement in _sqlite_triggers():
            op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for name, (table, function, _events) in PG_TRIGGERS.items():
            op.execute(f"DROP TRIGGER {name} ON {table}")
            op.execute(f"DROP FUNCTION {function}()")
    else:
        for name, _statement in _sqlite_triggers():
            op.execute(f"DROP TRIGGER {name}")
    op.drop_table("summary_change")
    op.drop_table("summary_day")
    op.drop_index("ix_report_caseload", table_name="report")
    op.create_index("ix_report_community_area", "report", ["community_area"])
    op.drop_index("ix_report_area_filters", table_name="report")
    op.drop_index("ix_report_triage_order", table_name="report")
    op.create_index("ix_report_status", "report", ["status"])
    op.drop_index("ix_report_status_order", table_name="report")
    op.drop_index("ix_report_queue_order", table_name="report")
