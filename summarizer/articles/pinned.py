"""An httpx transport that connects only to addresses it has checked.

Each connection resolves its host once, refuses it unless every address passes the policy, and
connects to one of those very addresses (TLS still verifies the certificate against the host
name), so a DNS answer that changes between the check and the connection (rebinding) cannot
lead anywhere else. Name lookups run in a small pool of their own, never in the caller's.
Reads are kept small so one compressed read can only inflate so far before the size cap is
checked again.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpcore
import httpx

from summarizer.articles.addresses import AddressCheck, Resolver, checked_addresses

__all__ = ["PinnedTransport"]

_LOOKUPS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="newsdigest-dns")
_READ_SIZE = 4096  # deflate inflates at most 1032-fold: one read decodes to 4.2 MB at most


class _SmallReads(httpcore.AsyncNetworkStream):
    """A network stream whose reads return at most ``_READ_SIZE`` bytes."""

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(min(max_bytes, _READ_SIZE), timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _SmallReads(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """Resolves once, checks every address, connects to a checked one."""

    def __init__(self, allowed: AddressCheck, resolve: Resolver) -> None:
        self._allowed = allowed
        self._resolve = resolve
        self._network = httpcore.AnyIOBackend()

    async def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        lookup = loop.run_in_executor(_LOOKUPS, checked_addresses, host, self._allowed, self._resolve)
        addresses = await lookup
        failure: httpcore.ConnectError | None = None
        for address in addresses:
            try:
                stream = await self._network.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as error:
                failure = error
                continue
            return _SmallReads(stream)
        raise failure or httpcore.ConnectError(f"no address for {host}")

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("local sockets are never used for downloads")

    async def sleep(self, seconds: float) -> None:
        await self._network.sleep(seconds)


class PinnedTransport(httpx.AsyncHTTPTransport):
    """``httpx.AsyncHTTPTransport`` whose connections go only to addresses ``allowed`` accepts."""

    def __init__(self, allowed: AddressCheck, resolve: Resolver, ssl_context: ssl.SSLContext) -> None:
        super().__init__(verify=ssl_context, trust_env=False)
        # httpx 0.28 takes no network backend of its own, so the pool it wraps is built with ours.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context, network_backend=_PinnedBackend(allowed, resolve)
        )
