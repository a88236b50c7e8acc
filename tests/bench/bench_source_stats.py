"""What the per source figures add to a status snapshot (`newsflow status`, the page, each scrape of /metrics).

    python tests/bench/bench_source_stats.py --sources 500 --articles 200000 [--runs 7]

A fresh database gets `--sources` feeds and `--articles` stored articles, each found by one of them over the past
90 days (a source entry per article). The figures of every source (`source_stats`) and the whole snapshot
(`pipeline_health`, which includes them) are timed alternately; the figure is the share of the snapshot the source
figures take, measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.ops.health import pipeline_health  # noqa: E402
from services.queues import redis_client  # noqa: E402
from services.settings import get_settings  # noqa: E402
from services.sources.stats import source_stats  # noqa: E402
from tests.bench.databases import drop_bench_database, fresh_database  # noqa: E402

FILL = """
INSERT INTO sources (kind, location, interval_seconds, last_polled_at, last_new_at, created_at)
SELECT 'feed', 'https://news' || g || '.example/feed.xml', 900, now(), now() - interval '1 hour',
       now() - interval '120 day'
FROM generate_series(1, :sources) g;
INSERT INTO articles (raw_sha256, status, received_at, stored_at, updated_at)
SELECT md5(g::text), 'stored', t, t, t
FROM (SELECT g, now() - random() * interval '90 day' AS t FROM generate_series(1, :articles) g) rows;
INSERT INTO source_entries (source_id, key, article_id, seen_at)
SELECT 1 + id % :sources, 'url:' || id, id, received_at FROM articles;
"""


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=500)
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--database", default="newsflow_bench_source_stats")
    args = parser.parse_args()

    settings = get_settings()
    rendered = fresh_database(args.database)
    engine = create_engine(rendered)
    with engine.begin() as connection:
        for statement in filter(str.strip, FILL.split(";")):
            connection.execute(text(statement), {"sources": args.sources, "articles": args.articles})
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))
    client = redis_client(settings.redis_url)
    sources_only, snapshots = [], []
    for _ in range(args.runs):
        with Session(engine) as session:
            sources_only.append(timed(lambda: source_stats(session)))  # noqa: B023
        with Session(engine) as session:
            snapshots.append(timed(lambda: pipeline_health(session, client, stage_timeout=600)))  # noqa: B023
    part, whole = statistics.median(sources_only), statistics.median(snapshots)
    print(f"{args.sources:,} sources, {args.articles:,} articles found by them, median of {args.runs} runs each")
    print(f"per source figures: {part * 1000:.1f} ms; whole status snapshot: {whole * 1000:.1f} ms")
    print(f"the source figures are {part / whole:.0%} of the snapshot")
    client.close()
    engine.dispose()
    drop_bench_database(args.database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
