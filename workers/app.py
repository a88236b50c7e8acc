"""The Celery app: configuration read lazily from the settings, the task base class, and send_on()."""

from __future__ import annotations

import gc
import logging
import time
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import redis
from celery import Celery, Task, signals
from celery.exceptions import SoftTimeLimitExceeded
from kombu.exceptions import OperationalError as BrokerUnavailable
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import OperationalError as DatabaseUnavailable

from services.db import database_message, is_lasting, session_scope
from services.fetch.download import FetchUnavailable
from services.ops.health import note_worker_finished
from services.ops.metrics import TaskMetrics, step_outcome
from services.ops.reconcile import reconcile_interval
from services.queues import POLL_QUEUE, RECONCILE_QUEUE, redis_client, send_after_commit, task_name
from services.settings import get_settings
from services.stages import STAGES
from services.steps import CLAIMED, Step, record_failure

logger = logging.getLogger(__name__)

# Hard limit per task: a pathological input fails instead of stalling a worker. Far below the visibility timeout.
TASK_SOFT_TIME_LIMIT = 120
TASK_TIME_LIMIT = 150
# On a cold shutdown (SIGQUIT, or SIGTERM with REMAP_SIGTERM=SIGQUIT as on Kubernetes) running tasks get this long
# to finish before the worker stops and their messages go back to the queue; more than the slowest task, less than
# the grace period the orchestrator gives before SIGKILL (infra/k8s: 180 s).
WORKER_SOFT_SHUTDOWN_TIMEOUT = 165
# A worker notes that it is alive at most this often: liveness is judged over minutes (health.WORKER_SEEN_WINDOW),
# and a note per task would cost a Redis round trip per message.
LIVENESS_NOTE_SECONDS = 5.0

app = Celery(
    "newsflow",
    include=[*(f"workers.{stage}" for stage in STAGES), f"workers.{RECONCILE_QUEUE}", f"workers.{POLL_QUEUE}"],
)


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
        worker_soft_shutdown_timeout=WORKER_SOFT_SHUTDOWN_TIMEOUT,
        beat_schedule=_beat_schedule(settings.stage_timeout_seconds, settings.poll_tick_seconds),
    )


@signals.worker_before_create_process.connect
def _freeze_before_fork(**_: Any) -> None:
    # The collector writes to every object it tracks, so a pool process would soon copy the pages it shares with its
    # parent (the settings, the models, the lexicons): frozen, they stay shared, one copy for the whole pool.
    gc.freeze()


def _beat_schedule(stage_timeout_seconds: int, poll_tick_seconds: float) -> dict[str, dict[str, Any]]:
    interval = reconcile_interval(stage_timeout_seconds)
    # Its own queue and worker: behind a stage's backlog the reconciler would wait exactly when it is needed.
    # A run not started within one interval expires; the next one replaces it.
    options = {"queue": RECONCILE_QUEUE, "expires": interval}
    return {
        RECONCILE_QUEUE: {"task": task_name(RECONCILE_QUEUE), "schedule": interval, "options": options},
        # Beat only ticks; which sources are due is in Postgres. A tick nobody took in time is dropped.
        "poll-due-sources": {
            "task": "newsflow.poll_due",
            "schedule": poll_tick_seconds,
            "options": {"queue": POLL_QUEUE, "expires": poll_tick_seconds},
        },
    }


class DatabaseRefused(Exception):
    """A database error that would come back on every retry (its SQLSTATE says so): not retried, the article fails."""


class RetryingTask(Task):
    """A task that retries with a doubling, jittered backoff, as often and up to as long as the settings say
    (NEWSFLOW_TASK_MAX_RETRIES, NEWSFLOW_TASK_RETRY_BACKOFF_MAX)."""

    retry_backoff = True
    retry_jitter = True

    @property
    def max_retries(self) -> int:
        """Retries before the task fails for good."""
        return get_settings().task_max_retries

    @property
    def retry_backoff_max(self) -> int:
        """The longest wait between two tries, in seconds."""
        return get_settings().task_retry_backoff_max


