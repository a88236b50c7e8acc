"""What a feed or sitemap lists: entries, their canonical URLs, and the keys by which one is recognised again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

MAX_SUMMARY_CHARS = 2000


class MalformedDocument(Exception):
    """The source answered with something that is not a readable feed or sitemap."""


@dataclass(frozen=True)
class Entry:
    """One article a source lists: its link, and what the source says about it."""

    link: str
    entry_id: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601, as precise as the source gives it
    summary: str | None = None


def entry_keys(entry: Entry, canonical: str) -> list[str]:
    """The keys an entry is known by: its canonical URL and, when the source gives one, its own id."""
    keys = [f"url:{canonical}"]
    if entry.entry_id and entry.entry_id.strip() and entry.entry_id.strip() != entry.link.strip():
        keys.append(f"id:{entry.entry_id.strip()}")
    return keys


def iso_from_struct(value) -> str | None:
    """An ISO 8601 UTC timestamp from a time.struct_time (feedparser's parsed dates), or None."""
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def given_for(entry: Entry, *, link: str, source_name: str | None) -> dict[str, str]:
    """What an article keeps from its entry (Article.given): link, title, date, summary and the outlet."""
    given = {
        "link": link,
        "title": entry.title,
        "published": entry.published,
        "summary": entry.summary[:MAX_SUMMARY_CHARS] if entry.summary else None,
        "source": source_name,
    }
    return {key: value for key, value in given.items() if value}
