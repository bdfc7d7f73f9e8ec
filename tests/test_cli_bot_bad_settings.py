"""Bad settings and options are one clear line from ``newsbot``, never a traceback."""

from __future__ import annotations

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