class StageTask(RetryingTask):
    """Base of every stage task: retries infrastructure errors (not a database error that would only come back),
    records a final failure when they run out."""

    autoretry_for = (DatabaseUnavailable, redis.ConnectionError, BrokerUnavailable, FetchUnavailable)
    acks_late = True
    reject_on_worker_lost = True

    @property
    def stage(self) -> str:
        """The stage (and queue) this task serves."""
        return self.name.removeprefix("newsflow.")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run the task and time it."""
        started = time.perf_counter()
        try:
            return super().__call__(*args, **kwargs)
        finally:
            if metrics := _task_metrics():
                metrics.observe_duration(self.stage, time.perf_counter() - started)
            _note_alive(self)  # a task that failed was finished by a live worker all the same

    def on_retry(self, exc: BaseException, task_id: str, args: tuple, kwargs: dict, einfo: Any) -> None:
        """Count the retry by its error class."""
        if metrics := _task_metrics():
            metrics.count_retry(self.stage, exc)

    def on_failure(self, exc: BaseException, task_id: str, args: tuple, kwargs: dict, einfo: Any) -> None:
        """Bad luck beyond retrying, or a bug. A batch is split into messages of one article each, so that the
        article that caused it fails alone; a single article gets a final `failed` status with the reason."""
        stage = self.stage
        if len(args) > 1:
            logger.warning("a batch of %d articles at %s failed (%s); retrying them one by one", len(args), stage, exc)
            for article_id in args:
                send_on(stage, article_id)
            return
        if metrics := _task_metrics():
            metrics.count_failure(stage, exc)
        reason = failure_reason(exc, stage, attempts=self.request.retries + 1)
        try:
            with session_scope() as session:
                record_failure(session, args[0], stage, reason)
        except DatabaseUnavailable:
            logger.exception("could not record the failure of article %s at %s", args[0], stage)


def failure_reason(exc: BaseException, stage: str, *, attempts: int) -> str:
    """The final reason a person reads on an article a task failed: what went wrong, in a sentence."""
    tries = f" (after {attempts} attempts)" if attempts > 1 else ""
    if isinstance(exc, SoftTimeLimitExceeded):
        return f"the {stage} stage took longer than its limit of {TASK_SOFT_TIME_LIMIT} s on it{tries}"
    if isinstance(exc, DatabaseRefused):
        return f"the database refused the {stage} stage's results: {exc}"
    if isinstance(exc, DBAPIError):
        return f"the database failed the {stage} stage{tries}: {database_message(exc)}"
    if isinstance(exc, redis.RedisError | BrokerUnavailable):
        return f"Redis could not be reached{tries}: {exc}"
    if isinstance(exc, FetchUnavailable):
        return f"the download kept failing{tries}: {exc}"
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return f"the {stage} stage failed unexpectedly ({detail}){tries}"


def consumes(worker: Any, queue: str) -> bool:
    """Whether a starting worker (the `celeryd_after_setup` signal's instance) consumes the queue."""
    return queue in (worker.app.amqp.queues.consume_from or ())


def send_on(stage: str, *article_ids: int) -> None:
    """Enqueue article ids on a stage's queue, a batch per message; call only after the transaction that wrote
    them committed."""
    size = 1 if stage == "fetch" else get_settings().message_batch
    for start in range(0, len(article_ids), size):
        app.send_task(task_name(stage), args=article_ids[start : start + size], queue=stage)


def run_batch(step: Step, article_ids: Sequence[int]) -> None:
    """Run one pipeline step on a message's articles in one transaction, then send those that continue on to the
    stage after the step's."""
    try:
        with session_scope() as session:
            onward = step(session, article_ids)
            claimed = {article.id: article.status for article in session.info.get(CLAIMED, ())}
            # An id the step did not claim was a stale message.
            outcomes = Counter(step_outcome(claimed.get(i), changed=i in claimed) for i in article_ids)
            if step.stage.next is not None:
                send_after_commit(session, send_on, [(step.stage.next, article_id) for article_id in onward])
    except DBAPIError as exc:
        # By its SQLSTATE, not its class: psycopg raises "program limit exceeded" (an index row too large) as an
        # OperationalError, as it does "the database is down", and only the second passes with a retry.
        if is_lasting(exc):
            raise DatabaseRefused(database_message(exc)) from exc
        raise
    task = app.current_task
    if isinstance(task, StageTask) and (metrics := _task_metrics()):
        for outcome, articles in outcomes.items():
            metrics.count_outcome(task.stage, outcome, articles)


@lru_cache
def _task_metrics() -> TaskMetrics | None:
    """This process's metrics, written where the API adds them up; None when no metrics directory is set."""
    directory = get_settings().metrics_dir
    return TaskMetrics(directory) if directory else None


@lru_cache
def _liveness_client() -> redis.Redis:
    return redis_client(get_settings().redis_url)


_liveness_noted: dict[str, float] = {}  # stage -> when this process last noted it finished a task of it


def _note_alive(task: StageTask) -> None:
    """Mark the worker alive by the tasks it finishes, whatever their outcome (not by answering a ping)."""
    now = time.time()
    if now - _liveness_noted.get(task.stage, 0.0) < LIVENESS_NOTE_SECONDS:
        return
    try:
        note_worker_finished(_liveness_client(), task.stage, task.request.hostname or "?", now)
        _liveness_noted[task.stage] = now
    except redis.RedisError:
        logger.warning("could not note that %s finished a task", task.request.hostname, exc_info=True)
