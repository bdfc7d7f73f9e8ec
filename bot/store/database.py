"""Connecting to the store's database and bringing its schema up to date.

SQLite (a file, the default) and PostgreSQL (``postgresql+psycopg://...``) run the same code.
SQLite write transactions start with ``BEGIN IMMEDIATE`` so several processes writing one file
wait for each other (busy timeout) instead of failing half-way; reads start deferred.

Opening a store whose schema is already at ``HEAD_REVISION`` reads one row (Alembic's
``alembic_version``) and nothing else: Alembic is imported and run only when the schema must be
created or upgraded, which keeps a restart fast.
"""

from __future__ import annotations

import fcntl
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from bot.config import ConfigError

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["HEAD_REVISION", "StoreError", "connect", "database_url", "head_revision", "migrate",
           "schema_revision"]

HEAD_REVISION = "0011"
"""The newest migration in ``migrations/versions``: a new migration updates it (a test compares it
with the head Alembic finds)."""
_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 7_301_946_202  # pg_advisory_lock key: one migrating process at a time


class StoreError(ConfigError):
    """The database cannot be used: bad URL, unreachable server. ``str`` is one readable line."""


def database_url(url: str | None, sqlite_path: Path) -> str:
    """The SQLAlchemy URL to use: ``url`` when given (``postgresql://`` is read as psycopg 3),
    else a SQLite file at ``sqlite_path`` (its directory is created)."""
    if url:
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url
    sqlite_path = sqlite_path.expanduser()
    folder = sqlite_path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"the database's folder {folder} cannot be created: {exc.strerror or exc}") from None
    return f"sqlite:///{sqlite_path}"


def connect(url: str) -> Engine:
    """An engine for ``url`` with the settings each dialect needs; raises ``StoreError``."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError("the database URL cannot be read (expected sqlite:///PATH or "
                         "postgresql+psycopg://USER@HOST/DB)") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30})
        _sqlite_transactions(engine)
        return engine
    if backend == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    raise StoreError(f"unsupported database {backend!r}: use SQLite or PostgreSQL")


def _sqlite_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not pysqlite, begin transactions, and begin them IMMEDIATE."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")
        dbapi_connection.execute("PRAGMA busy_timeout = 30000")
        if engine.url.database not in (None, "", ":memory:"):
            dbapi_connection.execute("PRAGMA journal_mode = WAL")

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        # Reads (execution option read_only) take no write lock: WAL readers never block writers.
        read_only = connection.get_execution_options().get("read_only", False)
        connection.exec_driver_sql("BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")


def _alembic_config(connection: Connection) -> Config:
    from alembic.config import Config  # noqa: PLC0415 (Alembic loads only when the schema changes)

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Serialize migrations across processes: an advisory lock (PostgreSQL) or a lock file."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            connection.commit()
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_MIGRATION_LOCK})
                connection.commit()
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def migrate(engine: Engine) -> None:
    """Bring the schema to ``HEAD_REVISION``: nothing more than reading its revision when it is
    there already, else Alembic's upgrade (safe when several processes start at once). Raises
    ``StoreError`` when the database cannot be reached or its schema is newer than this code."""
    try:
        if schema_revision(engine) == HEAD_REVISION:
            return
        with _migration_lock(engine), engine.begin() as connection:
            _upgrade(connection)
    except DBAPIError as exc:
        where = engine.url.render_as_string(hide_password=True)
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise StoreError(f"cannot open the database {where}: {reason}") from None


def _upgrade(connection: Connection) -> None:
    """Alembic's upgrade to the head on ``connection``, after checking that the code knows the
    revision the database is at."""
    from alembic import command  # noqa: PLC0415 (Alembic loads only when the schema changes)
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415
    from alembic.script import ScriptDirectory  # noqa: PLC0415
    from alembic.util import CommandError  # noqa: PLC0415

    config = _alembic_config(connection)
    current = MigrationContext.configure(connection).get_current_revision()
    try:
        if current is not None:
            ScriptDirectory.from_config(config).get_revision(current)
    except CommandError:
        raise StoreError(f"the database's schema is at revision {current}, newer than this version of "
                         f"newsdigest knows (up to {HEAD_REVISION}): run the newer version, or restore "
                         "a backup made for this one") from None
    command.upgrade(config, "head")


def schema_revision(engine: Engine) -> str | None:
    """The revision the database is at (None before the first migration), read without Alembic."""
    with engine.execution_options(read_only=True).connect() as connection:
        if not connection.dialect.has_table(connection, "alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def head_revision() -> str | None:
    """The newest revision Alembic finds among the migrations shipped in the package."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415 (Alembic loads only when asked)

    return ScriptDirectory(str(_MIGRATIONS)).get_current_head()
