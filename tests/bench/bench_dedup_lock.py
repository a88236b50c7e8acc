"""How much of a dedup batch runs under the stage's advisory lock: what caps the dedup replicas worth running.

    python tests/bench/bench_dedup_lock.py [--articles 5000] [--copies 0.2] [--batch 50]

The dedup step computes signatures and story terms, then takes one advisory lock (docs/decisions/0003-dedup-lock.md)
and holds it through the candidate reads, the decisions, the writes and the commit. Batches run here one after
another in one process, as one worker runs them, over the generated articles of bench_dedup.py on a fresh database;
each batch is timed from its transaction's start to its commit, and from the lock's grant to the commit. While one
replica holds the lock the others can only claim and compute, so replicas beyond (batch time ÷ time under the
lock) wait for it: that ratio is the most the stage can gain from more replicas, however many cores they have.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import services.dedup.step as dedup_step_module  # noqa: E402
from services.db import session_scope  # noqa: E402
from services.dedup.step import dedup_batch  # noqa: E402
from services.models import Article  # noqa: E402
from services.status import Status  # noqa: E402
from tests.bench.bench_dedup import make_articles  # noqa: E402
from tests.bench.databases import drop_bench_database, fresh_database  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--copies", type=float, default=0.2)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--database", default="newsflow_bench_dedup_lock")
    args = parser.parse_args()

    fresh_database(args.database)
    try:
        texts = make_articles(args.articles, args.copies, random.Random(11))
        start_day = datetime(2025, 3, 1, tzinfo=UTC)
        with session_scope() as session:
            session.add_all(
                Article(text=body, status=Status.CLEANED, language="en",
                        published_at=start_day + timedelta(seconds=n * 30 * 86400 // args.articles))
                for n, body in enumerate(texts)
            )  # fmt: skip
        with session_scope() as session:
            ids = [i for (i,) in session.execute(text("SELECT id FROM articles ORDER BY id"))]

        granted: list[float] = []
        take_lock = dedup_step_module.lock_dedup

        def timed_lock(session) -> None:
            take_lock(session)
            granted.append(time.perf_counter())

        dedup_step_module.lock_dedup = timed_lock
        batch_seconds, locked_seconds = [], []
        for first in range(0, len(ids), args.batch):
            started = time.perf_counter()
            with session_scope() as session:
                dedup_batch(session, ids[first : first + args.batch])
            committed = time.perf_counter()
            batch_seconds.append(committed - started)
            locked_seconds.append(committed - granted[-1])
    finally:
        drop_bench_database(args.database)

    total, locked = sum(batch_seconds), sum(locked_seconds)
    shares = [held / whole for held, whole in zip(locked_seconds, batch_seconds, strict=True)]
    print(f"{len(batch_seconds)} batches of {args.batch} articles ({args.articles} in all, {args.copies:.0%} copies)")
    print("| batch ms (median) | under the lock ms (median) | share under the lock (all batches) | share p10-p90 "
          "| most replicas can gain |")  # fmt: skip
    print("|---|---|---|---|---|")
    deciles = statistics.quantiles(shares, n=10)
    print(
        f"| {1000 * statistics.median(batch_seconds):.1f} | {1000 * statistics.median(locked_seconds):.1f} "
        f"| {locked / total:.0%} | {deciles[0]:.0%}-{deciles[-1]:.0%} | {total / locked:.2f} × |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
