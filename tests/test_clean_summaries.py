"""The seed article's noise never reaches a summary: every method, 1 to 8 sentences."""

from __future__ import annotations

import json

import pytest
from articles_fixtures import ROOT, SEED

from summarizer.articles import load_one
from summarizer.methods import available_methods
from summarizer.pipeline import summarize_article
from summarizer.summary import Length

GOLD = ROOT.parent / "shared" / "gold" / "seed-incidents.json"
NOISE = (
    "The US military convoy had to turn around and leave",
    "Reminder: The US military has no legal ground",
    "Vera Van Horne",
    "@VeraVanHorne",
    "October 19, 2021",
    "A terrorist group outlawed in Russia",
)


def test_the_noise_list_matches_the_gold_file() -> None:
    if not GOLD.exists():
        pytest.skip("the shared gold file is not next to this checkout")
    described = " ".join(json.loads(GOLD.read_text(encoding="utf-8"))["noise_to_drop_from_summaries"])
    for fragment in (
        "The US military convoy had to turn around",
        "Reminder:",
        "@VeraVanHorne",
        "* A terrorist",
    ):
        assert fragment in described


@pytest.mark.parametrize("method", sorted(available_methods()))
def test_no_seed_noise_in_any_summary(method: str) -> None:
    article = load_one(SEED)
    for n in range(1, 9):
        summary = summarize_article(article, method, Length(sentences=n))
        assert len(summary.sentences) == n
        text = " ".join(summary.texts)
        for noise in NOISE:
            assert noise not in text, (method, n, noise)
        assert "*" not in text
