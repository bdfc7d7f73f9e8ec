"""Every sumy summarizer, run on our sentences and our tokenizer, reporting a score per sentence.

sumy's document model is built directly from the document's sentences (so no sumy parser and no
NLTK data is involved). Each summarizer runs through its own public ``__call__``; the sentence
count it receives is a callable that records the rating sumy gave every sentence, so the scores
(and therefore the choices ``select`` makes) are exactly sumy's.  For the greedy methods (KL,
SumBasic) sumy's rating is minus the step at which the sentence was picked.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import groupby
from typing import Any

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from summarizer.document import Document
from summarizer.errors import UsageError
from summarizer.methods.registry import Options, Scorer
from summarizer.methods.terms import stemmer, stop_words
from summarizer.text import SumyTokenizer

__all__ = ["EDMUNDSON_BONUS_WORDS", "EDMUNDSON_STIGMA_WORDS", "SCORERS", "sumy_document"]

# Edmundson's cue method needs bonus and stigma words; sumy's own defaults are Czech. These
# English defaults are the classic cue phrases of news and reports; override them per call.
EDMUNDSON_BONUS_WORDS = frozenset(
    "important significant major key main first new announced confirmed found revealed "
    "concluded results shows showed because".split()
)
EDMUNDSON_STIGMA_WORDS = frozenset(
    "perhaps maybe possibly hardly impossible unclear allegedly reportedly rumoured rumored "
    "meanwhile incidentally click subscribe".split()
)

_TOKENIZER = SumyTokenizer()


def sumy_document(document: Document, *, with_title: bool = False) -> ObjectDocumentModel:
    """sumy's document model of ``document``: one sumy paragraph per paragraph of sentences.

    With ``with_title`` the title becomes a heading of the first paragraph (as sumy's parsers
    do), which Edmundson's title and location methods read.
    """
    paragraphs: list[list[SumySentence]] = [
        [SumySentence(s.text, _TOKENIZER) for s in group]
        for _, group in groupby(document.sentences, key=lambda s: s.paragraph)
    ]
    if with_title and document.title and paragraphs:
        paragraphs[0].insert(0, SumySentence(document.title, _TOKENIZER, is_heading=True))
    return ObjectDocumentModel(Paragraph(p) for p in paragraphs)


class _RatingRecorder:
    """Stands in for sumy's sentence count: records every sentence's rating, keeps them all."""

    def __init__(self, total: int) -> None:
        self.scores = [0.0] * total

    def __call__(self, infos: Sequence[Any]) -> Sequence[Any]:
        for info in infos:
            rating = float(info.rating)
            self.scores[info.order] = rating if np.isfinite(rating) else 0.0
        return infos


def _run(summarizer: Any, dom: ObjectDocumentModel) -> list[float]:
    """Run a sumy summarizer on ``dom`` and return its rating of each sentence, in order."""
    recorder = _RatingRecorder(len(dom.sentences))
    # sumy warns about tiny documents (LSA) and divides by zero on word-less ones (LexRank):
    # such sentences simply get no score.
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", UserWarning)
        summarizer(dom, recorder)
    return recorder.scores


def _language(options: Options) -> str:
    language = options.get("language", "english")
    if not isinstance(language, str):
        raise UsageError("language must be a name such as 'english'")
    return language


def _words(options: Options, key: str, default: Collection[str]) -> frozenset[str]:
    value = options.get(key)
    if value is None:
        return frozenset(default)
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, Iterable) or not all(isinstance(w, str) for w in value):
        raise UsageError(f"{key} must be a list of words")
    words = frozenset(w.lower() for w in value if w)
    if not words:
        raise UsageError(f"{key} must not be empty")
    return words


def _plain(factory: Callable[[Callable[[str], str]], Any]) -> Callable[[Document, Options], list[float]]:
    """A scorer for a sumy summarizer configured the way sumy's CLI does: stemmer + stop words."""

    def score(document: Document, options: Options) -> list[float]:
        language = _language(options)
        summarizer = factory(stemmer(language))
        summarizer.stop_words = stop_words(language)
        return _run(summarizer, sumy_document(document))

    return score


def _edmundson(document: Document, options: Options) -> list[float]:
    language = _language(options)
    summarizer = EdmundsonSummarizer(stemmer(language))
    title_words = {w.lower() for w in _TOKENIZER.to_words(document.title or "")}
    title_words -= stop_words(language)
    summarizer.bonus_words = _words(options, "bonus_words", title_words | EDMUNDSON_BONUS_WORDS)
    summarizer.stigma_words = _words(options, "stigma_words", EDMUNDSON_STIGMA_WORDS)
    summarizer.null_words = _words(options, "null_words", stop_words(language))
    return _run(summarizer, sumy_document(document, with_title=True))


SCORERS: dict[str, Scorer] = {
    "lexrank": _plain(LexRankSummarizer),
    "lsa": _plain(LsaSummarizer),
    "textrank": _plain(TextRankSummarizer),
    "luhn": _plain(LuhnSummarizer),
    "kl": _plain(KLSummarizer),
    "sumbasic": _plain(SumBasicSummarizer),
    "reduction": _plain(ReductionSummarizer),
    "edmundson": _edmundson,
}
"""The scorer of every sumy method, by its name in the registry (see ``sumy_catalog``)."""
