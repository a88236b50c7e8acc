"""robots.txt for the fetch stage: read once per site, cached in Redis for every worker, and obeyed."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx
import redis

from services.fetch.addresses import RefusedAddress
from services.fetch.download import FetchUnavailable, retry_after_seconds
from services.fetch.hostlimit import HostLimiter

KEY_PREFIX = "newsflow:robots:"
MAX_ROBOTS_BYTES = 512_000  # Google reads the first 500 KiB of a robots.txt; more is ignored


def robots_url(url: str) -> str:
    """The robots.txt that governs a URL: at the root of its scheme, host and port."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


class RobotsRules:
    """Whether the user agent may fetch a URL, by the site's robots.txt, read through a shared Redis cache."""

    def __init__(
        self, *, client: httpx.Client, cache: redis.Redis, limiter: HostLimiter, user_agent: str, ttl: int
    ) -> None:
        self._client = client
        self._cache = cache
        self._limiter = limiter
        self._user_agent = user_agent
        self._ttl = ttl

    def allows(self, url: str) -> bool:
        """True if robots.txt lets our user agent fetch the URL (FetchUnavailable if it cannot be read now)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return True  # not a web URL: the fetch itself refuses it, with its reason
        location = robots_url(url)
        key = KEY_PREFIX + location
        cached = self._cache.get(key)
        if cached is None:
            cached = self._download(location)
            self._cache.set(key, cached, ex=self._ttl)
        parser = RobotFileParser()
        parser.parse(cached.decode("utf-8", "replace").splitlines())
        return parser.can_fetch(self._user_agent, url)

    def _download(self, location: str) -> bytes:
        # RFC 9309: a missing robots.txt (4xx) allows everything; a server error means try later.
        with self._limiter.turn(location):
            try:
                with self._client.stream("GET", location) as response:
                    if response.status_code == 429 or response.status_code >= 500:
                        retry_after = retry_after_seconds(response.headers.get("retry-after"))
                        raise FetchUnavailable(f"HTTP {response.status_code} for {location}", retry_after=retry_after)
                    if response.status_code >= 400:
                        return b""
                    return _read_at_most(response, MAX_ROBOTS_BYTES)
            except RefusedAddress:
                return b""  # the page itself will be refused by the fetch, with its reason
            except httpx.TransportError as exc:
                raise FetchUnavailable(f"robots.txt unreadable: {type(exc).__name__}: {exc}") from exc


def _read_at_most(response: httpx.Response, limit: int) -> bytes:
    """The start of a body, read no further than the limit."""
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) >= limit:
            break
    return bytes(body[:limit])
