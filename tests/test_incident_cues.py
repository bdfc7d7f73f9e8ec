"""The fast first tests of a pattern never rule out a text the pattern matches."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from summarizer.incidents import actors, counts, dates, events, places, reading
from summarizer.incidents.cues import WARM_UP, _tests, candidates, cue_text, matches, may_match, read, scan


def warmed(pattern: re.Pattern[str], group: str | None = None) -> re.Pattern[str]:
    """The pattern, asked for often enough that its fast tests (for that group) are made."""
    for i in range(WARM_UP):
        may_match(pattern, "")
        scan(pattern, str(i), group)
    return pattern


PATTERNS = [
    re.compile(r"\b(?:air ?strikes?|IEDs?|(?-i:march)(?:es)?)\b", re.IGNORECASE),
    re.compile(r"(?<![\w.])[A-Z][a-z]+ (?i:province)"),
    re.compile(r"\bshot\S*"),
    re.compile(r"\b(?P<who>Taliban|Shabaab)(?:\s+(?:fighters|militants))?\b"),
    re.compile(r"\bkill(?:ed|ing)?\s+(?:\d+|two)\s+(?:people|civilians)", re.IGNORECASE),
    re.compile(r"\b(?:in|near)\s+Idlib\b", re.IGNORECASE),
    re.compile(r"(?:\bgunm[ae]n)+|(?>armed\s+)men", re.IGNORECASE),
    re.compile(r"\b(?:two|\d+) (?:wo)?(?:man|men)\b|[Bb]oys?"),
    re.compile(r"\bbo(?:y|\w+t)s\b", re.IGNORECASE),
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
        "TALIBAN fighters attacked; Taliban militants fled",
        "Shabaab killed two civilians",
        "KILLING 12 PEOPLE",
        "fighting near İdlib and IN İDLİB",
        "GUNMEN and armed   men",
        "a misſion in Idlıb",
        "Two Women and 3 men; BOYS",
        "two bots",
    ],
)
def test_never_rules_out_a_match(pattern: re.Pattern[str], text: str) -> None:
    warmed(pattern)
    if pattern.search(text):
        assert may_match(pattern, cue_text(text))
    assert [m.span() for m in matches(pattern, text, cue_text(text))] == [
        m.span() for m in pattern.finditer(text)
    ]
    assert [m.span() for m in scan(pattern, text)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (re.compile(r"raid.ed", re.IGNORECASE | re.DOTALL), "RAID\nED"),
        (re.compile(r"raid ed", re.IGNORECASE | re.VERBOSE), "Raided"),
        (re.compile(r"[\x41-\x43]rmed", re.IGNORECASE), "armed"),
        (re.compile(r"\u0130dlib", re.IGNORECASE), "İdlib"),
        (re.compile(r"σx", re.IGNORECASE), "ςx"),
    ],
)
def test_flags_escapes_and_letters_lower_leaves_apart_rule_out_no_match(
    pattern: re.Pattern[str], text: str
) -> None:
    warmed(pattern)
    assert pattern.search(text)
    assert may_match(pattern, cue_text(text))
    found = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in scan(pattern, text)] == found
    assert [m.span() for m in read(pattern, text, cue_text(text))] == found


def test_scan_keeps_the_matches_for_the_next_reading() -> None:
    text = "Taliban fighters attacked; Taliban militants fled"
    assert scan(PATTERNS[3], text) is scan(PATTERNS[3], text)
    assert scan(PATTERNS[3], text + ".")[0].string == text + "."


def test_rules_out_texts_without_the_cue() -> None:
    for pattern in PATTERNS:
        warmed(pattern)
    assert not may_match(PATTERNS[0], "a calm day in the capital")
    assert not may_match(PATTERNS[3], cue_text("Police said the attackers fled"))
    assert not may_match(PATTERNS[4], cue_text("They killed time talking to people"))


def test_cue_text_reads_letters_as_the_pattern_engine_does() -> None:
    assert cue_text("İDLİB, Diyarbakır") == "idlib, diyarbakir"


NAMED = re.compile(r"(?P<name>[A-Z][a-z]+)\s+province\b|[A-Z][a-z]*+")


@pytest.mark.parametrize("text", ["in Kunar province", "in Kunar Province", "Kunar and Nangarhar", ""])
def test_scan_of_a_group_keeps_the_matches_it_takes_part_in(text: str) -> None:
    warmed(NAMED, "name")
    expected = [m.span() for m in NAMED.finditer(text) if m.group("name") is not None]
    assert [m.span() for m in scan(NAMED, text, "name")] == expected


def test_a_run_is_spelled_every_way_its_small_classes_and_alternatives_allow() -> None:
    pattern = warmed(re.compile(r"\b(?:two|\d+) (?:man|men)\b|[Cc]hild"))
    assert _tests(pattern).required == (" man", " men", "child")
    assert not may_match(pattern, cue_text("Two militants met the mothers"))
    assert may_match(pattern, cue_text("A Child and two men"))


def test_a_pattern_only_ever_read_is_read_from_its_starts_once_warmed() -> None:
    pattern = re.compile(r"\bsit-?ins?\b")
    for _ in range(WARM_UP):
        assert [m.span() for m in read(pattern, "a sit-in", "a sit-in")] == [(2, 8)]
    assert _tests(pattern).starts is not None
    assert [m.span() for m in read(pattern, "Sit-ins, a sitin", "sit-ins, a sitin")] == [(11, 16)]


def test_every_text_passes_until_the_tests_are_made() -> None:
    pattern = re.compile(r"\bcease-?fire\b")
    assert all(may_match(pattern, "") for _ in range(WARM_UP - 1))
    assert not may_match(pattern, "")
    assert may_match(pattern, "a ceasefire")


# Every list of rules the extractor reads with ``candidates``.
RULE_LISTS = [
    events._RULES_RE,
    events._REASONS_READ,
    dates._BY_PATTERN,
    actors._NAMED_RE,
    actors._GROUPS,
    counts._DEAD_PATTERNS,
    counts._HURT_PATTERNS,
]
SENTENCES = [
    "Gunmen ambushed a convoy near Kelvoro, killing four soldiers and wounding two.",
    "An AIRSTRIKE hit a market in Ostrava district; 3 civilians were killed.",
    "Protesters marched in Dunmere demanding the release of a teacher.",
    "A calm day in the capital.",
    "",
]


def _pattern(rule: object) -> re.Pattern[str]:
    return rule if isinstance(rule, re.Pattern) else rule[0]  # type: ignore[index]


def _warmed_rules(rules: list[Any]) -> list[Any]:
    for _ in range(WARM_UP):
        candidates(rules, "")
    for rule in rules:
        warmed(_pattern(rule))
    return rules


def _texts_with_required_strings(rules: list[Any]) -> list[str]:
    """For each rule, a text holding each string its first test needs (so it reaches the second test)."""
    texts = []
    for rule in rules:
        for string in _tests(_pattern(rule)).required:
            texts += [f"on Monday {string} near the town", string]
    return texts


@pytest.mark.parametrize("rules", RULE_LISTS)
def test_candidates_are_the_rules_whose_tests_pass(rules: list[Any]) -> None:
    """Property over every registered pattern: the one-pass index visits exactly the rules whose own
    fast tests a text passes (before a ``read``), so it never skips a rule whose pattern matches."""
    _warmed_rules(rules)
    for text in [*SENTENCES, *_texts_with_required_strings(rules)]:
        lower = cue_text(text)
        expected = [rule for rule in rules if _tests(_pattern(rule)).passes(lower, reading=True)]
        assert candidates(rules, lower) == expected
        matching = [rule for rule in rules if _pattern(rule).search(text)]
        assert all(rule in expected for rule in matching)


def test_candidates_rule_out_rules_without_their_strings() -> None:
    rules = _warmed_rules([re.compile(r"\bshell(?:ed|ing)\b"), (re.compile(r"\bdrones?\b", re.I), "drone")])
    assert candidates(rules, cue_text("Troops SHELLED the ridge")) == [rules[0]]
    assert candidates(rules, cue_text("A Drone struck")) == [rules[1]]
    assert candidates(rules, cue_text("a calm day")) == []


def test_every_rule_is_a_candidate_until_the_index_is_made_and_again_after_the_list_grows() -> None:
    rules = [re.compile(r"\bcurfew\b")]
    assert all(candidates(rules, "") == rules for _ in range(WARM_UP - 1))
    assert candidates(rules, "") == []
    rules.append(re.compile(r"\bsiege\b"))
    assert candidates(rules, "a siege and a curfew") == rules


def test_lists_read_on_the_same_text_share_one_pass_and_keep_their_own_rules() -> None:
    raids = _warmed_rules([re.compile(r"\braid(?:ed|s)?\b", re.I), re.compile(r"\bcurfews?\b")])
    counts = _warmed_rules([re.compile(r"\b(?:two|three) (?:soldiers|villagers)\b")])
    text = cue_text("Gunmen raided Lomar and killed three villagers before a curfew")
    assert candidates(raids, text) == raids
    assert candidates(counts, text) == counts
    counts.append(re.compile(r"\bsiege\b"))
    _warmed_rules(counts)
    assert candidates(counts, text) == counts[:1]
    assert candidates(raids, cue_text("A curfew held")) == raids[1:]
    assert candidates(counts, cue_text("A curfew held")) == []


def _registered_patterns() -> list[re.Pattern[str]]:
    """Every compiled pattern the incident modules keep at module level (alone, in lists or tuples)."""
    found: dict[int, re.Pattern[str]] = {}

    def collect(value: object, depth: int) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault(id(value), value)
        elif isinstance(value, list | tuple) and depth < 3:
            for item in value:
                collect(item, depth + 1)

    for module in (actors, counts, dates, events, places, reading):
        for value in vars(module).values():
            collect(value, 0)
    return list(found.values())


READ_TEXTS = [
    *SENTENCES,
    "On 3 March 2024, Ukrainian and Russian troops SHELLED each other near Velyka Novosilka (Donetsk).",
    "Shelled, shelled and shelled again: shelling shelled",
    "Nigerian army troops, Nigerian army troops and the Nigerian Army",
]


@pytest.mark.parametrize("pattern", _registered_patterns(), ids=lambda p: p.pattern[:40])
def test_reading_from_the_starts_finds_what_finditer_finds(pattern: re.Pattern[str]) -> None:
    """Property over every registered pattern: read from the places its starting strings occur (here
    put in texts of their own, in three letter cases and back to back), it finds exactly the matches
    ``finditer`` finds."""
    tests = _tests(pattern)
    tests.make()
    texts = list(READ_TEXTS)
    if tests.starts is not None:
        starts = sorted(tests.starts.keys())[:40]
        texts += [f"{s} {s.upper()} {s.title()}{s}, {s}-{s}." for s in starts]
    for text in texts:
        assert [m.span() for m in read(pattern, text, cue_text(text))] == [
            m.span() for m in pattern.finditer(text)
        ]


def test_patterns_starting_with_strings_are_read_from_them() -> None:
    pattern = warmed(re.compile(r"(?<![\w.])(?:shell(?:ed|ing)|bomb(?:ed|ing))\b", re.IGNORECASE))
    assert _tests(pattern).starts is not None
    text = "Troops SHELLED and bombed; x.shelling"
    assert [m.group(0) for m in read(pattern, text, cue_text(text))] == ["SHELLED", "bombed"]
    assert _tests(warmed(re.compile(r"\d+ killed"))).starts is None


@pytest.mark.parametrize("text", ["Troops shelled it", "they LOOTED a shop", "a calm day", "torch", ""])
def test_many_required_strings_are_looked_for_in_one_pass_with_the_same_answer(text: str) -> None:
    tests = _tests(warmed(re.compile(r"\b(?:shelled|bombed|raided|torched|looted)\b", re.IGNORECASE)))
    assert tests.needed is not None
    lower = cue_text(text)
    assert tests.holds_required(lower) == any(word in lower for word in tests.required)


def test_an_optional_first_item_and_a_letter_in_its_cases_give_starts() -> None:
    """An optional first item adds its starts to those of what follows; ``[Ss]`` is the letter s."""
    pattern = warmed(re.compile(r"\b(?:(?:early|late)[- ])?(?:[Ss]pring|[Ww]inter) (?:of )?\d{4}\b"))
    assert sorted(_tests(pattern).starts.keys()) == ["early", "late", "spring", "winter"]
    text = "Early spring 2021, late-Winter 1999 and SPRING 2020; springs 2020, in winter of 2019 late winter"
    assert [m.span() for m in read(pattern, text, cue_text(text))] == [
        m.span() for m in pattern.finditer(text)
    ]
    assert _tests(warmed(re.compile(r"(?:early )?\d+ killed"))).starts is None
    assert _tests(warmed(re.compile(r"(?:early )?(?:late )?killed"))).starts is not None
    assert _tests(warmed(re.compile(r"[^Ss]pring|[sa]ummer"))).starts is None


def test_threads_reading_a_list_while_its_index_is_made_get_every_matching_rule() -> None:
    rules = [re.compile(rf"\b(?:blockade|siege) number {i}\b") for i in range(200)]
    text = "the siege number 7 and the blockade number 150"
    lower = cue_text(text)
    expected = [rules[7], rules[150]]
    barrier = threading.Barrier(8)

    def read_often() -> list[list[re.Pattern[str]]]:
        barrier.wait()
        return [[r for r in candidates(rules, lower) if r.search(text)] for _ in range(2 * WARM_UP)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = [
            found for future in [pool.submit(read_often) for _ in range(8)] for found in future.result()
        ]
    assert all(found == expected for found in results)


def test_an_index_makes_the_tests_another_thread_is_still_making() -> None:
    rules = [re.compile(r"\bcurfews?\b")]
    _tests(rules[0]).uses = WARM_UP  # another thread counted the last use and is making the tests
    for _ in range(WARM_UP):
        candidates(rules, "")
    assert candidates(rules, "a calm day") == []
