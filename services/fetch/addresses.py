"""Which network addresses newsflow's outgoing requests may reach, and connections pinned to the checked address.

Every download (fetch, feed and sitemap polls, robots.txt) resolves a host once, refuses it if any of its addresses
is not public, and connects to an address it checked: a DNS answer that changes between the check and the connection
(rebinding) cannot reach a private address, and neither can a redirect, since every hop opens its own connection.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# IPv6 ranges that carry an IPv4 address in their last 32 bits: the embedded address decides.
# Python's is_global calls some of them public whatever they embed (::127.0.0.1, 64:ff9b::7f00:1).
IPV4_CARRIERS = (
    ipaddress.ip_network("::/96"),  # IPv4-compatible (deprecated, RFC 4291)
    ipaddress.ip_network("64:ff9b::/96"),  # NAT64 well-known prefix (RFC 6052)
    ipaddress.ip_network("64:ff9b:1::/48"),  # NAT64 local-use prefix (RFC 8215)
)
# Never public, whatever Python's tables say.
NEVER_PUBLIC = (ipaddress.ip_network("fec0::/10"),)  # site-local (deprecated, RFC 3879)


class RefusedAddress(Exception):
    """A host resolves to an address newsflow may not reach (loopback, private, link-local, or one embedding them)."""


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4, Teredo), if any."""
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]  # the client's address; the server's is a public Teredo server
    if any(address in network for network in IPV4_CARRIERS):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public_address(address: IPAddress) -> bool:
    """True if the address is globally reachable and embeds no address that is not."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id or any(address in network for network in NEVER_PUBLIC):
            return False
        if (inner := embedded_ipv4(address)) is not None:
            return inner.is_global and not inner.is_multicast
    return address.is_global and not address.is_multicast


def resolve(host: str, port: int) -> list[IPAddress]:
    """The host's addresses (an address literal is its own), in the resolver's order; ConnectError if none."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))


def checked_addresses(host: str, port: int, allowed: Callable[[IPAddress], bool]) -> list[IPAddress]:
    """The host's addresses, or RefusedAddress if any of them is not allowed (one bad answer taints the name)."""
    addresses = resolve(host, port)
    for address in addresses:
        if not allowed(address):
            raise RefusedAddress(f"refused: {host} resolves to the non-public address {address}")
    return addresses


class PinnedBackend(httpcore.SyncBackend):
    """httpcore's network backend, connecting only to addresses it has just checked (TLS still names the host)."""

    def __init__(self, allowed: Callable[[IPAddress], bool] = is_public_address) -> None:
        self._allowed = allowed

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        failure: Exception | None = None
        for address in checked_addresses(host, port, self._allowed):
            try:
                return super().connect_tcp(str(address), port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc  # try the host's next address, as socket.create_connection would
        raise failure or httpcore.ConnectError(f"no address for {host}")


class PinnedTransport(httpx.HTTPTransport):
    """httpx's default transport, its connections made by a PinnedBackend."""

    def __init__(self, allowed: Callable[[IPAddress], bool] = is_public_address) -> None:
        super().__init__()
        # httpx offers no way to pass a network backend: its pool is rebuilt with httpx's own defaults and ours.
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)  # httpx's defaults
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=PinnedBackend(allowed),
        )
