"""Sources as rows: add, find, pause, resume and remove them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.models import Source
from services.sources.folder import FolderRefused, folder_within

KINDS = ("feed", "sitemap", "folder")


class InvalidSource(ValueError):
    """A source that cannot be added as given (bad URL, missing folder, unknown kind, already there)."""


def guess_kind(location: str) -> str:
    """folder for a path, sitemap for a URL that says so, else feed (a poll reads either by its content)."""
    if urlsplit(location).scheme not in ("http", "https"):
        return "folder"
    return "sitemap" if "sitemap" in urlsplit(location).path.lower() else "feed"


def _normalised_location(location: str, kind: str, drop_root: Path | None) -> str:
    if kind == "folder":
        try:
            return str(folder_within(location, drop_root))
        except FolderRefused as exc:
            raise InvalidSource(str(exc)) from exc
    parts = urlsplit(location.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidSource(f"a {kind} needs an http(s) URL, not {location!r}")
    return location.strip()


def add_source(
    session: Session,
    *,
    location: str,
    kind: str | None = None,
    name: str | None = None,
    interval_seconds: int,
    drop_root: Path | None = None,
) -> Source:
    """Register a feed, sitemap or drop folder (only under drop_root), due for its first poll now; InvalidSource if
    it cannot be."""
    kind = kind or guess_kind(location)
    if kind not in KINDS:
        raise InvalidSource(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if interval_seconds < 1:
        raise InvalidSource(f"the interval must be at least 1 second, not {interval_seconds}")
    location = _normalised_location(location, kind, drop_root)
    if existing := session.scalar(select(Source).where(Source.location == location)):
        raise InvalidSource(f"already a source: #{existing.id} {location}")
    source = Source(kind=kind, location=location, name=name, interval_seconds=interval_seconds)
    session.add(source)
    session.flush()
    return source


def find_source(session: Session, ref: str | int) -> Source | None:
    """A source by its id or its location (URL or folder path), locked for update."""
    if isinstance(ref, int) or ref.isdigit():
        where = Source.id == int(ref)
    else:
        where = Source.location.in_({ref, str(Path(ref).expanduser().resolve())})
    return session.scalar(select(Source).where(where).with_for_update())


def list_sources(session: Session) -> list[Source]:
    """Every source, in the order they were added."""
    return list(session.scalars(select(Source).order_by(Source.id)))


def set_paused(session: Session, source: Source, *, paused: bool) -> None:
    """Pause a source (no more polls) or resume it (polled at once, errors forgiven)."""
    source.paused = paused
    if not paused:
        source.next_poll_at = func.now()
        source.consecutive_errors = 0
        source.backoff_seconds = 0


def remove_source(session: Session, source: Source) -> None:
    """Forget a source and the entries it has shown; the articles it brought stay."""
    session.delete(source)
    session.flush()
