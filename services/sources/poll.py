"""Polling: which sources are due, one poll of a feed or sitemap, and what it leaves on the source's row.

A poll reads the source outside any transaction (the network is slow), then records the new entries, their
articles and the outcome in one transaction, and enqueues the new articles after it commits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session

from services.db import database_message
from services.fetch.hostlimit import HostBusy
from services.models import Source, SourceEntry
from services.queues import Enqueue, send_after_commit
from services.sources.entries import Entry, entry_keys, given_for, storable_entry
from services.sources.folder import FolderRefused, claim_files, file_away, folder_within, ingest_claimed_file
from services.sources.ingest import ArticleInput, add_articles
from services.sources.remote import PollFailed, Reading
from services.status import Status
from services.urls import canonical_url

logger = logging.getLogger(__name__)

# A claimed source is not claimed again for this long, unless its poll records an outcome sooner.
CLAIM_LEASE = timedelta(minutes=5)
MAX_ERROR_CHARS = 1000
ENTRY_BATCH = 1000  # entries recorded per statement: two keys each, well within the 65,535 parameters of one

SessionScope = Callable[[], AbstractContextManager[Session]]
Reader = Callable[[Source], Reading]


@dataclass(frozen=True)
class PollResult:
    """One poll's outcome (new, unchanged, not modified, deferred or error), its new articles, its error if any."""

    source_id: int
    outcome: str
    new_articles: list[int] = field(default_factory=list)
    error: str | None = None
    skipped: int = 0  # entries left out: a link holding a character that is not text


