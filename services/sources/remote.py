"""Reading a feed or sitemap over HTTP: a conditional GET under the host's shared limit, and its reading."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from services.fetch.addresses import RefusedAddress
from services.fetch.download import DeadlineExceeded, retry_after_seconds
from services.fetch.hostlimit import HostLimiter
from services.sources.entries import Entry, MalformedDocument
from services.sources.feeds import parse_feed
from services.sources.sitemaps import is_sitemap, parse_sitemap

GZIP_MAGIC = b"\x1f\x8b"
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


class PollFailed(Exception):
    """The source could not be read this time; `retry_after` is the pause the server asked for, if any."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason, retry_after)  # both in args, so the exception pickles between processes
        self.reason = reason
        self.retry_after = retry_after

    def __str__(self) -> str:
        return self.reason


@dataclass(frozen=True)
class Document:
    """A source's answer: the body (None when unchanged since the validators we sent) and its new validators."""

    url: str
    body: bytes | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class Reading:
    """What a poll of a remote source found: its entries (None when not modified) and the validators to keep."""

    entries: list[Entry] | None
    etag: str | None
    last_modified: str | None
    base_url: str


def get_document(
    url: str,
    *,
    client: httpx.Client,
    limiter: HostLimiter,
    max_bytes: int,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Document:
    """GET a feed or sitemap, conditionally when validators are given; PollFailed with the reason if it fails."""
    headers = {"Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    with limiter.turn(url):
        try:
            with client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Document(str(response.url), None, etag, last_modified)
                if response.status_code >= 400:
                    retry_after = retry_after_seconds(response.headers.get("retry-after"))
                    if retry_after is not None and response.status_code in (429, 503):
                        limiter.defer(url, retry_after)  # the host asked every worker to pause
                    raise PollFailed(f"HTTP {response.status_code} from {url}", retry_after=retry_after)
                declared = int(response.headers.get("content-length") or 0)
                if declared > max_bytes:
                    raise PollFailed(f"too large: {declared} bytes declared, the limit is {max_bytes}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise PollFailed(f"too large: more than {max_bytes} bytes")
                return Document(
                    str(response.url),
                    _gunzip(bytes(body), max_bytes),
                    response.headers.get("etag"),
                    response.headers.get("last-modified"),
                )
        except RefusedAddress as exc:
            raise PollFailed(str(exc)) from exc
        except httpx.TooManyRedirects as exc:
            raise PollFailed(f"too many redirects: {exc}") from exc
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise PollFailed(f"invalid URL {url!r}: {exc}") from exc
        except DeadlineExceeded as exc:
            raise PollFailed(str(exc)) from exc
        except httpx.TransportError as exc:
            raise PollFailed(f"{type(exc).__name__} for {url}: {exc}") from exc


def _gunzip(body: bytes, max_bytes: int) -> bytes:
    """A sitemap.xml.gz served as a file (not as Content-Encoding), unpacked up to the size limit."""
    if not body.startswith(GZIP_MAGIC):
        return body
    unpacker = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = unpacker.decompress(body, max_bytes + 1)
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise PollFailed(f"bad gzip body: {exc}") from exc
    if len(data) > max_bytes:
        raise PollFailed(f"too large: more than {max_bytes} bytes unpacked")
    return data


def read_remote(
    url: str,
    *,
    client: httpx.Client,
    limiter: HostLimiter,
    max_bytes: int,
    max_children: int,
    etag: str | None,
    last_modified: str | None,
) -> Reading:
    """Poll a feed or sitemap: its entries, children of a sitemap index included; None entries when unchanged."""
    document = get_document(
        url, client=client, limiter=limiter, max_bytes=max_bytes, etag=etag, last_modified=last_modified
    )
    if document.body is None:
        return Reading(None, document.etag, document.last_modified, document.url)
    try:
        if not is_sitemap(document.body):
            entries = parse_feed(document.body)
        else:
            sitemap = parse_sitemap(document.body)
            entries = list(sitemap.entries)
            for child_url in sitemap.children[:max_children]:
                child_url = urljoin(document.url, child_url)
                child = get_document(child_url, client=client, limiter=limiter, max_bytes=max_bytes)
                entries += parse_sitemap(child.body or b"").entries
    except MalformedDocument as exc:
        raise PollFailed(str(exc)) from exc
    return Reading(entries, document.etag, document.last_modified, document.url)
