"""Clean stage: raw bytes in, the article's own text and metadata out (trafilatura for HTML)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

import py3langid
import trafilatura
from charset_normalizer import from_bytes

from services.dates import ParsedDate, parse_date

# File signatures of the binary formats that most often arrive where text was expected.
BINARY_SIGNATURES: dict[bytes, str] = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or an office document)",
    b"\x1f\x8b": "gzip archive",
    b"RIFF": "RIFF media file",
    b"\x7fELF": "ELF executable",
}
MIN_TEXT_CHARS = 40
LANGUAGE_SAMPLE_CHARS = 2000


class UnusableDocument(ValueError):
    """The input cannot yield an article; the message says why, for the article's `error`."""


@dataclass(frozen=True)
class CleanResult:
    """An article's own text and what is known about it."""

    text: str
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    published_precision: str | None = None
    published_source: str | None = None
    language: str | None = None
    site_name: str | None = None
    url: str | None = None
    dropped: list[str] = field(default_factory=list)


def decode_document(raw: bytes) -> str:
    """Decode input bytes to text, or raise UnusableDocument for empty, binary or undecodable input."""
    if not raw.strip():
        raise UnusableDocument("empty input: no bytes other than whitespace")
    for signature, kind in BINARY_SIGNATURES.items():
        if raw.startswith(signature):
            raise UnusableDocument(f"binary input: {kind}, not text")
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnusableDocument("binary input: NUL bytes in what should be text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        raise UnusableDocument("undecodable bytes: no text encoding fits this input")
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise UnusableDocument(f"undecodable bytes: decoding as {best.encoding} gives control characters")
    return text


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces in each line and runs of blank lines to one, and trim."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for text too short to tell."""
    if len(text) < MIN_TEXT_CHARS:
        return None
    language, _score = py3langid.classify(text[:LANGUAGE_SAMPLE_CHARS])
    return language


def clean_document(raw: bytes, *, content_type: str, url: str | None = None, given: dict | None = None) -> CleanResult:
    """Clean one document (HTML or plain text) into text plus metadata; raise UnusableDocument if none."""
    given = given or {}
    decoded = decode_document(raw)
    if content_type == "text/html":
        result = _clean_html(decoded, url=url)
    else:
        result = CleanResult(text=normalise_whitespace(decoded), url=url)
    if len(result.text) < MIN_TEXT_CHARS:
        raise UnusableDocument(f"no article text: {len(result.text)} characters left after cleaning")
    published, precision, provenance = _pick_date(result, given)
    return CleanResult(
        text=result.text,
        title=result.title or given.get("title"),
        author=result.author,
        published=published,
        published_precision=precision,
        published_source=provenance,
        language=detect_language(result.text),
        site_name=result.site_name or given.get("source"),
        url=result.url or url,
        dropped=result.dropped,
    )


def _clean_html(html: str, *, url: str | None) -> CleanResult:
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if document is None or not document.text:
        raise UnusableDocument("no article text: the HTML holds no main content")
    parsed = parse_date(document.date) if document.date else None
    return CleanResult(
        text=normalise_whitespace(document.text),
        title=document.title,
        author=document.author,
        published=parsed.value if parsed else None,
        published_precision=parsed.precision if parsed else None,
        published_source="html" if parsed else None,
        site_name=document.sitename,
        url=document.url or url,
    )


def _pick_date(result: CleanResult, given: dict) -> tuple[datetime | None, str | None, str | None]:
    """The date given at ingest wins over one found in the document; an unknown date stays unknown."""
    if given.get("published"):
        parsed: ParsedDate | None = parse_date(str(given["published"]))
        if parsed is not None:
            return parsed.value, parsed.precision, "ingest"
    return result.published, result.published_precision, result.published_source
