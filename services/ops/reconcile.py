"""The reconciler's choice: articles whose status has not moved for too long, and the queue each belongs on.

Redis only carries ids; Postgres holds every article's status. An article that has sat in a non-final status for
longer than the stage timeout has lost its message (Redis flushed or restarted, a send lost after its commit), or
waits behind a long backlog. Sending its id again is harmless either way: every step locks the row and re-checks
the status, so the second delivery of a message finds the work done.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

import redis
from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from services.db import session_scope
from services.models import Article
from services.queues import Enqueue, enqueue_all, redis_client
from services.settings import get_settings
from services.stages import WAITING_AT, entry_stage
from services.status import FINAL_STATUSES, Status

logger = logging.getLogger(__name__)

RESEND_LIMIT = 1000  # per run; the next run takes the rest

RESENT_KEY = "newsflow:resent:{}"


@dataclass(frozen=True)
class StuckArticle:
    """An article whose status has not moved for longer than the stage timeout, and the stage it waits for."""

    article_id: int
    status: Status
    stage: str


def next_stage_expression() -> ColumnElement[str]:
    """SQL for the stage that takes an article on from its status (NULL for a final status)."""
    # A received article enters where ingest sent it: by whether its content came with it.
    received = case((Article.raw.is_(None), entry_stage(has_content=False)), else_=entry_stage(has_content=True))
    return case(
        (Article.status == Status.RECEIVED, received),
        *((Article.status == status, stage) for status, stage in WAITING_AT.items()),
        else_=None,
    )


def stuck_articles(session: Session, *, older_than: timedelta, limit: int) -> list[StuckArticle]:
    """Non-final articles not updated for longer than `older_than`, oldest first, with the stage each waits for."""
    # SKIP LOCKED passes over an article a worker is processing right now: its step holds the row lock, and its
    # message is not lost. The locks last only as long as the caller's transaction.
    rows = session.execute(
        select(Article.id, Article.status, next_stage_expression())
        .where(
            Article.status.not_in(FINAL_STATUSES),
            # The database's clock, the one that stamped updated_at: no skew between machines.
            Article.updated_at < func.now() - older_than,
        )
        .order_by(Article.updated_at, Article.id)
        .limit(limit)
        .with_for_update(skip_locked=True, of=Article)
    )
    return [StuckArticle(article_id, status, stage) for article_id, status, stage in rows]


def not_resent_recently(client: redis.Redis, stuck: list[StuckArticle], *, hold_seconds: int) -> list[StuckArticle]:
    """The stuck articles not re-sent within the last `hold_seconds`; each one returned is marked as re-sent now."""
    # Without the mark, an article waiting behind a backlog longer than the timeout would be sent again at every
    # run. The mark lives in Redis with the messages, so a flush that loses the messages also forgets the marks.
    with client.pipeline(transaction=False) as pipe:
        for article in stuck:
            pipe.set(RESENT_KEY.format(article.article_id), article.status.value, nx=True, ex=hold_seconds)
        fresh = pipe.execute()
    return [article for article, marked in zip(stuck, fresh, strict=True) if marked]


def reconcile_interval(stage_timeout_seconds: float) -> float:
    """How often the reconciler runs: four times per stage timeout, so a lost message waits at most 1.25 timeouts."""
    return max(1.0, stage_timeout_seconds / 4)


def resend_stuck(*, enqueue: Enqueue, older_than: timedelta | None = None) -> list[StuckArticle]:
    """Put articles stuck longer than `older_than` (default: the stage timeout) back on their next stage's queue."""
    settings = get_settings()
    timeout = timedelta(seconds=settings.stage_timeout_seconds)
    with session_scope() as session:
        stuck = stuck_articles(session, older_than=timeout if older_than is None else older_than, limit=RESEND_LIMIT)
    client = redis_client(settings.redis_url)
    try:
        resent = not_resent_recently(client, stuck, hold_seconds=settings.stage_timeout_seconds)
    finally:
        client.close()
    enqueue_all(enqueue, [(article.stage, article.article_id) for article in resent])
    if stuck:
        first_ids = [article.article_id for article in resent[:20]]
        logger.warning("%d article(s) stuck, %d sent again: %s", len(stuck), len(resent), first_ids)
    return resent
