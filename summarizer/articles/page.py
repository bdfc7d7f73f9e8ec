"""A web page's main text and metadata (trafilatura), one paragraph per line.

The one page extraction every path uses (``summarizer summarize page.html``, ``summarize URL``,
the bot's full-text fetch of a feed teaser). The page is first laid out as a browser shows it
(``layout``) and stripped of the furniture it names itself (``furniture``); trafilatura runs
without comments, tables and hidden or hover-only elements (hover cards, tooltips), in precision
mode when its default mode returns the page as one undivided block; then generic repairs: a
sentence end glued to the next sentence by a dropped block boundary ("Wednesday.The stabbing")
becomes a line break, a footnote number glued to a sentence end goes, and lines that repeat the
headline (alone or with the site's name) go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from summarizer.articles.furniture import prune_furniture
from summarizer.articles.layout import normalize_layout
from summarizer.clean import fold_words

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["Page", "extract_page"]

# A lower-case word, its full stop (or ! ?), then a capitalised word with no space between:
# two blocks whose boundary was lost. Lower case before the stop keeps "U.S.The" or
# "Node.js" and domain names ("Amazon.com") out of it.
_GLUED = re.compile(r"(?<=[a-z][a-z][.!?])(?=[A-Z][a-z])")
# A footnote number glued to a sentence end ("...Iowa Starting Line.2 Warren leads").
_FOOTNOTE = re.compile(r"(?<=[a-z][a-z][.!?])\d{1,2}(?= [A-Z])")
# A headline line may carry a site name or section around the title ("verb choice - Title - Site").
_HEADLINE_EXTRA = 60
_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " · ", ": ")
# Hidden and hover-only elements (hover cards, tooltips, pop-overs): never main text. Bounded in
# size so a page hidden whole behind a pop-up (aria-hidden on the wrapper) keeps its text.
_HIDDEN = (
    "//*[(@aria-hidden='true' or @hidden or @role='tooltip' or contains(@class, 'tooltip')"
    " or contains(@class, 'hovercard') or contains(@class, 'hover-card') or contains(@class, 'popover'))"
    " and string-length(normalize-space(.)) < 600]"
)


@dataclass(frozen=True, slots=True)
class Page:
    """What a page yields: main text (one paragraph per line) and the metadata found."""

    text: str
    title: str | None = None
    sitename: str | None = None
    url: str | None = None
    date: str | None = None


def _repeats(line: str, headline: str) -> bool:
    """True when ``line`` is the (word-folded) headline, alone or with a site or section name."""
    if len(line) > 2 * (len(headline) + _HEADLINE_EXTRA):  # cheap: most lines are body paragraphs
        return False
    folded = fold_words(line)
    if headline not in folded:
        return False
    if folded == headline:
        return True
    return len(folded) <= len(headline) + _HEADLINE_EXTRA and any(sep in line for sep in _TITLE_SEPARATORS)


def _extract(tree: HtmlElement, url: str | None, *, precision: bool) -> Any:
    """trafilatura's extraction of ``tree`` with metadata, without comments, tables and hidden elements."""
    import trafilatura  # noqa: PLC0415 - only HTML input needs it

    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        favor_precision=precision,
        include_comments=False,
        include_tables=False,
        prune_xpath=_HIDDEN,
    )


def extract_page(data: bytes | str, url: str | None = None) -> Page:
    """The main text of an HTML page and its metadata; the text is empty when none is found."""
    from trafilatura import load_html  # noqa: PLC0415 - only HTML input needs it

    tree = load_html(data)
    if tree is None:
        return Page(text="")
    normalize_layout(tree)
    prune_furniture(tree)
    document = _extract(tree, url, precision=False)
    if "\n" not in (getattr(document, "text", None) or "").strip():
        # one undivided block: trafilatura's last resort took a whole <article> or <body> as it
        # stands (breadcrumb, byline, share bar and related headlines glued to the text); its
        # precision mode, which has no such fallback, finds the article itself when there is one
        precise = _extract(tree, url, precision=True)
        if (getattr(precise, "text", None) or "").strip():
            document = precise
    title = getattr(document, "title", None) or None
    headline = fold_words(title or "")
    raw = getattr(document, "text", None) or ""
    lines = _GLUED.sub("\n", _FOOTNOTE.sub("", raw)).split("\n")
    text = "\n".join(line for line in lines if line.strip() and not (headline and _repeats(line, headline)))
    return Page(
        text=text,
        title=title,
        sitename=getattr(document, "sitename", None) or None,
        url=getattr(document, "url", None) or url,
        date=getattr(document, "date", None) or None,
    )
