"""Load articles from files, directories, stdin, URLs and feeds into one ``Article`` model.

``load(source)`` yields ``Article`` or ``LoadFailure`` items (one bad input never stops the
rest); ``load_one(source)`` returns one article or raises ``InputError``; ``from_text`` builds
an article from text, inferring what was not given; ``parse_feed`` reads RSS/Atom bytes.
"""

from summarizer.articles.feeds import parse_feed
from summarizer.articles.infer import from_text
from summarizer.articles.loader import STDIN, is_url, load, load_one
from summarizer.articles.model import Article, LoadFailure, content_id
from summarizer.articles.options import DEFAULT_OPTIONS, LoadOptions

__all__ = [
    "DEFAULT_OPTIONS",
    "STDIN",
    "Article",
    "LoadFailure",
    "LoadOptions",
    "content_id",
    "from_text",
    "is_url",
    "load",
    "load_one",
    "parse_feed",
]
