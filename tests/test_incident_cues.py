"""The fast first test of a pattern never rules out a text the pattern matches."""

from __future__ import annotations

import re

import pytest

from summarizer.incidents.cues import may_match

PATTERNS = [
    re.compile(r"\b(?:air ?strikes?|IEDs?|(?-i:march)(?:es)?)\b", re.IGNORECASE),
    re.compile(r"(?<![\w.])[A-Z][a-z]+ (?i:province)"),
    re.compile(r"\bshot\S*"),
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize(
    "text",
    [
        "An AIRSTRIKE hit",
        "two IEDs exploded",
        "Marches in March",
        "in Helmand Province",
        "shot-dead",
        "calm day",
    ],
)
def test_never_rules_out_a_match(pattern: re.Pattern[str], text: str) -> None:
    if pattern.search(text):
        assert may_match(pattern, text.lower())


def test_rules_out_texts_without_the_cue() -> None:
    assert not may_match(PATTERNS[0], "a calm day in the capital")
