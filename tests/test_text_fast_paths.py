"""The shortcuts taken for speed give exactly what the general code gives."""

from __future__ import annotations

import re

import pytest

from summarizer.articles.model import content_id
from summarizer.clean import clean_text
from summarizer.text import _END, first_sentence, split_sentences, words

TEXTS = [
    "Dr. Smith arrived at 5 p.m. on Monday. He left soon after.",
    "no capital letters here . none at all . the end",
    "Headline without a stop\n\nThe body starts here. It goes on.",
    "   \n\n  Leading blank lines. Then text.",
    "“Quoted first sentence,” she said. Then another one!",
    "One sentence only",
    "U.S. officials said so. The talks ended.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_first_sentence_is_the_first_split_sentence(text: str) -> None:
    assert first_sentence(text) == split_sentences(text)[0].text


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_first_sentence_of_blank_text_is_none(text: str) -> None:
    assert first_sentence(text) is None
    assert split_sentences(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one  two\tthree", "one two three"),
        ("non\u00a0breaking\u2003spaces", "non breaking spaces"),
        ("tab\tand\u2028line separator", "tab and line separator"),
        ("already folded text", "already folded text"),
    ],
)
def test_cleaning_folds_every_kind_of_whitespace(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_content_id_ignores_every_kind_of_whitespace() -> None:
    assert content_id("a\u00a0b\t c\n") == content_id("a b c")
    assert content_id("a b") != content_id("ab")


def test_words_match_the_backtracking_pattern() -> None:
    backtracking = re.compile(r"\w+(?:['’\-.]\w+)*")
    text = "U.S.-led talks; it's o'clock… e-mail--x a.b. ’quoted’ 3.5% __init__ x-"
    assert words(text) == backtracking.findall(text)


@pytest.mark.parametrize(
    "text",
    [
        "a b . c d ... e f ! '' g h . -rrb- i",
        "a .. b . . . c .... d",
        "x ?. y ... '' z . . w",
        "no end token here",
        "u.s. officials . said ' so ' . then",
    ],
)
def test_pretokenized_ends_match_the_space_first_pattern(text: str) -> None:
    space_first = re.compile(r"""\s(?:[.!?]|\.\.\.)(?:\s+(?:''|'|"|-rrb-|\)))*(?=\s|$)""")
    expected: list[str] = []
    start = 0
    for match in space_first.finditer(text):
        expected.append(text[start : match.end()].strip())
        start = match.end()
    expected.append(text[start:].strip())
    assert [s.text for s in split_sentences(text, pretokenized=True)] == [e for e in expected if e]


def test_sentence_end_marks_match_the_repeat_pattern() -> None:
    repeat = re.compile(r"""(?:\.{3}|…|[.!?]+)["'”’)\]]*(?=\s)""")
    text = "Wait... what?! No. “Yes.” (Fine.) Really?? Ok…  Stop!. Go .. on .... end.] x"
    found = [(m.span(), m.group()) for m in _END.finditer(text)]
    assert len(found) >= 8
    assert found == [(m.span(), m.group()) for m in repeat.finditer(text)]
