"""The rest of the summary from the daily counts: how reports came in, service targets met,
days to each stage, deadlines met, reports in no incident.

Until now these figures grouped the period's report, event and deadline rows on every view of
the reports page (a year at a million cases: a third of them). They are kept in `summary_day`
like the others (migration 0005), by triggers that append to `summary_change`:

- `channel`, `reporter_role`: per day received, the value.
- `target:acknowledge`, `target:screen`: per day the target falls due (`acknowledge_by`,
  `screen_by`), "open" while not done, else "met:<days>" or "late:<days>", days from arrival to
  the day it was done at the commission (done on or before the target's day: met).
- `stage`: per day received, "<event>:<days>" for the first of each stage event of a case
  (accepted, complaint signed, notice served, response received), and "closed:<days>".
- `deadline`: per day a case deadline falls due, "<rule>:open::<extended>" while not done, else
  "<rule>:met:<days>:<extended>" or "<rule>:late:<days>:<extended>" (days from its start).
- `unlinked`: per day received, the reports in no incident.

`summary_month` holds `summary_day` added up per calendar month (`month`: its first day), kept
by the app's fold with the days, so a year's summary reads twelve months rather than 365 days
(each day holding as many keys as there are values of a dimension).

"The day at the commission" is the commission's time zone (the TIMEZONE setting, America/Chicago
by default) written into the triggers here; SQLite computes it with `intake_local_day`, which the
app registers on every connection (intake/database.py), as it does `intake_fold`. Each key is also
computed by `intake.statistics.rollup` for a full recount (tests compare the two).

Revision ID: 0025_summary_compliance
Revises: 0024_short_word_search
"""

from alembic import op
import sqlalchemy as sa
from flask import current_app


revision = "0025_summary_compliance"
down_revision = "0024_short_word_search"
branch_labels = None
depends_on = None

CHANGE = "INSERT INTO summary_change (dimension, day, key, change)"
# The report columns these figures read; other updates leave them alone.
COUNTED = (
    "received_on, channel, reporter_role, acknowledge_by, acknowledged_at, screen_by, "
    "screened_at, closed_at, incident_id"
)
STAGE_EVENTS = ("accepted", "complaint_signed", "notice_served", "response_received")
STAGES = ", ".join(f"'{key}'" for key in STAGE_EVENTS)
DEADLINE_COLUMNS = "key, starts_on, due_on, done_on, extended"


def _zone():
    return current_app.config["BABEL_DEFAULT_TIMEZONE"].replace("'", "")


def _local_day(value, dialect):
    if dialect == "sqlite":
        return f"intake_local_day({value}, '{_zone()}')"
    return f"CAST(({value} AT TIME ZONE '{_zone()}') AS DATE)"


def _days(later, earlier, dialect):
    if dialect == "sqlite":
        return f"CAST(CAST(julianday({later}) - julianday({earlier}) AS INTEGER) AS VARCHAR)"
    return f"CAST(({later}) - ({earlier}) AS VARCHAR)"


def _target(row, done, due, dialect):
    local = _local_day(f"{row}.{done}", dialect)
    days = _days(local, f"{row}.received_on", dialect)
    return (
        f"CASE WHEN {row}.{done} IS NULL THEN 'open' WHEN {local} <= {row}.{due} "
        f"THEN 'met:' || {days} ELSE 'late:' || {days} END"
    )


def _report_keys(row, dialect):
    """Each dimension's (day column, key) for one report row (key NULL: not counted)."""
    closed = _days(_local_day(f"{row}.closed_at", dialect), f"{row}.received_on", dialect)
    return {
        "channel": ("received_on", f"{row}.channel"),
        "reporter_role": ("received_on", f"{row}.reporter_role"),
        "target:acknowledge": (
            "acknowledge_by",
            _target(row, "acknowledged_at", "acknowledge_by", dialect),
        ),
        "target:screen": ("screen_by", _target(row, "screened_at", "screen_by", dialect)),
        "stage": (
            "received_on",
            f"CASE WHEN {row}.closed_at IS NOT NULL THEN 'closed:' || {closed} END",
        ),
        "unlinked": ("received_on", f"CASE WHEN {row}.incident_id IS NULL THEN '' END"),
    }


