"""Dedup stage throughput as its Postgres index grows: articles per second and memory, slice by slice.

    python tests/bench/bench_dedup.py --articles 100000 [--copies 0.2] [--slice 10000] [--batch 50]

Articles are made by drawing sentences from the dedup corpus and the seeds (so their vocabulary and phrasing are
those of news text), with a share of light copies; they are deduplicated by the pipeline's own batch step, one
transaction per batch (`--batch 1`: one per article), against a fresh database. Each slice also reports the
stage's compute alone (signature and story terms, in process) on the same articles: the ceiling the stage would
reach if the database cost nothing, measured batch by batch between the batch steps: the ratio of the two rates is
the figure to compare across slices and runs on a shared machine. On a server without autovacuum the bench
vacuums the dedup tables between slices, untimed, as autovacuum would.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.db import get_engine, session_scope  # noqa: E402
from services.dedup.copies import signature  # noqa: E402
from services.dedup.step import dedup_batch  # noqa: E402
from services.dedup.stories import article_terms  # noqa: E402
from services.models import Article  # noqa: E402
from services.status import Status  # noqa: E402
from tests.bench.databases import fresh_database  # noqa: E402

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# The tables the dedup step reads and rewrites: every upsert of a band key's holders leaves a dead row version.
DEDUP_TABLES = ("lsh_keys", "dedup_shingles", "text_fingerprints", "story_terms", "stories", "articles")


def sentence_pool() -> list[str]:
    texts = [json.loads(line)["text"] for line in (ROOT / "tests/data/dedup/corpus.jsonl").read_text().splitlines()]
    texts += [path.read_text() for path in sorted((ROOT / "seeds").iterdir())]
    return [s.strip() for t in texts for s in SENTENCE.split(t) if len(s.split()) >= 6]


def make_articles(count: int, copies: float, rng: random.Random) -> list[str]:
    pool = sentence_pool()
    articles: list[str] = []
    for _ in range(count):
        if articles and rng.random() < copies:
            source = rng.choice(articles[-2000:]).split()
            source[rng.randrange(len(source))] = "reportedly"
            articles.append("Wire headline\nLONDON (Wire) - " + " ".join(source))
        else:
            articles.append(" ".join(rng.sample(pool, rng.randint(12, 24))))
    return articles


def vacuum(tables: tuple[str, ...]) -> None:
    """Untimed, what autovacuum does on a production server: without it dead row versions pile up, nothing sets the
    visibility map, and the index grows slower for want of maintenance, not by its size."""
    with get_engine().connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for table in tables:
            connection.execute(text(f"VACUUM ANALYZE {table}"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--copies", type=float, default=0.2)
    parser.add_argument("--slice", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--database", default="newsflow_bench_dedup")
    args = parser.parse_args()

    fresh_database(args.database)

    rng = random.Random(11)
    texts = make_articles(args.articles, args.copies, rng)
    start_day = datetime(2025, 3, 1, tzinfo=UTC)
    ids: list[int] = []
    with session_scope() as session:
        for number, body in enumerate(texts):
            # A month of news: the story window sees a realistic share of the stories.
            published = start_day + timedelta(seconds=number * 30 * 86400 // args.articles)
            article = Article(text=body, status=Status.CLEANED, language="en", published_at=published)
            session.add(article)
            if number % 5000 == 4999:
                session.flush()
        session.flush()
        ids = [a for (a,) in session.execute(text("SELECT id FROM articles ORDER BY id"))]

    # A worker that has run a while has its word-frequency cache warm: warm it once, untimed, so the first slice's
    # baseline does not pay for what a long-running process pays once (the step always found it warm, as the
    # baseline ran each batch first), which made the empty index's ratio look better than it is.
    for body in texts:
        article_terms(body)

    with session_scope() as session:
        autovacuum = session.scalar(text("SHOW autovacuum")) == "on"
    print(f"batch size {args.batch}; autovacuum {'on' if autovacuum else 'off: the bench vacuums between slices'}")
    print(
        "| indexed before slice | articles/s (wall) | compute alone, articles/s | ratio | client CPU ms/article "
        "| duplicates | max RSS MB |"
    )
    print("|---|---|---|---|---|---|---|")
    for begin in range(0, len(ids), args.slice):
        chunk = ids[begin : begin + args.slice]
        compute = wall = cpu = 0.0
        # The in-process baseline takes turns with the batches, so a slow spell on the host slows both alike.
        for first in range(begin, begin + len(chunk), args.batch):
            last = min(first + args.batch, begin + len(chunk))
            started = time.perf_counter()
            for body in texts[first:last]:
                signature(body), article_terms(body)
            compute += time.perf_counter() - started
            started, cpu_started = time.perf_counter(), time.process_time()
            with session_scope() as session:
                dedup_batch(session, ids[first:last])
            wall += time.perf_counter() - started
            cpu += time.process_time() - cpu_started
        compute = len(chunk) / compute
        with session_scope() as session:
            duplicates = session.scalar(
                text("SELECT count(*) FROM articles WHERE status = 'duplicate' AND id = ANY(:ids)"), {"ids": chunk}
            )
        if not autovacuum:
            vacuum(DEDUP_TABLES)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rate = len(chunk) / wall
        print(
            f"| {begin} | {rate:.0f} | {compute:.0f} | {rate / compute:.2f} | {1000 * cpu / len(chunk):.2f} "
            f"| {duplicates} | {rss:.0f} |"
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
