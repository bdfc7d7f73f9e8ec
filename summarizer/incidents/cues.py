"""Fast first tests of a pattern on a sentence's cue text (``cue_text``: the sentence lower-cased).

A text can only match a pattern when it contains one of the literal strings every match of the
pattern contains (``"taliban"`` for ``\\bTaliban(?: fighters)?\\b``, one of ``"airstrike"``,
``"air strike"``, ``"ied"`` for ``air ?strikes?|IEDs?``): a substring test, far faster than a scan.
Then the pattern lower-cased is looked for in the cue text: a case-insensitive pattern is tried at
every position of a text, a case-sensitive one skips ahead to the letters a match can start with,
several times faster. The lowered pattern ignores case everywhere (inline case flags dropped), so
both tests find at least what the pattern finds: a text they rule out cannot match the pattern,
and only the texts they pass are read with the pattern (``matches``). ``scan`` also keeps a
text's matches for the next reading of the same text.

``candidates`` runs the first test of a whole list of rules at once: one pass of an Aho-Corasick
automaton over the cue text finds every required string it holds, and only the rules needing one
of them (or none) are visited; the rest are never looked at. That automaton holds the strings of
every list of rules read so far (the cue index): a sentence is passed over once, and the lists
read next on it (its event rules, its date, count and actor patterns) share that pass.

A pattern every match of which starts with one of a set of strings (``\\b(?:shelled|bombed)``,
a list of country names) is read (``read``, and so ``matches`` and ``scan``) only where one of them
starts in the cue text: one automaton pass finds those places, and the pattern is matched at each
in turn, as ``finditer`` would. The engine would otherwise try every position of the text.
"""

from __future__ import annotations

import functools
import importlib
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

import ahocorasick

__all__ = ["WARM_UP", "candidates", "cue_text", "first", "matches", "may_match", "read", "read_at", "scan"]

# The standard library's own parser of patterns (``sre_parse``, a deprecated alias, warns).
_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
# Items that match no text ("\\b", lookarounds): a match starts where the item after them starts.
_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
# Starting strings shorter than this start too often for reading from them to pay.
_SHORTEST_START = 2
# Escapes that mean something else in lower case (\S is not \s, \B not \b).
# A pattern the lowered test would misread: flags it is compiled without, escapes that stand for
# letters lower() does not reach (capital classes, characters by code), letters lower() leaves apart.
_UNLOWERED_ESCAPE = re.compile(r"\\[A-Zxu0-7]")
_UNLOWERED_FLAGS = re.DOTALL | re.VERBOSE | re.MULTILINE
_CASE_FLAGS = re.compile(r"\(\?-?i:")
_NAMED_GROUP = re.compile(r"\(\?P[<=]")  # "(?p<" is no group
# Letters a case-insensitive pattern takes for an ASCII letter although lower() does not give it:
# "İ" is "i" to the pattern (lower() adds a combining dot), "ı" is "i" and "ſ" is "s".
_SAME_LETTER = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


