"""What `newsflow status` costs as the articles table grows, with the updated_at index and without it.

    python tests/bench/bench_status.py --articles 1000000 [--recent 2000] [--runs 7]

A fresh database gets `--articles` stored articles spread over the past 90 days and `--recent` articles from the
last hour (some still waiting), as months of operation leave it. The status snapshot (`pipeline_health`) is then
timed alternately with `ix_articles_updated_at` and with the index dropped inside a rolled-back transaction; the
figure is the ratio of the medians, measured in the same run.
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
from tests.bench.databases import fresh_database  # noqa: E402

FILL = """
INSERT INTO articles (raw_sha256, status, received_at, cleaned_at, deduped_at, extracted_at, stored_at, updated_at)
SELECT md5(g::text), 'stored', t - interval '5 second', t - interval '4 second', t - interval '3 second',
       t - interval '2 second', t, t
FROM (SELECT g, now() - interval '2 hour' - random() * interval '90 day' AS t
      FROM generate_series(1, :old) g) old_rows
UNION ALL
SELECT md5('r' || g::text), CASE WHEN g % 10 = 0 THEN 'extracted' ELSE 'stored' END, t - interval '5 second',
       t - interval '4 second', t - interval '3 second', t - interval '2 second',
       CASE WHEN g % 10 = 0 THEN NULL ELSE t END, t
FROM (SELECT g, now() - random() * interval '1 hour' AS t FROM generate_series(1, :recent) g) recent_rows
"""


def timed_snapshot(session: Session, client) -> float:
    started = time.perf_counter()
    pipeline_health(session, client, stage_timeout=600)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--recent", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--database", default="newsflow_bench_status")
    args = parser.parse_args()

    settings = get_settings()
    rendered = fresh_database(args.database)
    engine = create_engine(rendered)
    with engine.begin() as connection:
        connection.execute(text(FILL), {"old": args.articles - args.recent, "recent": args.recent})
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE articles"))  # as autovacuum leaves a table of old rows
    client = redis_client(settings.redis_url)
    with_index, without_index = [], []
    for _ in range(args.runs):
        with Session(engine) as session:
            with_index.append(timed_snapshot(session, client))
        with Session(engine) as session:
            session.execute(text("DROP INDEX ix_articles_updated_at"))
            without_index.append(timed_snapshot(session, client))
            session.rollback()
    fast, slow = statistics.median(with_index), statistics.median(without_index)
    print(f"{args.articles:,} articles, {args.recent:,} in the last hour, median of {args.runs} runs each")
    print(f"status snapshot with ix_articles_updated_at: {fast * 1000:.1f} ms")
    print(f"status snapshot without it:                 {slow * 1000:.1f} ms ({slow / fast:.1f}x the time)")
    client.close()
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
