"""Clean stage: raw bytes in, the article's own text and metadata out, with every dropped span and its reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from services.clean.decode import UnusableDocument, decode_document
from services.clean.html import extract_html
from services.clean.language import detect_language
from services.clean.text import DroppedSpan, strip_furniture
from services.dates import ParsedDate, parse_date, plausible_publication

__all__ = [
    "MAX_TEXT_CHARS",
    "CleanResult",
    "DroppedSpan",
    "UnusableDocument",
    "clean_document",
    "decode_document",
    "detect_language",
]

MIN_TEXT_CHARS = 40
# The event coder (spaCy) reads no more; a longer text is a book or a dump, not an article.
MAX_TEXT_CHARS = 1_000_000
# `published_source` of a date that was found but is not one an article can have: "dropped:html".
DROPPED = "dropped:"


@dataclass(frozen=True)
class CleanResult:
    """An article's own text and what is known about it; `published_source` says where the date came from (or, with
    no date, where an implausible one was found and dropped)."""

    text: str
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    published_precision: str | None = None
    published_source: str | None = None
    language: str | None = None
    site_name: str | None = None
    url: str | None = None
    dropped: list[DroppedSpan] = field(default_factory=list)


def clean_document(raw: bytes, *, content_type: str, url: str | None = None, given: dict | None = None) -> CleanResult:
    """Clean one document (HTML or plain text) into text plus metadata; raise UnusableDocument if none."""
    given = given or {}
    decoded = decode_document(raw)
    if content_type == "text/html":
        page = extract_html(decoded, url=url)
        stripped = strip_furniture(page.text, title=page.title, author=page.author, links=page.links)
        if page.lead:
            stripped.text = f"{page.lead}\n\n{stripped.text}"
        dates = [*((date, "html") for date in page.dates), (stripped.published, "text")]
        language_hint, site_name, url = page.language, page.site_name, page.url or url
    else:
        stripped = strip_furniture(decoded, title=given.get("title"))
        dates = [(stripped.published, "text")]
        language_hint, site_name = None, None
    text, dropped = stripped.text, stripped.dropped
    if len(text) < MIN_TEXT_CHARS:
        raise UnusableDocument(
            f"no article text: {len(text)} characters left after cleaning, {len(stripped.dropped)} spans dropped"
        )
    if len(text) > MAX_TEXT_CHARS:
        text, rest = _cut(text)
        dropped = [*dropped, rest]
    if given.get("published"):
        dates.insert(0, (parse_date(str(given["published"])), "ingest"))
    published, source = _publication_date(dates)
    return CleanResult(
        text=text,
        title=stripped.title or given.get("title"),
        author=stripped.author,
        published=published.value if published else None,
        published_precision=published.precision if published else None,
        published_source=source,
        language=detect_language(text) or language_hint,
        site_name=site_name or given.get("source"),
        url=url,
        dropped=dropped,
    )


def _cut(text: str) -> tuple[str, DroppedSpan]:
    """The text up to the last paragraph or sentence end within MAX_TEXT_CHARS, and the rest as a dropped span."""
    end = max(text.rfind("\n", 0, MAX_TEXT_CHARS), text.rfind(". ", 0, MAX_TEXT_CHARS) + 1) or MAX_TEXT_CHARS
    reason = f"not read: past the {MAX_TEXT_CHARS:,}-character limit of an article's text"
    return text[:end].rstrip(), DroppedSpan(text[end:].strip(), reason)


def _publication_date(dates: list[tuple[ParsedDate | None, str]]) -> tuple[ParsedDate | None, str | None]:
    # The date given at ingest wins, then the page's metadata, then a date line in the text; a date no article can
    # have (year 1, year 9999, an empty field's placeholder) is passed over and, if no other is found, named as
    # dropped. The ingest time is never a candidate: an unknown publication date stays unknown.
    found = [(date, source) for date, source in dates if date is not None]
    trusted = next(((date, source) for date, source in found if plausible_publication(date.value)), None)
    if trusted is not None:
        return trusted
    return (None, DROPPED + found[0][1]) if found else (None, None)