class _Tests:
    """A pattern's fast tests: strings one of which it needs (none when unknown), its lower-cased form.

    With a ``group``, only the matches in which that group takes part count. Making the tests (parsing
    the pattern) costs about as much as a hundred scans of a sentence with it, but an untested read of
    a long pattern (a count's) costs ten or more: the tests are made once the pattern has been asked
    for ``WARM_UP`` times, so a pattern a program hardly uses is never parsed; until then every text
    passes. ``made`` is set once every test is in place (another thread
    may read the tests while they are made: it then finds none, and every text passes).
    """

    __slots__ = ("group", "lowered", "made", "needed", "pattern", "required", "starts", "uses")

    def __init__(self, pattern: re.Pattern[str], group: str | None) -> None:
        self.pattern = pattern
        self.group = group
        self.uses = 0
        self.made = False
        self.required: tuple[str, ...] = ()
        self.needed: Any = None  # the required strings in an automaton, when they are many
        self.lowered: re.Pattern[str] | None = None
        self.starts: Any = None  # an automaton of the strings every match starts with, when known

    def make(self) -> None:
        """Make the tests now (a pattern too long to test keeps only its starts)."""
        self.uses = WARM_UP
        items = list(_parser.parse(self.pattern.pattern, self.pattern.flags))
        self.starts = _automaton(_starts(items))
        if len(self.pattern.pattern) <= _LONGEST_TESTED:
            required = _required(items, self.pattern, self.group)
            if len(required) >= _MANY_REQUIRED:
                self.needed = _automaton(frozenset(required))
            self.required, self.lowered = required, _lowered(self.pattern)
        self.made = True

    def ready(self) -> bool:
        """Count a use of the pattern: whether its tests are in place (made on its ``WARM_UP``-th use)."""
        if self.uses < WARM_UP:
            self.uses += 1
            if self.uses < WARM_UP:
                return False
            self.make()
        return True

    def holds_required(self, lower: str) -> bool:
        """Whether ``lower`` holds one of the required strings (many are looked for in one pass)."""
        if self.needed is not None:
            return next(self.needed.iter(lower), None) is not None
        required = self.required
        if len(required) == 1:
            return required[0] in lower  # the common case, without a generator's cost
        return any(word in lower for word in required)

    def passes(self, lower: str, *, reading: bool = False) -> bool:
        """False only when the pattern cannot match the text whose ``cue_text`` is ``lower``.

        ``reading``: the text is read with ``_read`` next, which costs less than the lowered
        pattern's test when the pattern is read from its starts: that test is then left out.
        """
        if not self.ready():
            return True
        if self.required and not self.holds_required(lower):
            return False
        return (
            _second_test(self, lower)
            if reading
            else self.lowered is None or self.lowered.search(lower) is not None
        )


WARM_UP = 10
# From this many required strings on, one pass of an automaton finds one faster than a test of each.
_MANY_REQUIRED = 4
# A run of literals spelled more ways than this (by its classes: "m[ae]n") is cut at the class.
_MANY_SPELLINGS = 16
# A pattern longer than this is mostly a list of names (every country's): parsing it costs more
# than its tests save, and it has none.
_LONGEST_TESTED = 10_000
# Each pattern's tests, made on first use, by the pattern's identity (its own hash reads all its code).
_TESTS: dict[int | tuple[int, str], _Tests] = {}


@functools.lru_cache(maxsize=1024)
def cue_text(text: str) -> str:
    """The text as ``may_match`` reads it: lower-cased, the pattern engine's look-alike letters folded
    (one letter for one, so positions are kept)."""
    return text.translate(_SAME_LETTER).lower()


