"""The reconcile queue's task: re-send articles whose message was lost (run by celery beat, or `newsflow reconcile`)."""

from __future__ import annotations

import logging
from datetime import timedelta

from services.db import session_scope
from services.ops.reconcile import StuckArticle, not_resent_recently, stuck_articles
from services.queues import RECONCILE_QUEUE, enqueue_all, task_name
from services.servers import redis_client
from services.settings import get_settings
from workers.app import app, send_on

logger = logging.getLogger(__name__)

RESEND_LIMIT = 1000  # per run; the next run takes the rest


def resend_stuck(*, older_than: timedelta | None = None) -> list[StuckArticle]:
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
    enqueue_all(send_on, [(article.stage, article.article_id) for article in resent])
    if stuck:
        first_ids = [article.article_id for article in resent[:20]]
        logger.warning("%d article(s) stuck, %d sent again: %s", len(stuck), len(resent), first_ids)
    return resent


@app.task(name=task_name(RECONCILE_QUEUE), queue=RECONCILE_QUEUE)
def reconcile() -> int:
    """Re-send stuck articles; a failed run (Postgres or Redis down) is not retried: beat sends the next one."""
    return len(resend_stuck())
