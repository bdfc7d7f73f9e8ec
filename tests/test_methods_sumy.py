"""Our sumy methods choose exactly what sumy itself chooses (plain stemmer, sumy's own calls)."""

from __future__ import annotations

import pytest
from methods_fixtures import NEWS, SEED, SUMY_METHODS, eval_rows
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from summarizer.document import Document, prepare
from summarizer.methods import summarize
from summarizer.methods.sumy_methods import EDMUNDSON_BONUS_WORDS, EDMUNDSON_STIGMA_WORDS, sumy_document
from summarizer.summary import Length

CLASSES = {
    "lexrank": LexRankSummarizer,
    "lsa": LsaSummarizer,
    "textrank": TextRankSummarizer,
    "luhn": LuhnSummarizer,
    "edmundson": EdmundsonSummarizer,
    "kl": KLSummarizer,
    "sumbasic": SumBasicSummarizer,
    "reduction": ReductionSummarizer,
}


def sumy_choice(document: Document, method: str, count: int) -> list[str]:
    """What sumy picks, configured by hand the way sumy's CLI does (uncached stemmer)."""
    summarizer = CLASSES[method](Stemmer("english"))
    stop_words = get_stop_words("english")
    if method == "edmundson":
        title = {w.lower() for w in (document.title or "").replace(",", " ").split()}
        summarizer.bonus_words = (title - stop_words) | EDMUNDSON_BONUS_WORDS
        summarizer.stigma_words = EDMUNDSON_STIGMA_WORDS
        summarizer.null_words = stop_words
    else:
        summarizer.stop_words = stop_words
    dom = sumy_document(document, with_title=method == "edmundson")
    return [str(s) for s in summarizer(dom, count)]


def documents() -> list[Document]:
    rows = eval_rows("cnndm-dev.jsonl", 6)
    docs = [prepare(row["article"], pretokenized=True) for row in rows]
    docs += [prepare(row["article"], title=row["title"]) for row in eval_rows("bbc-dev.jsonl", 6)]
    return docs


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("method", SUMY_METHODS)
@pytest.mark.parametrize("count", [1, 3, 5])
def test_same_choice_as_sumy_on_dev_articles(method, count):
    for document in documents():
        ours = summarize(document, method, Length(sentences=count)).texts
        assert ours == sumy_choice(document, method, count)


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("method", SUMY_METHODS)
def test_same_choice_as_sumy_on_the_seed_and_a_titled_article(method):
    for document in (prepare(SEED.read_text(encoding="utf-8")), prepare(NEWS, title="Road repairs budget")):
        assert summarize(document, method, Length(sentences=3)).texts == sumy_choice(document, method, 3)


def test_greedy_methods_score_by_selection_order():
    document = prepare(SEED.read_text(encoding="utf-8"))
    for method in ("kl", "sumbasic"):
        summary = summarize(document, method, Length(sentences=len(document.sentences)))
        ranks = sorted(-s.score for s in summary.sentences)
        assert ranks[0] == 0
        assert len(set(ranks)) == len({s.text for s in summary.sentences})
