"""Feeds come out as plain text: every format, titles too, JSON Feed, one error row per failed file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from methods_fixtures import EVAL_DIR

from bot.core.cards import summary_section
from bot.feeds.poller import FeedPoller, PollOptions
from bot.store import Store
from summarizer.articles import Article, LoadFailure, load, parse_feed
from summarizer.articles.formats import sniff_format
from summarizer.articles.plaintext import plain_text
from summarizer.errors import InputError
from summarizer.pipeline import summarize_article

MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")

RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Tom &amp;amp; Jerry&#x2019;s news</title>
<item><title type="html">Example &lt;b&gt;Atom&lt;/b&gt; don&amp;#x2019;t</title>
<description>&amp;#8220;Mambo Template Contest&amp;#8221; starts today, don&amp;#x2019;t miss it</description>
<link>https://example.org/a</link></item>
<item><title>Second</title>
<description>&lt;p&gt;The vote ended on Wednesday.&lt;/p&gt;&lt;p&gt;The stabbing happened later.&lt;/p&gt;
&lt;img src="x.png" /&gt;</description></item>
</channel></rss>"""

JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "My &amp; Feed",
    "items": [
        {"id": "1", "title": "Hello &#8220;world&#8221;",
         "content_html": "<p>First <b>post</b> text here.</p>",
         "url": "https://example.org/1", "date_published": "2024-05-01T10:00:00Z", "tags": ["a", "b"]},
        {"id": "2", "content_text": "A second item with only plain text in it."},
        "not an item",
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("don&#x2019;t", "don’t"),
        ("&#8220;Mambo&#8221;", "“Mambo”"),
        ("Example <b>Atom</b>", "Example Atom"),
        ('<img src="x.png" />', ""),
        ("&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;", "bold"),
        ("<p>Wednesday.</p><p>The stabbing</p>", "Wednesday.\nThe stabbing"),
        ("one<br>two <script>alert(1)</script> three", "one\ntwo three"),
        ("  spaced \t out\n\n\nlines  ", "spaced out\nlines"),
        ("a < b and AT&T", "a < b and AT&T"),
        ("&lt;!DOCTYPE", ""),
        ('<?xml version="1.0" encoding="utf-8"?><p>x</p>', "x"),
    ],
)
def test_plain_text(raw: str, expected: str) -> None:
    assert plain_text(raw) == expected


def test_rss_titles_bodies_and_feed_title_are_plain_text() -> None:
    first, second = parse_feed(RSS, "news.rss")
    assert first.title == "Example Atom don’t"
    assert first.text == "“Mambo Template Contest” starts today, don’t miss it"
    assert first.source == "Tom & Jerry’s news"
    assert second.text == "The vote ended on Wednesday.\nThe stabbing happened later."


def test_json_feed_is_read_from_bytes_and_from_a_json_file(tmp_path: Path) -> None:
    data = json.dumps(JSON_FEED).encode()
    first, second = parse_feed(data, "feed.json")
    assert (first.title, first.text, first.source) == ("Hello “world”", "First post text here.", "My & Feed")
    assert first.url == "https://example.org/1"
    assert first.tags == ("a", "b")
    assert first.published is not None
    assert first.published.year == 2024
    assert second.text == "A second item with only plain text in it."
    assert second.origin == "feed.json#2"
    path = tmp_path / "feed.json"
    path.write_bytes(data)
    assert [a.title for a in load(path) if isinstance(a, Article)] == [first.title, second.title]
    assert sniff_format(data) == "feed"  # on stdin too, although it is one line of JSON


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>',
        b'<rss version="2.0"><channel><title>t</title><item><link>https://x.org</link></item></channel></rss>',
        b'{"version": "https://jsonfeed.org/version/1", "items": []}',
        b'{"version": "https://jsonfeed.org/version/1", "items": [' + b"[" * 100_000 + b"]",
    ],
)
def test_a_feed_without_any_entry_text_is_one_failure(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(data)
    items = list(load(path))
    assert len(items) == 1
    assert isinstance(items[0], LoadFailure)


def test_an_empty_feed_is_no_articles_and_not_a_feed_is_an_error() -> None:
    assert parse_feed(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>', "x") == []
    for data in (b"just some words", b'{"items": []}', b"{" + b"[" * 100_000):
        with pytest.raises(InputError):
            parse_feed(data, "x")


def test_feedparser_corpus_plain_text_and_one_row_per_file(tmp_path: Path) -> None:
    archive = EVAL_DIR / "feeds-feedparser.tar.gz"
    if not archive.is_file():
        pytest.skip(f"{archive} is not available: feed corpus test NOT run")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "feeds", filter="data")
    files = {str(p) for p in (tmp_path / "feeds").rglob("*") if p.is_file()}
    run = subprocess.run(
        [sys.executable, "-m", "summarizer", "summarize", str(tmp_path / "feeds"), "--format", "jsonl"],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert "Traceback" not in run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert {row["origin"].split("#")[0] for row in rows} == files
    summaries = [row for row in rows if "error" not in row]
    assert len(summaries) > 300
    texts = [(row["origin"], [row["title"] or "", *row["summary"]]) for row in summaries]
    leaks = [(origin, text) for origin, parts in texts for text in parts if MARKUP.search(text)]
    assert leaks == []


async def test_digest_cards_of_a_polled_feed_show_no_markup(tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "wire.rss").write_bytes(RSS)
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    store = Store.open(f"sqlite:///{tmp_path / 'feeds.sqlite3'}")
    try:
        feed, _ = store.add_feed(folder.as_uri(), now=now)
        poller = FeedPoller(store, clock=lambda: now, options=PollOptions(fetch_full_text=False))
        assert (await poller.poll(feed)).new == 2
        articles = [stored.article for stored in store.articles(limit=10)]
    finally:
        store.close()
    sections = [summary_section(a, summarize_article(a), None) for a in articles]
    shown = [text for s in sections for text in (s.title or "", s.body)]
    assert "Example Atom don’t" in shown
    assert not [text for text in shown if MARKUP.search(text)]
