"""How one stage's throughput grows with its worker processes: the same articles again, with 1 and then 2 processes."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import redis
from sqlalchemy import func, select, update

from services.db import session_scope
from services.models import Article
from services.pipeline import EXTRACT
from services.queues import STAGES, Enqueue
from services.status import Status
from services.workerprocs import start_workers, stop_workers, wait_until_consuming

SCALED_STAGE = EXTRACT  # the stage with the most computing per article
SCALING_ARTICLES = 1000  # enough for a steady rate; a larger corpus would only make the run longer


@dataclass(frozen=True)
class Scaling:
    """Articles per second of one stage with 1, 2, … worker processes, on the same articles."""

    stage: str
    articles: int
    processes: list[int]
    articles_per_s: list[float]

    @property
    def speedup(self) -> float:
        """Throughput with the most processes ÷ throughput with one."""
        return self.articles_per_s[-1] / self.articles_per_s[0]


def measure_scaling(
    article_ids: Sequence[int],
    *,
    env: Mapping[str, str],
    redis_url: str,
    log_dir: Path,
    loglevel: str,
    enqueue: Enqueue,
    processes: Sequence[int] = (1, 2),
    timeout: float = 3600,
) -> Scaling:
    """Run the extract stage alone over (up to SCALING_ARTICLES of) the articles it extracted before, once per
    process count; they are left `extracted`."""
    with session_scope() as session:
        ids = list(
            session.scalars(
                select(Article.id)
                .where(Article.id.in_(article_ids), Article.extracted_at.is_not(None))
                .order_by(Article.id)
                .limit(SCALING_ARTICLES)
            )
        )
    rates = []
    for count in processes:
        with session_scope() as session:  # back to where the stage picks them up; it replaces their mentions
            session.execute(update(Article).where(Article.id.in_(ids)).values(status=next(iter(SCALED_STAGE.accepts))))
        workers = start_workers(
            env=env, log_dir=log_dir, stages=[SCALED_STAGE.name], concurrency=count, loglevel=loglevel
        )
        try:
            wait_until_consuming(redis_url, workers)
            started = time.perf_counter()
            enqueue(SCALED_STAGE.name, *ids)
            _wait_for(ids, SCALED_STAGE.produces, timeout=timeout)
            rates.append(len(ids) / (time.perf_counter() - started))
        finally:
            stop_workers(workers)
    _drop_onward_messages(redis_url)
    return Scaling(SCALED_STAGE.name, len(ids), list(processes), rates)


def _wait_for(ids: Sequence[int], status: Status, *, timeout: float, poll: float = 0.2) -> None:
    deadline = time.monotonic() + timeout
    while True:
        with session_scope() as session:
            done = session.scalar(
                select(func.count()).select_from(Article).where(Article.id.in_(ids), Article.status == status)
            )
        if done == len(ids):
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"{len(ids) - done} articles did not reach {status.value} in {timeout:.0f} s")
        time.sleep(poll)


def _drop_onward_messages(redis_url: str) -> None:
    """The stage sent each article on to the next queue, which nobody consumes now; those messages are the bench's."""
    client = redis.Redis.from_url(redis_url)
    try:
        client.delete(STAGES[STAGES.index(SCALED_STAGE.name) + 1])
    finally:
        client.close()
