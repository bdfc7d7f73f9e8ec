"""Opening the store checks its schema revision without Alembic and runs Alembic only when the
schema must be created or upgraded (SQLite and a real PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from pg_fixtures import postgres_server, postgres_url, store_url  # noqa: F401
from sqlalchemy import text

from bot.store import Store, StoreError
from bot.store.database import HEAD_REVISION, _alembic_config, connect, head_revision, schema_revision


def test_the_head_constant_is_the_newest_migration() -> None:
    assert head_revision() == HEAD_REVISION, "a migration was added: set HEAD_REVISION to its revision"


def test_a_fresh_database_gets_the_whole_schema(store_url: str) -> None:  # noqa: F811
    engine = connect(store_url)
    assert schema_revision(engine) is None
    store = Store.open(store_url)
    assert schema_revision(engine) == HEAD_REVISION
    assert store.fingerprint() == (0, 0)
    store.close()
    engine.dispose()


def test_an_old_revision_is_upgraded(store_url: str) -> None:  # noqa: F811
    engine = connect(store_url)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0004")
    store = Store.open(store_url)
    assert schema_revision(store.engine) == HEAD_REVISION
    with store.engine.connect() as connection:  # a table of a later migration exists now
        assert connection.execute(text("SELECT count(*) FROM deliveries")).scalar() == 0
    store.close()
    engine.dispose()


def test_a_database_newer_than_the_code_is_a_clear_error(store_url: str) -> None:  # noqa: F811
    Store.open(store_url).close()
    engine = connect(store_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="revision 9999, newer than this version of newsdigest"):
        Store.open(store_url)
    assert schema_revision(engine) == "9999"  # left as it was
    engine.dispose()


def test_a_store_at_the_head_opens_without_importing_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    Store.open(url).close()
    probe = ("import sys; from bot.store import Store; Store.open(sys.argv[1]).close(); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    done = subprocess.run([sys.executable, "-c", probe, url], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
