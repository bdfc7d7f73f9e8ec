"""``newsbot feeds`` prints its answers, not the database migration log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _newsbot(tmp_path: Path, *words: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDIGEST_", "DISCORD_", "SLACK_"))}
    env["NEWSDIGEST_DATA_DIR"] = str(tmp_path / "data")
    return subprocess.run(
        [sys.executable, "-m", "bot", "--db", str(tmp_path / "x.sqlite3"), "--seeds", str(tmp_path), *words],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )


def test_feeds_list_has_no_info_log_lines(tmp_path: Path) -> None:
    done = _newsbot(tmp_path, "feeds", "list")
    assert done.returncode == 0, done.stderr
    assert " INFO " not in done.stderr, done.stderr
    assert "alembic" not in done.stderr


def test_log_level_still_turns_the_log_on(tmp_path: Path) -> None:
    done = _newsbot(tmp_path, "--log-level", "INFO", "feeds", "list")
    assert done.returncode == 0, done.stderr
    assert " INFO " in done.stderr
