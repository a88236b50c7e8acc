"""Feeds and sitemaps for the local test server: RSS, Atom, news sitemaps and sitemap indexes as bytes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml; charset=utf-8"


@dataclass(frozen=True)
class Item:
    """One entry of a test feed."""

    link: str
    title: str
    guid: str | None = None
    published: datetime = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    summary: str = ""


def rss(items: list[Item], *, title: str = "Test news") -> bytes:
    """An RSS 2.0 document."""
    body = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.link)}</link>"
        + (f'<guid isPermaLink="false">{escape(i.guid)}</guid>' if i.guid else "")
        + f"<pubDate>{format_datetime(i.published)}</pubDate>"
        + f"<description>{escape(i.summary)}</description></item>"
        for i in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>http://news.test/</link><description>test</description>{body}</channel></rss>"
    ).encode()


def atom(items: list[Item]) -> bytes:
    """An Atom 1.0 document."""
    body = "".join(
        f'<entry><title>{escape(i.title)}</title><link href="{escape(i.link)}"/>'
        f"<id>{escape(i.guid or i.link)}</id><updated>{i.published.isoformat()}</updated>"
        f"<summary>{escape(i.summary)}</summary></entry>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Test news</title><id>urn:test</id><updated>2026-11-24T10:00:00Z</updated>{body}</feed>"
    ).encode()


def news_sitemap(items: list[Item]) -> bytes:
    """A urlset with Google News `news:` details."""
    body = "".join(
        f"<url><loc>{escape(i.link)}</loc><news:news><news:publication><news:name>Test</news:name>"
        f"<news:language>en</news:language></news:publication>"
        f"<news:publication_date>{i.published.isoformat()}</news:publication_date>"
        f"<news:title>{escape(i.title)}</news:title></news:news></url>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{body}</urlset>'
    ).encode()


def sitemap_index(children: list[tuple[str, str]]) -> bytes:
    """A sitemap index of (location, lastmod) children."""
    body = "".join(f"<sitemap><loc>{escape(loc)}</loc><lastmod>{mod}</lastmod></sitemap>" for loc, mod in children)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>'
    ).encode()


def article_html(title: str, text: str) -> bytes:
    """An article page the clean stage keeps."""
    return (
        f"<html><head><title>{escape(title)}</title></head><body><article><h1>{escape(title)}</h1>"
        f"<p>{escape(text)}</p></article></body></html>"
    ).encode()
