"""Untrusted plain text as Markdown that shows exactly that text (CommonMark, and Discord's dialect).

One pass, linear in the text: a bare web address (up to a space, bracket, parenthesis, angle
bracket or backslash) is kept as written, so it still works when copied; every other markup
character is backslash-escaped (emphasis, code, strikethrough, tables, brackets and parentheses,
so no link ``[text](url)`` can form), and so are the markers that would start a block at a line
start: quote ``>``, heading ``#``, list ``-`` ``+`` and the dot of ``1.``, setext underline ``=``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["COMMONMARK_EXTRA", "escape_markdown", "markdown_escaper"]

_INLINE = r"\\*_~|`\[\]()"
# What CommonMark renders beyond Discord: raw HTML and autolinks (``<``, ``>``), character
# references (``&``), and a heading's closing ``#`` sequence (so ``#`` anywhere).
COMMONMARK_EXTRA = "<>&#"


def markdown_escaper(extra: str = "") -> Callable[[str], str]:
    """An escaper for ``text``: the shared rules, plus the characters ``extra`` escaped everywhere."""
    pattern = re.compile(
        r"(?P<url>https?://[^\s<>\[\]()\\]+)"
        rf"|(?P<char>[{_INLINE}{re.escape(extra)}])"
        r"|^(?P<indent>[ \t]*\d*)(?P<marker>[>#\-+.=])",
        re.MULTILINE | re.IGNORECASE,
    )

    def escape_match(match: re.Match[str]) -> str:
        if match["url"]:
            return match["url"]
        if match["char"]:
            return "\\" + match["char"]
        return f"{match['indent']}\\{match['marker']}"

    return lambda text: pattern.sub(escape_match, text)


escape_markdown = markdown_escaper(COMMONMARK_EXTRA)
"""``text`` as CommonMark (and GitHub-flavoured Markdown) that renders as exactly that text."""
