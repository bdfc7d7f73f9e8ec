"""The one download path against hostile servers on loopback: endless bodies, gzip bombs, drip
feeds, redirects into the local network, DNS rebinding, and the address policy itself."""

from __future__ import annotations

import ipaddress
import socket
import tracemalloc
from collections.abc import AsyncIterator, Awaitable
from datetime import UTC, datetime

import pytest
from fakes.hostile_site import HostileSite, gzip_bomb, serving
from fakes.recording_sender import FakeClock

from bot.feeds.poller import FeedPoller, PollOptions
from bot.store import Store
from summarizer.articles.addresses import IPAddress, is_public_address
from summarizer.articles.decode import size_excess
from summarizer.articles.download import REFUSED, Fetcher, FetchError, FetchPolicy

MB = 1024 * 1024
CAP = 1 * MB
HOSTILE_TOTAL = 64 * MB  # what the hostile pages would send if nobody stopped reading
PUBLIC_HOST = "127.0.0.2"  # stands for the public internet in these tests


def only_public_host(address: IPAddress) -> bool:
    return address == ipaddress.ip_address(PUBLIC_HOST)


@pytest.fixture
async def site() -> AsyncIterator[HostileSite]:
    async with serving() as server:
        yield server


@pytest.fixture
async def public_site() -> AsyncIterator[HostileSite]:
    async with serving(PUBLIC_HOST) as server:
        yield server


async def failure_and_peak(download: Awaitable[object]) -> tuple[FetchError, int]:
    """The ``FetchError`` a download ends with, and the peak of memory allocated meanwhile."""
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as failure:
            await download
        return failure.value, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


async def test_an_endless_body_stops_at_the_cap(site: HostileSite) -> None:
    site.endless("/endless", limit=HOSTILE_TOTAL)
    fetcher = Fetcher(FetchPolicy(timeout=300, max_bytes=CAP))
    error, peak = await failure_and_peak(fetcher.get(site.url("/endless")))
    assert error.reason == "over the size cap (more than 1 MB)"
    assert peak < CAP + MB  # the body up to the cap and one small read, not what was sent


async def test_a_gzip_bomb_stops_at_the_cap_on_its_decoded_size(site: HostileSite) -> None:
    site.bomb("/bomb", decoded_bytes=HOSTILE_TOTAL)
    assert len(gzip_bomb(HOSTILE_TOTAL)) < CAP  # small on the wire: only the decoded size is over
    fetcher = Fetcher(FetchPolicy(timeout=300, max_bytes=CAP))
    error, peak = await failure_and_peak(fetcher.get(site.url("/bomb")))
    assert error.reason == "over the size cap (more than 1 MB)"
    inflated_read = 4096 * 1032  # one 4 KB network read inflates 1032-fold at most
    assert peak < CAP + 2 * inflated_read + MB  # zlib holds up to twice that while inflating


async def test_stacked_content_encodings_are_refused(site: HostileSite) -> None:
    site.page("/twice", gzip_bomb(1000), "text/plain", Content_Encoding="gzip, gzip")
    with pytest.raises(FetchError) as failure:
        await Fetcher(FetchPolicy(max_bytes=CAP)).get(site.url("/twice"))
    assert failure.value.reason == "the server stacked several content encodings"


async def test_a_declared_oversize_body_is_refused_unread(site: HostileSite) -> None:
    site.page("/big", b"x" * (CAP + 300 * 1024), "text/plain")
    with pytest.raises(FetchError) as failure:
        await Fetcher(FetchPolicy(max_bytes=CAP)).get(site.url("/big"))
    assert failure.value.reason == "over the size cap (1.29 MB > 1 MB cap)"


@pytest.mark.timeout(120)  # without a total deadline the drip would never end
async def test_a_drip_fed_feed_ends_at_the_deadline(site: HostileSite, tmp_path) -> None:
    site.drip("/drip.rss", every=0.05)
    store = Store.open(f"sqlite:///{tmp_path / 'feeds.sqlite3'}")
    try:
        feed, _ = store.add_feed(site.url("/drip.rss"), now=datetime(2026, 11, 24, tzinfo=UTC))
        poller = FeedPoller(store, clock=FakeClock(datetime(2026, 11, 24, tzinfo=UTC)),
                            options=PollOptions(timeout=1))
        result = await poller.poll(feed, force=True)
    finally:
        store.close()
    assert (result.status, result.error) == ("failed", "no complete answer within 1 s")
    assert site.sent > 1  # bytes kept coming (no single read waited long), yet the download ended


@pytest.mark.parametrize(("options", "cap"), [(PollOptions(max_bytes=CAP, timeout=300), "1 MB"),
                                             (PollOptions(timeout=300), "10 MB")])  # the README's default
