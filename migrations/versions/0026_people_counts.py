"""People affected from the daily counts: each report knows its person and when that person
last reported before.

"People affected" counts each person once however many reports in the period are about them (by
email: the affected person's, or the reporter's own when it happened to them). A distinct count
over any range of days does not add up from daily counts, so each report keeps:

- `person_key`: the email hash of the person it is about (NULL: no email, a person of its own),
  kept by triggers on `contact`, `affected_person` and the report's `reporter_role`;
- `person_since`: the day that person's previous report arrived (by arrival day, then id; NULL
  for their first), kept by a trigger when a report's person or arrival day changes, for the
  report and the reports that follow it in the old and the new person's line.

The `person` dimension of `summary_day` / `summary_month` counts reports per day by
`person_since` ("" for none): the people of a period are the reports whose previous one arrived
before the period began, or never. A person's line is read from `ix_report_person`.

Revision ID: 0026_people_counts
Revises: 0025_summary_compliance
"""

from alembic import op
import sqlalchemy as sa


revision = "0026_people_counts"
down_revision = "0025_summary_compliance"
branch_labels = None
depends_on = None

CHANGE = "INSERT INTO summary_change (dimension, day, key, change)"
PERSON = (
    "COALESCE((SELECT a.email_hash FROM affected_person a WHERE a.report_id = report.id), "
    "CASE WHEN report.reporter_role = 'self' THEN "
    "(SELECT c.email_hash FROM contact c WHERE c.report_id = report.id) END)"
)
SINCE = (
    "(SELECT max(s.received_on) FROM report s WHERE s.person_key = report.person_key "
    "AND (s.received_on < report.received_on "
    "OR (s.received_on = report.received_on AND s.id < report.id)))"
)


def _distinct(dialect):
    return "IS NOT" if dialect == "sqlite" else "IS DISTINCT FROM"


def _set_person(dialect, report_id):
    """Recompute one report's person."""
    return (
        f"UPDATE report SET person_key = {PERSON} "
        f"WHERE report.id = {report_id} AND report.person_key {_distinct(dialect)} {PERSON}"
    )


def _next_in_line(person, day, report_id):
    """The id of the report after (day, report_id) in a person's line, other than the report."""
    return (
        f"(SELECT s.id FROM report s WHERE s.person_key = {person} AND s.id <> {report_id} "
        f"AND (s.received_on > {day} OR (s.received_on = {day} AND s.id > {report_id})) "
        "ORDER BY s.received_on, s.id LIMIT 1)"
    )


def _line_changed(dialect, old, new):
    """A report moved in or between lines: it and the reports after its old and new places."""
    ids = ", ".join(
        (
            f"{new}.id",
            _next_in_line(f"{old}.person_key", f"{old}.received_on", f"{new}.id"),
            _next_in_line(f"{new}.person_key", f"{new}.received_on", f"{new}.id"),
        )
    )
    return (
        f"UPDATE report SET person_since = {SINCE} "
        f"WHERE report.id IN ({ids}) AND report.person_since {_distinct(dialect)} {SINCE}"
    )


def _since_key(row, dialect):
    if dialect == "sqlite":
        return f"COALESCE({row}.person_since, '')"
    return f"COALESCE(to_char({row}.person_since, 'YYYY-MM-DD'), '')"


def _count(dialect, row, sign):
    return f"{CHANGE} SELECT 'person', {row}.received_on, {_since_key(row, dialect)}, {sign}"


def _counts_moved(dialect, old, new):
    distinct = _distinct(dialect)
    changed = (
        f"{old}.received_on {distinct} {new}.received_on "
        f"OR {old}.person_since {distinct} {new}.person_since"
    )
    return (
        f"{CHANGE} SELECT 'person', {old}.received_on, {_since_key(old, dialect)}, -1 "
        f"WHERE {changed} UNION ALL "
        f"SELECT 'person', {new}.received_on, {_since_key(new, dialect)}, 1 WHERE {changed}"
    )


def _sqlite_triggers():
    """(name, CREATE TRIGGER) in order."""
    triggers = {}
    for table in ("contact", "affected_person"):
        triggers[f"{table}_summary_person_insert"] = (
            f"AFTER INSERT ON {table}",
            _set_person("sqlite", "new.report_id"),
        )
        triggers[f"{table}_summary_person_update"] = (
            f"AFTER UPDATE OF email_hash, report_id ON {table}",
            f"{_set_person('sqlite', 'old.report_id')}; {_set_person('sqlite', 'new.report_id')}",
        )
        triggers[f"{table}_summary_person_delete"] = (
            f"AFTER DELETE ON {table}",
            _set_person("sqlite", "old.report_id"),
        )
    triggers["report_summary_person_role"] = (
        "AFTER UPDATE OF reporter_role ON report",
        _set_person("sqlite", "new.id"),
    )
    triggers["report_summary_person_line"] = (
        "AFTER UPDATE OF person_key, received_on ON report WHEN "
        "old.person_key IS NOT new.person_key OR old.received_on IS NOT new.received_on",
        _line_changed("sqlite", "old", "new"),
    )
    triggers["report_summary_person_insert"] = (
        "AFTER INSERT ON report",
        _count("sqlite", "new", 1),
    )
    triggers["report_summary_person_update"] = (
        "AFTER UPDATE OF received_on, person_since ON report",
        _counts_moved("sqlite", "old", "new"),
    )
    triggers["report_summary_person_delete"] = (
        "AFTER DELETE ON report",
        _count("sqlite", "old", -1),
    )
    for name, (when, body) in triggers.items():
        yield name, f"CREATE TRIGGER {name} {when} BEGIN {body}; END"


