"""The ``summarizer`` command line: worker count and usage errors that used to go wrong."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.cli import main
from summarizer.commands import summarize as summarize_command
from summarizer.commands.batch import Job

TEXT = "Troops stopped a convoy at a checkpoint. The convoy turned around. Officials confirmed it.\n"


def test_jobs_never_exceed_the_cpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """`--jobs 99999` used to fork 99,999 worker processes for a single file."""
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    seen: list[int] = []
    real = summarize_command.summarize_all

    def recording(items: Iterable[Any], job: Job, jobs: int = 1) -> Iterator[dict[str, Any]]:
        seen.append(jobs)
        return real(items, job, 1)

    monkeypatch.setattr(summarize_command, "summarize_all", recording)
    monkeypatch.setattr(summarize_command.os, "cpu_count", lambda: 2)
    for requested, expected in (("99999", 2), ("0", 2), ("1", 1), ("2", 2)):
        assert main(["summarize", str(article), "--jobs", requested, "-n", "1"]) == 0
        assert seen.pop() == expected
    assert "convoy" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "hint"), [
    (["summarize", "{article}", "--bogus"], "see: summarizer summarize --help"),
    (["incidents", "{article}", "--bogus"], "see: summarizer incidents --help"),
    (["--bogus"], "see: summarizer --help"),
])
def test_an_unknown_option_points_at_the_right_help(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    argv: list[str], hint: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main([a.format(article=article) for a in argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "unrecognized arguments: --bogus" in err
    assert hint in err