def _report_changes(dialect, old, new):
    """One INSERT of the changes a report row makes: -1 for what `old` counted, +1 for `new`."""
    distinct = "IS NOT" if dialect == "sqlite" else "IS DISTINCT FROM"
    branches = []
    old_keys = _report_keys(old, dialect) if old else {}
    new_keys = _report_keys(new, dialect) if new else {}
    for dimension, (day, _key) in (old_keys or new_keys).items():
        changed = ""
        if old and new:
            changed = (
                f" WHERE {old}.received_on {distinct} {new}.received_on"
                f" OR {old}.{day} {distinct} {new}.{day}"
                f" OR {old_keys[dimension][1]} {distinct} {new_keys[dimension][1]}"
            )
        for row, keys, sign in ((old, old_keys, -1), (new, new_keys, 1)):
            if row:
                branches.append(
                    f"SELECT '{dimension}' AS d, {row}.{day} AS day, "
                    f"{keys[dimension][1]} AS k, {sign} AS c{changed}"
                )
    union = " UNION ALL ".join(branches)
    return f"{CHANGE} SELECT d, day, k, c FROM ({union}) AS changes WHERE k IS NOT NULL"


def _first_events(report_id):
    """(report id, key, first day) of each stage event of a report."""
    return (
        f'SELECT report_id, key, min("on") AS first FROM case_event '
        f"WHERE report_id = {report_id} AND key IN ({STAGES}) GROUP BY report_id, key"
    )


def _stages_moved(dialect, old, new):
    """A report whose arrival day changed takes its first events' counts along."""
    distinct = "IS NOT" if dialect == "sqlite" else "IS DISTINCT FROM"
    moved = f"{old}.received_on {distinct} {new}.received_on"
    parts = []
    for row, sign in ((old, -1), (new, 1)):
        days = _days("e.first", f"{row}.received_on", dialect)
        parts.append(
            f"SELECT 'stage', {row}.received_on, e.key || ':' || {days}, {sign} "
            f"FROM ({_first_events(f'{row}.id')}) AS e WHERE {moved}"
        )
    return f"{CHANGE} {' UNION ALL '.join(parts)}"


def _event_added(dialect, new):
    """A stage event earlier than the case's first of its kind (or its first) replaces it."""
    earlier = (
        f'(SELECT min(e."on") FROM case_event e WHERE e.report_id = {new}.report_id '
        f"AND e.key = {new}.key AND e.id <> {new}.id)"
    )
    firsts = f'SELECT {new}."on" AS first, 1 AS c UNION ALL SELECT {earlier}, -1'
    days = _days("m.first", "r.received_on", dialect)
    return (
        f"{CHANGE} SELECT 'stage', r.received_on, {new}.key || ':' || {days}, m.c "
        f"FROM report r, ({firsts}) AS m WHERE r.id = {new}.report_id "
        f"AND {new}.key IN ({STAGES}) AND m.first IS NOT NULL "
        f'AND ({earlier} IS NULL OR {new}."on" < {earlier})'
    )


def _deadline_key(row, dialect):
    extended = f"CASE WHEN {row}.extended THEN '1' ELSE '0' END"
    days = _days(f"{row}.done_on", f"{row}.starts_on", dialect)
    return (
        f"{row}.key || CASE WHEN {row}.done_on IS NULL THEN ':open::' "
        f"WHEN {row}.done_on <= {row}.due_on THEN ':met:' || {days} || ':' "
        f"ELSE ':late:' || {days} || ':' END || {extended}"
    )


def _deadline_change(dialect, row, sign):
    return f"{CHANGE} SELECT 'deadline', {row}.due_on, {_deadline_key(row, dialect)}, {sign}"


def _statements(dialect, table, event):
    """The statements one trigger runs, by table and event (old/new as the dialect names them)."""
    old, new = ("old", "new") if dialect == "sqlite" else ("OLD", "NEW")
    if table == "report":
        return {
            "insert": [_report_changes(dialect, None, new)],
            "update": [_report_changes(dialect, old, new), _stages_moved(dialect, old, new)],
            "delete": [_report_changes(dialect, old, None)],
        }[event]
    if table == "case_event":
        return [_event_added(dialect, new)]
    return {
        "insert": [_deadline_change(dialect, new, 1)],
        "update": [_deadline_change(dialect, old, -1), _deadline_change(dialect, new, 1)],
        "delete": [_deadline_change(dialect, old, -1)],
    }[event]


