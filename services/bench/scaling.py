"""How one stage's throughput grows with its worker processes: the same articles again, with 1 and then 2 processes,
beside the same stage function in as many plain processes (what the machine gives the computing alone)."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import redis
from sqlalchemy import func, select, update

from services.db import among, session_scope
from services.extract import extract_events
from services.extract.step import published_day
from services.local.processes import start_workers, stop_workers, wait_until_consuming
from services.models import Article
from services.queues import Enqueue
from services.stages import stage_named
from services.status import Status

SCALED_STAGE = stage_named("extract")  # the stage with the most computing per article
# Enough for a steady rate: the start, and the last batch that one process finishes while the other waits, are
# a few per cent of the run.
SCALING_ARTICLES = 3000


@dataclass(frozen=True)
class Scaling:
    """Articles per second of one stage with 1, 2, … worker processes, on the same articles."""

    stage: str
    articles: int
    processes: list[int]
    articles_per_s: list[float]
    function_articles_per_s: list[float]  # the stage function alone, in as many plain processes

    @property
    def speedup(self) -> float:
        """Throughput with the most processes ÷ throughput with one."""
        return self.articles_per_s[-1] / self.articles_per_s[0]

    @property
    def function_speedup(self) -> float:
        """The same for the stage function alone: the most the machine's cores give this computing."""
        return self.function_articles_per_s[-1] / self.function_articles_per_s[0]


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
        rows = session.execute(
            select(Article.id, Article.text, Article.published_at)
            .where(among(Article.id, article_ids), Article.extracted_at.is_not(None))
            .order_by(Article.id)
            .limit(SCALING_ARTICLES)
        ).all()
    ids = [row.id for row in rows]
    function_rates = function_articles_per_s([(row.text, published_day(row)) for row in rows], processes)
    entry = next(iter(SCALED_STAGE.accepts))
    rates = []
    for count in processes:
        with session_scope() as session:  # back to where the stage picks them up; it replaces their mentions
            session.execute(update(Article).where(among(Article.id, ids)).values(status=entry))
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
    return Scaling(SCALED_STAGE.name, len(ids), list(processes), rates, function_rates)


def function_articles_per_s(texts: Sequence[tuple[str, date | None]], processes: Sequence[int]) -> list[float]:
    """Articles per second of `extract_events` over the texts in 1, 2, … forked processes, which inherit this
    process's loaded models: the stage's computing without a queue or a database."""
    rates = []
    for count in processes:
        chunks = [list(texts[start :: count * 4]) for start in range(count * 4)]  # four chunks a process
        with multiprocessing.get_context("fork").Pool(count) as pool:
            started = time.perf_counter()
            done = sum(pool.map(_extract_all, chunks, chunksize=1))
            rates.append(done / (time.perf_counter() - started))
    return rates


def _extract_all(texts: Sequence[tuple[str, date | None]]) -> int:
    for text, published in texts:
        extract_events(text, published=published)
    return len(texts)


def _wait_for(ids: Sequence[int], status: Status, *, timeout: float, poll: float = 0.1) -> None:
    # The ids go as one array parameter: the check must cost the processes it measures next to nothing.
    deadline = time.monotonic() + timeout
    while True:
        with session_scope() as session:
            done = session.scalar(
                select(func.count()).select_from(Article).where(among(Article.id, ids), Article.status == status)
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
        client.delete(SCALED_STAGE.next)
    finally:
        client.close()
