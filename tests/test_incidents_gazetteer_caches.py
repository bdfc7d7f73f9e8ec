"""The gazetteer's caches stay bounded in memory whatever names an article holds."""

from __future__ import annotations

import string
import sys
import tracemalloc

from summarizer.incidents import gazetteer
from summarizer.incidents.gazetteer import Context


def _deep_size(value: object) -> int:
    """Bytes a tuple of tuples of strings holds (nothing shared)."""
    inside = sum(_deep_size(item) for item in value) if isinstance(value, tuple) else 0
    return sys.getsizeof(value) + inside


def test_a_long_name_is_read_but_not_cached() -> None:
    long_name = " ".join(["Imam Sahib District"] * 60)
    before = gazetteer._cached_spans.cache_info()
    assert "imam sahib" in Context.of([long_name]).keys  # its word runs are still read
    Context.of([long_name])
    assert gazetteer._cached_spans.cache_info() == before  # neither looked up nor kept


def test_a_short_name_is_cached() -> None:
    Context.of(["Imam Sahib District of Kunduz"])
    hits = gazetteer._cached_spans.cache_info().hits
    Context.of(["Imam Sahib District of Kunduz"])
    assert gazetteer._cached_spans.cache_info().hits == hits + 1


def test_a_full_cache_of_the_largest_cached_names_stays_under_64_mb() -> None:
    words, length = gazetteer._CACHED_NAME_WORDS, gazetteer._CACHED_NAME_LENGTH
    letters = iter(string.ascii_letters * 4)
    word_length = (length - (words - 1)) // words
    largest = " ".join("".join(next(letters) for _ in range(word_length)) for _ in range(words))
    assert len(largest.split()) == words
    assert len(largest) <= length
    one = _deep_size(gazetteer._word_runs(largest)) + sys.getsizeof(largest)
    maxsize = gazetteer._cached_spans.cache_info().maxsize
    assert maxsize is not None
    assert one * maxsize < 64 * 1024 * 1024


def test_reading_long_names_keeps_no_memory() -> None:
    """No cache on the way (word runs, keys, skeletons, short unit names) keeps a long name."""
    names = [" ".join(f"Name{i}x{word}" * 400 for word in range(4)) for i in range(50)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for name in names:
            Context.of([name])
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert sum(map(len, names)) > 500_000
    assert kept < 200_000  # caching them would keep several times the names
