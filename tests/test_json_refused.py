"""JSON that Python's parser refuses mid-way is one error row; the rows after it go on (issue 9, point 7)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from summarizer.articles.loader import load_one
from summarizer.cli import main
from summarizer.errors import InputError

GOOD_FIRST = '{"id": "first", "text": "Gunmen killed two people in Kabul on Monday. Police said so."}'
TOO_LONG_NUMBER = '{"id": ' + "9" * 5000 + ', "text": "A sentence."}'
TOO_DEEP = "[" * 100_000
GOOD_LAST = '{"id": "last", "text": "Stocks rose on Monday. Traders said so."}'


@pytest.fixture
def rows(tmp_path: Path) -> Path:
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join([GOOD_FIRST, TOO_LONG_NUMBER, TOO_DEEP, GOOD_LAST]) + "\n", encoding="utf-8")
    return path


def _records(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    assert main(list(argv)) == 1  # two rows failed
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def _check(records: list[dict[str, object]], origin: str) -> None:
    assert [r.get("id") for r in records] == ["first", None, None, "last"]
    assert records[1]["origin"] == f"{origin}:2"
    assert "number too long to read" in str(records[1]["error"])
    assert records[2]["origin"] == f"{origin}:3"
    assert "nested too deeply" in str(records[2]["error"])


def test_summarize_reports_each_refused_row_and_goes_on(
    capsys: pytest.CaptureFixture[str], rows: Path
) -> None:
    _check(_records(capsys, "summarize", str(rows), "--quiet"), str(rows))


def test_incidents_reports_each_refused_row_and_goes_on(
    capsys: pytest.CaptureFixture[str], rows: Path
) -> None:
    records = _records(capsys, "incidents", str(rows))
    _check(records, str(rows))
    assert records[0]["incidents"]


def test_stdin_rows_refused_mid_way_are_still_read_as_json_lines(
    capsys: pytest.CaptureFixture[str], rows: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = rows.read_text(encoding="utf-8").splitlines()
    stdin = "\n".join([lines[1], lines[0], lines[2], lines[3]]) + "\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    records = _records(capsys, "summarize", "-", "--quiet", "-f", "jsonl")
    assert [r.get("id") for r in records] == [None, "first", None, "last"]


@pytest.mark.parametrize(
    ("content", "reason"), [(TOO_LONG_NUMBER, "number too long"), (TOO_DEEP, "too deeply")]
)
def test_a_json_file_the_parser_refuses_is_a_clear_error(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "article.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        load_one(path)
