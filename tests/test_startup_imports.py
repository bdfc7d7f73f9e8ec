"""What a restarted console loads before its first answers: none of the libraries only some other
command needs (Alembic to migrate, httpx to download, PostgreSQL's dialect)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_PROBE = """
import asyncio, sys
from bot.adapters.console import Console, Startup
from bot.config import Settings
console = Console(startup=Startup(Settings.load()), interactive=False, color=False, user="probe")
for line in ("incident", "summary"):
    assert not asyncio.run(console.answer(line)).startswith("Error")
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in {"alembic", "httpx", "httpcore"}
                      or m.startswith("sqlalchemy.dialects.postgresql"))))
"""


def test_a_restarted_console_answers_without_migration_download_or_postgresql_code(tmp_path: Path) -> None:
    environ = {**os.environ, "NEWSDIGEST_DATA_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "bot", "console"], input="help\n", env=environ, text=True,
                   capture_output=True, check=True)  # the first start creates the store
    done = subprocess.run([sys.executable, "-c", _PROBE], env=environ, text=True, capture_output=True,
                          check=True)
    assert done.stdout.strip() == ""
