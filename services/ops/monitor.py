"""Read-only views of pipeline health: article counts by status, messages on the queues."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass

import redis
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.models import Article
from services.queues import task_name
from services.stages import STAGES
from services.status import FINAL_STATUSES, Status


def article_counts(session: Session) -> dict[str, int]:
    """Number of articles in every status, zeros included, in pipeline order."""
    rows = dict(session.execute(select(Article.status, func.count()).group_by(Article.status)).all())
    return {status.value: rows.get(status, 0) for status in Status}


# kombu's Redis transport keeps a queue in one list per priority step (`clean`, `clean\x06\x163`, ...) and the
# messages delivered to a worker but not acknowledged in the hash `unacked` (with acks_late: prefetched or running).
PRIORITY_STEPS = (0, 3, 6, 9)
PRIORITY_SEPARATOR = "\x06\x16"
UNACKED_KEY = "unacked"
STAGE_OF_TASK = {task_name(stage): stage for stage in STAGES}


@dataclass(frozen=True)
class QueueMessages:
    """A stage's messages in the broker: waiting in its lists, and delivered to a worker but not yet acknowledged."""

    ready: int
    unacked: int

    @property
    def total(self) -> int:
        """Every message the broker holds for the stage."""
        return self.ready + self.unacked


def priority_lists(queue: str) -> list[str]:
    """The Redis lists that hold one queue's messages, one per priority step."""
    return [queue if step == 0 else f"{queue}{PRIORITY_SEPARATOR}{step}" for step in PRIORITY_STEPS]


def queue_messages(client: redis.Redis) -> dict[str, QueueMessages]:
    """Per stage: messages in all of its priority lists, and unacknowledged ones (by the task they carry)."""
    pipe = client.pipeline(transaction=False)
    for stage in STAGES:
        for name in priority_lists(stage):
            pipe.llen(name)
    lengths = iter(pipe.execute())
    ready = {stage: sum(next(lengths) for _ in PRIORITY_STEPS) for stage in STAGES}
    unacked = dict.fromkeys(STAGES, 0)
    for raw in client.hvals(UNACKED_KEY):
        payload, _exchange, _routing_key = json.loads(raw)
        stage = STAGE_OF_TASK.get(payload.get("headers", {}).get("task"))
        if stage is not None:
            unacked[stage] += 1
    return {stage: QueueMessages(ready[stage], unacked[stage]) for stage in STAGES}


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
    finished: Callable[[int], None] = lambda count: None,
) -> dict[int, Status]:
    """Poll until every article has a final status or the timeout passes; return the final ones. `finished` is
    told after each poll how many are final so far."""
    wanted = set(article_ids)
    deadline = time.monotonic() + timeout
    while True:
        with session_scope() as session:
            done = final_statuses(session, wanted)
        finished(len(done))
        if len(done) == len(wanted) or time.monotonic() > deadline:
            return done
        time.sleep(poll)
