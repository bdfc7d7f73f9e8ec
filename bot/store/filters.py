"""Keyword filters of subscriptions: any of the keywords, none of the excluded words.

Keywords and excluded words match as whole words or phrases, ignoring case (``Syria`` matches
"syria" and "Syria's" but not "Syrian"; ``Idlib province`` matches across any whitespace). Users
never supply a regular expression: each filter is one pattern built from escaped literals joined
by ``|``, which Python's ``re`` matches in time linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["KeywordFilter"]


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    phrases = [r"\s+".join(map(re.escape, w.split())) for w in words if w.strip()]
    if not phrases:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


class KeywordFilter:
    """Whether a story's title or text has one of ``keywords`` (any story when there are none)
    and none of ``exclude``."""

    def __init__(self, keywords: Sequence[str], exclude: Sequence[str] = ()) -> None:
        self._wanted = _pattern(keywords)
        self._unwanted = _pattern(exclude)

    def matches(self, title: str, text: str) -> bool:
        """Whether a story with this title and text passes."""
        if self._unwanted is not None and (self._unwanted.search(title) or self._unwanted.search(text)):
            return False
        return self._wanted is None or bool(self._wanted.search(title) or self._wanted.search(text))
