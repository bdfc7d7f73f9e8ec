"""``default``: directed centrality with a position prior (PacSum-style), in linear time.

Every sentence is a unit TF-IDF vector. For sentence ``i``, ``after_i`` sums its cosine
similarity to the sentences after it and ``before_i`` to those before it (PacSum's directed
edges, Zheng & Lapata 2019, without its threshold so both sums are running sums: linear time).
The score is

    salience_i = (after_i - backward_weight * before_i) * words_i ** length_power
    score_i = salience_i / max_j |salience_j| - position_weight * i

where ``words_i`` counts the sentence's words. Two parameter sets, picked by the
document's structure, were tuned on the development sets only (see README "Quality and speed"):

* Text in one unbroken block (wire copy, the CNN/DailyMail research format): news written as an
  inverted pyramid. The lead is favoured and similarity to earlier sentences counts against a
  sentence, so the summary moves forward instead of repeating the opening.
* Text with paragraphs (feeds, web pages, the BBC set): plain degree centrality favouring longer
  sentences, which carry more of the story's content, and no position prior.

Each set sits on a broad plateau of the development scores (neighbouring values within 0.2
ROUGE-1), so the choice is not fitted to single articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.document import Document
from summarizer.errors import UsageError
from summarizer.methods.registry import Method, Options, register
from summarizer.methods.vectors import sentence_vectors

__all__ = ["BLOCK_TEXT", "PARAGRAPHED_TEXT", "Weights", "default_scores"]


@dataclass(frozen=True, slots=True)
class Weights:
    """The constants of the default score (see the module docstring)."""

    position_weight: float
    backward_weight: float
    length_power: float


BLOCK_TEXT = Weights(position_weight=1 / 16, backward_weight=0.9, length_power=0.0)
PARAGRAPHED_TEXT = Weights(position_weight=0.0, backward_weight=-1.0, length_power=0.75)


def weights_for(document: Document) -> Weights:
    """The parameter set for ``document``: block text unless its sentences span paragraphs."""
    sentences = document.sentences
    if sentences and sentences[0].paragraph != sentences[-1].paragraph:
        return PARAGRAPHED_TEXT
    return BLOCK_TEXT


def default_scores(document: Document, weights: Weights, language: str = "english") -> list[float]:
    """Score every sentence of ``document`` with ``weights`` (higher is better)."""
    vectors = sentence_vectors([s.text for s in document.sentences], language)
    before = vectors.earlier_similarity()
    everything = vectors.dot(vectors.total())
    salience = [
        (total - own - earlier - weights.backward_weight * earlier) * count**weights.length_power
        for total, own, earlier, count in zip(
            everything, vectors.squared_norms(), before, vectors.word_counts, strict=True
        )
    ]
    peak = max(map(abs, salience), default=0.0)
    scale = 1 / peak if peak > 0 else 1.0
    return [value * scale - weights.position_weight * index for index, value in enumerate(salience)]


def _score(document: Document, options: Options) -> list[float]:
    language = options.get("language", "english")
    if not isinstance(language, str):
        raise UsageError("language must be a name such as 'english'")
    return default_scores(document, weights_for(document), language)


register(
    Method(
        "default",
        "Directed centrality with a lead prior (PacSum-style); best on news, linear time",
        _score,
        frozenset({"language"}),
    )
)
