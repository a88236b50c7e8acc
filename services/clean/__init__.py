"""Clean stage: raw bytes in, the article's own text and metadata out, with every dropped span and its reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from services.clean.decode import UnusableDocument, decode_document
from services.clean.html import extract_html
from services.clean.language import detect_language
from services.clean.text import DroppedSpan, strip_furniture
from services.dates import parse_date

__all__ = [
    "CleanResult",
    "DroppedSpan",
    "UnusableDocument",
    "clean_document",
    "decode_document",
    "detect_language",
]

MIN_TEXT_CHARS = 40


@dataclass(frozen=True)
class CleanResult:
    """An article's own text and what is known about it; `published_source` says where the date came from."""

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
        stripped = strip_furniture(page.text, title=page.title, author=page.author)
        dates = [(page.published, "html"), (stripped.published, "text")]
        language_hint, site_name, url = page.language, page.site_name, page.url or url
    else:
        stripped = strip_furniture(decoded, title=given.get("title"))
        dates = [(stripped.published, "text")]
        language_hint, site_name = None, None
    text = stripped.text
    if len(text) < MIN_TEXT_CHARS:
        raise UnusableDocument(
            f"no article text: {len(text)} characters left after cleaning, {len(stripped.dropped)} spans dropped"
        )
    if given.get("published"):
        dates.insert(0, (parse_date(str(given["published"])), "ingest"))
    # The date given at ingest wins, then the page's metadata, then a date line in the text. The ingest time
    # is never a candidate: an unknown publication date stays unknown.
    published, source = next(((date, source) for date, source in dates if date is not None), (None, None))
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
        dropped=stripped.dropped,
    )
