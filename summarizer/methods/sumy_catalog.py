"""The sumy methods' names, descriptions and options, registered without importing sumy.

sumy and NLTK take most of a command's start-up time, so each registered scorer imports
``summarizer.methods.sumy_methods`` (and with it sumy) the first time that method runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from summarizer.methods.registry import Method, Options, Scorer, register

if TYPE_CHECKING:
    from summarizer.document import Document

__all__: list[str] = []

_SUMY_OPTIONS = frozenset({"language"})


def _on_first_use(name: str) -> Scorer:
    """A scorer that runs sumy method ``name``, importing sumy only when first called."""

    def score(document: Document, options: Options) -> Sequence[float]:
        from summarizer.methods.sumy_methods import SCORERS  # noqa: PLC0415 - sumy loads on first use

        return SCORERS[name](document, options)

    return score


for _name, _description in (
    ("lexrank", "sumy LexRank: centrality in the graph of similar sentences"),
    ("lsa", "sumy LSA: sentences weighted by the main latent topics (SVD)"),
    ("textrank", "sumy TextRank: PageRank over word-overlap between sentences"),
    ("luhn", "sumy Luhn: clusters of frequent significant words"),
    ("kl", "sumy KL-Sum: greedily keeps the word distribution close to the document's"),
    ("sumbasic", "sumy SumBasic: greedy frequent words, discounted once used"),
    ("reduction", "sumy Reduction: sum of word-overlap with every other sentence"),
):
    register(Method(_name, _description, _on_first_use(_name), _SUMY_OPTIONS))

register(
    Method(
        "edmundson",
        "sumy Edmundson: cue (bonus/stigma) words, title words and location",
        _on_first_use("edmundson"),
        _SUMY_OPTIONS | {"bonus_words", "stigma_words", "null_words"},
    )
)
