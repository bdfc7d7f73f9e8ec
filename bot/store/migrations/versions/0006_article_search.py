"""Full-text search over stored articles: an FTS5 index on SQLite, a GIN index on PostgreSQL.

SQLite keeps ``articles_fts`` (an external-content FTS5 table over ``articles``' title and text)
in step through triggers; PostgreSQL indexes ``to_tsvector('simple', title || ' ' || text)``,
the expression ``Store.search_articles`` queries.

Revision ID: 0006
Revises: 0007
Create Date: 2026-12-01 10:50:00
"""

from __future__ import annotations

from alembic import op

revision: str = "0006"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None

_SQLITE_UP = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
)
_SQLITE_DOWN = (
    "DROP TRIGGER articles_fts_update", "DROP TRIGGER articles_fts_delete",
    "DROP TRIGGER articles_fts_insert", "DROP TABLE articles_fts",
)
_POSTGRESQL_UP = (
    "CREATE INDEX ix_articles_fulltext ON articles USING gin (to_tsvector('simple', title || ' ' || text))",
)
_POSTGRESQL_DOWN = ("DROP INDEX ix_articles_fulltext",)


def upgrade() -> None:
    """Apply this revision."""
    for statement in _SQLITE_UP if op.get_bind().dialect.name == "sqlite" else _POSTGRESQL_UP:
        op.execute(statement)


def downgrade() -> None:
    """Undo this revision."""
    for statement in _SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else _POSTGRESQL_DOWN:
        op.execute(statement)
