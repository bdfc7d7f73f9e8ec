"""The one way anything is downloaded: a streamed GET with a total deadline, a cap on the
decoded size, and redirects followed one hop at a time, each hop checked.

- The deadline covers the whole download (every hop, every byte), not each read, so a server
  dripping a byte now and then is cut off when the deadline passes.
- The cap counts bytes after content decoding, so a gzip bomb stops at the cap; stacked
  encodings (``gzip, gzip``) are refused outright.
- Every hop must be http(s), and every connection goes only to an address the policy accepts,
  checked when it is made (see ``pinned``); a refused address is never contacted.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

import httpx

from summarizer.articles.addresses import (
    REFUSED,
    AddressCheck,
    AddressRefused,
    Resolver,
    UnknownHost,
    any_address,
    system_resolver,
)  # fmt: skip
from summarizer.articles.decode import DEFAULT_MAX_BYTES, size_excess
from summarizer.articles.pinned import PinnedTransport
from summarizer.errors import InputError

__all__ = ["REFUSED", "Download", "FetchError", "FetchPolicy", "Fetcher"]

_USER_AGENT = "newsdigest/0.1 (+https://github.com/newsdigest)"
_SCHEMES = frozenset({"http", "https"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})


class FetchError(InputError):
    """A download failed; ``reason`` is the short cause without the URL."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.reason = reason


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits of one download: total deadline (seconds), decoded size cap, addresses allowed."""

    timeout: float = 10.0
    max_bytes: int = DEFAULT_MAX_BYTES
    allowed: AddressCheck = any_address
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Download:
    """What a GET ended with, after redirects; ``body`` is read only for 2xx answers.
    ``moved_to``: where the asked URL has moved for good (the end of the permanent redirects,
    301 or 308, it began with), else None."""

    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    moved_to: str | None = None


@cache
def _tls_context() -> ssl.SSLContext:
    """One certificate-verifying TLS context for every download (building one reads the whole
    CA bundle: tens of milliseconds)."""
    return httpx.create_ssl_context()


class Fetcher:
    """Downloads under one ``FetchPolicy``; ``resolve`` looks host names up (the system's by default)."""

    def __init__(self, policy: FetchPolicy, *, resolve: Resolver = system_resolver,
                 user_agent: str = _USER_AGENT) -> None:
        self.policy = policy
        self._resolve = resolve
        self._user_agent = user_agent
        self._ssl = _tls_context()

    async def get(self, url: str, headers: Mapping[str, str] | None = None) -> Download:
        """GET ``url`` (redirects followed); every failure is a ``FetchError``."""
        policy = self.policy
        try:
            async with asyncio.timeout(policy.timeout):
                return await self._follow(url, dict(headers or {}))
        except (TimeoutError, httpx.TimeoutException):
            raise FetchError(url, f"no complete answer within {policy.timeout:g} s") from None
        except AddressRefused:
            raise FetchError(url, REFUSED) from None
        except UnknownHost as error:
            raise FetchError(url, f"cannot find the server {error}") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol):
            raise FetchError(url, "not a valid web address") from None
        except httpx.DecodingError:
            raise FetchError(url, "the server sent a body that cannot be decoded") from None
        except httpx.HTTPError as error:
            raise FetchError(url, f"cannot reach the server ({type(error).__name__})") from None

    async def _follow(self, url: str, headers: dict[str, str]) -> Download:
        transport = PinnedTransport(self.policy.allowed, self._resolve, self._ssl)
        async with httpx.AsyncClient(transport=transport, timeout=self.policy.timeout,
                                     headers={"User-Agent": self._user_agent}) as client:
            target = httpx.URL(url)
            moved: httpx.URL | None = None
            permanent = True  # every hop so far was a permanent redirect
            for _ in range(self.policy.max_redirects + 1):
                if target.scheme not in _SCHEMES:
                    raise FetchError(url, f"{target.scheme or 'a relative'} address; only http(s) is fetched")
                request = client.build_request("GET", target, headers=headers)
                response = await client.send(request, stream=True)
                try:
                    location = response.headers.get("location")
                    if response.status_code not in _REDIRECTS or not location:
                        return await self._complete(url, response, moved)
                    target = response.url.join(location)
                    permanent = permanent and response.status_code in _PERMANENT
                    moved = target if permanent else moved
                finally:
                    await response.aclose()
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    async def _complete(self, url: str, response: httpx.Response, moved: httpx.URL | None) -> Download:
        body = b""
        if 200 <= response.status_code < 300:
            body = await self._body(url, response)
        return Download(str(response.url), response.status_code, response.headers, body,
                        str(moved) if moved is not None else None)

    async def _body(self, url: str, response: httpx.Response) -> bytes:
        """The decoded body, stopped as soon as it passes the cap."""
        cap = self.policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(url, size_excess(int(declared), cap))
        codings = [c for c in response.headers.get("content-encoding", "").lower().split(",")
                   if c.strip() not in {"", "identity"}]
        if len(codings) > 1:
            raise FetchError(url, "the server stacked several content encodings")
        body = bytearray()
        async for chunk in response.aiter_bytes():
            if len(body) + len(chunk) > cap:
                raise FetchError(url, size_excess(len(body) + len(chunk), cap, complete=False))
            body += chunk
        return bytes(body)
