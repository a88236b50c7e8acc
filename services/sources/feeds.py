"""RSS and Atom feeds, read by feedparser, into entries."""

from __future__ import annotations

import io

import feedparser

from services.sources.entries import Entry, MalformedDocument, iso_from_struct, without_forbidden_characters


def parse_feed(body: bytes) -> list[Entry]:
    """The entries of an RSS or Atom document; MalformedDocument if it is neither."""
    # Given bytes or a string, feedparser takes a body that looks like a path or a URL for one and opens it
    # (`/dev/zero`, `/etc/passwd`, `http://127.0.0.1/`); a file object is only ever read, and the caller has capped it.
    parsed = feedparser.parse(io.BytesIO(without_forbidden_characters(body)))
    entries = []
    for item in parsed.entries:
        link = item.get("link")
        if not link:
            continue  # an entry without a link has no article to fetch
        entries.append(
            Entry(
                link=link,
                entry_id=item.get("id"),
                title=item.get("title"),
                published=iso_from_struct(item.get("published_parsed") or item.get("updated_parsed")),
                summary=item.get("summary"),
            )
        )
    # feedparser recovers what it can from broken XML; with nothing usable recovered, the feed is broken.
    if parsed.bozo and not entries:
        raise MalformedDocument(f"malformed feed: {parsed.get('bozo_exception')}")
    if not parsed.version and not entries:
        raise MalformedDocument("not a feed: no RSS or Atom root element")
    return entries
