"""``python -m bot.bench --startup``: the console's first prompt and first answers, timed for real."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.bench import main
from bot.bench_startup import console_timings
from summarizer.errors import SummarizerError


def test_startup_bench_reports_the_prompt_and_the_first_answers_against_a_bare_interpreter(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--startup", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "start-up, median of 2 fresh processes:"
    assert [line.split()[0] for line in lines[1:]] == ["python", "newsbot", "ratio", "to", "to"]
    assert lines[3].endswith("x")
    assert [line.split()[5] for line in lines[4:]] == ["incident", "summary"]
    assert all(line.endswith("x (median of 1)") for line in lines[4:])


def test_an_error_reply_is_a_benchmark_error(tmp_path: Path) -> None:
    environ = {**os.environ, "NEWSDIGEST_DATA_DIR": str(tmp_path), "NO_COLOR": "1"}
    with pytest.raises(SummarizerError, match="could not answer 'summary 999'"):
        console_timings(environ, "summary 999")


def test_startup_bench_needs_a_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--startup", "0"]) == 2
    assert "at least 1 run" in capsys.readouterr().err
