"""Plain text from a field that may hold HTML (feed titles, summaries, bodies; page metadata).

``plain_text`` is the one conversion every feed format and the bot use: markup is parsed and
dropped (block elements and ``<br>`` end a line), character references are resolved, text
that was escaped twice (``&amp;#8220;``, ``&lt;b&gt;``) is converted again, and whitespace is
folded (one paragraph per line, no blank lines).
"""

from __future__ import annotations

import html
import re

__all__ = ["looks_like_markup", "plain_text"]

# A tag opening ("<b", "</p", "<!--", "<?xml") or a character reference ("&amp;", "&#8220;", "&#x2019;").
_MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")
# Text escaped twice needs a second pass, three times a third; more is not seen in real feeds.
_PASSES = 3
_BLOCKS = (
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th",
    "tr", "ul",
)  # fmt: skip
_DROPPED = ("script", "style", "noscript", "template", "head", "iframe", "object", "embed")
# Characters an XML tree cannot hold (lxml refuses them); they carry no text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Fallback when the parser refuses the input: any tag, up to the next bracket or the end (linear:
# a match stops at the next "<" or ">").
_TAG = re.compile(r"<[^<>]*>?")


def looks_like_markup(text: str) -> bool:
    """True when ``text`` holds a tag or a character reference."""
    return _MARKUP.search(text) is not None


def plain_text(value: str) -> str:
    """``value`` as plain text: markup stripped, references resolved, whitespace folded."""
    text = value
    for _ in range(_PASSES):
        if not looks_like_markup(text):
            break
        text = _html_to_text(text)
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _html_to_text(fragment: str) -> str:
    """The text of an HTML fragment, one line per block element."""
    from lxml import etree  # noqa: PLC0415 - only feeds and pages need a parser
    from lxml import html as lxml_html  # noqa: PLC0415

    cleaned = _CONTROL.sub("", fragment)
    try:
        root = lxml_html.fragment_fromstring(cleaned, create_parent="div")
    except (etree.ParserError, ValueError):  # nothing parseable, or an encoding declaration
        return html.unescape(_TAG.sub(" ", cleaned))
    for element in list(root.iter(*_DROPPED)):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    return str(root.text_content())
