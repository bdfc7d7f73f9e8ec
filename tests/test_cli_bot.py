"""``newsbot``: subcommands, global options, and one-line errors with exit status 2."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET",
                 "NEWSDIGEST_DATABASE_URL", "NEWSDIGEST_SEEDS", "NEWSDIGEST_CONFIG", "NEWSDIGEST_SENTENCES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("NEWSDIGEST_DATA_DIR", str(tmp_path / "data"))


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for name in ("console", "discord", "slack", "scheduler", "feeds"):
        assert name in out


def test_db_option_selects_the_sqlite_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = tmp_path / "bot.sqlite3"
    assert main(["--db", str(database), "feeds", "list"]) == 0
    assert database.is_file()
    assert capsys.readouterr().err == ""


def test_bad_setting_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSDIGEST_SENTENCES", "zero")
    assert main(["console"]) == 2
    err = capsys.readouterr().err
    assert err == "newsbot: error: NEWSDIGEST_SENTENCES has an invalid value for sentences\n"


@pytest.mark.parametrize(("argv", "message"), [
    (["discord"], "DISCORD_TOKEN is not set"),
    (["slack"], "SLACK_BOT_TOKEN is not set"),
])
def test_platforms_without_tokens_explain_what_is_missing(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("argv", "environment", "message"), [
    (["discord"], {}, "DISCORD_TOKEN is not set"),
    (["slack"], {}, "SLACK_BOT_TOKEN is not set"),
    (["slack"], {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN is not set"),
    (["slack", "--http"], {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET is not set"),
])
def test_a_missing_token_is_told_before_the_database_is_opened(
    argv: list[str], environment: dict[str, str], message: str, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    database = tmp_path / "never.sqlite3"
    assert main(["--db", str(database), *argv]) == 2
    assert message in capsys.readouterr().err
    assert not database.exists()  # no schema created, no migration log, for a process that cannot run


def test_seeds_option_and_piped_console(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "note.md").write_text(
        "---\ntitle: Harbour reopens after storm\nsource: Coast Gazette\ndate: 2026-11-20\n---\n\n"
        "The harbour reopened on Friday after a week of repairs. Ferries resumed their routes. "
        "Officials said damage was lighter than feared.\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO("sources\n!summary --sentences 1\n"))
    assert main(["--seeds", str(seeds), "console"]) == 0
    out = capsys.readouterr().out
    assert "#1 · Harbour reopens after storm — Coast Gazette, 20 Nov 2026" in out
    assert "Source: Coast Gazette · Date: 20 Nov 2026 · Reading time: 1 min read" in out


def test_python_dash_m_bot(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NEWSDIGEST_SEEDS": str(REPO / "seeds"),
           "NEWSDIGEST_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-m", "bot", "console"], input="help summary\n",
                            capture_output=True, text=True, env=env, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    assert "Usage: summary [article...]" in result.stdout
