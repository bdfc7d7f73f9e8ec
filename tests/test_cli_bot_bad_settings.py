"""Bad settings and options are one clear line from ``newsbot``, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import ConfigError, Settings


def test_an_unknown_method_setting_is_refused_at_start() -> None:
    with pytest.raises(ConfigError, match="'nope' is not a summarization method; choose one of: default"):
        Settings.load({"NEWSDIGEST_METHOD": "nope"})


@pytest.mark.parametrize("where", ["missing/dir/x.sqlite3", "."])
def test_db_in_a_missing_folder_or_a_folder_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    assert main(["--db", str(tmp_path / where), "--seeds", str(tmp_path), "console"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsbot: error: --db ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("source", ["--seeds", "NEWSDIGEST_SEEDS", "config file"])
@pytest.mark.parametrize("where", ["missing", "not-a-folder.txt"])
def test_seeds_that_are_not_a_folder_are_one_error_line_from_any_source(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    source: str,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("help\n"))
    monkeypatch.delenv("NEWSDIGEST_SEEDS", raising=False)
    (tmp_path / "not-a-folder.txt").write_text("a file, not a folder of articles", encoding="utf-8")
    seeds = tmp_path / where
    config = tmp_path / "newsdigest.toml"
    config.write_text(f"seeds = {str(seeds)!r}\n" if source == "config file" else "", encoding="utf-8")
    flag = ["--seeds", str(seeds)] if source == "--seeds" else []
    if source == "NEWSDIGEST_SEEDS":
        monkeypatch.setenv("NEWSDIGEST_SEEDS", str(seeds))
    assert main(["--config", str(config), "--db", str(tmp_path / "x.sqlite3"), *flag, "console"]) == 2
    assert capsys.readouterr().err == f"newsbot: error: seeds {seeds}: not a folder\n"
    assert not (tmp_path / "x.sqlite3").exists()


def test_a_store_that_cannot_be_opened_is_one_error_line_at_the_first_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_database = tmp_path / "news.sqlite3"
    not_a_database.write_bytes(b"this file is not a SQLite database, whatever its name says" * 4)
    monkeypatch.setattr("sys.stdin", io.StringIO("help\n"))
    assert main(["--db", str(not_a_database), "--seeds", str(tmp_path), "console"]) == 2
    captured = capsys.readouterr()
    where = f"sqlite:///{not_a_database}"
    assert captured.err == f"newsbot: error: cannot open the database {where}: file is not a database\n"
    assert captured.out == ""  # no answer from a console without its store


@pytest.mark.parametrize("port", ["0", "65536", "99999999999999999999"])
def test_a_slack_port_out_of_range_is_a_usage_error(capsys: pytest.CaptureFixture[str], port: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["slack", "--http", "--port", port])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"newsbot slack: error: argument --port: invalid port value: '{port}'")


def test_a_data_folder_that_cannot_be_made_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = tmp_path / "a-file"
    taken.write_text("not a folder", encoding="utf-8")
    monkeypatch.delenv("NEWSDIGEST_DATABASE_URL", raising=False)
    monkeypatch.setenv("NEWSDIGEST_DATA_DIR", str(taken))
    monkeypatch.setattr("sys.stdin", io.StringIO("help\n"))
    assert main(["--seeds", str(tmp_path), "console"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"newsbot: error: the database's folder {taken} cannot be created: File exists\n"
    assert captured.out == ""


def test_a_config_file_error_without_an_os_message_still_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> str:
        raise OSError("the file system refused the read")  # an OSError without errno or strerror

    monkeypatch.setattr("pathlib.Path.read_text", refuse)
    config = tmp_path / "newsdigest.toml"
    with pytest.raises(ConfigError) as refused:
        Settings.load({}, config_file=config)
    assert str(refused.value) == f"cannot read config file {config}: the file system refused the read"
