"""A light offline language guess: which stop-word list covers the most words of the text."""

from __future__ import annotations

import functools
from collections import Counter

from summarizer.methods.terms import stop_word_file
from summarizer.text import words

__all__ = ["ENGLISH", "UNDETERMINED", "guess_language", "language_name"]

ENGLISH = "en"
UNDETERMINED = "und"
# sumy ships these stop-word lists; the codes are ISO 639-1.
_LISTS = {
    "en": "english", "fr": "french", "de": "german", "es": "spanish", "it": "italian",
    "pt": "portuguese", "cs": "czech", "sk": "slovak", "pl": "polish", "sv": "swedish",
    "uk": "ukrainian", "el": "greek", "ar": "arabic", "he": "hebrew",
}  # fmt: skip
_SAMPLE_WORDS = 400
_MIN_WORDS = 8
# English news prose has 25-50% stop words (a sports report full of names about 13%); text in
# another language rarely has 5% of its words on the English list.
_MIN_RATIO = 0.08


@functools.cache
def _languages_of_words() -> dict[str, tuple[str, ...]]:
    """Each stop word and the languages whose list holds it."""
    index: dict[str, list[str]] = {}
    for code, name in _LISTS.items():
        path = stop_word_file(name)
        for word in {w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip()}:
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def _mostly_latin(sample: str) -> bool:
    letters = [c for c in sample if c.isalpha()]
    return sum(1 for c in letters if c.isascii()) >= len(letters) / 2


def language_name(code: str) -> str:
    """An English name for a language code ("fr" -> "French"; "und" -> "an undetermined language")."""
    name = _LISTS.get(code)
    return name.capitalize() if name else "an undetermined language"


def guess_language(text: str) -> str:
    """``"en"`` for English, another ISO 639-1 code when its stop words dominate, else ``"und"``.

    Short texts (fewer than a handful of words) are taken as English: there is too little to judge.
    """
    sample = text[: _SAMPLE_WORDS * 12]
    tokens = words(sample)[:_SAMPLE_WORDS]
    if len(tokens) < _MIN_WORDS:
        return ENGLISH if _mostly_latin(sample) else UNDETERMINED
    index = _languages_of_words()
    hits: Counter[str] = Counter()
    # count each distinct word once, then credit its languages with how often it occurs
    for token, count in Counter(tokens).items():
        for code in index.get(token.lower(), ()):
            hits[code] += count
    ratios = {code: hits[code] / len(tokens) for code in _LISTS}
    if ratios[ENGLISH] >= _MIN_RATIO and ratios[ENGLISH] >= max(ratios.values()) * 0.8:
        return ENGLISH
    best = max(ratios, key=lambda code: ratios[code])
    return best if ratios[best] >= _MIN_RATIO else UNDETERMINED
