"""Matching keys for place names: an exact key and a looser one for transliterations."""

from __future__ import annotations

import difflib
import functools
import math
import re
import unicodedata
from collections.abc import Callable
from typing import TypeVar

__all__ = [
    "alike",
    "ascii_name",
    "fold",
    "name_keys",
    "region_display_name",
    "short_unit_name",
    "similarity",
    "skeleton",
    "spelled_alike",
    "unit_keys",
]

_T = TypeVar("_T")
# Names whose keys are cached: at most this long. A cache of longer strings (text read as a name)
# would hold megabytes per entry; such names are rare, and their keys are computed each time.
_CACHED_NAME_LENGTH = 64


def _cached_when_short(function: Callable[[str], _T]) -> Callable[[str], _T]:
    """``function`` with a cache of its results for names up to ``_CACHED_NAME_LENGTH`` characters."""
    cached = functools.lru_cache(maxsize=65_536)(function)

    @functools.wraps(function)
    def lookup(name: str) -> _T:
        return cached(name) if len(name) <= _CACHED_NAME_LENGTH else function(name)

    return lookup


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ath|adh)\s+")
_FOLD_TABLE = str.maketrans({**dict.fromkeys("‘’ʿʾ'`ʻ"), "-": " "})
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "ed", "es", "ez"})
_SOUNDS = str.maketrans({"q": "k", "v": "w", "c": "k", "z": "s", "j": "g"})
_SILENT = re.compile(r"[aeiouyhw]")


@_cached_when_short
def fold(name: str) -> str:
    """A matching key: no accents, apostrophes, hyphens, Arabic article, case ("Al-Ḩasakah": "hasakah")."""
    if not name.isascii():
        name = ascii_name(name)
    return _ARTICLE.sub("", " ".join(name.translate(_FOLD_TABLE).lower().split()))


def similarity(first: str, second: str) -> float:
    """How alike two folded names are, from 0 to 1 ("sirt" and "surt": 0.75)."""
    return difflib.SequenceMatcher(None, first, second).ratio()


def alike(first: str, second: str, least: float) -> bool:
    """Whether ``similarity(first, second) >= least``: 1 for one name twice, else ruled out first by
    the matcher's cheap upper bounds of it (from the lengths, then the letters shared)."""
    if first == second:
        return least <= 1
    matcher = difflib.SequenceMatcher(None, first, second)
    return matcher.real_quick_ratio() >= least and matcher.quick_ratio() >= least and matcher.ratio() >= least


@_cached_when_short
def skeleton(key: str) -> str:
    """A looser key of a folded name: its consonants, so spellings of one name meet.

    "tuz khurmatu" and "tuz khormato" give "tskrmt"; "salah ad din", "sala al din" and "saladin"
    give "sldn"; "kunar" and "konar" give "knr". Articles inside the name, vowels, "h" and "w"
    are dropped and doubled letters merged; the first letter stays.
    """
    words = [w for w in key.split() if w not in _ARTICLES] or key.split()
    joined = "".join(words).translate(_SOUNDS)
    if not joined:
        return ""
    rest = _SILENT.sub("", joined[1:])
    out = [joined[0]]
    for char in rest:
        if char != out[-1]:
            out.append(char)
    return "".join(out)


# Transliterations of one Arabic (or Persian, Kurdish) name differ in the article ("Deir ez-Zor",
# "Deir Ezzor"), doubled letters ("Lattakia"), vowels ("Beit Hanoun", "Bayt Hanun"; Arabic has three
# vowels, written a/e, i/e/ee, u/o/ou), a final h ("Hasakah", "Hasaka") and q or k.
_ARTICLE_WORDS = _ARTICLES | {"et", "er", "en", "esh", "ud", "ul"}
_ASSIMILATED = re.compile(r"\b[ae](sh|th|dh|[dnrstz])(?=\1)")  # "ezzor", "arraqqa": the article before z, r
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_DOUBLED = re.compile(r"(.)\1+")
_VOWEL_SPELLINGS = (
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ei", "ay"),
    ("ey", "ay"),
    ("ai", "ay"),
    ("e", "a"),
    ("o", "u"),
)
# How alike two names' transliteration keys must be to be one name ("Beit Lahia", "Bayt Lahya": 0.89).
_ALIKE = 0.85


@_cached_when_short
def _transliteration(key: str) -> str:
    words = [w for w in key.split() if w not in _ARTICLE_WORDS] or key.split()
    text = _FINAL_H.sub("", _ASSIMILATED.sub("", " ".join(words))).replace(" ", "").replace("q", "k")
    text = _DOUBLED.sub(r"\1", text)
    for written, sound in _VOWEL_SPELLINGS:
        text = text.replace(written, sound)
    return _DOUBLED.sub(r"\1", text)


def spelled_alike(first: str, second: str) -> bool:
    """Whether two folded names are transliterations of one name ("deir ezzor", "deir ez zor";
    "beit hanoun", "bayt hanun"; "baaqubah", "baqubah")."""
    return alike(_transliteration(first), _transliteration(second), _ALIKE)


