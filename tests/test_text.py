"""Sentence splitting and word tokenizing on tricky sentences (offline, no NLTK data)."""

from __future__ import annotations

import pytest

from summarizer.text import SumyTokenizer, paragraphs, split_sentences, words


def texts(text: str, *, pretokenized: bool = False) -> list[str]:
    return [s.text for s in split_sentences(text, pretokenized=pretokenized)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations that do not end a sentence
        (
            "Gen. Mark Milley met Lt. Col. Smith in the U.S. capital. They talked.",
            ["Gen. Mark Milley met Lt. Col. Smith in the U.S. capital.", "They talked."],
        ),
        (
            "The convoy left on Oct. 21 at 9 a.m. local time. Nobody was hurt.",
            ["The convoy left on Oct. 21 at 9 a.m. local time.", "Nobody was hurt."],
        ),
        (
            "He lives at No. 5 Main St. in Erbil. She does not.",
            ["He lives at No. 5 Main St. in Erbil.", "She does not."],
        ),
        ("Troops left the U.S. The base closed.", ["Troops left the U.S.", "The base closed."]),
        ("It ended at 5 p.m. The next day was calm.", ["It ended at 5 p.m.", "The next day was calm."]),
        (
            "Dr. Smith, Mr. Jones and Mrs. Lee met e.g. at noon. Fine.",
            ["Dr. Smith, Mr. Jones and Mrs. Lee met e.g. at noon.", "Fine."],
        ),
        ("Apple Inc. said sales rose. Shares fell.", ["Apple Inc. said sales rose.", "Shares fell."]),
        ("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
        # initials
        (
            "J. R. R. Tolkien wrote it. George W. Bush read it.",
            ["J. R. R. Tolkien wrote it.", "George W. Bush read it."],
        ),
        # decimals, numbers, versions
        (
            "Prices rose 3.5 percent to $1,200.50 in Q3. Version 2.0.1 shipped.",
            ["Prices rose 3.5 percent to $1,200.50 in Q3.", "Version 2.0.1 shipped."],
        ),
        # quotes
        (
            "“We will not let them pass,” he said. “Never.” Then he left.",
            ["“We will not let them pass,” he said.", "“Never.”", "Then he left."],
        ),
        ('He said "stop." They stopped.', ['He said "stop."', "They stopped."]),
        ("“Is it over?” she asked. “Yes!” he shouted.", ["“Is it over?” she asked.", "“Yes!” he shouted."]),
        # brackets
        (
            "The group (banned in Russia.) left. Others stayed.",
            ["The group (banned in Russia.) left.", "Others stayed."],
        ),
        ("They left (see map.) The end.", ["They left (see map.)", "The end."]),
        ("Daesh (ISIS) remnants remain. The end.", ["Daesh (ISIS) remnants remain.", "The end."]),
        # ellipses
        (
            "He paused... then he spoke. Later… it rained. The end.",
            ["He paused... then he spoke.", "Later… it rained.", "The end."],
        ),
        ("Wait for it... The crowd cheered.", ["Wait for it...", "The crowd cheered."]),
        # ! and ? and mixed
        ("Really?! Yes. Why? Because.", ["Really?!", "Yes.", "Why?", "Because."]),
        # lower-case after a period is not a boundary
        ("The rate is approx. five percent. It rose.", ["The rate is approx. five percent.", "It rose."]),
        # a number after a sentence end
        ("The vote ended. 12 members abstained.", ["The vote ended.", "12 members abstained."]),
        # no punctuation at all
        ("no punctuation at all in this text", ["no punctuation at all in this text"]),
        # emails and urls keep their dots
        (
            "Write to info@example.com or see www.example.org today. Thanks.",
            ["Write to info@example.com or see www.example.org today.", "Thanks."],
        ),
    ],
)
def test_tricky_sentences(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_list_lines_and_paragraph_breaks_are_sentence_boundaries() -> None:
    text = "Demands:\n\n- withdraw troops\n- open the road\n1. first\n2) second\n\nThe end"
    assert texts(text) == [
        "Demands:",
        "- withdraw troops",
        "- open the road",
        "1. first",
        "2) second",
        "The end",
    ]


def test_paragraph_numbers_follow_blank_lines_and_wrapped_lines_join() -> None:
    sentences = split_sentences("One line\nwrapped here. Two.\n\nThree.")
    assert [(s.text, s.index, s.paragraph) for s in sentences] == [
        ("One line wrapped here.", 0, 0),
        ("Two.", 1, 0),
        ("Three.", 2, 1),
    ]


def test_without_blank_lines_each_line_is_a_paragraph() -> None:
    assert paragraphs("a\r\nb\rc\n\n") == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "( cnn ) the u.s. army left . it was 3.5 miles away .",
            ["( cnn ) the u.s. army left .", "it was 3.5 miles away ."],
        ),
        (
            "`` we are done . '' he said . really ? yes !",
            ["`` we are done . ''", "he said .", "really ?", "yes !"],
        ),
        (
            "he waited ... and left . -lrb- see map . -rrb- the end",
            ["he waited ...", "and left .", "-lrb- see map . -rrb-", "the end"],
        ),
        ("mr. smith met dr. jones at 9 a.m. and left .", ["mr. smith met dr. jones at 9 a.m. and left ."]),
    ],
)
def test_pretokenized_mode(text: str, expected: list[str]) -> None:
    assert texts(text, pretokenized=True) == expected


def test_words_keep_inner_punctuation() -> None:
    assert words("The U.S.-led force's 3.5-mile convoy didn't stop (al-Kazia).") == [
        "The",
        "U.S",
        "led",
        "force's",
        "3.5-mile",
        "convoy",
        "didn't",
        "stop",
        "al-Kazia",
    ]


def test_sumy_tokenizer_protocol() -> None:
    tokenizer = SumyTokenizer("english")
    assert tokenizer.to_sentences("Gen. Smith left. He came back.") == ("Gen. Smith left.", "He came back.")
    assert tokenizer.to_words("Gen. Smith left.") == ("Gen", "Smith", "left")
    assert SumyTokenizer(pretokenized=True).to_sentences("a b . c d .") == ("a b .", "c d .")


@pytest.mark.parametrize("separator", [" ", "\n"])
def test_fifty_thousand_words_split_into_every_sentence(separator: str) -> None:
    sentence = "Gen. Smith said the U.S. convoy drove 3.5 miles today."
    text = separator.join([sentence] * 5000)
    assert len(words(text)) == 50000
    result = split_sentences(text)
    assert len(result) == 5000
    assert {s.text for s in result} == {sentence}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He flew to St. Louis on Monday. Then home.", ["He flew to St. Louis on Monday.", "Then home."]),
        ("Sen. John McCain (R-Ariz.) spoke. He left.", ["Sen. John McCain (R-Ariz.) spoke.", "He left."]),
        ("She said: 'We are done.' Then she left.", ["She said: 'We are done.'", "Then she left."]),
        ("(This is a bracketed sentence.) And another.", ["(This is a bracketed sentence.)", "And another."]),
        (
            "The Jan. 6 attack was debated. Then they voted.",
            ["The Jan. 6 attack was debated.", "Then they voted."],
        ),
        ('He said "Wait..." and left.', ['He said "Wait..." and left.']),
        ("Ranked No. 1 in the world. Yes.", ["Ranked No. 1 in the world.", "Yes."]),
    ],
)
def test_more_tricky_sentences(text: str, expected: list[str]) -> None:
    assert texts(text) == expected
