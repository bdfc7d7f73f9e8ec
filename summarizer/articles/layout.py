"""An HTML page's text laid out as a browser shows it, before extraction.

Two repairs that keep block boundaries where the reader sees them:

- a layout table (a table whose cells hold blocks: paragraphs, divisions, headings, lists,
  other tables, the way old pages were laid out) becomes plain divisions, so its masthead,
  headword, labels and paragraphs stay separate blocks instead of one run of cell text;
- a line break in the page's source inside running text is a space, as a browser renders it
  (a hard-wrapped paragraph stays one paragraph); preformatted text keeps its lines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["normalize_layout"]

_CELL_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote")
_TABLE_PARTS = ("tbody", "thead", "tfoot", "tr", "td", "th")
_PREFORMATTED = ("pre", "code", "textarea", "listing", "xmp", "plaintext", "script", "style")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's own white space (a no-break space is not)


def normalize_layout(tree: HtmlElement) -> None:
    """Turn layout tables into divisions and source line breaks into spaces, in place."""
    for table in list(tree.iter("table")):
        parts = [part for part in table.iter(_TABLE_PARTS) if next(part.iterancestors("table")) is table]
        if any(
            cell.find(f".//{block}") is not None
            for cell in parts
            if cell.tag in ("td", "th")
            for block in _CELL_BLOCKS
        ):
            for element in (*parts, table):  # a table nested in a cell is judged on its own cells
                element.tag = "div"
    preformatted = {inner for outer in tree.iter(_PREFORMATTED) for inner in outer.iter()}
    for element in tree.iter():
        if element.text and isinstance(element.tag, str) and element not in preformatted:
            element.text = _fold(element.text)
        if element.tail and element.getparent() not in preformatted:
            element.tail = _fold(element.tail)


def _fold(text: str) -> str:
    return _HTML_SPACE.sub(" ", text) if "\n" in text or "\r" in text else text