SQLITE_EVENTS = {
    "report": {
        "insert": "AFTER INSERT ON report",
        "update": f"AFTER UPDATE OF {COUNTED} ON report",
        "delete": "AFTER DELETE ON report",
    },
    # Events are only ever added (a case's events go with the case).
    "case_event": {"insert": "AFTER INSERT ON case_event"},
    "case_deadline": {
        "insert": "AFTER INSERT ON case_deadline",
        "update": f"AFTER UPDATE OF {DEADLINE_COLUMNS} ON case_deadline",
        "delete": "AFTER DELETE ON case_deadline",
    },
}
PG_EVENTS = {
    "report": f"INSERT OR DELETE OR UPDATE OF {COUNTED}",
    "case_event": "INSERT",
    "case_deadline": f"INSERT OR DELETE OR UPDATE OF {DEADLINE_COLUMNS}",
}


def _sqlite_triggers():
    for table, events in SQLITE_EVENTS.items():
        for event, when in events.items():
            body = " ".join(f"{s};" for s in _statements("sqlite", table, event))
            name = f"{table}_summary_more_{event}"
            yield name, f"CREATE TRIGGER {name} {when} BEGIN {body} END"


def _postgresql_statements():
    for table, events in PG_EVENTS.items():
        branches = []
        for event in ("insert", "update", "delete"):
            if event.upper() in events:
                body = "; ".join(_statements("postgresql", table, event))
                branches.append(f"IF TG_OP = '{event.upper()}' THEN {body}; END IF;")
        yield (
            f"CREATE FUNCTION summary_more_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {' '.join(branches)} RETURN NULL; END $$"
        )
        yield (
            f"CREATE TRIGGER {table}_summary_more AFTER {events} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION summary_more_{table}()"
        )


def _fill(dialect):
    """The counts of everything already stored."""
    keys = _report_keys("report", dialect)
    union = " UNION ALL ".join(
        f"SELECT '{dimension}' AS d, {day} AS day, {key} AS k FROM report"
        for dimension, (day, key) in keys.items()
    )
    days = _days("e.first", "report.received_on", dialect)
    firsts = (
        f'SELECT report_id, key, min("on") AS first FROM case_event '
        f"WHERE key IN ({STAGES}) GROUP BY report_id, key"
    )
    union += (
        f" UNION ALL SELECT 'stage', report.received_on, e.key || ':' || {days} "
        f"FROM ({firsts}) AS e JOIN report ON report.id = e.report_id"
        f" UNION ALL SELECT 'deadline', due_on, {_deadline_key('case_deadline', dialect)} "
        "FROM case_deadline"
    )
    yield (
        f"INSERT INTO summary_day (dimension, day, key, count) SELECT d, day, k, count(*) "
        f"FROM ({union}) AS counted WHERE k IS NOT NULL GROUP BY d, day, k"
    )


DIMENSIONS = (
    "'channel', 'reporter_role', 'target:acknowledge', 'target:screen', 'stage', 'deadline', "
    "'unlinked'"
)


def _month(dialect):
    if dialect == "sqlite":
        return "date(day, 'start of month')"
    return "CAST(date_trunc('month', day) AS DATE)"


def upgrade():
    dialect = op.get_bind().dialect.name
    for statement in _fill(dialect):
        op.execute(statement)
    op.create_table(
        "summary_month",
        sa.Column("dimension", sa.String(length=30), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("dimension", "month", "key", name=op.f("pk_summary_month")),
    )
    # Changes not yet folded stay in summary_change: the next fold adds them to both tables.
    op.execute(
        f"INSERT INTO summary_month (dimension, month, key, count) "
        f"SELECT dimension, {_month(dialect)}, key, sum(count) FROM summary_day "
        f"GROUP BY dimension, {_month(dialect)}, key"
    )
    if dialect == "postgresql":
        for statement in _postgresql_statements():
            op.execute(statement)
    else:
        for _name, statement in _sqlite_triggers():
            op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table in PG_EVENTS:
            op.execute(f"DROP TRIGGER {table}_summary_more ON {table}")
            op.execute(f"DROP FUNCTION summary_more_{table}()")
    else:
        for name, _statement in _sqlite_triggers():
            op.execute(f"DROP TRIGGER {name}")
    op.drop_table("summary_month")
    for table in ("summary_change", "summary_day"):
        op.execute(f"DELETE FROM {table} WHERE dimension IN ({DIMENSIONS})")
