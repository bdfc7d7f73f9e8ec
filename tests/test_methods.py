"""The method registry and every method's contract: length, order, determinism, edge cases."""

from __future__ import annotations

import pytest
from methods_fixtures import ALL_METHODS, NEWS, SEED

from summarizer.document import Document, prepare
from summarizer.errors import UsageError
from summarizer.methods import available_methods, summarize
from summarizer.summary import Length
from summarizer.text import Sentence


def test_registry_lists_every_method_with_default_first():
    methods = available_methods()
    assert set(methods) == set(ALL_METHODS)
    assert next(iter(methods)) == "default"
    assert all(isinstance(d, str) and d and "\n" not in d for d in methods.values())


def test_unknown_method_lists_the_valid_names():
    with pytest.raises(UsageError) as caught:
        summarize(prepare(NEWS), "bogus")
    message = str(caught.value)
    assert "bogus" in message
    assert all(name in message for name in ALL_METHODS)


def test_unknown_option_is_a_usage_error():
    with pytest.raises(UsageError, match="colour"):
        summarize(prepare(NEWS), "lead", colour="red")


@pytest.mark.parametrize("method", ALL_METHODS)
def test_three_sentences_in_document_order_with_index_and_score(method):
    document = prepare(NEWS)
    summary = summarize(document, method, Length(sentences=3))
    assert summary.method == method
    assert summary.total_sentences == len(document.sentences)
    indexes = [s.index for s in summary.sentences]
    assert len(indexes) == 3
    assert indexes == sorted(indexes)
    for chosen in summary.sentences:
        assert chosen.text == document.sentences[chosen.index].text
        assert isinstance(chosen.score, float)


@pytest.mark.parametrize("method", ALL_METHODS)
def test_deterministic(method):
    document = prepare(SEED.read_text(encoding="utf-8"))
    first = summarize(document, method, Length(sentences=4))
    second = summarize(prepare(SEED.read_text(encoding="utf-8")), method, Length(sentences=4))
    assert first == second


@pytest.mark.parametrize("method", ALL_METHODS)
def test_empty_document(method):
    summary = summarize(Document(sentences=()), method)
    assert summary.sentences == ()
    assert summary.total_sentences == 0


@pytest.mark.parametrize("method", ALL_METHODS)
def test_one_sentence(method):
    summary = summarize(prepare("Only one sentence here."), method)
    assert summary.texts == ["Only one sentence here."]


@pytest.mark.parametrize("method", ALL_METHODS)
def test_sentences_without_content_words(method):
    document = prepare("It is. It was. Is it? It is!")
    summary = summarize(document, method, Length(sentences=2))
    assert len(summary.sentences) == 2


@pytest.mark.parametrize(
    ("length", "check"),
    [
        (Length(words=30), lambda texts: sum(len(t.split()) for t in texts) <= 30),
        (Length(chars=200), lambda texts: len(" ".join(texts)) <= 200),
        (Length(ratio=0.2), lambda texts: len(texts) == 2),
    ],
)
@pytest.mark.parametrize("method", ["default", "lexrank", "kl"])
def test_length_budgets(method, length, check):
    summary = summarize(prepare(NEWS), method, length)
    assert summary.sentences
    assert check(summary.texts)


def test_lead_takes_the_first_sentences():
    document = prepare(NEWS)
    assert summarize(document, "lead").texts == document.texts[:3]


def test_random_is_seeded():
    document = prepare(SEED.read_text(encoding="utf-8"))
    picks = {tuple(summarize(document, "random", seed=seed).texts) for seed in range(5)}
    assert len(picks) > 1
    assert summarize(document, "random", seed=3) == summarize(document, "random", seed=3)
    with pytest.raises(UsageError):
        summarize(document, "random", seed="x")


def test_edmundson_bonus_and_stigma_words_steer_the_choice():
    document = prepare(NEWS)
    sentence = next(s for s in document.sentences if "mayor" in s.text)
    picked = summarize(document, "edmundson", Length(sentences=1), bonus_words=["mayor", "welcomed"],
                       stigma_words=["budget"])
    assert picked.texts == [sentence.text]
    avoided = summarize(document, "edmundson", Length(sentences=4), bonus_words=["council"],
                        stigma_words=["mayor", "welcomed"])
    assert sentence.text not in avoided.texts
    with pytest.raises(UsageError):
        summarize(document, "edmundson", bonus_words=[])


def test_default_on_block_text_follows_the_lead_and_skips_repetition():
    block = Document(
        sentences=tuple(
            Sentence(text, i, 0)
            for i, text in enumerate(
                [
                    "A fire destroyed the old mill in the harbour town on Sunday night.",
                    "Firefighters fought the fire at the mill for six hours.",
                    "A fire destroyed the old mill in the harbour town on Sunday night, officials said.",
                    "The mill was built in 1850 and had been empty since the factory closed.",
                    "Police are investigating the cause of the fire at the mill.",
                ]
            )
        )
    )
    chosen = [s.index for s in summarize(block, "default", Length(sentences=3)).sentences]
    assert chosen[0] == 0
    assert 2 not in chosen


def test_default_on_paragraphs_prefers_central_sentences():
    document = prepare(
        "Weather was mild.\n\n"
        "The new bridge over the river opens to traffic next week after two years of work.\n\n"
        "Engineers tested the bridge over the river this week.\n\nA cat slept.\n\n"
        "Traffic across the river will be faster once the bridge opens next week."
    )
    texts = summarize(document, "default", Length(sentences=2)).texts
    assert "Weather was mild." not in texts
    assert "A cat slept." not in texts


def test_default_handles_a_50000_word_document():
    sentence = "The committee reviewed report number {n} on regional water supplies and budgets."
    text = "\n\n".join(" ".join(sentence.format(n=p * 10 + k) for k in range(10)) for p in range(420))
    document = prepare(text, clean=False)
    assert sum(len(s.text.split()) for s in document.sentences) > 50_000
    summary = summarize(document, "default", Length(ratio=0.01))
    assert len(summary.sentences) == 42
