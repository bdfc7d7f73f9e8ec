"""Which internet addresses a download may reach, and resolving a host name once to check them.

``is_public_address`` is the policy for anything a chat user or a feed asks for: globally
routable unicast only, and none of the IPv6 forms that carry an IPv4 address inside (NAT64,
6to4, Teredo, IPv4-mapped or -compatible), since those can lead back into private ranges.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence

__all__ = [
    "REFUSED", "AddressCheck", "AddressRefused", "IPAddress", "Resolver", "UnknownHost", "any_address",
    "checked_addresses", "is_public_address", "system_resolver",
]  # fmt: skip

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressCheck = Callable[[IPAddress], bool]
Resolver = Callable[[str], Sequence[str]]
"""host name -> the addresses it resolves to (as text)."""
REFUSED = "not a public web address (only public web pages are fetched)"
"""Why an address a policy refuses is not reached (the same words whether something answers there)."""

_EMBEDDED_IPV4 = tuple(
    ipaddress.IPv6Network(network)
    for network in (
        "64:ff9b::/96",  # NAT64, well-known prefix
        "64:ff9b:1::/48",  # NAT64, local-use prefix
        "2002::/16",  # 6to4
        "2001::/32",  # Teredo
        "::ffff:0:0/96",  # IPv4-mapped
        "::/96",  # IPv4-compatible (deprecated)
    )
)


class AddressRefused(Exception):
    """The host resolves to an address the policy refuses (``str`` is the host)."""


class UnknownHost(Exception):
    """The host name does not resolve (``str`` is the host)."""


def any_address(address: IPAddress) -> bool:
    """The policy that allows every address (what a user typed on the command line)."""
    return True


def is_public_address(address: IPAddress) -> bool:
    """True for a globally routable unicast address that embeds no other address."""
    if isinstance(address, ipaddress.IPv6Address) and any(address in net for net in _EMBEDDED_IPV4):
        return False
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_loopback or address.is_link_local
        or address.is_unspecified or address.is_private
    )


def system_resolver(host: str) -> list[str]:
    """The addresses the operating system resolves ``host`` to."""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return [str(info[4][0]) for info in infos]


def checked_addresses(
    host: str, allowed: AddressCheck, resolve: Resolver = system_resolver
) -> list[IPAddress]:
    """``host`` resolved once; every address must pass ``allowed`` (else ``AddressRefused``).

    Raises ``UnknownHost`` when the name does not resolve.
    """
    try:
        names = resolve(host.strip("[]"))
    except (OSError, UnicodeError):
        raise UnknownHost(host) from None
    try:
        addresses = [ipaddress.ip_address(name.split("%", 1)[0]) for name in dict.fromkeys(names)]
    except ValueError:
        raise UnknownHost(host) from None
    if not addresses or not all(allowed(address) for address in addresses):
        raise AddressRefused(host)
    return addresses
