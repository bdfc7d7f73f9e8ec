"""Build an ``Article`` from text, inferring what was not given: title, reference date, source, language."""

from __future__ import annotations

import re
import time
from collections import Counter
from datetime import UTC, date, datetime

from summarizer.articles.language import guess_language
from summarizer.articles.model import Article, content_id
from summarizer.clean import clean_text
from summarizer.errors import InputError
from summarizer.text import first_sentence, paragraphs

__all__ = ["derive_title", "from_text", "infer_reference_date", "infer_source", "parse_published"]

# Unix time in seconds from 1973-03-03 to 2100-01-01, in milliseconds over the same years; an
# eight-digit number is a date written YYYYMMDD; any other number (a bare year) gives no date.
_EPOCH_SECONDS = (100_000_000, 4_102_444_800)
_EPOCH_MILLISECONDS = (100_000_000_000, 4_102_444_800_000)
_COMPACT_DATE = (10_000_000, 99_999_999)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# The not-after-a-digit check sits after the first two digits so the scan can jump from one
# "1" or "2" to the next instead of trying the pattern at every character.
_YEAR = re.compile(r"(?:1[89]|20)(?<![\d.,]..)\d\d(?![\d])")
# A day and a month right before a year ("October 19, 2021", "19th of Oct. 2021"), read backwards
# from each year, so the cost is one short window per year mentioned.
_DAY_MONTH_BEFORE = re.compile(
    rf"(?:\b(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\.?,?)\s+$",
    re.IGNORECASE,
)
_ISO_AFTER = re.compile(r"-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
_WINDOW = 24
_OUTLET = r"[A-Z][\w'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’-]*){0,3}"
# Each pattern with the words it cannot match without: a text holding none of them is not scanned.
# The word boundary before "told" and "according" is checked after the word, so the scan jumps
# from one occurrence of the word to the next instead of trying every character.
_SOURCE_PATTERNS = (
    (("told",), re.compile(rf"told(?<!\wtold)\s+(?:the\s+)?(?P<name>{_OUTLET})")),
    (("according",), re.compile(rf"according(?<!\waccording)\s+to\s+(?:the\s+)?(?P<name>{_OUTLET})")),
    # A name that fails here fails from every later capital of its first word too (they end where
    # it ends), so the alternative after "|" reads past that word: no match, but no re-reading.
    (
        ("published", "reported", "broadcast", "aired"),
        re.compile(rf"(?P<name>{_OUTLET})\s+(?:published|reported|broadcast|aired)\b|[A-Z][\w'’-]*+"),
    ),
    (("(",), re.compile(rf"\((?P<name>{_OUTLET})\)\s*(?:-|—|–)")),
)
_NOT_SOURCES = frozenset(
    "the a an he she it they we i you his her their this that these those there sources source officials "
    "police witnesses residents reporters journalists media someone somebody nobody everyone one".split()
)
_TITLE_WORDS = 12
_TITLE_SCAN = 1500  # characters read to find the first sentence
_HEADLINE_WORDS = 20
_HEADLINE_ENDINGS = (".", "!", "?", ":", ";", ",", '"', "”", "’")


def parse_published(value: object) -> datetime | None:
    """A publication date from a datetime, date, struct_time, Unix time, ISO or RFC 2822 text; else None."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, time.struct_time):
        return datetime(*value[:6], tzinfo=UTC)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_epoch(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # noqa: PLC0415 - only dates in RFC 2822 form need it

    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    found = _dates_in(text)
    return datetime.combine(found[0], datetime.min.time()) if found else None


def _from_epoch(value: float) -> datetime | None:
    """A Unix time in seconds or milliseconds, or an eight-digit YYYYMMDD date; else None."""
    if _EPOCH_SECONDS[0] <= value <= _EPOCH_SECONDS[1]:
        return datetime.fromtimestamp(value, tz=UTC)
    if _EPOCH_MILLISECONDS[0] <= value <= _EPOCH_MILLISECONDS[1]:
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    if isinstance(value, int) and _COMPACT_DATE[0] <= value <= _COMPACT_DATE[1]:
        try:
            return datetime.strptime(str(value), "%Y%m%d")
        except ValueError:
            return None
    return None


def _dates_in(text: str) -> list[date]:
    """Every full date (day, month, year) stated in ``text``, in order."""
    found: list[date] = []
    for year_match in _YEAR.finditer(text):
        year, start, end = int(year_match.group()), year_match.start(), year_match.end()
        iso = _ISO_AFTER.match(text, end)
        day_month = _DAY_MONTH_BEFORE.search(text, max(0, start - _WINDOW), start)
        try:
            if iso:
                found.append(date(year, int(iso.group("m")), int(iso.group("d"))))
            elif day_month:
                month = _MONTHS[(day_month.group("m1") or day_month.group("m2")).lower()]
                found.append(date(year, month, int(day_month.group("d1") or day_month.group("d2"))))
        except ValueError:
            continue
    return found


def infer_reference_date(text: str) -> date | None:
    """The latest full date (day, month and year) the text states, if any."""
    found = _dates_in(text)
    return max(found) if found else None


def infer_source(text: str) -> str | None:
    """The outlet the text names most as its source ("told Sputnik", "Sputnik Arabic published")."""
    counts: Counter[str] = Counter()
    forms: dict[str, str] = {}
    for required, pattern in _SOURCE_PATTERNS:
        if not any(word in text for word in required):
            continue
        for match in pattern.finditer(text):
            if match.group("name") is None:
                continue
            name = match.group("name").strip(" .")
            key = name.split()[0].lower()
            if key in _NOT_SOURCES:
                continue
            counts[key] += 1
            if key not in forms or len(name) < len(forms[key]):
                forms[key] = name
    if not counts:
        return None
    best = max(counts, key=lambda key: (counts[key], -text.find(forms[key])))
    return forms[best]


def derive_title(text: str) -> str:
    """A title from the first body sentence, cut to a dozen words."""
    head = text[:_TITLE_SCAN]
    body = clean_text(head) or head
    first = first_sentence(body) or body.strip()
    tokens = first.split()
    if len(tokens) <= _TITLE_WORDS:
        return first.rstrip(" .")
    return " ".join(tokens[:_TITLE_WORDS]).rstrip(",;:") + "…"


def _split_headline(text: str) -> tuple[str | None, str]:
    """A first paragraph that reads as a headline (short, no final punctuation) and the rest."""
    parts = paragraphs(text[:2000])
    if len(parts) < 2:
        return None, text
    first = parts[0]
    if (
        len(first.split()) > _HEADLINE_WORDS
        or first.endswith(_HEADLINE_ENDINGS)
        or clean_text(first) != first
    ):
        return None, text
    rest = text.lstrip()[len(first) :] if text.lstrip().startswith(first) else None
    if rest is None or not rest.strip():
        return None, text
    return first, rest.strip("\n")


def from_text(
    text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: datetime | None = None,
    origin: str = "",
    id: str | None = None,
    tags: tuple[str, ...] = (),
    language: str | None = None,
) -> Article:
    """Build an ``Article``, inferring the title, reference date, source and language when missing.

    ``id`` is the record's own id when the input carries one, else a content hash.
    ``inferred`` names what was guessed. The reference date is the publication date when given,
    else the latest full date stated in the text (an embedded post's date counts). Raises
    ``InputError`` when there is no text.
    """
    if not text.strip():
        raise InputError(f"{origin or 'input'}: no article text (empty or whitespace only)")
    inferred: set[str] = set()
    if not title:
        title, text = _split_headline(text)
    if not title:
        title = derive_title(text)
        inferred.add("title")
    if published is not None:
        reference_date: date | None = published.date()
    else:
        reference_date = infer_reference_date(text)
        if reference_date is not None:
            inferred.add("reference_date")
    if source is None:
        source = infer_source(text)
        if source is not None:
            inferred.add("source")
    if language is None:
        language = guess_language(text)
        inferred.add("language")
    return Article(
        id=id or content_id(text),
        title=title,
        text=text,
        source=source,
        url=url,
        published=published,
        language=language,
        reference_date=reference_date,
        tags=tags,
        origin=origin,
        inferred=frozenset(inferred),
    )
