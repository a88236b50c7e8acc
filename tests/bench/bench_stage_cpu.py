"""CPU seconds per article in each stage, the steps run in one process as the workers run them (one transaction each).

    DATABASE_URL=postgresql://.../an_empty_database .venv/bin/python tests/bench/bench_stage_cpu.py [--articles N]

Prints, per stage, the client's CPU time and wall time per article; wall minus CPU is mostly waiting on Postgres.
The articles are the dedup corpus's reports (tests/data/dedup/corpus.jsonl); on a database that already holds them
they are duplicates and skip extract and store, so give it an empty one.
"""

from __future__ import annotations

import argparse
import json
import time
import uuid
from pathlib import Path

from services import migrations
from services.clean.step import clean_step
from services.db import create_database_if_missing, session_scope
from services.dedup.step import dedup_step
from services.extract.step import extract_step
from services.settings import get_settings
from services.sources.ingest import ArticleInput, add_article
from services.store.step import store_step

CORPUS = Path(__file__).resolve().parent.parent / "data" / "dedup" / "corpus.jsonl"
STEPS = {"clean": clean_step, "dedup": dedup_step, "extract": extract_step,
         "store": store_step}  # fmt: skip


def main() -> None:
    """Run every stage over the corpus and print CPU and wall milliseconds per article."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=120)
    count = parser.parse_args().articles
    url = get_settings().database_url
    create_database_if_missing(url)
    migrations.upgrade(url)
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()][:count]
    run = uuid.uuid4().hex[:8]
    with session_scope() as session:
        ids = [
            add_article(session, ArticleInput("bench", raw=f"{r['text']}\n{run}".encode(), content_type="text/plain",
                                              given={"title": r["title"], "published": r["published"]}),
                        max_bytes=5_000_000).article_id
            for r in records
        ]  # fmt: skip
    from services.extract import extract_events

    extract_events("Russia withdrew its troops from Syria.", published=None)
    print(f"{len(ids)} articles")
    for stage, step in STEPS.items():
        cpu, wall = time.process_time(), time.perf_counter()
        for article_id in ids:
            with session_scope() as session:
                step(session, article_id)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        print(f"{stage:8} {1000 * cpu / len(ids):7.2f} ms CPU/article  {1000 * wall / len(ids):7.2f} ms wall/article"
              f"  CPU share {cpu / wall:.0%}")  # fmt: skip


if __name__ == "__main__":
    main()