def _pg_function(name, body):
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {body} RETURN NULL; END $$"
    )


PG_TRIGGERS = {
    # trigger: (table, function, events)
    "contact_summary_person": (
        "contact",
        "summary_person_contact",
        "INSERT OR DELETE OR UPDATE OF email_hash, report_id",
    ),
    "affected_person_summary_person": (
        "affected_person",
        "summary_person_affected",
        "INSERT OR DELETE OR UPDATE OF email_hash, report_id",
    ),
    "report_summary_person_role": ("report", "summary_person_role", "UPDATE OF reporter_role"),
    "report_summary_person_line": (
        "report",
        "summary_person_line",
        "UPDATE OF person_key, received_on",
    ),
    "report_summary_person": (
        "report",
        "summary_person_count",
        "INSERT OR DELETE OR UPDATE OF received_on, person_since",
    ),
}


def _postgresql_statements():
    pg = "postgresql"
    person_of_row = (
        f"IF TG_OP <> 'INSERT' THEN {_set_person(pg, 'OLD.report_id')}; END IF; "
        f"IF TG_OP <> 'DELETE' THEN {_set_person(pg, 'NEW.report_id')}; END IF;"
    )
    yield _pg_function("summary_person_contact", person_of_row)
    yield _pg_function("summary_person_affected", person_of_row)
    yield _pg_function("summary_person_role", f"{_set_person(pg, 'NEW.id')};")
    yield _pg_function(
        "summary_person_line",
        "IF OLD.person_key IS DISTINCT FROM NEW.person_key "
        f"OR OLD.received_on IS DISTINCT FROM NEW.received_on THEN "
        f"{_line_changed(pg, 'OLD', 'NEW')}; END IF;",
    )
    yield _pg_function(
        "summary_person_count",
        f"IF TG_OP = 'INSERT' THEN {_count(pg, 'NEW', 1)}; "
        f"ELSIF TG_OP = 'UPDATE' THEN {_counts_moved(pg, 'OLD', 'NEW')}; "
        f"ELSE {_count(pg, 'OLD', -1)}; END IF;",
    )
    for name, (table, function, events) in PG_TRIGGERS.items():
        yield (
            f"CREATE TRIGGER {name} AFTER {events} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()"
        )


def _month(dialect):
    if dialect == "sqlite":
        return "date(day, 'start of month')"
    return "CAST(date_trunc('month', day) AS DATE)"


def upgrade():
    dialect = op.get_bind().dialect.name
    op.add_column("report", sa.Column("person_key", sa.String(length=64), nullable=True))
    op.add_column("report", sa.Column("person_since", sa.Date(), nullable=True))
    op.create_index("ix_report_person", "report", ["person_key", "received_on", "id"])
    # How reports came in and who made them are daily counts now (0025): nothing reads these.
    op.drop_index("ix_report_received_channel", table_name="report")
    op.drop_index("ix_report_received_reporter", table_name="report")
    # Only the rows that get a value are written (on PostgreSQL each written row is a new
    # version, its search column recomputed and every index updated).
    op.execute(f"UPDATE report SET person_key = {PERSON} WHERE {PERSON} IS NOT NULL")
    op.execute(
        f"UPDATE report SET person_since = {SINCE} "
        f"WHERE person_key IS NOT NULL AND {SINCE} IS NOT NULL"
    )
    op.execute(
        "INSERT INTO summary_day (dimension, day, key, count) "
        f"SELECT 'person', received_on, {_since_key('report', dialect)}, count(*) FROM report "
        f"GROUP BY received_on, {_since_key('report', dialect)}"
    )
    op.execute(
        "INSERT INTO summary_month (dimension, month, key, count) "
        f"SELECT dimension, {_month(dialect)}, key, sum(count) FROM summary_day "
        f"WHERE dimension = 'person' GROUP BY dimension, {_month(dialect)}, key"
    )
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
        for function in dict.fromkeys(f for _t, f, _e in PG_TRIGGERS.values()):
            op.execute(f"DROP FUNCTION {function}()")
    else:
        for name, _statement in _sqlite_triggers():
            op.execute(f"DROP TRIGGER {name}")
    for table in ("summary_change", "summary_day", "summary_month"):
        op.execute(f"DELETE FROM {table} WHERE dimension = 'person'")
    op.drop_index("ix_report_person", table_name="report")
    op.create_index("ix_report_received_channel", "report", ["received_on", "channel"])
    op.create_index("ix_report_received_reporter", "report", ["received_on", "reporter_role"])
    op.drop_column("report", "person_since")
    op.drop_column("report", "person_key")
