"""The fetch stage's download, made polite: robots.txt obeyed and every host's shared limit kept."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from services.fetch.download import FetchedPage, FetchFailed, FetchUnavailable, fetch_url
from services.fetch.hostlimit import HostLimiter
from services.fetch.robots import RobotsRules


@dataclass(frozen=True)
class PoliteFetcher:
    """fetch_url behind robots.txt and the per-host limit; HostBusy when the host's turn is too far off."""

    client: httpx.Client
    limiter: HostLimiter
    robots: RobotsRules
    max_bytes: int

    def __call__(self, url: str) -> FetchedPage:
        """Download one article page, or raise FetchFailed, FetchUnavailable or HostBusy."""
        if not self.robots.allows(url):
            raise FetchFailed(f"disallowed by robots.txt: {url}")
        with self.limiter.turn(url):
            try:
                return fetch_url(url, client=self.client, max_bytes=self.max_bytes)
            except FetchUnavailable as exc:
                if exc.retry_after:
                    self.limiter.defer(url, exc.retry_after)  # the host asked every worker to pause
                raise
