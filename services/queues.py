"""Messages between stages: they carry article ids to a stage's queue (named as the stage, see `services.stages`)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache, partial
from importlib import metadata
from typing import Protocol

import redis
from sqlalchemy.orm import Session

from services.db import after_commit


def task_name(stage: str) -> str:
    """The stable Celery task name of a stage."""
    return f"newsflow.{stage}"


# The reconciler's own queue, beside the stages': it must not wait behind a stage's backlog.
RECONCILE_QUEUE = "reconcile"
# Not a stage: the queue of source polling, which feeds new articles into the fetch or clean queue.
POLL_QUEUE = "poll"
# kombu names a Redis Unix socket redis+socket://PATH; redis-py calls the same thing unix://PATH.
KOMBU_SOCKET_SCHEME = "redis+socket://"


class Enqueue(Protocol):
    """Sends article ids to a stage's queue (`workers.app.send_on`, declared as the `enqueue` entry point)."""

    def __call__(self, stage: str, /, *article_ids: int) -> None: ...


@lru_cache
def installed_enqueue() -> Enqueue:
    """The sender this installation declares (the `newsflow` entry point `enqueue`: Celery's, in workers/)."""
    entries = metadata.entry_points(group="newsflow", name="enqueue")
    if not entries:
        raise RuntimeError("no queue sender is installed: install newsflow (`pip install .`), which declares it")
    return next(iter(entries)).load()


def send_after_commit(session: Session, enqueue: Enqueue, pairs: Iterable[tuple[str, int]]) -> None:
    """Send (stage, article id) pairs once the session's transaction commits; nothing if it rolls back."""
    if pairs := list(pairs):
        after_commit(session, partial(enqueue_all, enqueue, pairs))


def enqueue_all(enqueue: Enqueue, pairs: Iterable[tuple[str, int]]) -> None:
    """Send (stage, article id) pairs, each stage's ids together so they travel in as few messages as allowed."""
    by_stage: dict[str, list[int]] = {}
    for stage, article_id in pairs:
        by_stage.setdefault(stage, []).append(article_id)
    for stage, article_ids in by_stage.items():
        enqueue(stage, *article_ids)


def redis_client(url: str) -> redis.Redis:
    """A redis-py client for a URL as Celery takes it (TCP, or a Unix socket)."""
    if url.startswith(KOMBU_SOCKET_SCHEME):
        url = "unix://" + url.removeprefix(KOMBU_SOCKET_SCHEME)
    return redis.Redis.from_url(url, socket_connect_timeout=2)
