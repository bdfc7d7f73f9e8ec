"""Untrusted text made safe to print on a terminal."""

from __future__ import annotations

import re

__all__ = ["printable"]

# C0/C1 control characters (ESC included: no terminal escape sequences from article text) and
# bidirectional overrides and isolates, which can disguise text. Newlines and tabs stay.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` without control characters or bidirectional overrides (it cannot drive the terminal)."""
    return _UNSAFE.sub("", text)
