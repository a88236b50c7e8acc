"""What arrives at ingest: an article input, or a refusal with its reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ArticleInput:
    """One article as it arrives: a URL, content, or both; `problem` is set when it is known to be unusable."""

    origin: str
    url: str | None = None
    raw: bytes | None = None
    content_type: str | None = None
    source: str | None = None
    given: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None
    note: str | None = None  # something the caller should hear about an input that is taken all the same


@dataclass(frozen=True)
class Refusal:
    """An input not taken at all (a file past the size cap): nothing is stored, and the reason goes to the caller.
    `skipped` marks what is not an article and needs no fixing (a crawl's requests and images, counted)."""

    origin: str
    reason: str
    skipped: bool = False


def too_large(size: int, max_bytes: int) -> str:
    """The reason an input of this many bytes is refused."""
    return f"too large: {size} bytes, the limit is {max_bytes} (NEWSFLOW_MAX_INPUT_BYTES)"
