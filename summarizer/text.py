"""Offline sentence splitting and word tokenizing (no NLTK data), in linear time.

Every boundary decision looks at a bounded window around one candidate, so the cost grows
linearly with the length of the text. The same functions serve sumy (see ``SumyTokenizer``),
the incident extractor and the bot.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "Sentence",
    "SumyTokenizer",
    "first_sentence",
    "paragraphs",
    "split_sentences",
    "words",
]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document: its text, position and paragraph."""

    text: str
    index: int
    paragraph: int


# Abbreviations that end with a period but rarely end a sentence (lower-cased, without the final dot).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft rev gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr gov sen rep
    pres supt insp det amb hon messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols fig figs p pp ch sec art para ed eds approx est dept univ assn bros co corp inc ltd
    vs etc al cf ca viz op cit ibid jan
    u.s u.k u.n e.u u.a.e a.m p.m e.g i.e n.b d.c l.a u.s.a ph.d b.a m.a
    ave blvd rd hwy mt km kg lb lbs oz
    """.split()
)
# Abbreviations after which a capitalized word is still the same sentence (titles before names).
_TITLES = frozenset(
    "mr mrs ms dr prof rev gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr gov sen rep pres supt insp "
    "det amb hon st mt no nos vol fig p pp art".split()
)
# Words that usually start a sentence: after "U.S." or "a.m." they mark a boundary.
_STARTERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those there here
    but and so yet or in on at for after before when while if as since during although though
    however meanwhile also then now later earlier still some many most several one two three
    officials police witnesses sources according mr mrs ms dr
    """.split()
)

# "…" or a whole run of ".!?" (tried from the run's first mark only: a later start would reach the
# same end), then closing quotes or brackets, before whitespace. The runs are possessive, since
# giving back a mark or a quote can never put whitespace next; so each character is read once.
_END = re.compile(r"""(?:…|[.!?](?<![.!?]{2})[.!?]*+)["'”’)\]]*+(?=\s)""")
# How far back the word before a period is looked for: enough for any abbreviation, and it
# keeps each boundary decision constant-time (a search back to the start would be quadratic).
_LOOKBEHIND = 40
_WORD_BEFORE = re.compile(r"""([\w.'’-]+)$""")
_NEXT_TOKEN = re.compile(r"""\s+(["'“‘(\[]*)(\S*)""")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•▪◦]|\d{1,3}[.)])\s+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# A stand-alone end token: ".", "!", "?" or "..." after whitespace (checked behind the first
# character, so the scan jumps between punctuation marks instead of stopping at every space).
_PRETOKENIZED_END = re.compile(r"""[.!?](?<=\s.)(?:(?<=\.)\.\.)?(?:\s+(?:''|'|"|-rrb-|\)))*(?=\s|$)""")
# Possessive: nothing follows the repeat, so backtracking could never change a match; it is just skipped.
_WORD = re.compile(r"\w++(?:['’\-.]\w++)*+", re.UNICODE)


def paragraphs(text: str) -> list[str]:
    """Split text into paragraphs.

    Blank lines separate paragraphs. Text with no blank line is taken one paragraph per line,
    which is how most plain-text and scraped articles are stored. Inside a blank-line
    paragraph, hard-wrapped lines are joined, but list items stay separate.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _BLANK_LINE.search(text):
        blocks = _BLANK_LINE.split(text)
        result: list[str] = []
        for block in blocks:
            result.extend(_join_wrapped_lines(block.split("\n")))
        return [p for p in result if p]
    return [line.strip() for line in text.split("\n") if line.strip()]


def _join_wrapped_lines(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines of one block, keeping list items as their own paragraphs."""
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if _LIST_ITEM.match(stripped) and current:
            out.append(" ".join(current))
            current = []
        current.append(stripped)
    if current:
        out.append(" ".join(current))
    return out


def _is_boundary(paragraph: str, end: int, stop: str) -> bool:
    """Decide whether the sentence-final punctuation ``stop`` ending at ``end`` ends a sentence."""
    follow = _NEXT_TOKEN.match(paragraph, end)
    if follow is None:
        return True
    opener, next_word = follow.group(1), follow.group(2)
    if not next_word and not opener:
        return True
    first = (next_word or opener)[:1]
    if stop.startswith(("!", "?", "…", "...")) and stop.rstrip("\"'”’)]")[-1:] in "!?…":
        return first.isupper() or first.isdigit() or bool(opener)
    if stop.rstrip("\"'”’)]").endswith("..."):
        return first.isupper() or bool(opener)
    if first.islower():
        return False
    stop_at = end - len(stop) + 1
    before = _WORD_BEFORE.search(paragraph, max(0, stop_at - _LOOKBEHIND), stop_at)
    token = before.group(1) if before else ""
    token = token.rstrip(".").lower()
    if stop.rstrip(".") != "":
        # a closing quote or bracket after the period: a sentence ends
        return True
    if not token:
        return True
    if token in _TITLES:
        return False
    if len(token) == 1 and token.isalpha():
        # an initial ("J. Smith") unless the next word clearly starts a sentence
        return next_word.lower() in _STARTERS
    if token in _ABBREVIATIONS or (("." in token) and len(token) <= 6):
        return next_word.lower().strip("\"'“”‘’") in _STARTERS
    return True


def _sentences_of(paragraph: str) -> Iterator[str]:
    """The sentences of one paragraph, lazily: a caller may stop after the first."""
    start = 0
    for match in _END.finditer(paragraph):
        end = match.end()
        if _is_boundary(paragraph, end, match.group(0)):
            piece = paragraph[start:end].strip()
            if piece:
                yield piece
            start = end
    tail = paragraph[start:].strip()
    if tail:
        yield tail


def _split_paragraph(paragraph: str) -> list[str]:
    return list(_sentences_of(paragraph))


def _split_pretokenized(paragraph: str) -> list[str]:
    """Split PTB-tokenized text on stand-alone end tokens (and closing quotes after them)."""
    sentences: list[str] = []
    start = 0
    for match in _PRETOKENIZED_END.finditer(paragraph):
        piece = paragraph[start : match.end()].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def split_sentences(text: str, *, pretokenized: bool = False) -> list[Sentence]:
    """Split text into sentences, numbered in document order with their paragraph index."""
    splitter = _split_pretokenized if pretokenized else _split_paragraph
    result: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs(text)):
        for piece in splitter(paragraph):
            result.append(Sentence(text=piece, index=len(result), paragraph=number))
    return result


def first_sentence(text: str) -> str | None:
    """The first sentence ``split_sentences(text)`` would give, found without splitting the rest."""
    for paragraph in paragraphs(text):
        for piece in _sentences_of(paragraph):
            return piece
    return None


def words(text: str) -> list[str]:
    """Word tokens of ``text`` (letters and digits, keeping inner hyphens, apostrophes and dots)."""
    return _WORD.findall(text)


class SumyTokenizer:
    """A sumy-compatible tokenizer backed by this module (no NLTK data needed)."""

    def __init__(self, language: str = "english", *, pretokenized: bool = False) -> None:
        self.language = language
        self._pretokenized = pretokenized

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of one paragraph, as sumy's parsers expect."""
        return tuple(s.text for s in split_sentences(paragraph, pretokenized=self._pretokenized))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Words of one sentence, as sumy's models expect."""
        return tuple(words(sentence))
