"""URL loading with the real httpx against a local server on 127.0.0.1."""

from __future__ import annotations

from datetime import date

import pytest
from articles_fixtures import FIXTURES, Route, serve

from summarizer.articles import Article, LoadFailure, LoadOptions, load, load_one
from summarizer.errors import InputError

PAGE = (FIXTURES / "page.html").read_bytes()
FEED = (FIXTURES / "feed.rss").read_bytes()


def only_failure(url: str, options: LoadOptions | None = None) -> str:
    items = list(load(url, options) if options else load(url))
    assert len(items) == 1
    assert isinstance(items[0], LoadFailure)
    return items[0].message


def test_html_page_by_url() -> None:
    with serve({"/story": Route(PAGE)}) as base:
        article = load_one(f"{base}/story")
    assert article.title == "Convoy turned back near Qamishli"
    assert article.reference_date == date(2021, 10, 21)
    assert article.origin == f"{base}/story"
    assert article.text.startswith("Syrian troops at a checkpoint")


def test_feed_url_loads_its_entries() -> None:
    with serve({"/rss": Route(FEED, "application/rss+xml")}) as base:
        items = list(load(f"{base}/rss"))
    assert [type(i) for i in items] == [Article, Article]
    assert [i.origin for i in items] == [f"{base}/rss#1", f"{base}/rss#2"]


def test_plain_text_and_json_by_content_type() -> None:
    json_feed = b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "title": "F&amp;G", '
    routes = {
        "/t": Route(b"Plain text body. Second sentence.", "text/plain"),
        "/j": Route(b'{"article": "JSON body here. Second.", "title": "J"}', "application/json"),
        "/f": Route(json_feed + b'"content_text": "Feed body."}]}', "application/feed+json"),
    }
    with serve(routes) as base:
        assert load_one(f"{base}/t").text == "Plain text body. Second sentence."
        assert load_one(f"{base}/j").title == "J"
        assert load_one(f"{base}/f").title == "F&G"


def test_http_errors_are_one_clear_line() -> None:
    routes = {
        "/png": Route(b"\x89PNG....", "image/png"),
        "/gone": Route(b"gone", status=410),
        "/big": Route(b"x" * 5000, "text/plain"),
        "/big-chunked": Route(b"y. " * 5000, "text/plain", send_length=False),
        "/slow": Route(PAGE, delay=1.0),
    }
    with serve(routes) as base:
        assert only_failure(f"{base}/png").endswith("cannot summarize content of type image/png")
        assert only_failure(f"{base}/gone").endswith("the server answered HTTP 410")
        assert only_failure(f"{base}/missing").endswith("the server answered HTTP 404")
        small = LoadOptions(max_bytes=1000)
        assert "over the size cap" in only_failure(f"{base}/big", small)
        assert "over the size cap" in only_failure(f"{base}/big-chunked", small)
        slow = only_failure(f"{base}/slow", LoadOptions(timeout=0.2))
        assert slow.endswith("no complete answer within 0.2 s")


def test_unreachable_server() -> None:
    with serve({}) as base:
        pass  # the port is free again once the server is closed
    message = only_failure(f"{base}/story")
    assert message.startswith(f"{base}/story: cannot reach the server")


@pytest.mark.parametrize("address", ["ftp://example.org/a.txt", "file:///etc/passwd", "gopher://x/y"])
def test_other_schemes_are_refused_by_name(address: str) -> None:
    with pytest.raises(InputError, match="addresses are not supported"):
        load_one(address)
