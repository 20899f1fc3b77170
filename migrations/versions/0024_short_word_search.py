"""Words of one or two characters are found from an index too: every two-character Chinese word,
"DJ", "yo". Before, they were looked for with LIKE in every narrative.

SQLite: a second FTS5 index, `report_fts_words`, of whole words (unicode61, with prefixes of one
and two characters), filled through `intake_words()` (intake/folding.py `search_words`): the
folded text, and each run of Chinese or Japanese characters also as its characters and pairs.
PostgreSQL: the generated `search_vector` gains the same characters and pairs
(`intake_cjk_grams`), so a one- or two-character Chinese word is a lexeme of its own.

Revision ID: 0024_short_word_search
Revises: 0023_list_orders
"""

from alembic import op


revision = "0024_short_word_search"
down_revision = "0023_list_orders"
branch_labels = None
depends_on = None

TEXT = "coalesce(narrative, '') || ' ' || coalesce(respondent_name, '')"
PG_CONFIGS = {"en": "english", "es": "spanish", "ar": "arabic"}
UNSPACED = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"
TRIGGERS = ("insert", "delete", "update")


def _pg_search_column(grams):
    """0012's search column, with the characters and pairs of unspaced runs when `grams`."""
    cases = " ".join(f"WHEN '{code}' THEN '{name}'::regconfig" for code, name in PG_CONFIGS.items())
    language = f"CASE language {cases} ELSE 'simple'::regconfig END"
    body = f"intake_unaccent({TEXT})"
    vector = f"to_tsvector('simple'::regconfig, {body}) || to_tsvector({language}, {body})"
    if grams:
        vector += f" || to_tsvector('simple'::regconfig, intake_cjk_grams({body}))"
    op.execute("DROP INDEX IF EXISTS ix_report_search_vector")
    op.execute("ALTER TABLE report DROP COLUMN IF EXISTS search_vector")
    op.execute(f"ALTER TABLE report ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({vector}) STORED")
    op.execute("CREATE INDEX ix_report_search_vector ON report USING gin (search_vector)")


def _words(row):
    """What the short-word index holds for a row (`row` is "new.", "old." or "")."""
    return (
        f"intake_words(coalesce({row}narrative, '') || ' ' || coalesce({row}respondent_name, ''))"
    )


def _sqlite_upgrade():
    op.execute(
        "CREATE VIRTUAL TABLE report_fts_words USING fts5(words, content='', "
        "tokenize='unicode61', prefix='1 2')"
    )
    new, old = _words("new."), _words("old.")
    insert = f"INSERT INTO report_fts_words(rowid, words) VALUES (new.id, {new});"
    delete = f"INSERT INTO report_fts_words(report_fts_words, rowid, words) VALUES ('delete', old.id, {old});"
    op.execute(f"CREATE TRIGGER report_fts_words_insert AFTER INSERT ON report BEGIN {insert} END")
    op.execute(f"CREATE TRIGGER report_fts_words_delete AFTER DELETE ON report BEGIN {delete} END")
    op.execute(
        "CREATE TRIGGER report_fts_words_update AFTER UPDATE OF narrative, respondent_name "
        f"ON report BEGIN {delete} {insert} END"
    )
    op.execute(
        "INSERT INTO report_fts_words(rowid, words) "
        f"SELECT id, {_words('')} FROM report"
    )


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION intake_cjk_grams(body text) RETURNS text LANGUAGE sql IMMUTABLE "
            "PARALLEL SAFE STRICT AS $$ SELECT coalesce(string_agg(substr(run[1], i, 1) || ' ' "
            f"|| substr(run[1], i, 2), ' '), '') FROM regexp_matches(body, '{UNSPACED}', 'g') "
            "AS run, generate_series(1, length(run[1])) AS i $$"
        )
        _pg_search_column(grams=True)
        return
    _sqlite_upgrade()


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        _pg_search_column(grams=False)
        op.execute("DROP FUNCTION intake_cjk_grams(text)")
        return
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER report_fts_words_{trigger}")
    op.execute("DROP TABLE report_fts_words")