def claim_due_sources(session: Session, *, now: datetime, limit: int = 100) -> list[int]:
    """Lease the due, unpaused sources to this caller (a second poller skips them); return their ids."""
    due = list(
        session.scalars(
            select(Source)
            .where(Source.paused.is_(False), Source.next_poll_at <= now)
            .order_by(Source.next_poll_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )
    for source in due:
        source.next_poll_at = now + CLAIM_LEASE
    return [source.id for source in due]


def load_source(session: Session, source_id: int) -> Source | None:
    """The source to poll, detached from the session; None if it was removed or paused since it was claimed."""
    source = session.get(Source, source_id)
    if source is None or source.paused:
        return None
    session.expunge(source)
    return source


def record_entries(session: Session, source: Source, entries: list[Entry], *, base_url: str) -> list[tuple[str, int]]:
    """Ingest the entries this source has not shown before (by canonical URL or id); return what to enqueue.

    A batch of entries at a time, so that a feed of 100,000 entries stays within the parameters one statement binds.
    """
    candidates: dict[str, tuple[Entry, str, list[str]]] = {}
    for entry in entries:
        canonical = canonical_url(entry.link, base_url=base_url)
        if canonical is not None:  # else not a web link (mailto:, javascript:, a bare fragment)
            candidates.setdefault(canonical, (entry, canonical, entry_keys(entry, canonical)))
    listed = list(candidates.values())
    return [
        queued
        for start in range(0, len(listed), ENTRY_BATCH)
        for queued in _record_new(session, source, listed[start : start + ENTRY_BATCH])
    ]


def _record_new(
    session: Session, source: Source, candidates: list[tuple[Entry, str, list[str]]]
) -> list[tuple[str, int]]:
    all_keys = {key for _, _, keys in candidates for key in keys}
    known = set(
        session.scalars(
            select(SourceEntry.key).where(SourceEntry.source_id == source.id, SourceEntry.key.in_(all_keys))
        )
    )
    # New only if none of its keys is known: a changed link with the same id, or the reverse, is the same entry.
    fresh = [(entry, canonical, keys) for entry, canonical, keys in candidates if known.isdisjoint(keys)]
    if not fresh:
        return []
    rows = [{"source_id": source.id, "key": key} for _, _, keys in fresh for key in dict.fromkeys(keys)]
    # The insert is the claim: of two polls of one source at once, only one gets each key back.
    claimed = set(session.scalars(insert(SourceEntry).values(rows).on_conflict_do_nothing().returning(SourceEntry.key)))
    mine = [(entry, canonical, keys) for entry, canonical, keys in fresh if claimed.issuperset(keys)]
    items = [
        ArticleInput(
            origin=canonical,
            url=canonical,
            source=source.name,
            given=given_for(entry, link=entry.link, source_name=source.name),
        )
        for entry, canonical, _ in mine
    ]
    outcomes = add_articles(session, items, max_bytes=0)  # no content to measure: URL-only articles
    links = [
        {"source_id": source.id, "key": key, "article_id": outcome.article_id}
        for (_, _, keys), outcome in zip(mine, outcomes, strict=True)
        for key in keys
    ]
    if links:
        session.execute(update(SourceEntry), links)
    return [(outcome.entry_stage, outcome.article_id) for outcome in outcomes if outcome.created]


def record_success(source: Source, *, now: datetime, outcome: str, reading: Reading | None) -> None:
    """A poll that read the source: errors forgiven, validators kept, the next poll one interval away."""
    source.last_polled_at = now
    source.last_outcome = outcome
    source.consecutive_errors = 0
    source.backoff_seconds = 0
    source.next_poll_at = now + timedelta(seconds=source.interval_seconds)
    if outcome == "new":
        source.last_new_at = now
    if reading is not None:
        source.etag, source.last_modified = reading.etag, reading.last_modified


def record_error(source: Source, reason: str, *, now: datetime, retry_after: float | None, max_backoff: int) -> None:
    """A failed poll: counted, its reason kept, the next poll backed off (doubling, or as the server asked)."""
    source.last_polled_at = now
    source.last_outcome = "error"
    source.error_count += 1
    source.consecutive_errors += 1
    source.last_error = reason[:MAX_ERROR_CHARS]
    source.last_error_at = now
    doubled = min(max_backoff, source.interval_seconds * 2**source.consecutive_errors)
    source.backoff_seconds = int(max(doubled, retry_after or 0))
    source.next_poll_at = now + timedelta(seconds=source.backoff_seconds)


@dataclass(frozen=True)
class PollContext:
    """What a poll needs besides the source: transactions, the reader of remote sources, the sender, limits."""

    session_scope: SessionScope
    read: Reader
    enqueue: Enqueue
    max_backoff: int
    settle_seconds: float
    max_input_bytes: int
    now: Callable[[], datetime]
    drop_root: Path | None = None  # drop folders are polled only under it


def poll_source(source_id: int, context: PollContext) -> PollResult | None:
    """Poll one source by its kind; None if it was removed or paused since it was claimed."""
    with context.session_scope() as session:
        source = load_source(session, source_id)
    if source is None:
        return None
    if source.kind == "folder":
        return _poll_folder(source, context)
    return _poll_remote(source, context)


def _record_error(context: PollContext, source_id: int, reason: str, retry_after: float | None) -> PollResult:
    with context.session_scope() as session:
        if row := session.get(Source, source_id, with_for_update=True):
            now = context.now()
            record_error(row, reason, now=now, retry_after=retry_after, max_backoff=context.max_backoff)
    return PollResult(source_id, "error", error=reason)


def _poll_remote(source: Source, context: PollContext) -> PollResult | None:
    try:
        reading = context.read(source)
    except HostBusy as busy:
        # Not the source's fault: other workers are using the host; poll again when its turn comes.
        with context.session_scope() as session:
            if row := session.get(Source, source.id, with_for_update=True):
                row.next_poll_at = context.now() + timedelta(seconds=busy.retry_after)
                row.last_outcome = "deferred"
        return PollResult(source.id, "deferred")
    except PollFailed as exc:
        return _record_error(context, source.id, exc.reason, exc.retry_after)
    entries = [storable for entry in reading.entries or [] if (storable := storable_entry(entry))]
    skipped = len(reading.entries or []) - len(entries)
    if skipped:
        logger.warning(
            "source %s: %d entries skipped, their links hold characters that are not text", source.id, skipped
        )
    try:
        with context.session_scope() as session:
            row = session.get(Source, source.id, with_for_update=True)
            if row is None:
                return None  # removed while we read it
            if reading.entries is None:
                record_success(row, now=context.now(), outcome="not modified", reading=reading)
                return PollResult(source.id, "not modified")
            queued = record_entries(session, row, entries, base_url=reading.base_url)
            outcome = "new" if queued else "unchanged"
            record_success(row, now=context.now(), outcome=outcome, reading=reading)
            send_after_commit(session, context.enqueue, queued)
    except DataError as exc:  # the feed's data, not the database: the source backs off with the reason
        reason = f"entries could not be stored: {database_message(exc)}"
        return _record_error(context, source.id, reason, None)
    new_articles = [article_id for _, article_id in queued]
    return PollResult(source.id, outcome, new_articles=new_articles, skipped=skipped)


def _poll_folder(source: Source, context: PollContext) -> PollResult | None:
    try:
        # Checked at every poll: the root may have changed, or the folder been replaced by a link, since it was added.
        folder = folder_within(source.location, context.drop_root)
        claimed = claim_files(folder, settle_seconds=context.settle_seconds)
    except (FolderRefused, OSError) as exc:
        return _record_error(context, source.id, f"drop folder unusable: {exc}", None)
    new_articles = []
    for path in claimed:  # one transaction per file, so a bad file cannot hold back the others
        try:
            with context.session_scope() as session:
                outcomes = ingest_claimed_file(session, source, path, max_bytes=context.max_input_bytes)
                new = [(o.entry_stage, o.article_id) for o in outcomes if o.created and o.status is Status.RECEIVED]
                send_after_commit(session, context.enqueue, new)
        except FolderRefused as refused:
            file_away(path, [], refusal=str(refused))
            continue
        except DataError as exc:  # what the file holds, not the database: it fails alone, the others go on
            file_away(path, [], refusal=f"could not be stored: {database_message(exc)}")
            continue
        file_away(path, outcomes)
        new_articles += [article_id for _, article_id in new]
    outcome = "new" if new_articles else "unchanged"
    with context.session_scope() as session:
        if row := session.get(Source, source.id, with_for_update=True):
            record_success(row, now=context.now(), outcome=outcome, reading=None)
    return PollResult(source.id, outcome, new_articles=new_articles)


def utcnow() -> datetime:
    """The current time, in UTC."""
    return datetime.now(UTC)
