"""Search ignores accents as well as case ("autobus" finds "autobús"), on both databases.

SQLite: the FTS5 index is filled through `intake_fold()` (intake/folding.py, registered on every
connection by intake/database.py), by triggers like 0004's. PostgreSQL: the generated
`search_vector` is built from the text passed through the unaccent extension (trusted since
PostgreSQL 13, so the database owner may create it), wrapped in an IMMUTABLE function because a
generated column may only use immutable ones.

Revision ID: 0012_accent_insensitive_search
Revises: 0011_encrypt_free_text
"""

from alembic import op
import sqlalchemy as sa


revision = "0012_accent_insensitive_search"
down_revision = "0011_encrypt_free_text"
branch_labels = None
depends_on = None

PG_CONFIGS = {"en": "english", "es": "spanish", "ar": "arabic"}
FTS_TRIGGERS = ("insert", "delete", "update")


def _pg_language_config():
    cases = " ".join(f"WHEN '{code}' THEN '{name}'::regconfig" for code, name in PG_CONFIGS.items())
    return f"CASE language {cases} ELSE 'simple'::regconfig END"


def _pg_search_column(text):
    op.execute("DROP INDEX IF EXISTS ix_report_search_vector")
    op.execute("ALTER TABLE report DROP COLUMN IF EXISTS search_vector")
    op.execute(
        "ALTER TABLE report ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
        f"to_tsvector('simple'::regconfig, {text}) || "
        f"to_tsvector({_pg_language_config()}, {text})) STORED"
    )
    op.execute("CREATE INDEX ix_report_search_vector ON report USING gin (search_vector)")


def _sqlite_index(fold):
    for trigger in FTS_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS report_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS report_fts")
    op.execute(
        "CREATE VIRTUAL TABLE report_fts USING fts5(narrative, respondent_name, "
        "content='report', content_rowid='id', tokenize='trigram')"
    )
    new = f"new.id, {fold('new.narrative')}, {fold('new.respondent_name')}"
    old = f"'delete', old.id, {fold('old.narrative')}, {fold('old.respondent_name')}"
    op.execute(
        "CREATE TRIGGER report_fts_insert AFTER INSERT ON report BEGIN "
        f"INSERT INTO report_fts(rowid, narrative, respondent_name) VALUES ({new}); END"
    )
    op.execute(
        "CREATE TRIGGER report_fts_delete AFTER DELETE ON report BEGIN "
        f"INSERT INTO report_fts(report_fts, rowid, narrative, respondent_name) VALUES ({old}); END"
    )
    op.execute(
        "CREATE TRIGGER report_fts_update AFTER UPDATE OF narrative, respondent_name ON report "
        f"BEGIN INSERT INTO report_fts(report_fts, rowid, narrative, respondent_name) VALUES ({old}); "
        f"INSERT INTO report_fts(rowid, narrative, respondent_name) VALUES ({new}); END"
    )
    op.execute(
        "INSERT INTO report_fts(rowid, narrative, respondent_name) "
        f"SELECT id, {fold('narrative')}, {fold('respondent_name')} FROM report"
    )


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        op.execute(
            "CREATE OR REPLACE FUNCTION intake_unaccent(text) RETURNS text LANGUAGE sql "
            "IMMUTABLE PARALLEL SAFE STRICT AS "
            "$$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$"
        )
        _pg_search_column(
            "intake_unaccent(coalesce(narrative, '') || ' ' || coalesce(respondent_name, ''))"
        )
        return
    _sqlite_index(lambda column: f"intake_fold({column})")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        _pg_search_column("coalesce(narrative, '') || ' ' || coalesce(respondent_name, '')")
        op.execute("DROP FUNCTION IF EXISTS intake_unaccent(text)")
        return
    _sqlite_index(lambda column: column)
