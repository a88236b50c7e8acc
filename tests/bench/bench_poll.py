"""What a poll costs against parsing the feed alone, for a feed of N entries served on 127.0.0.1.

    python tests/bench/bench_poll.py [--entries 500] [--rounds 5]

Baseline: feedparser on the same bytes, in the same run. Measured: a poll that finds every entry new (entry keys
and URL-only articles written, one transaction), and a poll that finds them all seen (no ETag, so the feed is
downloaded and parsed again; every key is looked up and found). The host limit is on, with no interval.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import feedparser
import redis

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.db import session_scope  # noqa: E402
from services.fetch.download import make_client  # noqa: E402
from services.fetch.hostlimit import HostLimiter  # noqa: E402
from services.settings import get_settings  # noqa: E402
from services.sources.poll import PollContext, poll_source  # noqa: E402
from services.sources.registry import add_source  # noqa: E402
from services.sources.remote import read_remote  # noqa: E402
from tests.bench.databases import fresh_database  # noqa: E402
from tests.feeds import RSS, Item, rss  # noqa: E402
from tests.pages import Page, Site, serve  # noqa: E402


@contextmanager
def timed(times: list[float]):
    start = time.perf_counter()
    yield
    times.append(time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--database", default="newsflow_bench_poll")
    args = parser.parse_args()
    fresh_database(args.database)
    settings = get_settings()
    client = make_client(connect_timeout=5, read_timeout=20, max_redirects=3, user_agent="bench", allow_private=True)
    limiter = HostLimiter(
        redis.Redis.from_url(settings.redis_url), max_concurrency=2, min_interval=0.0, max_wait=10, lease=60
    )
    read = partial(read_remote, client=client, limiter=limiter, max_bytes=50_000_000, max_children=0)
    context = PollContext(
        session_scope=session_scope,
        read=lambda source: read(source.location, etag=None, last_modified=None),
        enqueue=lambda stage, *article_ids: None,
        max_backoff=3600,
        settle_seconds=0,
        max_input_bytes=5_000_000,
        now=lambda: datetime.now(UTC),
    )
    parse, new, seen = [], [], []
    with serve(Site()) as site:
        for round_ in range(args.rounds):
            items = [
                Item(site.url(f"/r{round_}/story-{n}"), f"Story {n}", summary="x" * 200) for n in range(args.entries)
            ]
            body = rss(items)
            site.routes[f"/feed-{round_}.xml"] = Page(body, content_type=RSS)
            with timed(parse):
                feedparser.parse(body)
            with session_scope() as session:
                source_id = add_source(session, location=site.url(f"/feed-{round_}.xml"), interval_seconds=60).id
            with timed(new):
                assert len(poll_source(source_id, context).new_articles) == args.entries
            with timed(seen):
                assert poll_source(source_id, context).outcome == "unchanged"
    base = statistics.median(parse)
    print(f"feed of {args.entries} entries ({len(body):,} bytes), median of {args.rounds} rounds")
    for label, times in (("parse only (feedparser)", parse), ("poll, every entry new", new), ("poll, all seen", seen)):
        print(f"  {label:28} {statistics.median(times) * 1000:8.1f} ms   {statistics.median(times) / base:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
