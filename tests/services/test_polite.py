"""The fetch stage's polite download: robots.txt obeyed (read once, shared in Redis) and the host limit kept."""

from collections.abc import Iterator

import pytest

from services.fetch.download import FetchFailed, FetchUnavailable, make_client
from services.fetch.hostlimit import HostBusy, HostLimiter
from services.fetch.polite import PoliteFetcher
from services.fetch.robots import RobotsRules
from tests.feeds import article_html
from tests.pages import Page, Site, serve

PAGE = article_html("Withdrawal", "Russia withdrew its troops from Syria on Sunday.")


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site()) as served:
        yield served


def polite(redis_client, *, min_interval: float = 0.0, max_wait: float = 2.0) -> PoliteFetcher:
    client = make_client(
        connect_timeout=2, read_timeout=2, max_redirects=3, user_agent="newsflow/0.1 (+test)", allow_private=True
    )
    limiter = HostLimiter(redis_client, max_concurrency=2, min_interval=min_interval, max_wait=max_wait, lease=30)
    robots = RobotsRules(client=client, cache=redis_client, limiter=limiter, user_agent="newsflow/0.1", ttl=60)
    return PoliteFetcher(client=client, limiter=limiter, robots=robots, max_bytes=100_000)


def test_robots_txt_is_obeyed_and_read_once_for_every_worker(site, redis_client) -> None:
    site.routes["/robots.txt"] = Page(b"User-agent: newsflow\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/news/a"] = Page(PAGE)
    site.routes["/private/b"] = Page(PAGE)
    first, second = polite(redis_client), polite(redis_client)
    assert first(site.url("/news/a")).body == PAGE
    with pytest.raises(FetchFailed, match="robots.txt"):
        second(site.url("/private/b"))
    assert site.requests.count("/robots.txt") == 1
    assert "/private/b" not in site.requests


def test_a_missing_robots_txt_allows_everything(site, redis_client) -> None:
    site.routes["/news/a"] = Page(PAGE)
    assert polite(redis_client)(site.url("/news/a")).body == PAGE


def test_a_robots_txt_server_error_means_try_later(site, redis_client) -> None:
    site.routes["/robots.txt"] = Page(b"down", status=503, content_type="text/plain")
    with pytest.raises(FetchUnavailable, match="503"):
        polite(redis_client)(site.url("/news/a"))


def test_a_429_pauses_the_host_for_every_worker(site, redis_client) -> None:
    site.routes["/news/a"] = Page(b"slow down", status=429, content_type="text/plain", headers={"Retry-After": "120"})
    site.routes["/news/b"] = Page(PAGE)
    with pytest.raises(FetchUnavailable) as unavailable:
        polite(redis_client)(site.url("/news/a"))
    assert unavailable.value.retry_after == 120
    with pytest.raises(HostBusy) as busy:
        polite(redis_client)(site.url("/news/b"))
    assert busy.value.retry_after > 100
    assert "/news/b" not in site.requests


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://news.test/a", "https:///story"])
def test_a_url_that_is_not_a_web_address_fails_at_once(redis_client, url: str) -> None:
    with pytest.raises(FetchFailed):
        polite(redis_client)(url)
