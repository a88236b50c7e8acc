"""The Celery app: configuration read lazily from the settings, the task base class, and send_on()."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import redis
from celery import Celery, Task
from kombu.exceptions import OperationalError as BrokerUnavailable
from sqlalchemy.exc import OperationalError as DatabaseUnavailable
from sqlalchemy.orm import Session

from services import pipeline
from services.db import session_scope
from services.fetch import FetchUnavailable
from services.queues import POLL_QUEUE, STAGES, task_name
from services.settings import get_settings

logger = logging.getLogger(__name__)

MAX_RETRIES = 8
RETRY_BACKOFF_MAX = 300  # seconds; the backoff doubles up to this, with jitter
# Hard limit per task: a pathological input fails instead of stalling a worker. Far below the visibility timeout.
TASK_SOFT_TIME_LIMIT = 120
TASK_TIME_LIMIT = 150

app = Celery("newsflow", include=[*(f"workers.{stage}" for stage in STAGES), "workers.poll"])


@app.on_configure.connect
def _configure(sender: Celery, **_: Any) -> None:
    settings = get_settings()
    sender.conf.update(
        broker_url=settings.redis_url,
        # Redis redelivers an unacked message after this long; it must exceed the slowest task.
        broker_transport_options={"visibility_timeout": settings.visibility_timeout},
        broker_connection_retry_on_startup=True,
        task_acks_late=True,
        # acks_late alone acks a task whose worker process died; this requeues it instead.
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        worker_cancel_long_running_tasks_on_connection_loss=True,
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        result_backend=None,
        task_soft_time_limit=TASK_SOFT_TIME_LIMIT,
        task_time_limit=TASK_TIME_LIMIT,
        worker_hijack_root_logger=False,
        # Beat only ticks; which sources are due is in Postgres. A tick nobody took in time is dropped.
        beat_schedule={
            "poll-due-sources": {
                "task": "newsflow.poll_due",
                "schedule": settings.poll_tick_seconds,
                "options": {"queue": POLL_QUEUE, "expires": settings.poll_tick_seconds},
            }
        },
    )


class StageTask(Task):
    """Base of every stage task: retries infrastructure errors, records a final failure when they run out."""

    autoretry_for = (DatabaseUnavailable, redis.ConnectionError, BrokerUnavailable, FetchUnavailable)
    max_retries = MAX_RETRIES
    retry_backoff = True
    retry_backoff_max = RETRY_BACKOFF_MAX
    retry_jitter = True
    acks_late = True
    reject_on_worker_lost = True

    def on_failure(self, exc: BaseException, task_id: str, args: tuple, kwargs: dict, einfo: Any) -> None:
        """Bad luck beyond retrying, or a bug: the article gets a final `failed` status with the reason."""
        stage = self.name.removeprefix("newsflow.")
        attempts = self.request.retries + 1
        reason = f"{type(exc).__name__}: {exc} (after {attempts} attempt{'s' * (attempts > 1)})"
        try:
            with session_scope() as session:
                pipeline.record_failure(session, args[0], stage, reason)
        except DatabaseUnavailable:
            logger.exception("could not record the failure of article %s at %s", args[0], stage)


def send_on(stage: str, article_id: int) -> None:
    """Enqueue an article id on a stage's queue; call only after the transaction that wrote it committed."""
    app.send_task(task_name(stage), args=(article_id,), queue=stage)


def run_step(step: Callable[[Session, int], int | None], article_id: int, *, then: str | None) -> None:
    """Run one pipeline step in its own transaction, then send the article on if it continues."""
    with session_scope() as session:
        next_id = step(session, article_id)
    if next_id is not None and then is not None:
        send_on(then, next_id)
