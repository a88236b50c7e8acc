"""Canonical article URLs: one address per article, whatever tracking parameters, fragment or case it came with."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from courlan import normalize_url


def canonical_url(link: str, *, base_url: str | None = None) -> str | None:
    """The link made absolute and normalised (tracking parameters and fragments dropped); None if not http(s)."""
    absolute = urljoin(base_url, link.strip()) if base_url else link.strip()
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    try:
        return normalize_url(absolute, strict=True)
    except ValueError:
        return None
