"""Store stage and read API at size: mentions merged per second, and GET /events latency, over 1,000,000 events.

    python tests/bench/bench_store.py [--events 1000000] [--articles 2000] [--requests 300]

A fresh database is filled in SQL (INSERT ... SELECT generate_series): stories, articles from 200 outlets, events
spread over two years with types, actors and countries drawn with a skew (a few countries and types dominate, as in
news), one mention and one article link per event. Then:

- store: new articles, each with five asserted mentions (half re-report a stored event with its coding varied as
  reports vary it, half report something new), go through the pipeline's own store step, one transaction per
  article as a worker runs it. Baseline, same run: as many such articles through a bare step that claims the
  article, reads its mentions and finishes it; the two steps take turns by 50 articles, so both meet the same load.
- read: uvicorn serves the app in its own process; this process sends requests one after another and reports p50
  and p95 per query, with GET /health (no database) as the baseline.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import create_engine, select, text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.db import session_scope  # noqa: E402
from services.models import Article, EventMention  # noqa: E402
from services.status import Status  # noqa: E402
from services.store.step import store_step  # noqa: E402
from tests.bench.databases import fresh_database  # noqa: E402

TYPES = ["ASSAULT", "ACCUSE", "CONSULT", "COERCE", "SUPPORT", "REQUEST", "AID", "RETREAT", "PROTEST", "AGREE",
         "SANCTION", "REJECT", "MOBILIZE", "COOPERATE", "CONCEDE", "THREATEN"]  # fmt: skip
COUNTRIES = ["USA", "RUS", "UKR", "CHN", "ISR", "PSE", "SYR", "IRN", "GBR", "FRA", "DEU", "TUR", "IND", "PAK", "AFG",
             "IRQ", "LBN", "YEM", "SAU", "EGY", "NGA", "ETH", "SDN", "SOM", "KEN", "COD", "MLI", "LBY", "VEN", "COL",
             "MEX", "BRA", "ARG", "JPN", "KOR", "PRK", "TWN", "PHL", "MMR", "IDN", "AUS", "CAN", "POL", "HUN", "SRB",
             "GEO", "ARM", "AZE", "BLR", "KAZ"]  # fmt: skip
SECTORS = ["", "", "GOV", "MIL", "REB", "CVL", "COP", "OPP", "BUS", "MED"]
OUTLETS = 200
START = date(2023, 1, 1)
DAYS = 730


def sql_pick(values: list[str], skew: float = 2.0) -> str:
    """A SQL expression drawing one of `values`, the first ones more often (random()^skew)."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"(ARRAY[{quoted}])[1 + floor({len(values)} * power(random(), {skew}))::int]"


def fill(url: str, events: int) -> None:
    """Stories, articles, events, mentions and article links, in SQL."""
    stories, articles = events // 20, events // 4
    code = f"{sql_pick(COUNTRIES)} || {sql_pick(SECTORS, 1.0)}"
    engine = create_engine(url)
    with engine.begin() as c:
        c.execute(
            text(f"""
            INSERT INTO stories (title, first_seen, last_seen, article_count, terms)
            SELECT 'story ' || g, t, t + interval '2 days', 4, '{{}}'::jsonb
            FROM (SELECT g, timestamptz '{START}' + random() * interval '{DAYS} days' AS t
                  FROM generate_series(1, {stories}) g) s""")
        )
        c.execute(
            text(f"""
            INSERT INTO articles (source, title, language, status, story_id, published_at, stored_at)
            SELECT 'outlet ' || (1 + floor({OUTLETS} * power(random(), 2))::int), 'article ' || g, 'en', 'stored',
                   1 + floor(random() * {stories})::int, t, t
            FROM (SELECT g, timestamptz '{START}' + random() * interval '{DAYS} days' AS t
                  FROM generate_series(1, {articles}) g) s""")
        )
        c.execute(
            text(f"""
            INSERT INTO events (type, cameo, quad_class, source_code, target_code, location_country, event_date,
                                date_precision, mention_count, article_count, source_count, confidence,
                                first_seen, last_seen)
            SELECT type, '01', 1, source_code, target_code, left(target_code, 3), day, 'day', 1, 1, 1, 0.6,
                   day + random() * interval '2 days', day + interval '2 days'
            FROM (SELECT {sql_pick(TYPES)} AS type, {code} AS source_code, {code} AS target_code,
                         date '{START}' + floor(random() * {DAYS})::int AS day
                  FROM generate_series(1, {events})) e""")
        )
        c.execute(
            text(f"""
            INSERT INTO event_mentions (article_id, event_id, type, cameo, quad_class, source_code, target_code,
                                        location_country, event_date, date_precision, modality, sentence_index,
                                        sentence, trigger, trigger_start, trigger_end, confidence)
            SELECT 1 + floor(random() * {articles})::int, id, type, cameo, quad_class, source_code, target_code,
                   location_country, event_date, 'day', 'asserted', 0, 'A sentence that reports it.', 'reports',
                   19, 26, 0.6
            FROM events""")
        )
        c.execute(text("INSERT INTO article_events SELECT DISTINCT article_id, event_id FROM event_mentions"))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text("VACUUM ANALYZE"))
    engine.dispose()


