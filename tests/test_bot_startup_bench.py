"""``python -m bot.bench --startup``: the console's first prompt and first answer, timed for real."""

from __future__ import annotations

import pytest

from bot.bench import main


def test_startup_bench_reports_the_prompt_against_a_bare_interpreter_and_the_first_answer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--startup", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "start-up, median of 1 fresh processes:"
    assert [line.split()[0] for line in lines[1:]] == ["python", "newsbot", "ratio", "to"]
    assert lines[3].endswith("x")
    assert lines[4].endswith("ms (store opened)")


def test_startup_bench_needs_a_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--startup", "0"]) == 2
    assert "at least 1 run" in capsys.readouterr().err
