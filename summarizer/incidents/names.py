"""Matching keys for place names: an exact key and a looser one for transliterations."""

from __future__ import annotations

import difflib
import functools
import math
import re
import unicodedata

__all__ = [
    "ascii_name",
    "fold",
    "name_keys",
    "region_display_name",
    "short_unit_name",
    "similarity",
    "skeleton",
]

_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ath|adh)\s+")
_FOLD_TABLE = str.maketrans({**dict.fromkeys("‘’ʿʾ'`ʻ"), "-": " "})
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "ed", "es", "ez"})
_SOUNDS = str.maketrans({"q": "k", "v": "w", "c": "k", "z": "s", "j": "g"})
_SILENT = re.compile(r"[aeiouyhw]")


@functools.lru_cache(maxsize=65_536)
def fold(name: str) -> str:
    """A matching key: no accents, apostrophes, hyphens, Arabic article, case ("Al-Ḩasakah": "hasakah")."""
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return _ARTICLE.sub("", " ".join(name.translate(_FOLD_TABLE).lower().split()))


def similarity(first: str, second: str) -> float:
    """How alike two folded names are, from 0 to 1 ("sirt" and "surt": 0.75)."""
    return difflib.SequenceMatcher(None, first, second).ratio()


@functools.lru_cache(maxsize=65_536)
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


_LETTERS = str.maketrans(
    {"ı": "i", "ə": "e", "Ə": "E", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "’": "'"}
)
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
    region's kind and parentheses are dropped.
    """
    own = _plain(name)
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
    return short_unit_name(_PARENTHESIS.sub("", ascii_name(name))).strip()


# Words naming the kind of a unit, dropped to give its short name ("Kuz Kunar District": "Kuz Kunar").
_UNIT_WORDS = frozenset(
    """
    district province governorate region state oblast raion rayon municipality municipio county department
    departamento division prefecture wilaya wilayah commune parish city lga area zone regency kabupaten of
    de del
    """.split()
)


@functools.lru_cache(maxsize=65_536)
def short_unit_name(name: str) -> str:
    """A unit's name without the words naming its kind ("Luhansk Oblast": "Luhansk")."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _UNIT_WORDS:
        words = words[:-1]
    while len(words) > 1 and words[0].lower() in _UNIT_WORDS:
        words = words[1:]
    return " ".join(words)


def name_keys(names: list[str], unit: bool) -> list[str]:
    """The matching keys of a place's Latin-script names (and, for a unit, of its short names)."""
    keys: dict[str, None] = {}
    for name in names:
        plain = ascii_name(name)
        latin = plain.isascii() and len(plain) >= 3 and plain[:1].isupper()
        if not latin or any(c.isdigit() for c in plain):
            continue
        keys[fold(plain)] = None
        if unit:
            keys[fold(short_unit_name(plain))] = None
    keys.pop("", None)
    return list(keys)
