"""The fetch stage against a local HTTP server: answers that fail for good, and ones worth retrying."""

import time
from collections.abc import Iterator

import httpx
import pytest

from services.fetch.download import FetchFailed, FetchUnavailable, client_from_settings, fetch_url, make_client
from services.fetch.hostlimit import HostLimiter
from services.settings import Settings
from services.sources.remote import PollFailed, get_document
from tests.pages import Page, Site, serve

ARTICLE = b"<html><head><title>T</title></head><body><article><p>Hello world.</p></article></body></html>"


@pytest.fixture
def site() -> Iterator[Site]:
    routes = {
        "/article": Page(ARTICLE),
        "/plain": Page(b"Just text.", content_type="text/plain"),
        "/moved": Page(status=301, headers={"Location": "/article"}),
        "/loop": Page(status=302, headers={"Location": "/loop"}),
        "/big": Page(b"x" * 5000),
        "/pdf": Page(b"%PDF-1.4", content_type="application/pdf"),
        "/gone": Page(b"gone", status=410),
        "/busy": Page(b"busy", status=503),
        "/slow": Page(ARTICLE, delay=1.0),
    }
    with serve(Site(routes)) as running:
        yield running


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    # The test server is on loopback, which the fetch stage refuses unless allowed.
    with make_client(
        connect_timeout=1, read_timeout=0.5, max_redirects=3, user_agent="newsflow-test", allow_private=True
    ) as c:
        yield c


def test_fetches_html_and_follows_a_redirect(site: Site, client: httpx.Client) -> None:
    page = fetch_url(site.url("/moved"), client=client, max_bytes=1000)
    assert (page.url, page.content_type, page.body) == (site.url("/article"), "text/html", ARTICLE)


def test_plain_text_keeps_its_type(site: Site, client: httpx.Client) -> None:
    assert fetch_url(site.url("/plain"), client=client, max_bytes=1000).content_type == "text/plain"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/loop", "too many redirects"),
        ("/big", "too large"),
        ("/pdf", "content type 'application/pdf'"),
        ("/gone", "HTTP 410"),
        ("/missing", "HTTP 404"),
    ],
)
def test_answers_that_will_not_change_fail_with_a_reason(
    site: Site, client: httpx.Client, path: str, reason: str
) -> None:
    with pytest.raises(FetchFailed, match=reason):
        fetch_url(site.url(path), client=client, max_bytes=1000)


@pytest.mark.parametrize(("path", "reason"), [("/busy", "HTTP 503"), ("/slow", "ReadTimeout")])
def test_passing_trouble_is_worth_a_retry(site: Site, client: httpx.Client, path: str, reason: str) -> None:
    with pytest.raises(FetchUnavailable, match=reason):
        fetch_url(site.url(path), client=client, max_bytes=1000)


def test_a_malformed_url_fails(client: httpx.Client) -> None:
    with pytest.raises(FetchFailed):
        fetch_url("ftp://example.invalid/file", client=client, max_bytes=1000)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/", "http://localhost/", "http://10.1.2.3/", "http://169.254.169.254/latest", "http://[::1]/"],
)
def test_non_public_addresses_are_refused_by_default(url: str) -> None:
    with (
        make_client(connect_timeout=1, read_timeout=1, max_redirects=3, user_agent="t") as client,
        pytest.raises(FetchFailed, match="refused: .* non-public address"),
    ):
        fetch_url(url, client=client, max_bytes=1000)


# A server that sends a byte every 0.2 s: each read is well within the read timeout, the whole takes 19 s.
DEADLINE = Settings(fetch_total_timeout=1.0, fetch_read_timeout=5.0, fetch_allow_private_addresses=True)


def test_a_download_past_its_total_deadline_is_given_up_and_worth_a_retry(site: Site) -> None:
    site.routes["/drip"] = Page(ARTICLE, drip=0.2)
    started = time.monotonic()
    with client_from_settings(DEADLINE) as client, pytest.raises(FetchUnavailable, match="1 s deadline"):
        fetch_url(site.url("/drip"), client=client, max_bytes=1000)
    assert time.monotonic() - started < 2.5


def test_a_feed_past_its_total_deadline_fails_the_poll_with_the_reason(site: Site, redis_client) -> None:
    site.routes["/feed.xml"] = Page(ARTICLE, content_type="application/rss+xml", drip=0.2)
    limiter = HostLimiter(redis_client, max_concurrency=2, min_interval=0.0, max_wait=1.0, lease=30)
    started = time.monotonic()
    with client_from_settings(DEADLINE) as client, pytest.raises(PollFailed, match="1 s deadline"):
        get_document(site.url("/feed.xml"), client=client, limiter=limiter, max_bytes=1000)
    assert time.monotonic() - started < 2.5


def test_a_slow_download_within_its_deadline_arrives_whole(site: Site) -> None:
    site.routes["/drip"] = Page(b"<p>slowly</p>", drip=0.01)
    with client_from_settings(DEADLINE) as client:
        assert fetch_url(site.url("/drip"), client=client, max_bytes=1000).body == b"<p>slowly</p>"
