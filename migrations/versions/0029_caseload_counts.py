"""The summary's caseload from kept counts: open cases per investigator, and their triage cases
by the day the service target falls due (overdue: due before today).

The caseload read every open case on each view of the reports page (at a million cases with
a tenth of them open: 14 ms on SQLite, the one part of the summary that still grew). Kept in
`summary_day` like the rest (migrations 0005, 0025):

- `open`: open cases (new, screening, accepted, mediation, determination) with an
  investigator, on one fixed day (2000-01-01: the count has no day), keyed by the investigator.
- `triage_due`: the assigned cases in triage, on the day their service target falls due (new:
  `acknowledge_by`, screening: `screen_by`), keyed by the investigator.

`intake.statistics.progress` recounts the same keys (tests compare the two).

Revision ID: 0029_caseload_counts
Revises: 0028_more_queue_filters
"""

from alembic import op


revision = "0029_caseload_counts"
down_revision = "0028_more_queue_filters"
branch_labels = None
depends_on = None

CHANGE = "INSERT INTO summary_change (dimension, day, key, change)"
COUNTED = "status, assignee_id, acknowledge_by, screen_by"
OPEN = "'new', 'screening', 'accepted', 'mediation', 'determination'"
NO_DAY = "'2000-01-01'"


def _keys(row, dialect):
    """Each dimension's (day, key) for one report row (key NULL: not counted)."""
    assignee = f"CAST({row}.assignee_id AS VARCHAR)"
    no_day = NO_DAY if dialect == "sqlite" else f"DATE {NO_DAY}"
    return {
        "open": (no_day, f"CASE WHEN {row}.status IN ({OPEN}) THEN {assignee} END"),
        "triage_due": (
            f"CASE {row}.status WHEN 'new' THEN {row}.acknowledge_by "
            f"WHEN 'screening' THEN {row}.screen_by END",
            f"CASE WHEN {row}.status IN ('new', 'screening') THEN {assignee} END",
        ),
    }


def _changes(dialect, old, new):
    """One INSERT: -1 for what `old` counted, +1 for what `new` counts, where they differ."""
    distinct = "IS NOT" if dialect == "sqlite" else "IS DISTINCT FROM"
    branches = []
    old_keys = _keys(old, dialect) if old else {}
    new_keys = _keys(new, dialect) if new else {}
    for dimension in old_keys or new_keys:
        changed = ""
        if old and new:
            (old_day, old_key), (new_day, new_key) = old_keys[dimension], new_keys[dimension]
            changed = f" WHERE ({old_day}) {distinct} ({new_day}) OR {old_key} {distinct} {new_key}"
        for keys, sign in ((old_keys, -1), (new_keys, 1)):
            if keys:
                day, key = keys[dimension]
                branches.append(f"SELECT '{dimension}' AS d, {day} AS day, {key} AS k, {sign} AS c{changed}")
    union = " UNION ALL ".join(branches)
    return f"{CHANGE} SELECT d, day, k, c FROM ({union}) AS changes WHERE k IS NOT NULL AND day IS NOT NULL"


SQLITE_TRIGGERS = {
    "report_summary_caseload_insert": ("AFTER INSERT ON report", None, "new"),
    "report_summary_caseload_update": (f"AFTER UPDATE OF {COUNTED} ON report", "old", "new"),
    "report_summary_caseload_delete": ("AFTER DELETE ON report", "old", None),
}


def _month(dialect):
    if dialect == "sqlite":
        return "date(day, 'start of month')"
    return "CAST(date_trunc('month', day) AS DATE)"


def upgrade():
    dialect = op.get_bind().dialect.name
    union = " UNION ALL ".join(
        f"SELECT '{dimension}' AS d, {day} AS day, {key} AS k FROM report"
        for dimension, (day, key) in _keys("report", dialect).items()
    )
    op.execute(
        "INSERT INTO summary_day (dimension, day, key, count) SELECT d, day, k, count(*) "
        f"FROM ({union}) AS counted WHERE k IS NOT NULL AND day IS NOT NULL GROUP BY d, day, k"
    )
    op.execute(
        "INSERT INTO summary_month (dimension, month, key, count) "
        f"SELECT dimension, {_month(dialect)}, key, sum(count) FROM summary_day "
        f"WHERE dimension IN ('open', 'triage_due') GROUP BY dimension, {_month(dialect)}, key"
    )
    if dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION summary_caseload() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'INSERT' THEN {_changes(dialect, None, 'NEW')}; "
            f"ELSIF TG_OP = 'UPDATE' THEN {_changes(dialect, 'OLD', 'NEW')}; "
            f"ELSE {_changes(dialect, 'OLD', None)}; END IF; RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER report_summary_caseload AFTER INSERT OR DELETE OR UPDATE OF {COUNTED} "
            "ON report FOR EACH ROW EXECUTE FUNCTION summary_caseload()"
        )
        return
    for name, (when, old, new) in SQLITE_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {_changes(dialect, old, new)}; END")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER report_summary_caseload ON report")
        op.execute("DROP FUNCTION summary_caseload()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    for table in ("summary_change", "summary_day", "summary_month"):
        op.execute(f"DELETE FROM {table} WHERE dimension IN ('open', 'triage_due')")
