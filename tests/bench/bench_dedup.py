"""Dedup stage throughput as its Postgres index grows: articles per second and memory, slice by slice.

    python tests/bench/bench_dedup.py --articles 100000 [--copies 0.2] [--slice 10000] [--batch 50]

Articles are made by drawing sentences from the dedup corpus and the seeds (so their vocabulary and phrasing are
those of news text), with a share of light copies; they are deduplicated by the pipeline's own batch step, one
transaction per batch (`--batch 1`: one per article), against a fresh database. Each slice also reports the
stage's compute alone (signature and story terms, in process) on the same articles: the ceiling the stage would
reach if the database cost nothing.
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

from services.db import session_scope  # noqa: E402
from services.dedup.copies import signature  # noqa: E402
from services.dedup.step import dedup_batch  # noqa: E402
from services.dedup.stories import article_terms  # noqa: E402
from services.models import Article  # noqa: E402
from services.status import Status  # noqa: E402
from tests.bench.databases import fresh_database  # noqa: E402

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


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

    print(f"batch size {args.batch}")
    print(
        "| indexed before slice | articles/s (wall) | compute alone, articles/s | ratio | client CPU ms/article "
        "| duplicates | max RSS MB |"
    )
    print("|---|---|---|---|---|---|---|")
    for begin in range(0, len(ids), args.slice):
        chunk = ids[begin : begin + args.slice]
        compute = time.perf_counter()
        for body in texts[begin : begin + args.slice]:
            signature(body), article_terms(body)
        compute = len(chunk) / (time.perf_counter() - compute)
        wall, cpu = time.perf_counter(), time.process_time()
        for first in range(0, len(chunk), args.batch):
            with session_scope() as session:
                dedup_batch(session, chunk[first : first + args.batch])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        with session_scope() as session:
            duplicates = session.scalar(
                text("SELECT count(*) FROM articles WHERE status = 'duplicate' AND id = ANY(:ids)"), {"ids": chunk}
            )
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
