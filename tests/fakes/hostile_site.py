"""A raw HTTP/1.1 server on a loopback address whose pages misbehave on purpose: endless bodies,
gzip bombs, bodies dripped a byte at a time, redirects, and requests held until released. It
records every request it sees and counts the body bytes it sends."""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from functools import cache

Handler = Callable[[asyncio.StreamWriter], Awaitable[None]]
CHUNK = b"all work and no play makes a dull boy. " * 1680  # about 64 KB


@cache
def gzip_bomb(decoded_bytes: int) -> bytes:
    """``decoded_bytes`` of one repeated byte, gzipped (about a thousandth of the size), made a
    megabyte at a time."""
    gzipped = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    piece = b"a" * (1024 * 1024)
    parts = [gzipped.compress(piece[: min(len(piece), decoded_bytes - done)])
             for done in range(0, decoded_bytes, len(piece))]
    return b"".join(parts) + gzipped.flush()


class HostileSite:
    """Serves ``routes[path]`` on ``host`` (any free port); ``requests`` lists the paths seen, in
    order, and ``arrivals`` gets each path as its request comes in."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = 0
        self.routes: dict[str, Handler] = {}
        self.requests: list[str] = []
        self.arrivals: asyncio.Queue[str] = asyncio.Queue()
        self.sent = 0
        self.released = asyncio.Event()
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    async def start(self) -> HostileSite:
        self._server = await asyncio.start_server(self._serve, self.host, 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def close(self) -> None:
        self.released.set()
        if self._server is not None:
            self._server.close()
            for writer in self._open:
                writer.close()
            await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._open.add(writer)
        try:
            request_line = (await reader.readline()).decode("latin-1").split()
            while (await reader.readline()).strip():
                pass  # headers
            if len(request_line) < 2:
                return
            path = request_line[1]
            self.requests.append(path)
            self.arrivals.put_nowait(path)
            await self.routes.get(path, self._not_found)(writer)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self._open.discard(writer)
            writer.close()

    async def _head(self, writer: asyncio.StreamWriter, status: str, headers: dict[str, str]) -> None:
        lines = [f"HTTP/1.1 {status}", "Connection: close", *(f"{k}: {v}" for k, v in headers.items())]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        await writer.drain()

    async def _body(self, writer: asyncio.StreamWriter, data: bytes) -> None:
        writer.write(data)
        self.sent += len(data)
        await writer.drain()

    async def _not_found(self, writer: asyncio.StreamWriter) -> None:
        await self._head(writer, "404 Not Found", {"Content-Length": "0"})

    def page(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8",
             **headers: str) -> None:
        """An ordinary page (``headers``: more of them, ``Content_Encoding="gzip"`` style)."""
        async def handler(writer: asyncio.StreamWriter) -> None:
            head = {"Content-Type": content_type, "Content-Length": str(len(body))}
            head.update((name.replace("_", "-"), value) for name, value in headers.items())
            await self._head(writer, "200 OK", head)
            await self._body(writer, body)
        self.routes[path] = handler

    def endless(self, path: str, limit: int, content_type: str = "text/plain") -> None:
        """A body without a length that goes on until ``limit`` bytes (or the client leaves)."""
        async def handler(writer: asyncio.StreamWriter) -> None:
            await self._head(writer, "200 OK", {"Content-Type": content_type})
            while self.sent < limit:
                await self._body(writer, CHUNK)
        self.routes[path] = handler

    def bomb(self, path: str, decoded_bytes: int) -> None:
        """A small gzip body that decodes to ``decoded_bytes``."""
        body = gzip_bomb(decoded_bytes)

        async def handler(writer: asyncio.StreamWriter) -> None:
            await self._head(writer, "200 OK", {"Content-Type": "text/plain", "Content-Encoding": "gzip",
                                               "Content-Length": str(len(body))})
            await self._body(writer, body)
        self.routes[path] = handler

    def drip(self, path: str, every: float, content_type: str = "application/rss+xml") -> None:
        """A body sent one byte every ``every`` seconds, for ever."""
        async def handler(writer: asyncio.StreamWriter) -> None:
            await self._head(writer, "200 OK", {"Content-Type": content_type})
            while True:
                await self._body(writer, b" ")
                await asyncio.sleep(every)
        self.routes[path] = handler

    def redirect(self, path: str, location: str) -> None:
        """A 302 to ``location``."""
        async def handler(writer: asyncio.StreamWriter) -> None:
            await self._head(writer, "302 Found", {"Location": location, "Content-Length": "0"})
        self.routes[path] = handler

    def held(self, path: str, body: bytes) -> None:
        """A page whose answer waits until ``released`` is set."""
        async def handler(writer: asyncio.StreamWriter) -> None:
            await self.released.wait()
            await self._head(writer, "200 OK", {"Content-Type": "text/html; charset=utf-8",
                                               "Content-Length": str(len(body))})
            await self._body(writer, body)
        self.routes[path] = handler


@asynccontextmanager
async def serving(host: str = "127.0.0.1") -> AsyncIterator[HostileSite]:
    """A started ``HostileSite`` on ``host``, closed on leaving."""
    site = await HostileSite(host).start()
    try:
        yield site
    finally:
        await site.close()
