"""Read-only views of pipeline health: article counts by status, queue depths."""

from __future__ import annotations

import redis
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.models import Article
from services.queues import STAGES
from services.status import Status


def article_counts(session: Session) -> dict[str, int]:
    """Number of articles in every status, zeros included, in pipeline order."""
    rows = dict(session.execute(select(Article.status, func.count()).group_by(Article.status)).all())
    return {status.value: rows.get(status, 0) for status in Status}


def queue_depths(redis_url: str) -> dict[str, int]:
    """Messages waiting in each stage's Redis list (prefetched and running ones are not counted)."""
    client = redis.Redis.from_url(redis_url)
    try:
        return {stage: client.llen(stage) for stage in STAGES}
    finally:
        client.close()
