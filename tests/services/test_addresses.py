"""The address policy of every download: no private address reached, however it is spelled, resolved or redirected."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator

import httpx
import pytest
from pytest_socket import SocketConnectBlockedError

from services.fetch.addresses import PinnedTransport, is_public_address
from services.fetch.download import FetchFailed, fetch_url, make_client
from services.fetch.hostlimit import HostLimiter
from services.sources.remote import PollFailed, get_document
from tests.pages import Page, Site, serve

ARTICLE = b"<html><body><article><p>Hello world.</p></article></body></html>"
PUBLIC = "93.184.216.34"


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site({"/article": Page(ARTICLE)})) as running:
        yield running


@pytest.mark.parametrize(
    "address",
    [
        "::127.0.0.1",  # IPv4-compatible: Python calls it global
        "::ffff:127.0.0.1",
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "64:ff9b:1::a9fe:a9fe",  # local-use NAT64 of 169.254.169.254
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:c0a8:101::1",  # 6to4 of 192.168.1.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
        "fec0::1",  # site-local
        "fe80::1",
        "::1",
        "::",
        "127.0.0.1",
        "10.1.2.3",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
    ],
)
def test_non_public_addresses_in_any_spelling_are_refused(address: str) -> None:
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address", [PUBLIC, "2606:4700:4700::1111", f"::ffff:{PUBLIC}", "64:ff9b::5db8:d822", "2002:5db8:d822::1"]
)
def test_public_addresses_pass_even_when_embedded(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


def default_client() -> httpx.Client:
    return make_client(connect_timeout=1, read_timeout=1, max_redirects=3, user_agent="t")


def test_an_ipv4_compatible_loopback_url_is_refused(site: Site) -> None:
    port = site.base_url.rsplit(":", 1)[1]
    with default_client() as client, pytest.raises(FetchFailed, match=r"refused: .*::127\.0\.0\.1"):
        fetch_url(f"http://[::127.0.0.1]:{port}/article", client=client, max_bytes=1000)
    assert site.requests == []


@pytest.mark.filterwarnings("ignore:A test tried to use socket.socket.connect")
def test_a_dns_answer_that_changes_after_the_check_is_not_followed(site: Site, monkeypatch) -> None:
    """Rebinding: the first answer is public, every later one loopback. The connection goes to the checked answer."""
    real_getaddrinfo = socket.getaddrinfo
    answers = iter([PUBLIC])

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.test":
            return real_getaddrinfo(host, port, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers, "127.0.0.1"), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    port = int(site.base_url.rsplit(":", 1)[1])
    # The test run may connect to loopback only: the refused connection to the public address shows where it went.
    with default_client() as client, pytest.raises(SocketConnectBlockedError, match=PUBLIC):
        fetch_url(f"http://rebind.test:{port}/article", client=client, max_bytes=1000)
    assert site.requests == []


def test_every_redirect_hop_is_checked_where_it_connects(site: Site) -> None:
    port = site.base_url.rsplit(":", 1)[1]
    site.routes["/away"] = Page(status=302, headers={"Location": f"http://127.0.0.2:{port}/article"})
    only_the_site = PinnedTransport(allowed=lambda address: address == ipaddress.ip_address("127.0.0.1"))
    with (
        httpx.Client(transport=only_the_site, follow_redirects=True) as client,
        pytest.raises(FetchFailed, match=r"refused: 127\.0\.0\.2"),
    ):
        fetch_url(site.url("/away"), client=client, max_bytes=1000)
    assert site.requests == ["/away"]


def test_a_feed_on_a_private_address_is_refused_by_the_poller(site: Site, redis_client) -> None:
    port = site.base_url.rsplit(":", 1)[1]
    limiter = HostLimiter(redis_client, max_concurrency=2, min_interval=0.0, max_wait=1.0, lease=30)
    with default_client() as client, pytest.raises(PollFailed, match="refused"):
        get_document(f"http://[::ffff:127.0.0.1]:{port}/feed.xml", client=client, limiter=limiter, max_bytes=1000)
    assert site.requests == []
