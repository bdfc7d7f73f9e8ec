"""Page furniture found by the page's own structure, pruned before extraction.

Two generic cues that trafilatura's own cleaning leaves out:

- class and id names that say what a box is, common across sites: related, recommended,
  next-story, trending and most-read widgets ("td_module_related_posts", "next-post-thumbnails",
  "most-popular-item"), and newsletter and sign-up boxes ("newsletter-signup", "mc_embed_signup");
- an advert's purchase call to action: a box whose own button or link says "Apply now",
  "Buy now", "Get the deal", "Add to cart" (a credit-card or product box under the article).

Only boxes small beside the page go (under a third of its text, and a call-to-action box
under 2,000 characters), and never one holding the page's headline (``<h1>``), so a wrapper
that happens to carry such a name never takes the article with it. WordPress-style label
classes ("tag-social", "category-related-news") name the post's topics, not the box, and are
ignored.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["prune_furniture"]

# One class or id name, its words joined by "-" or "_": furniture when a word run matches.
_FURNITURE_NAME = re.compile(
    r"(?:^|[-_])(?:"
    r"related|recommend(?:ed|ations?)?|next-?(?:post|story|article)s?|nextstory|read-?next"
    r"|more-?stories|trending|most-?(?:popular|read|viewed)|popular-?posts"
    r"|newsletters?|subscribe|sign-?up|email-?capture"
    r")(?:$|[-_])"
)
# Labels of the post itself (WordPress post_class and alike), not names of a box.
_LABEL_PREFIXES = ("tag-", "category-", "categories-", "topic-", "post-tag-", "section-")
_BOXES = ("div", "section", "aside", "ul", "ol", "li", "p", "span", "form", "figure")
_MAX_PAGE_SHARE = 1 / 3
# A call to action that sells: the whole text of a link or button.
_CALL_TO_ACTION = re.compile(
    r"^(?:(?:apply|buy|shop|book|order) (?:now|today|here)"
    r"|(?:get|see|view|grab) (?:the |this )?(?:deal|offer)s?|check (?:the )?price|add to (?:cart|basket))$"
)
_CALL_TO_ACTION_MAX_CHARS = 2000
_AD_BOXES = ("div", "section", "aside")
_TEXT_BLOCKS = ("p", "li", "td", "article", "main", "body")


def prune_furniture(tree: HtmlElement) -> None:
    """Drop related-story widgets, newsletter boxes and advert boxes from ``tree`` in place."""
    body = tree if tree.tag == "body" else tree.find(".//body")
    if body is None:
        return
    limit = _MAX_PAGE_SHARE * len(body.text_content())
    named = [box for box in body.iter(_BOXES) if _named_furniture(box) and box.find(".//h1") is None]
    _drop_outermost(body, [box for box in named if len(box.text_content()) < limit])
    _drop_outermost(body, _advert_boxes(body, min(limit, _CALL_TO_ACTION_MAX_CHARS)))


def _named_furniture(element: HtmlElement) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
    return any(_FURNITURE_NAME.search(name) for name in names if not name.startswith(_LABEL_PREFIXES))


class _BoxTexts:
    """Each box's text length and folded text, computed once however many links it holds."""

    def __init__(self) -> None:
        self._texts: dict[HtmlElement, tuple[int, str]] = {}

    def length(self, box: HtmlElement) -> int:
        return self._text(box)[0]

    def folded(self, box: HtmlElement) -> str:
        return self._text(box)[1]

    def _text(self, box: HtmlElement) -> tuple[int, str]:
        if box not in self._texts:
            text = box.text_content()
            self._texts[box] = (len(text), " ".join(text.split()))
        return self._texts[box]


def _advert_boxes(body: HtmlElement, limit: float) -> list[HtmlElement]:
    """Each box a selling call to action belongs to, once, if its text is under ``limit``."""
    texts = _BoxTexts()
    boxes: dict[HtmlElement, None] = {}  # in page order, each box once
    for link in body.iter("a", "button"):
        box = _advert_box(link, texts)
        if box is not None:
            boxes[box] = None
    return [box for box in boxes if texts.length(box) < limit]


def _advert_box(link: HtmlElement, texts: _BoxTexts) -> HtmlElement | None:
    """The box a selling call to action belongs to, unless the link sits in running text."""
    label = texts.folded(link)
    if not _CALL_TO_ACTION.match(label.lower()):
        return None
    for box in link.iterancestors():
        if box.tag in _TEXT_BLOCKS:
            return None
        if box.tag in _AD_BOXES and texts.folded(box) != label:  # not a button's wrapper
            return box
    return None


def _drop_outermost(body: HtmlElement, boxes: list[HtmlElement]) -> None:
    """Drop each box still inside ``body`` (one inside another already dropped is skipped)."""
    for box in boxes:
        if body in box.iterancestors():
            box.drop_tree()
