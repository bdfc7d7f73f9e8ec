"""UTF-16 text is read, and article text never drives the terminal (issue 9, Low)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.articles.loader import load_one
from summarizer.cli import main
from summarizer.errors import InputError
from summarizer.terminal import printable

TEXT = "The first sentence of the article is here. A second sentence follows it closely.\n"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_with_or_without_a_bom_is_read(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode(codec))
    assert load_one(path).text.strip() == TEXT.strip()


def test_utf16_json_lines_are_read_row_by_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rows.jsonl"
    rows = [json.dumps({"id": f"r{n}", "text": TEXT}) for n in (1, 2)]
    path.write_bytes(("\n".join(rows) + "\n").encode("utf-16"))
    assert main(["summarize", str(path), "--quiet"]) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == ["r1", "r2"]


def test_broken_utf16_is_named_not_called_binary(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(b"\xff\xfeA\x00B\x00\x00\xd8")  # a BOM, then a lone surrogate
    with pytest.raises(InputError, match="looks like UTF-16"):
        load_one(path)


@pytest.mark.parametrize("data", [b"y", b"7"])
def test_a_one_byte_file_is_text_not_broken_utf16(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "answer.txt"
    path.write_bytes(data)  # no second byte, so no zero byte to tell UTF-16 by
    assert load_one(path).text.strip() == data.decode()


def test_binary_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="binary file"):
        load_one(path)


HOSTILE = (
    "\x1b]0;owned\x07The \x1b[31mfirst\x1b[0m sentence of the article is here.\u202e "
    "A second sentence \x9b2J follows it \u2066closely\u2069.\n"
)
UNSAFE = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u2069")


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_escapes_and_bidi_controls_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    assert main(["summarize", str(path), "--format", fmt, "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "first" in out
    assert not any(char in out for char in UNSAFE)


def test_incident_text_and_error_lines_are_printable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text("Gunmen \x1b[2Jkilled two people in Kabul\u202e on Monday.\n", encoding="utf-8")
    main(["incidents", str(path), "--format", "text"])
    main(["summarize", str(tmp_path / "missing\x1b[31m.txt")])
    captured = capsys.readouterr()
    assert "Kabul" in captured.out
    assert "missing" in captured.err
    assert not any(char in captured.out + captured.err for char in UNSAFE)


def test_printable_keeps_newlines_tabs_and_ordinary_text() -> None:
    assert printable("a\tb\nc — «d» é") == "a\tb\nc — «d» é"
