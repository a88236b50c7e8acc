"""Read-only views of pipeline health: article counts by status, queue depths."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.models import Article
from services.queues import STAGES
from services.servers import redis_client
from services.status import FINAL_STATUSES, Status


def article_counts(session: Session) -> dict[str, int]:
    """Number of articles in every status, zeros included, in pipeline order."""
    rows = dict(session.execute(select(Article.status, func.count()).group_by(Article.status)).all())
    return {status.value: rows.get(status, 0) for status in Status}


def queue_depths(redis_url: str) -> dict[str, int]:
    """Messages waiting in each stage's Redis list (prefetched and running ones are not counted)."""
    client = redis_client(redis_url)
    try:
        return {stage: client.llen(stage) for stage in STAGES}
    finally:
        client.close()


def final_statuses(session: Session, article_ids: Iterable[int]) -> dict[int, Status]:
    """The statuses of those of the given articles that have reached a final one."""
    rows = session.execute(
        select(Article.id, Article.status).where(Article.id.in_(list(article_ids)), Article.status.in_(FINAL_STATUSES))
    )
    return dict(rows.all())


def wait_until_final(
    session_scope: Callable[[], AbstractContextManager[Session]],
    article_ids: Iterable[int],
    *,
    timeout: float,
    poll: float = 0.1,
) -> dict[int, Status]:
    """Poll until every article has a final status or the timeout passes; return the final ones."""
    wanted = set(article_ids)
    deadline = time.monotonic() + timeout
    while True:
        with session_scope() as session:
            done = final_statuses(session, wanted)
        if len(done) == len(wanted) or time.monotonic() > deadline:
            return done
        time.sleep(poll)
