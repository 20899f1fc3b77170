"""Full-text search on narratives and respondents with the database's own index; filter indexes.

SQLite: an FTS5 table with the trigram tokenizer (substring search in any script), kept current by
triggers. PostgreSQL: a generated tsvector column — words as written ('simple') plus stems in the
report's language where PostgreSQL has a configuration for it — with a GIN index.

Neither is in the models (they differ by database); migrations/env.py leaves them out of
autogenerate. A later SQLite batch migration that recreates `report` must recreate the triggers.

Revision ID: 0004_full_text_search
Revises: d0434faf15c7
"""
from alembic import op
import sqlalchemy as sa


revision = "0004_full_text_search"
down_revision = "d0434faf15c7"
branch_labels = None
depends_on = None

# PostgreSQL text-search configurations for the portal's languages (others use 'simple').
PG_CONFIGS = {"en": "english", "es": "spanish", "ar": "arabic"}


def _pg_language_config() -> str:
    cases = " ".join(f"WHEN '{code}' THEN '{name}'::regconfig" for code, name in PG_CONFIGS.items())
    return f"CASE language {cases} ELSE 'simple'::regconfig END"


def upgrade():
    with op.batch_alter_table("report_term", schema=None) as batch_op:
        batch_op.create_index("ix_report_term_vocabulary_code", ["vocabulary", "code"])
    if op.get_bind().dialect.name == "postgresql":
        text = "coalesce(narrative, '') || ' ' || coalesce(respondent_name, '')"
        op.execute(
            "ALTER TABLE report ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
            f"to_tsvector('simple'::regconfig, {text}) || "
            f"to_tsvector({_pg_language_config()}, {text})) STORED"
        )
        op.execute("CREATE INDEX ix_report_search_vector ON report USING gin (search_vector)")
        return
    op.execute(
        "CREATE VIRTUAL TABLE report_fts USING fts5(narrative, respondent_name, "
        "content='report', content_rowid='id', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER report_fts_insert AFTER INSERT ON report BEGIN "
        "INSERT INTO report_fts(rowid, narrative, respondent_name) "
        "VALUES (new.id, new.narrative, new.respondent_name); END"
    )
    op.execute(
        "CREATE TRIGGER report_fts_delete AFTER DELETE ON report BEGIN "
        "INSERT INTO report_fts(report_fts, rowid, narrative, respondent_name) "
        "VALUES ('delete', old.id, old.narrative, old.respondent_name); END"
    )
    op.execute(
        "CREATE TRIGGER report_fts_update AFTER UPDATE OF narrative, respondent_name ON report "
        "BEGIN INSERT INTO report_fts(report_fts, rowid, narrative, respondent_name) "
        "VALUES ('delete', old.id, old.narrative, old.respondent_name); "
        "INSERT INTO report_fts(rowid, narrative, respondent_name) "
        "VALUES (new.id, new.narrative, new.respondent_name); END"
    )
    op.execute("INSERT INTO report_fts(report_fts) VALUES ('rebuild')")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_report_search_vector")
        op.execute("ALTER TABLE report DROP COLUMN search_vector")
    else:
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER report_fts_{trigger}")
        op.execute("DROP TABLE report_fts")
    with op.batch_alter_table("report_term", schema=None) as batch_op:
        batch_op.drop_index("ix_report_term_vocabulary_code")
