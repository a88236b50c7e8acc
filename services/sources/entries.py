"""What a feed or sitemap lists: entries, their canonical URLs, and the keys by which one is recognised again."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime

MAX_SUMMARY_CHARS = 2000
# What Postgres text cannot hold (NUL) or what is not text (other C0 controls but tab and line ends, and lone
# surrogates, which XML character references such as &#xD800; can spell).
UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


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


# Characters XML 1.0 does not allow, written raw (C0 controls but tab and line ends) or as a character reference
# (those and surrogates, e.g. &#0; or &#xD800;): feedparser raises on some, and Postgres cannot store NUL.
FORBIDDEN_RAW = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
# A UTF-16 document is full of NUL bytes that belong to its characters: it is left as it is.
UTF16_STARTS = (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")


def _is_xml_character(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def _allowed_reference(match: re.Match[bytes]) -> bytes:
    return match[0] if _is_xml_character(int(match[1], 16) if match[1] else int(match[2])) else b""


def without_forbidden_characters(body: bytes) -> bytes:
    """The document without the characters XML forbids, raw or referenced: an entry keeps the rest of its text."""
    if body.startswith(UTF16_STARTS):
        return body
    return CHARACTER_REFERENCE.sub(_allowed_reference, FORBIDDEN_RAW.sub(b"", body))


def storable_entry(entry: Entry) -> Entry | None:
    """The entry with what cannot be stored taken out of its text; None when its link itself holds such a
    character (a link that is not one)."""
    if UNSTORABLE.search(entry.link):
        return None
    return replace(
        entry,
        entry_id=None if entry.entry_id and UNSTORABLE.search(entry.entry_id) else entry.entry_id,
        title=_storable(entry.title),
        published=_storable(entry.published),
        summary=_storable(entry.summary),
    )


def _storable(text: str | None) -> str | None:
    return UNSTORABLE.sub("", text) if text else text


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
