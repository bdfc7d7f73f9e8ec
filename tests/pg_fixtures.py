"""A real PostgreSQL server on 127.0.0.1 for the store and scheduler tests.

``postgres_server`` (session) runs Debian's PostgreSQL binaries (``/usr/lib/postgresql/N/bin``):
initdb in a temporary directory as the non-root user ``postgres`` when the tests run as root,
a free port, the unix socket inside the temporary directory. When it truly cannot start, the
tests that need it are skipped with the reason; with ``NEWSDIGEST_REQUIRE_POSTGRES=1`` (CI) they
fail instead. ``postgres_url`` (function) gives each test a fresh, empty database.

Use it from a test module with ``from pg_fixtures import postgres_server, postgres_url, store_url``.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

__all__ = ["PostgresServer", "postgres_server", "postgres_url", "store_url"]

_RUN_AS = "postgres"
_counter = itertools.count()


@dataclass(frozen=True)
class PostgresServer:
    """A running server: connect as ``postgres`` over TCP on 127.0.0.1."""

    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        )

    def create_database(self) -> str:
        name = f"nd_test_{os.getpid()}_{next(_counter)}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL test server unavailable: {reason}"
    if os.environ.get("NEWSDIGEST_REQUIRE_POSTGRES") == "1":
        pytest.fail(message + " (NEWSDIGEST_REQUIRE_POSTGRES=1)", pytrace=False)
    pytest.skip(message)


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """Run ``command`` as ``postgres`` when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", _RUN_AS, "--", *command]


def _start(bin_dir: Path, root: Path) -> tuple[subprocess.Popen[bytes], int]:
    data, sockets = root / "data", root / "sockets"
    sockets.mkdir()
    if os.geteuid() == 0:
        user = pwd.getpwnam(_RUN_AS)
        for path in (root, sockets):
            os.chown(path, user.pw_uid, user.pw_gid)
    initdb = subprocess.run(
        _as_server_user(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
                "--locale=C",
            ]
        ),
        capture_output=True,
        check=False,
        timeout=120,
    )
    if initdb.returncode != 0:
        raise RuntimeError("initdb failed: " + initdb.stderr.decode(errors="replace").strip()[-500:])
    port = _free_port()
    with open(root / "server.log", "wb") as log:  # the server keeps its own copy of the descriptor
        server = subprocess.Popen(
            _as_server_user(
                [
                    str(bin_dir / "postgres"),
                    "-D",
                    str(data),
                    "-p",
                    str(port),
                    "-k",
                    str(sockets),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off",
                    "-c",
                    "max_connections=200",
                ]
            ),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("postgres exited: " + (root / "server.log").read_text(errors="replace")[-500:])
        try:
            psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres").close()
            return server, port
        except psycopg.OperationalError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("postgres did not accept connections within 60 s")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start PostgreSQL once for the test session (skips or fails when impossible, see above)."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        _unavailable("no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)")
        return
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(_RUN_AS)
        except KeyError:
            _unavailable(f"running as root and there is no {_RUN_AS!r} user to run the server as")
            return
        if shutil.which("runuser") is None:
            _unavailable("running as root and runuser is missing")
            return
    root = Path(tempfile.mkdtemp(prefix="newsdigest-pg-"))
    try:
        server, port = _start(bin_dir, root)
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(root, ignore_errors=True)
        _unavailable(str(exc))
        return
    try:
        yield PostgresServer(port)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh empty database on the test server, dropped afterwards."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on both backends: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))
