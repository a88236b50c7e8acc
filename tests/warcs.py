"""WARC files written for tests with warcio, as a crawler writes them: a warcinfo, then a request and a response
per fetched URL."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE_TEXT = (
    "Russia withdrew its troops from Syria on Sunday, officials said. "
    "France condemned the attack on the convoy near Aleppo."
)
ARTICLE_PAGE = (
    f"<html><head><title>Withdrawal</title></head><body><article><p>{ARTICLE_TEXT}</p></article></body></html>"
).encode()


def write_warc(path: Path, responses: list[tuple[str, str, str, bytes]], *, gzip: bool = True) -> Path:
    """A WARC of (url, HTTP status line, content type, body) responses, each after its request record."""
    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsflow tests"}))
        for url, status, content_type, body in responses:
            request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=BytesIO(body), length=len(body), http_headers=headers
                )
            )
    return path


def crawl(path: Path) -> Path:
    """A crawl of one article, one image, one missing page and one redirect."""
    return write_warc(
        path,
        [
            ("https://news.example.org/world/withdrawal", "200 OK", "text/html; charset=utf-8", ARTICLE_PAGE),
            ("https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://news.example.org/gone", "404 Not Found", "text/html", b"<html>Not found</html>"),
            ("https://news.example.org/old", "301 Moved Permanently", "text/html", b""),
        ],
    )