def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern lower-cased, when it ignores case somewhere (else it is no faster than the pattern)."""
    ignores_case = pattern.flags & re.IGNORECASE or "(?i" in pattern.pattern
    if (not ignores_case or pattern.flags & _UNLOWERED_FLAGS or not pattern.pattern.isascii()
            or _UNLOWERED_ESCAPE.search(pattern.pattern) or _NAMED_GROUP.search(pattern.pattern)):
        return None
    return re.compile(_CASE_FLAGS.sub("(?:", pattern.pattern).lower())


def _required(items: list[tuple[Any, Any]], pattern: re.Pattern[str], group: str | None) -> tuple[str, ...]:
    """Lower-cased strings one of which every match of ``pattern`` (parsed: ``items``; in which
    ``group`` takes part) contains; empty when none is known."""
    if group is not None and len(items) == 1 and items[0][0] is _constants.BRANCH:
        number = pattern.groupindex[group]
        found = [_needed(a) for a in items[0][1][1] if _holds(a, number)]
        needed = frozenset().union(*(f for f in found if f)) if found and all(found) else None
    else:
        needed = _needed(items)
    return tuple(sorted(needed or ()))


def _holds(items: Iterable[tuple[Any, Any]], number: int) -> bool:
    """Whether a sequence of parsed items holds the group of this number."""
    for op, argument in items:
        if op is _constants.SUBPATTERN and (argument[0] == number or _holds(argument[-1], number)):
            return True
        if op is _constants.BRANCH and any(_holds(a, number) for a in argument[1]):
            return True
        if op in _REPEATS and _holds(argument[2], number):
            return True
        if op in (_constants.ATOMIC_GROUP,) and _holds(argument, number):
            return True
        if op in (_constants.ASSERT, _constants.ASSERT_NOT) and _holds(argument[1], number):
            return True
    return False


def _needed(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """For a sequence of parsed items, the best set of strings one of which every match contains.

    Runs of ASCII literals, small classes of them and alternatives made of those are such strings,
    spelled every way they allow (``[Ww]om(?:a|e)n``: "woman", "women"); so are those of a group, of
    a repeat of at least one, and of alternatives when each alternative has some. The set whose
    shortest string is longest wins.
    """
    best: frozenset[str] | None = None
    run = frozenset({""})  # every spelling of the run of letters read so far

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if (
            candidate
            and "" not in candidate
            and (best is None or min(map(len, candidate)) > min(map(len, best)))
        ):
            best = candidate

    for op, argument in items:
        letters = _spellings(argument[1]) if op is _constants.BRANCH else _ascii_letters(op, argument)
        longer = _extended(run, letters)
        if longer:
            run = longer
            continue
        consider(run)
        run = frozenset({""})
        if op is _constants.SUBPATTERN:
            consider(_needed(argument[-1]))
        elif op is _constants.ATOMIC_GROUP:
            consider(_needed(argument))
        elif op in _REPEATS and argument[0] >= 1:
            consider(_needed(argument[2]))
        elif op is _constants.BRANCH:
            alternatives = [_needed(alternative) for alternative in argument[1]]
            if all(alternatives):
                consider(frozenset().union(*(a for a in alternatives if a)))
    consider(run)
    return best


def _spellings(alternatives: Iterable[Iterable[tuple[Any, Any]]]) -> frozenset[str]:
    """Every spelling of alternatives made of literals and small classes only ("an|en": "an", "en";
    empty when one is not or they are too many)."""
    spellings: set[str] = set()
    for alternative in alternatives:
        run = frozenset({""})
        for op, argument in alternative:
            run = _extended(run, _ascii_letters(op, argument))
        if not run:
            return frozenset()
        spellings |= run
    return frozenset(spellings) if "" not in spellings and len(spellings) <= _MANY_SPELLINGS else frozenset()


def _extended(run: frozenset[str], letters: frozenset[str]) -> frozenset[str]:
    """Every spelling of ``run`` followed by one of ``letters`` (empty when none or too many)."""
    if len(run) * len(letters) > _MANY_SPELLINGS:
        return frozenset()
    return frozenset(spelling + letter for spelling in run for letter in letters)


def _ascii_letters(op: Any, argument: Any) -> frozenset[str]:
    """The lower-cased characters a parsed literal or class of literals matches when each is one ASCII
    character (empty for any other item, or when lower() makes one longer or leaves it outside ASCII)."""
    if op is _constants.LITERAL:
        codes: tuple[int, ...] = (argument,)
    elif op is _constants.IN and all(member is _constants.LITERAL for member, _ in argument):
        codes = tuple(code for _, code in argument)
    else:
        return frozenset()
    letters = frozenset(chr(code).lower() for code in codes)
    return letters if all(len(letter) == 1 and letter.isascii() for letter in letters) else frozenset()


def _letter(op: Any, argument: Any) -> str:
    """The one lower-cased ASCII letter a parsed item matches: a literal, or a class of one letter in
    its cases (``[Ii]``); empty when none (another class, a letter lower() makes longer, a letter
    outside ASCII, whose cases lower() may leave apart: σ and ς)."""
    letters = _ascii_letters(op, argument)
    return next(iter(letters)) if len(letters) == 1 else ""


def _starts(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of a sequence of parsed items starts with; None
    when not known (a class of characters, a first item that may match nothing, a letter lower()
    makes longer). An optional first item adds its starts to those of what follows it."""
    position = 0
    while position < len(items) and items[position][0] in _ZERO_WIDTH:
        position += 1
    if position == len(items):
        return None
    op, argument = items[position]
    if _letter(op, argument):
        run = []
        for op, argument in items[position:]:
            letter = _letter(op, argument)
            if not letter:
                break
            run.append(letter)
        return frozenset({"".join(run)})
    if op is _constants.SUBPATTERN:
        return _starts(list(argument[-1]))
    if op is _constants.ATOMIC_GROUP:
        return _starts(list(argument))
    if op in _REPEATS and argument[0] >= 1:
        return _starts(list(argument[2]))
    if op in _REPEATS:
        optional, rest = _starts(list(argument[2])), _starts(items[position + 1 :])
        return optional | rest if optional and rest else None
    if op is _constants.BRANCH:
        alternatives = [_starts(list(alternative)) for alternative in argument[1]]
        return frozenset().union(*alternatives) if all(alternatives) else None  # type: ignore[arg-type]
    return None