# Letters without a decomposition, and the marks of ayn and hamza ("Dar‘a", "Saʻdah") as apostrophes.
_LETTERS = str.maketrans(
    {"ı": "i", "ə": "e", "Ə": "E", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"}
    | dict.fromkeys("’‘ʿʾʻ", "'")
)
# An apostrophe opening a word (an ayn: "'Adan", "'Asir"): a mark a region's display name drops.
_EDGE_APOSTROPHE = re.compile(r"(?:(?<=\s)|^)'+")
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
# A region's display name is never shorter than this ("AP" is an abbreviation, not a name).
_SHORTEST_NAME = 4


def ascii_name(name: str) -> str:
    """A name without accents or marks, as ACLED writes GeoNames names ("Şalāḩ ad Dīn": "Salah ad Din")."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def region_display_name(name: str, alternates: list[str]) -> str:
    """A region's plain Latin name: the shortest alternate that is its own name's stem, else its own name.

    GeoNames names regions in the local language ("Donetska oblast", "Michoacán de Ocampo"); its
    alternates hold the short forms news and ACLED use ("Donetsk", "Michoacan"). Words naming the
    region's kind and parentheses are dropped, except a leading kind word followed by "of", which
    is part of the name as ACLED writes it ("District of Columbia", "City of Zagreb", "Republic of
    Dagestan"); its short form ("Columbia") is often another place's name.
    """
    own = _own_plain(name)
    best = own
    for candidate in alternates:
        plain = _plain(candidate)
        shorter = _SHORTEST_NAME <= len(plain) < len(best)
        if plain.isascii() and shorter and _stem_of(fold(plain), fold(own)):
            best = plain
    return best


def _stem_of(short: str, long: str) -> bool:
    """Whether ``short`` is ``long``'s stem: they share all but its last letter or so ("odesa", "odeska")."""
    pairs = enumerate(zip(short, long, strict=False))
    shared = next((i for i, (a, b) in pairs if a != b), min(len(short), len(long)))
    return shared >= max(_SHORTEST_NAME, math.ceil(0.7 * len(short)))


def _plain(name: str) -> str:
    return short_unit_name(_cleaned(name))


def _own_plain(name: str) -> str:
    """A region's own name cleaned; a leading "<kind word> of" is kept, trailing kind words dropped."""
    cleaned = _cleaned(name)
    words = cleaned.split()
    if len(words) > 2 and words[0].lower() in _UNIT_WORDS and words[1].lower() == "of":
        return " ".join([*words[:2], short_unit_name(" ".join(words[2:]))])
    return short_unit_name(cleaned)


def _cleaned(name: str) -> str:
    return _EDGE_APOSTROPHE.sub("", _PARENTHESIS.sub("", ascii_name(name))).strip()


# Words naming the kind of a unit, dropped to give its short name ("Kuz Kunar District": "Kuz Kunar"),
# also in the languages GeoNames names units in ("Şemdinli İlçesi", "Caza de Zgharta", "Qada' Samarra'").
_UNIT_WORDS = frozenset(
    """
    district province governorate region state oblast raion rayon municipality municipio county department
    departamento division prefecture wilaya wilayah commune parish city lga area zone regency kabupaten of
    de del ilcesi markaz daira caza qada qada' liwa liwa' delegation mu'tamadiyat
    agency
    """.split()
)


@_cached_when_short
def short_unit_name(name: str) -> str:
    """A unit's name without the words naming its kind ("Luhansk Oblast": "Luhansk")."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _UNIT_WORDS:
        words = words[:-1]
    while len(words) > 1 and words[0].lower() in _UNIT_WORDS:
        words = words[1:]
    return " ".join(words)


@_cached_when_short
def unit_keys(unit: str) -> tuple[tuple[str, str], ...]:
    """A unit's keys, of its name and of its short name ("Luhansk Oblast": "luhansk oblast",
    "luhansk"), each with its ``skeleton``: every article asks for the same units' keys."""
    return tuple((key, skeleton(key)) for key in (fold(unit), fold(short_unit_name(unit))))


# Marks before a name's first letter (an ayn: "'Anah", a click: "//Karas"), which no one types.
_LEADING_MARKS = re.compile(r"^[^\w]+")
# A lower-case Arabic article before a name's capital ("al-Ma'arra", "as-Suwayda").
_LOWER_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ath|adh|ed|es|ez)[- ]'?")


def name_keys(names: list[str], unit: bool) -> list[str]:
    """The matching keys of a place's Latin-script names (and, for a unit, of its short names).

    A name counts when it is capitalized after its leading marks and lower-case article
    ("‘Ayn Tamr", "al-Ma'arra"); other lower-case alternates are words, not names.
    """
    keys: dict[str, None] = {}
    for name in names:
        plain = _LEADING_MARKS.sub("", ascii_name(name))
        initial = _LOWER_ARTICLE.sub("", plain, count=1)[:1]
        latin = plain.isascii() and len(plain) >= 3 and initial.isupper()
        if not latin or any(c.isdigit() for c in plain):
            continue
        keys[fold(plain)] = None
        if unit:
            keys[fold(short_unit_name(plain))] = None
    keys.pop("", None)
    return list(keys)