def new_articles(count: int, rng: random.Random) -> list[int]:
    """Extracted articles with five asserted mentions each: half re-report stored events, half new ones."""
    with session_scope() as session:
        top = session.scalar(text("SELECT max(id) FROM events"))
        stored = session.execute(
            text(
                "SELECT type, source_code, target_code, location_country, event_date FROM events WHERE id = ANY(:ids)"
            ),
            {"ids": [rng.randint(1, top) for _ in range(count * 3)]},
        ).all()
        articles = [
            Article(source=f"outlet {rng.randint(1, OUTLETS)}", language="en", status=Status.EXTRACTED,
                    published_at=datetime.combine(START, datetime.min.time(), UTC) + timedelta(days=DAYS))
            for _ in range(count)
        ]  # fmt: skip
        session.add_all(articles)
        session.flush()
        for article in articles:
            for _ in range(5):
                if rng.random() < 0.5:
                    kind, source, target, country, day = rng.choice(stored)
                    source = source[:3] if rng.random() < 0.5 else source  # "Russia" for "Moscow"
                    day += timedelta(days=rng.choice([-1, 0, 0, 1]))
                else:
                    kind, country = rng.choice(TYPES), rng.choice(COUNTRIES)
                    source, target = rng.choice(COUNTRIES) + rng.choice(SECTORS), country + rng.choice(SECTORS)
                    day = START + timedelta(days=rng.randrange(DAYS))
                session.add(
                    EventMention(
                        article_id=article.id,
                        type=kind,
                        cameo="01",
                        quad_class=1,
                        source_code=source,
                        target_code=target,
                        location_country=country,
                        event_date=day,
                        date_precision="day",
                        modality="asserted",
                        sentence_index=0,
                        sentence="A report.",
                        trigger="report",
                        trigger_start=2,
                        trigger_end=8,
                        confidence=0.6,
                    )  # fmt: skip
                )
        return [a.id for a in articles]


def bare_step(session, article_id: int) -> int:
    """The baseline: claim the article, read its mentions, finish it."""
    article = session.get(Article, article_id, with_for_update=True)
    session.scalars(select(EventMention).where(EventMention.article_id == article_id)).all()
    article.status = Status.STORED
    return article_id


def mentions_per_second(steps: dict, ids: dict[str, list[int]], chunk: int = 50) -> dict[str, float]:
    """Each step's mentions per second, the steps taking turns by chunks of articles so that all of them meet the
    same load on a shared machine."""
    spent = dict.fromkeys(steps, 0.0)
    for start in range(0, max(map(len, ids.values())), chunk):
        for name, step in steps.items():
            started = time.perf_counter()
            for article_id in ids[name][start : start + chunk]:
                with session_scope() as session:
                    step(session, article_id)
            spent[name] += time.perf_counter() - started
    return {name: 5 * len(ids[name]) / spent[name] for name in steps}


def latencies(client: httpx.Client, path: str, params_list: list[dict]) -> list[float]:
    times = []
    for params in params_list:
        started = time.perf_counter()
        response = client.get(path, params=params)
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def read_bench(url: str, requests: int, rng: random.Random) -> None:
    port = 8765
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "services.api.app:create_app", "--factory", "--port", str(port),
         "--log-level", "warning"],
        env=env,
    )  # fmt: skip
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            for _ in range(100):
                try:
                    client.get("/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            with session_scope() as session:
                stories = session.scalar(text("SELECT max(id) FROM stories"))
            day = lambda: datetime.combine(START + timedelta(days=rng.randrange(DAYS)), datetime.min.time(), UTC)  # noqa: E731
            queries = {
                "GET /health (baseline)": ("/health", lambda: {}),
                "GET /events?type=": ("/events", lambda: {"type": rng.choice(TYPES)}),
                "GET /events?actor=": ("/events", lambda: {"actor": rng.choice(COUNTRIES)}),
                "GET /events?country=": ("/events", lambda: {"country": rng.choice(COUNTRIES)}),
                "GET /events?since=": ("/events", lambda: {"since": day().isoformat()}),
                "GET /events?story=": ("/events", lambda: {"story": rng.randint(1, stories)}),
                "GET /events?type=&country=&since=": (
                    "/events",
                    lambda: {"type": rng.choice(TYPES), "country": rng.choice(COUNTRIES), "since": day().isoformat()},
                ),
            }
            for path, params in queries.values():
                latencies(client, path, [params() for _ in range(20)])  # warm up
            baseline = None
            for name, (path, params) in queries.items():
                times = latencies(client, path, [params() for _ in range(requests)])
                baseline = baseline or p95(times)
                print(f"{name:38} p50 {statistics.median(times):6.1f} ms  p95 {p95(times):6.1f} ms  "
                      f"p95 {p95(times) / baseline:5.1f}x baseline")  # fmt: skip
    finally:
        server.terminate()
        server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--database", default="newsflow_bench_store")
    args = parser.parse_args()
    rng = random.Random(3)
    url = fresh_database(args.database)
    started = time.perf_counter()
    fill(url, args.events)
    print(f"filled {args.events:,} events in {time.perf_counter() - started:.0f} s")
    ids = {"bare": new_articles(args.articles, rng), "store": new_articles(args.articles, rng)}
    rates = mentions_per_second({"bare": bare_step, "store": store_step}, ids)
    baseline, stored = rates["bare"], rates["store"]
    print(f"store step: {stored:,.0f} mentions/s ({args.articles} articles of 5 mentions, one transaction each); "
          f"bare claim-read-finish step: {baseline:,.0f} mentions/s; ratio {stored / baseline:.2f}")  # fmt: skip
    read_bench(url, args.requests, rng)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
