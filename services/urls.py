"""Canonical article URLs: one address per article, whatever tracking parameters, fragment or case it came with."""

from __future__ import annotations

from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

from courlan import normalize_url
from courlan.clean import TRACKERS_RE


def canonical_url(link: str, *, base_url: str | None = None) -> str | None:
    """The link made absolute and normalised (tracking parameters and fragments dropped); None if not http(s).

    Only parameters courlan knows as tracking (utm_*, fbclid, gclid, …) go: many sites name the article in the
    query (`view.php?story=101`), and two articles must never share a URL.
    """
    absolute = urljoin(base_url, link.strip()) if base_url else link.strip()
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    try:
        address = urlsplit(normalize_url(urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))))
    except ValueError:
        return None
    query = without_trackers(parts.query)
    return urlunsplit(address._replace(path=address.path or "/", query=query) if query else address)


def without_trackers(query: str) -> str:
    """The query's parameters, as written, but for tracking ones, in a stable order (a=1&b=2 and b=2&a=1 are one)."""
    kept = [
        field
        for field in query.split("&")
        if field and not TRACKERS_RE.search(unquote_plus(field.split("=")[0]).lower())
    ]
    return "&".join(sorted(kept))