def _automaton(strings: frozenset[str] | None) -> Any:
    """An automaton that finds the strings (each with its length), when they are long enough to pay."""
    if not strings or min(map(len, strings)) < _SHORTEST_START:
        return None
    automaton = ahocorasick.Automaton()
    for string in strings:
        automaton.add_word(string, len(string))
    automaton.make_automaton()
    return automaton


def _tests(pattern: re.Pattern[str], group: str | None = None) -> _Tests:
    key = id(pattern) if group is None else (id(pattern), group)
    tests = _TESTS.get(key)
    if tests is None or tests.pattern is not pattern:
        tests = _TESTS[key] = _Tests(pattern, group)
    return tests


def may_match(pattern: re.Pattern[str], lower: str) -> bool:
    """False only when ``pattern`` cannot match the text whose ``cue_text`` is ``lower``."""
    return _tests(pattern).passes(lower)


def matches(pattern: re.Pattern[str], text: str, lower: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, but no read of a text the fast tests rule out (``lower``: its cue text)."""
    tests = _tests(pattern)
    return _read(tests, text, lower) if tests.passes(lower, reading=True) else iter(())


def first(pattern: re.Pattern[str], text: str, lower: str) -> re.Match[str] | None:
    """``pattern.search(text)``, but no read of a text the fast tests rule out (``lower``: its cue text)."""
    return next(matches(pattern, text, lower), None)


def read(pattern: re.Pattern[str], text: str, lower: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` (``lower``: the text's cue text), read only from where a match can start
    (once the pattern has been read ``WARM_UP`` times)."""
    tests = _tests(pattern)
    tests.ready()
    return _read(tests, text, lower)


def _read(tests: _Tests, text: str, lower: str) -> Iterator[re.Match[str]]:
    if tests.starts is None:
        return tests.pattern.finditer(text)
    return _read_from(tests.pattern, tests.starts, text, lower)


def _read_from(pattern: re.Pattern[str], starts: Any, text: str, lower: str) -> Iterator[re.Match[str]]:
    """The matches ``finditer`` finds, read from where the automaton ``starts`` finds a starting string
    in ``lower`` (``cue_text`` keeps every letter where it is)."""
    return read_at(pattern, text, sorted({last + 1 - length for last, length in starts.iter(lower)}))


def read_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern every match of which is not empty and starts at one of
    ``starts`` (in increasing order): the first match at the first place one can start, the next at
    the first such place after it ends, and so on."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match


def scan(pattern: re.Pattern[str], text: str, group: str | None = None) -> tuple[re.Match[str], ...]:
    """All matches of ``pattern`` in ``text`` (with a ``group``: those in which it takes part), kept
    for the next reading of the same text.

    An article's places are read twice when the first guess of its country was wrong (see
    ``reading.dominant_country``): the matches do not depend on the country, and the second
    reading takes them from here.
    """
    return _scan(_tests(pattern, group), text)


@functools.lru_cache(maxsize=8192)
def _scan(tests: _Tests, text: str) -> tuple[re.Match[str], ...]:
    lower = cue_text(text)
    if not tests.passes(lower, reading=True):
        return ()
    found = _read(tests, text, lower)
    return tuple(found if tests.group is None else (m for m in found if m.group(tests.group) is not None))


_Rule = TypeVar("_Rule")


class _RuleIndex:
    """A list of rules' required strings: for each string, the rules (as bits of a mask) that need it.

    Made whole before it is used: threads that read the same list meanwhile see no half-made index.
    """

    __slots__ = ("always", "size", "strings", "tests")

    def __init__(self, rules: Sequence[Any]) -> None:
        self.size = len(rules)
        self.tests = [_tests(_pattern_of(rule)) for rule in rules]
        self.always = 0  # the rules that need no string
        self.strings: dict[str, int] = {}
        for position, tests in enumerate(self.tests):
            if not tests.made:
                tests.make()
            if not tests.required:
                self.always |= 1 << position
            for string in tests.required:
                self.strings[string] = self.strings.get(string, 0) | 1 << position


class _CueIndex:
    """Every indexed list's required strings in one automaton: one pass over a text (``found``) tells,
    for every list at once, the rules whose strings it holds; each list has its ``slot``."""

    __slots__ = ("always", "automaton", "lists", "needs")

    def __init__(self, lists: tuple[_RuleIndex, ...]) -> None:
        self.lists = lists
        self.always = tuple(index.always for index in lists)
        by_string: dict[str, list[tuple[int, int]]] = {}
        for slot, index in enumerate(lists):
            for string, mask in index.strings.items():
                by_string.setdefault(string, []).append((slot, mask))
        # Each string's number leads to the lists (slots) and rules (masks) that need it.
        self.needs = tuple(tuple(slots) for slots in by_string.values())
        self.automaton = ahocorasick.Automaton()
        for number, string in enumerate(by_string):
            self.automaton.add_word(string, number)
        if by_string:
            self.automaton.make_automaton()

    def found(self, lower: str) -> list[int]:
        """For each list, the rules (bits of a mask) that the text whose ``cue_text`` is ``lower``
        holds a required string of, or needs none."""
        masks = list(self.always)
        if self.automaton.kind == ahocorasick.AHOCORASICK:
            needs = self.needs
            for number in {number for _, number in self.automaton.iter(lower)}:
                for slot, mask in needs[number]:
                    masks[slot] |= mask
        return masks


@functools.lru_cache(maxsize=64)
def _found(cues: _CueIndex, lower: str) -> list[int]:
    """``cues.found(lower)``, kept for the other readers of the same sentence (each asks for its list)."""
    return cues.found(lower)


class _RuleList:
    """A list of rules as ``candidates`` reads it: how often it was read, its index once made, and
    its slot in the cue index."""

    __slots__ = ("index", "rules", "slot", "uses")

    def __init__(self, rules: Sequence[Any]) -> None:
        self.rules = rules
        self.uses = 0
        self.index: _RuleIndex | None = None
        self.slot = -1


def _second_test(tests: _Tests, lower: str) -> bool:
    """The lowered pattern's test, for a rule not read from its starts (where reading costs less)."""
    return tests.starts is not None or tests.lowered is None or tests.lowered.search(lower) is not None


# Each list of rules, by its identity; the cue index of every list indexed so far.
_RULE_LISTS: dict[int, _RuleList] = {}
_CUE_INDEX = _CueIndex(())
_INDEXING = threading.Lock()


def _pattern_of(rule: Any) -> re.Pattern[str]:
    pattern: re.Pattern[str] = rule if isinstance(rule, re.Pattern) else rule[0]
    return pattern


def _index(listed: _RuleList) -> None:
    """Index a list of rules (again, when it has grown) and put it in a new cue index, which replaces
    the old one only once whole."""
    global _CUE_INDEX  # noqa: PLW0603 - one index for the program's lists, replaced whole
    index = _RuleIndex(listed.rules)
    with _INDEXING:
        lists = _CUE_INDEX.lists
        slot = listed.slot if listed.slot >= 0 else len(lists)
        _CUE_INDEX = _CueIndex((*lists[:slot], index, *lists[slot + 1 :]))
        listed.slot, listed.index = slot, index


def candidates(rules: Sequence[_Rule], lower: str) -> list[_Rule]:
    """The rules (each a pattern, or a tuple that starts with its pattern), in order, but those whose
    pattern cannot match the text whose ``cue_text`` is ``lower``: ``may_match`` of each rule at once.

    Like ``may_match``, every rule passes until the list has been read ``WARM_UP`` times; the index
    is made again when the list has grown since. ``rules`` is a list kept for the program's life (a
    module's constant): its index is kept by the list's identity. Every list's required strings are
    found in one pass over a text, shared by the lists read next on the same text.
    """
    listed = _RULE_LISTS.get(id(rules))
    if listed is None or listed.rules is not rules:
        listed = _RULE_LISTS[id(rules)] = _RuleList(rules)
    index = listed.index
    if index is None or index.size != len(rules):
        listed.uses += 1
        if listed.uses < WARM_UP:
            return list(rules)
        _index(listed)
    cues = _CUE_INDEX
    slot = listed.slot
    if slot >= len(cues.lists) or cues.lists[slot] is not listed.index:
        return list(rules)  # another thread is indexing this list: every rule passes meanwhile
    tests = cues.lists[slot].tests
    mask = _found(cues, lower)[slot]
    passed = []
    while mask:
        bit = mask & -mask
        position = bit.bit_length() - 1
        mask ^= bit
        if _second_test(tests[position], lower):
            passed.append(rules[position])
    return passed
