"""Sitemaps: a urlset's pages (with Google News `news:` details) or a sitemap index's child sitemaps."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from services.sources.entries import Entry, MalformedDocument, without_forbidden_characters

NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
ROOTS = ("urlset", "sitemapindex")


@dataclass(frozen=True)
class Sitemap:
    """What one sitemap document lists: pages, or (for an index) child sitemaps, newest first."""

    entries: list[Entry] = field(default_factory=list)
    children: list[str] = field(default_factory=list)


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _parse_xml(body: bytes) -> etree._Element:
    # No entities resolved and nothing fetched from the network: a sitemap is untrusted input.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(without_forbidden_characters(body), parser)
    except etree.XMLSyntaxError as exc:
        raise MalformedDocument(f"malformed XML: {exc}") from exc


def is_sitemap(body: bytes) -> bool:
    """True if the document's root element is a sitemap's (urlset or sitemapindex)."""
    head = body[:2048].lstrip()
    return any(f"<{root}".encode() in head or f":{root}".encode() in head for root in ROOTS)


def parse_sitemap(body: bytes) -> Sitemap:
    """The pages of a urlset, with news titles and dates, or the child sitemaps of an index (newest first)."""
    root = _parse_xml(body)
    kind = _local(root.tag)
    if kind == "sitemapindex":
        children = [
            (_child_text(sitemap, "lastmod") or "", loc)
            for sitemap in root
            if _local(sitemap.tag) == "sitemap" and (loc := _child_text(sitemap, "loc"))
        ]
        # ISO 8601 dates sort as text; undated children go last.
        return Sitemap(children=[loc for _, loc in sorted(children, key=lambda pair: pair[0], reverse=True)])
    if kind != "urlset":
        raise MalformedDocument(f"not a sitemap: root element <{kind}>")
    entries = []
    for url in root:
        if _local(url.tag) != "url" or not (loc := _child_text(url, "loc")):
            continue
        news = url.find(f"{NEWS}news")
        title = published = None
        if news is not None:
            title = news.findtext(f"{NEWS}title")
            published = news.findtext(f"{NEWS}publication_date")
        entries.append(
            Entry(
                link=loc,
                title=title.strip() if title else None,
                published=(published or _child_text(url, "lastmod") or "").strip() or None,
            )
        )
    return Sitemap(entries=entries)
