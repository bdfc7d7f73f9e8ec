"""A light offline language guess: which stop-word list covers the most words of the text."""

from __future__ import annotations

import functools
from importlib import resources

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
_SAMPLE_WORDS = 2000
_MIN_WORDS = 8
# English news prose has 35-50% stop words; other languages' words rarely pass 15% of English's list.
_MIN_RATIO = 0.15


@functools.cache
def _stop_words(code: str) -> frozenset[str]:
    path = resources.files("sumy") / "data" / "stopwords" / f"{_LISTS[code]}.txt"
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


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
    tokens = [w.lower() for w in words(sample)][:_SAMPLE_WORDS]
    if len(tokens) < _MIN_WORDS:
        return ENGLISH if _mostly_latin(sample) else UNDETERMINED
    ratios = {code: sum(1 for t in tokens if t in _stop_words(code)) / len(tokens) for code in _LISTS}
    if ratios[ENGLISH] >= _MIN_RATIO and ratios[ENGLISH] >= max(ratios.values()) * 0.8:
        return ENGLISH
    best = max(ratios, key=lambda code: ratios[code])
    return best if ratios[best] >= _MIN_RATIO else UNDETERMINED
