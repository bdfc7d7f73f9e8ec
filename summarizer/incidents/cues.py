"""A fast first test of a pattern: the pattern lower-cased, looked for in the lower-cased text.

A case-insensitive pattern is tried at every position of a text; a case-sensitive one skips
ahead to the letters a match can start with, several times faster. The lowered pattern ignores
case everywhere (inline case flags dropped), so it finds at least what the pattern finds: a text
it does not match cannot match the pattern, and only texts it matches are read with the pattern.
"""

from __future__ import annotations

import functools
import re

__all__ = ["may_match"]

# Escapes that mean something else in lower case (\S is not \s, \B not \b).
_UPPER_ESCAPE = re.compile(r"\\[A-Z]")
_CASE_FLAGS = re.compile(r"\(\?-?i:")


@functools.cache
def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    if _UPPER_ESCAPE.search(pattern.pattern):
        return None
    return re.compile(_CASE_FLAGS.sub("(?:", pattern.pattern).lower())


def may_match(pattern: re.Pattern[str], lower: str) -> bool:
    """False only when ``pattern`` cannot match the text whose lower-cased form is ``lower``."""
    test = _lowered(pattern)
    return test is None or test.search(lower) is not None
