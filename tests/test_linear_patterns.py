"""Every pattern family read on untrusted text stays linear on its worst case (issue 9, point 4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from linear_time import LINEAR_GROWTH, growth_ratio, repeated

from summarizer.articles.infer import infer_source
from summarizer.articles.markdown import to_plain_text
from summarizer.clean import clean_text
from summarizer.incidents.actors import find_actors
from summarizer.incidents.counts import find_casualties
from summarizer.incidents.events import classify, not_an_event
from summarizer.incidents.gazetteer import gazetteer
from summarizer.incidents.places import find_places
from summarizer.incidents.reading import read_sentence
from summarizer.text import Sentence, split_sentences


def _places(sentence: str) -> object:
    return find_places(sentence, gazetteer(), None)


def _actors(sentence: str) -> object:
    return find_actors(sentence, gazetteer(), None)


def _read(sentence: str) -> object:
    return read_sentence(Sentence(sentence, 0, 0), None, 30)


WORST_CASES: dict[str, tuple[Callable[[str], Any], Callable[[int], str]]] = {
    # a run of periods after a word: every period started a scan to the end of the run
    "sentence-end": (split_sentences, lambda n: repeated(".", n, prefix="x")),
    "sentence-end-marks": (split_sentences, lambda n: repeated("?!", n, prefix="x")),
    # "X reported": every capital of a long word started a scan to the end of the word
    "source-reported": (infer_source, lambda n: repeated("A", n, prefix="reported ")),
    # a capitalized name not followed by "was killed": every later word started again
    "named-dead": (find_casualties, lambda n: repeated("Aa ", n, suffix="killed in Syria")),
    "named-dead-hyphens": (find_casualties, lambda n: repeated("--Bb", n, prefix="Aa", suffix=" killed")),
    # a number ("a") in a long hyphenated word: the words before a victim noun were read to its end
    "victim-words": (find_casualties, lambda n: repeated("a-", n, suffix=" killed")),
    # "a man ... was killed": every article word starts a bounded read of the next five words
    "single-dead": (find_casualties, lambda n: repeated("an ", n, suffix="was killed")),
    "killed-named": (find_casualties, lambda n: repeated("Aa ", n, prefix="killed ", suffix="x")),
    "killed-named-words": (find_casualties, lambda n: repeated("killed ab ", n)),
    "named-aside": (find_casualties, lambda n: repeated("Aa Bb, ", n, suffix="died after")),
    "died-after": (find_casualties, lambda n: repeated("Aa Bb died ", n, suffix="x")),
    "pronoun-dead": (find_casualties, lambda n: repeated("he was ", n, suffix="killed")),
    "single-dead-spaces": (find_casualties, lambda n: repeated(" ", n, prefix="a man", suffix="x killed")),
    # a list of victims that never ends: every item starts a bounded read of the next eight
    "victim-list": (find_casualties, lambda n: repeated("two men, ", n, prefix="killed ", suffix="x")),
    "victim-list-and": (find_casualties, lambda n: repeated("a chief and ", n, prefix="killed ")),
    # a number before a long run of spaces: each way of splitting the run re-read the rest of it
    "victim-spaces": (find_casualties, lambda n: repeated(" ", n, prefix="2", suffix="x killed")),
    # a long run of spaces between two dated clauses, and after a date (dateline dash)
    "clause-spaces": (
        _read,
        lambda n: repeated(" ", n, prefix="Gunmen killed two on 1 May 2020,", suffix="x"),
    ),
    "event-after-spaces": (_read, lambda n: repeated(" ", n, prefix="a", suffix="x")),
    "dateline-spaces": (
        _read,
        lambda n: repeated(" ", n, prefix="Gunmen killed two on 1 May 2020", suffix="x"),
    ),
    # "armed armed ...": every modifier started a scan to the end of the run
    "unidentified-group": (_actors, lambda n: repeated("armed ", n)),
    # event words in another sense, each read with a window around it
    "other-sense-shells": (classify, lambda n: repeated("into their shells ", n)),
    "other-sense-examples": (classify, lambda n: repeated("attacks like the ", n, suffix="bombing")),
    "other-sense-campaign": (classify, lambda n: repeated("in fighting Aa ", n)),
    # "has killed" with no period after it: every occurrence scanned to the end of the sentence
    "cumulative-toll": (not_an_event, lambda n: repeated("has killed ", n)),
    "cumulative-died": (not_an_event, lambda n: repeated("has died ", n)),
    # "died died ...": each toll word looks for a period a bounded stretch ahead
    "cumulative-period": (not_an_event, lambda n: repeated("died ", n)),
    # a heading ending in "#"s: each step of the lazy text re-read the tail of the line
    "markdown-heading": (to_plain_text, lambda n: repeated(" #", n, prefix="# a", suffix="x")),
    # emphasis never closed: every opening mark scanned to the end of the line
    "markdown-emphasis": (to_plain_text, lambda n: repeated("*a ", n)),
    "markdown-strong": (to_plain_text, lambda n: repeated("__a ", n)),
    "markdown-link": (to_plain_text, lambda n: repeated("[a", n)),
    "markdown-image": (to_plain_text, lambda n: repeated("![a", n)),
    "markdown-image-target": (to_plain_text, lambda n: repeated("![a](", n)),
    # hyphenated capitals: every way of cutting the word into place-name words was tried
    "place-names": (_places, lambda n: repeated("A-" * 39 + "A ", n)),
    "place-one-word": (_places, lambda n: repeated("A-", n)),
    "place-possessive": (_places, lambda n: repeated("Aa", n, suffix="'x")),
    # a reference entry's author and an opening byline: one long hyphenated name cut every way
    "reference-author": (clean_text, lambda n: repeated("Aa-", n, prefix="- 1. Doe J, ", suffix=" J x")),
    "opening-byline": (clean_text, lambda n: repeated("A-", n, prefix="By Jane ", suffix=" x")),
    "glued-dateline": (clean_text, lambda n: repeated("A-", n, prefix="London ", suffix=" (CNN)x")),
}


@pytest.mark.parametrize("case", sorted(WORST_CASES))
def test_worst_case_grows_linearly(case: str) -> None:
    function, make_input = WORST_CASES[case]
    assert growth_ratio(function, make_input) < LINEAR_GROWTH


def test_markdown_keeps_what_opens_nothing() -> None:
    title, text = to_plain_text("# Title ##\n\nA *b* and *c\nd* [e](f) [g (h) ![i](j) __k__ `l`\n")
    assert title == "Title"
    assert text == "\n\nA b and *c\nd* e [g (h)  k l\n"
