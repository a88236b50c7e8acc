"""Per source figures, for `newsflow sources list`, `newsflow status` and metrics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.models import Source, SourceEntry

RATE_WINDOW_DAYS = 7


@dataclass(frozen=True)
class SourceStats:
    """One source's state and figures: when it was polled, what it found, how often it fails."""

    id: int
    kind: str
    location: str
    name: str | None
    paused: bool
    interval_seconds: int
    last_polled_at: datetime | None
    last_new_at: datetime | None
    next_poll_at: datetime
    last_outcome: str | None
    articles_total: int
    articles_last_day: int
    # Articles a day over the last week, or over the source's life if shorter (at least one day).
    articles_per_day: float
    error_count: int
    consecutive_errors: int
    last_error: str | None
    last_error_at: datetime | None
    backoff_seconds: int


def source_stats(session: Session, *, now: datetime | None = None, source_id: int | None = None) -> list[SourceStats]:
    """Every source (or the one with `source_id`) with its figures, in the order they were added."""
    now = now or datetime.now(UTC)

    def only(column) -> list:
        return [] if source_id is None else [column == source_id]

    day, window = now - timedelta(days=1), now - timedelta(days=RATE_WINDOW_DAYS)
    articles = func.count(func.distinct(SourceEntry.article_id))
    counts = {
        row.source_id: row
        for row in session.execute(
            select(
                SourceEntry.source_id,
                articles.label("total"),
                articles.filter(SourceEntry.seen_at >= day).label("last_day"),
                articles.filter(SourceEntry.seen_at >= window).label("window"),
            )
            .where(SourceEntry.article_id.is_not(None), *only(SourceEntry.source_id))
            .group_by(SourceEntry.source_id)
        )
    }
    stats = []
    for source in session.scalars(select(Source).where(*only(Source.id)).order_by(Source.id)):
        row = counts.get(source.id)
        age_days = (now - source.created_at).total_seconds() / 86400
        stats.append(
            SourceStats(
                id=source.id,
                kind=source.kind,
                location=source.location,
                name=source.name,
                paused=source.paused,
                interval_seconds=source.interval_seconds,
                last_polled_at=source.last_polled_at,
                last_new_at=source.last_new_at,
                next_poll_at=source.next_poll_at,
                last_outcome=source.last_outcome,
                articles_total=row.total if row else 0,
                articles_last_day=row.last_day if row else 0,
                articles_per_day=(row.window if row else 0) / min(RATE_WINDOW_DAYS, max(1.0, age_days)),
                error_count=source.error_count,
                consecutive_errors=source.consecutive_errors,
                last_error=source.last_error,
                last_error_at=source.last_error_at,
                backoff_seconds=source.backoff_seconds,
            )
        )
    return stats
