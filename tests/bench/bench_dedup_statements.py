"""Where the dedup step's database time goes: the time of each kind of statement over 2,000 new articles.

    python tests/bench/bench_dedup_statements.py [--database newsflow_bench_dedup] [--empty]

Run it after `bench_dedup.py`, whose database keeps its index, to time the step against that index; with `--empty`
it times the step against a fresh database instead. The new articles come from the same generator, with another
seed, and are deduplicated in batches of 100, as in the bench.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

from sqlalchemy import event, text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.db import get_engine, session_scope  # noqa: E402
from services.dedup.step import dedup_batch  # noqa: E402
from services.dedup.stories import article_terms  # noqa: E402
from services.models import Article  # noqa: E402
from services.status import Status  # noqa: E402
from tests.bench.bench_dedup import make_articles  # noqa: E402
from tests.bench.databases import fresh_database, use_database  # noqa: E402

ARTICLES, BATCH = 2000, 100


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="newsflow_bench_dedup")
    parser.add_argument("--empty", action="store_true", help="time the step against a fresh database")
    args = parser.parse_args()
    if args.empty:
        fresh_database(args.database + "_empty")
    else:
        use_database(args.database)

    texts = make_articles(ARTICLES, 0.2, random.Random(99))
    for body in texts:
        article_terms(body)  # a long-running worker's word-frequency cache is warm
    with session_scope() as session:
        latest = session.scalar(text("SELECT coalesce(max(published_at), now()) FROM articles"))
        added = [
            Article(text=body, status=Status.CLEANED, language="en", published_at=latest + timedelta(seconds=30 * n))
            for n, body in enumerate(texts)
        ]
        session.add_all(added)
        session.flush()
        ids = [article.id for article in added]

    seconds: defaultdict[str, float] = defaultdict(float)
    calls: defaultdict[str, int] = defaultdict(int)

    @event.listens_for(get_engine(), "before_cursor_execute")
    def started(conn, cursor, statement, parameters, context, executemany) -> None:
        conn.info["started"] = time.perf_counter()

    @event.listens_for(get_engine(), "after_cursor_execute")
    def finished(conn, cursor, statement, parameters, context, executemany) -> None:
        kind = re.sub(r"\s+", " ", statement).strip()[:70]
        seconds[kind] += time.perf_counter() - conn.info["started"]
        calls[kind] += 1

    wall = time.perf_counter()
    for first in range(0, len(ids), BATCH):
        with session_scope() as session:
            dedup_batch(session, ids[first : first + BATCH])
    wall = time.perf_counter() - wall
    with session_scope() as session:
        indexed = session.scalar(text("SELECT count(*) FROM dedup_shingles")) - len(ids)
    print(f"{len(ids)} articles against {indexed} indexed: {wall:.2f} s, {sum(seconds.values()):.2f} s in statements")
    print("| seconds | calls | statement |\n|---|---|---|")
    for kind, spent in sorted(seconds.items(), key=lambda item: -item[1]):
        print(f"| {spent:.3f} | {calls[kind]} | `{kind}` |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
