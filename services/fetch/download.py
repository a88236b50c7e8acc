"""Fetch stage: download an article given only by URL, with timeouts, a size cap and a redirect limit."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from services.fetch.addresses import PinnedTransport, RefusedAddress, is_public_address
from services.settings import Settings

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


class FetchFailed(Exception):
    """The URL will not give an article however often it is tried (4xx, too large, not text)."""


class FetchUnavailable(Exception):
    """The server could not be reached or answered 5xx/429; trying again later may work."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message, retry_after)  # both in args, so the exception pickles between processes
        self.retry_after = retry_after

    def __str__(self) -> str:
        return str(self.args[0])


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (a number of seconds or an HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


@dataclass(frozen=True)
class FetchedPage:
    """What the server sent: the final URL after redirects, the media type and the body."""

    url: str
    content_type: str
    body: bytes


class DeadlineExceeded(httpx.TimeoutException):
    """A download still arriving when its total deadline passed: a server sending slowly, a byte at a time, that
    no per-read timeout stops."""


class DeadlineTransport(httpx.BaseTransport):
    """A transport whose downloads (a request and the redirects that follow it) must arrive whole within
    `seconds`; past it, the body being read raises DeadlineExceeded."""

    # The deadline rides in the request's extensions, which httpx copies to each redirect's request.
    KEY = "newsflow.deadline"

    def __init__(self, transport: httpx.BaseTransport, seconds: float) -> None:
        self.transport = transport
        self.seconds = seconds

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send the request; its response's body stops at the download's deadline."""
        deadline = request.extensions.setdefault(self.KEY, time.monotonic() + self.seconds)
        response = self.transport.handle_request(request)
        response.stream = _DeadlineStream(response.stream, deadline, self._reason(request))
        return response

    def _reason(self, request: httpx.Request) -> str:
        return f"download of {request.url} not finished within its {self.seconds:g} s deadline: the server is too slow"

    def close(self) -> None:
        """Close the transport underneath."""
        self.transport.close()


class _DeadlineStream(httpx.SyncByteStream):
    def __init__(self, stream: httpx.SyncByteStream, deadline: float, reason: str) -> None:
        self.stream, self.deadline, self.reason = stream, deadline, reason

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.stream:
            if time.monotonic() > self.deadline:
                raise DeadlineExceeded(self.reason)
            yield chunk

    def close(self) -> None:
        self.stream.close()


def client_from_settings(settings: Settings) -> httpx.Client:
    """The fetch stage's HTTP client as the settings configure it (also used to poll sources)."""
    return make_client(
        connect_timeout=settings.fetch_connect_timeout,
        read_timeout=settings.fetch_read_timeout,
        total_timeout=settings.fetch_total_timeout,
        max_redirects=settings.fetch_max_redirects,
        user_agent=settings.user_agent,
        allow_private=settings.fetch_allow_private_addresses,
    )


def make_client(
    *,
    connect_timeout: float,
    read_timeout: float,
    max_redirects: int,
    user_agent: str,
    allow_private: bool = False,
    total_timeout: float | None = None,
) -> httpx.Client:
    """An HTTP client with the fetch stage's timeouts (a download's total too, when given) and redirect limit;
    non-public addresses refused unless allowed (RefusedAddress)."""
    # Every connection, each redirect's included, goes to an address checked when it was resolved.
    transport: httpx.BaseTransport = PinnedTransport(
        allowed=(lambda _address: True) if allow_private else is_public_address
    )
    return httpx.Client(
        timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
        follow_redirects=True,
        max_redirects=max_redirects,
        headers={"User-Agent": user_agent, "Accept": ", ".join(ACCEPTED_TYPES)},
        transport=DeadlineTransport(transport, total_timeout) if total_timeout else transport,
        # A proxy from the environment would resolve hosts itself, past the address check.
        trust_env=False,
    )


def fetch_url(url: str, *, client: httpx.Client, max_bytes: int) -> FetchedPage:
    """GET a URL; raise FetchFailed for answers that will not change and FetchUnavailable for passing ones.

    A download past its deadline is a passing one: a server that slow is most often one under load, and the retries
    back off while other work goes through.
    """
    try:
        with client.stream("GET", url) as response:
            if response.status_code == 429 or response.status_code >= 500:
                raise FetchUnavailable(
                    f"HTTP {response.status_code} from {response.url.host}",
                    retry_after=retry_after_seconds(response.headers.get("retry-after")),
                )
            if response.status_code >= 400:
                raise FetchFailed(f"HTTP {response.status_code} for {url}")
            media_type = response.headers.get("content-type", "text/html").split(";")[0].strip().lower()
            if media_type not in ACCEPTED_TYPES:
                raise FetchFailed(f"not an article: content type {media_type!r}")
            declared = int(response.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise FetchFailed(f"too large: {declared} bytes declared, the limit is {max_bytes}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise FetchFailed(f"too large: more than {max_bytes} bytes")
            kind = "text/plain" if media_type == "text/plain" else "text/html"
            return FetchedPage(url=str(response.url), content_type=kind, body=bytes(body))
    except RefusedAddress as exc:
        raise FetchFailed(str(exc)) from exc
    except httpx.TooManyRedirects as exc:
        raise FetchFailed(f"too many redirects: {exc}") from exc
    except httpx.InvalidURL as exc:
        raise FetchFailed(f"invalid URL {url!r}: {exc}") from exc
    except httpx.UnsupportedProtocol as exc:
        raise FetchFailed(f"unsupported URL scheme in {url!r}") from exc
    except DeadlineExceeded as exc:
        raise FetchUnavailable(str(exc)) from exc
    except httpx.TransportError as exc:
        raise FetchUnavailable(f"{type(exc).__name__} for {url}: {exc}") from exc
