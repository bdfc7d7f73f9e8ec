"""A small web site on 127.0.0.1 serving RSS/Atom feeds and article pages (aiohttp), with ETag and
Last-Modified validators, canned error statuses, and a log of the requests it saw."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from html import escape

from aiohttp import web


@dataclass
class Item:
    """One feed entry."""

    title: str
    link: str
    body: str
    published: datetime | None = None


def rss(title: str, items: list[Item]) -> str:
    entries = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.link)}</link><guid>{escape(i.link)}</guid>"
        + (f"<pubDate>{format_datetime(i.published)}</pubDate>" if i.published else "")
        + f"<description>{escape(i.body)}</description></item>"
        for i in items
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{escape(title)}</title>"
            f"<link>https://wire.example/</link><description>news</description>{entries}</channel></rss>")


def atom(title: str, items: list[Item]) -> str:
    entries = "".join(
        f'<entry><title>{escape(i.title)}</title><link href="{escape(i.link)}"/><id>{escape(i.link)}</id>'
        f"<updated>{(i.published or datetime(2026, 1, 1)).isoformat()}</updated>"
        f'<content type="text">{escape(i.body)}</content></entry>'
        for i in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:feed</id><updated>2026-11-24T00:00:00Z</updated>"
            f"{entries}</feed>")


class FeedSite:
    """Serves ``pages[path] = (body, content type)``; ``status[path]`` answers with that status
    (an error, or a redirect to the ``Location`` in ``headers[path]``) and ``headers[path]``."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, str]] = {}
        self.status: dict[str, int] = {}
        self.headers: dict[str, dict[str, str]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.port = 0
        self._runner: web.AppRunner | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append((request.path, dict(request.headers)))
        if request.path in self.status:
            return web.Response(status=self.status[request.path], text="no",
                                headers=self.headers.get(request.path, {}))
        if request.path not in self.pages:
            return web.Response(status=404, text="not found")
        body, content_type = self.pages[request.path]
        digest = hashlib.sha256(body.encode()).hexdigest()
        etag = f'"{digest[:12]}"'
        modified = f"Tue, 24 Nov 2026 {int(digest[:2], 16) % 24:02d}:00:00 GMT"
        validators = (request.headers.get("If-None-Match"), request.headers.get("If-Modified-Since"))
        if etag in validators or modified in validators:
            return web.Response(status=304)
        headers = {"ETag": etag} if request.path.endswith(".rss") else {"Last-Modified": modified}
        return web.Response(text=body, content_type=content_type, headers=headers)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
