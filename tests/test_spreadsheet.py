"""CSV cells never carry a formula from untrusted text; numbers stay numbers."""

from __future__ import annotations

import pytest

from summarizer.spreadsheet import FORMULA_STARTS, text_cell


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_text_starting_like_a_formula_is_quoted(start: str) -> None:
    assert text_cell(f'{start}HYPERLINK("http://x.example","y")') == f"'{start}HYPERLINK(\"http://x.example\",\"y\")"


def test_other_text_and_numbers_are_unchanged() -> None:
    assert text_cell("Qamishli") == "Qamishli"
    assert text_cell("a = b") == "a = b"
    assert text_cell(-41.22) == -41.22
    assert text_cell(-3) == -3
    assert text_cell("") == ""