async def test_an_endless_feed_fails_at_the_cap(site: HostileSite, tmp_path, options, cap) -> None:
    site.endless("/endless.rss", limit=HOSTILE_TOTAL, content_type="application/rss+xml")
    store = Store.open(f"sqlite:///{tmp_path / 'feeds.sqlite3'}")
    try:
        feed, _ = store.add_feed(site.url("/endless.rss"), now=datetime(2026, 11, 24, tzinfo=UTC))
        poller = FeedPoller(store, clock=FakeClock(datetime(2026, 11, 24, tzinfo=UTC)), options=options)
        result = await poller.poll(feed, force=True)
    finally:
        store.close()
    assert (result.status, result.error) == ("failed", f"over the size cap (more than {cap})")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_a_redirect_into_loopback_is_refused_before_any_request(
    public_site: HostileSite, site: HostileSite
) -> None:
    site.page("/secret", b"internal only", "text/plain")
    public_site.redirect("/open", site.url("/secret"))
    public_site.redirect("/closed", f"http://127.0.0.1:{closed_port()}/secret")
    fetcher = Fetcher(FetchPolicy(allowed=only_public_host))
    errors = []
    for path in ("/open", "/closed"):
        with pytest.raises(FetchError) as failure:
            await fetcher.get(public_site.url(path))
        errors.append(failure.value.reason)
    assert errors == [REFUSED, REFUSED]  # the same words whether something answers there or not
    assert site.requests == []
    assert public_site.requests == ["/open", "/closed"]


async def test_redirects_are_followed_hop_by_hop_within_limits(public_site: HostileSite) -> None:
    public_site.page("/story", b"<p>Story</p>")
    public_site.redirect("/moved", "/story")
    public_site.redirect("/loop", "/loop")
    public_site.redirect("/file", "file:///etc/passwd")
    fetcher = Fetcher(FetchPolicy(allowed=only_public_host, max_redirects=3))
    download = await fetcher.get(public_site.url("/moved"))
    assert (download.status, download.url, download.body) == (200, public_site.url("/story"), b"<p>Story</p>")
    with pytest.raises(FetchError, match="more than 3 redirects"):
        await fetcher.get(public_site.url("/loop"))
    with pytest.raises(FetchError, match="file address; only http"):
        await fetcher.get(public_site.url("/file"))
    assert public_site.requests.count("/loop") == 4


async def test_the_checked_address_is_the_one_connected_to(public_site: HostileSite) -> None:
    public_site.page("/story", b"<p>Story</p>")
    answers = iter([[PUBLIC_HOST], ["127.0.0.1"]])  # a rebinding name server: public, then private
    asked: list[str] = []

    def rebinding(host: str) -> list[str]:
        asked.append(host)
        return next(answers)

    fetcher = Fetcher(FetchPolicy(allowed=only_public_host), resolve=rebinding)
    download = await fetcher.get(f"http://news.test:{public_site.port}/story")
    assert download.body == b"<p>Story</p>"
    assert asked == ["news.test"]


async def test_a_name_with_any_private_address_is_refused(public_site: HostileSite) -> None:
    public_site.page("/story", b"<p>Story</p>")
    fetcher = Fetcher(FetchPolicy(allowed=only_public_host), resolve=lambda host: [PUBLIC_HOST, "10.0.0.1"])
    with pytest.raises(FetchError) as failure:
        await fetcher.get(f"http://news.test:{public_site.port}/story")
    assert failure.value.reason == REFUSED
    assert public_site.requests == []


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
    "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.0.2.1", "198.18.0.1",
    "::1", "::", "fe80::1", "fc00::1", "ff02::1", "2001:db8::1",
    "64:ff9b::a00:1", "64:ff9b::808:808", "64:ff9b:1::a00:1",  # NAT64 (even of a public address)
    "2002:7f00:1::1", "2002:808:808::1",  # 6to4
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    "::ffff:127.0.0.1", "::ffff:8.8.8.8", "::127.0.0.1",  # IPv4-mapped and -compatible
])  # fmt: skip
def test_addresses_that_are_not_public(address: str) -> None:
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(("size", "cap", "message"), [
    (int(20.3 * MB), 20 * MB, "over the size cap (20.3 MB > 20 MB cap)"),
    (20 * MB + 2048, 20 * MB, "over the size cap (20.002 MB > 20 MB cap)"),
    (20 * MB + 1, 20 * MB, "over the size cap (20,971,521 bytes > 20,971,520 bytes cap)"),
    (600, 100, "over the size cap (600 bytes > 100 bytes cap)"),
])  # fmt: skip
def test_the_over_cap_message_tells_the_sizes_apart(size: int, cap: int, message: str) -> None:
    assert size_excess(size, cap) == message
