"""The near-duplicate index in Postgres: candidates, and two copies deduplicated in the same instant."""

from __future__ import annotations

import contextlib
import itertools
import threading
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.dedup.copies import MemoryIndex, find_near_matches, signature
from services.dedup.offline import dedup_records
from services.dedup.postgres import PostgresIndex, PostgresStoryStore, lock_dedup
from services.dedup.step import dedup_batch, dedup_step
from services.dedup.stories import TERM_READ, WINDOW, MemoryStoryStore, story_window
from services.models import Article
from services.status import Status
from tests.conftest import SEEDS
from tests.data.dedup.evaluate import load_corpus, make_benchmark

TEXT = sorted(SEEDS.iterdir())[0].read_text()
COPY = "Wire headline\nMOSCOW (Wire) - " + TEXT.replace("Sunday", "Monday", 1)


class RendezvousIndex(PostgresIndex):
    """Holds each worker between reading candidates and writing, until the other arrives or a second passes."""

    barrier: threading.Barrier

    def candidates(self, bands):
        found = super().candidates(bands)
        # A broken barrier means the other worker is blocked on our lock, as it should be.
        with contextlib.suppress(threading.BrokenBarrierError):
            self.barrier.wait(timeout=1)
        return found


def test_postgres_and_memory_indexes_decide_alike(db_session: Session) -> None:
    original = Article(text=TEXT, status=Status.CLEANED)
    db_session.add(original)
    db_session.flush()
    for index in (PostgresIndex(db_session), MemoryIndex()):
        assert find_near_matches(TEXT, signature(TEXT), index).copy is None
        index.add(original.id, signature(TEXT), TEXT)
        match = find_near_matches(COPY, signature(COPY), index).copy
        assert match is not None and match.article_id == original.id and match.similarity > 0.9


def test_the_dedup_transaction_plans_each_lookup_for_the_tables_as_they_are(db_session: Session) -> None:
    # A generic plan picked while the tables were nearly empty would be kept until the next ANALYZE.
    lock_dedup(db_session)
    assert db_session.scalar(text("SHOW plan_cache_mode")) == "force_custom_plan"
    assert db_session.scalar(text("SHOW enable_seqscan")) == "off"


def test_two_copies_at_two_workers_at_once_find_each_other(engine, clean_tables, monkeypatch) -> None:
    with Session(engine) as session, session.begin():
        articles = [Article(text=t, status=Status.CLEANED) for t in (TEXT, COPY)]
        session.add_all(articles)
        session.flush()
        ids = [a.id for a in articles]
    RendezvousIndex.barrier = threading.Barrier(2)
    monkeypatch.setattr("services.dedup.step.PostgresIndex", RendezvousIndex)

    def dedup(article_id: int) -> None:
        with Session(engine) as session, session.begin():
            dedup_step(session, article_id)

    threads = [threading.Thread(target=dedup, args=(article_id,)) for article_id in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    with Session(engine) as session:
        statuses = sorted((session.get(Article, i).status for i in ids), key=str)
    assert statuses == [Status.DUPLICATE, Status.UNIQUE]


def test_batches_decide_as_the_offline_run_on_the_wire_copy_stream(db_session: Session) -> None:
    corpus = load_corpus(limit=60)
    stream = make_benchmark(corpus, seed=3)
    offline = {d["id"]: d for d in dedup_records(stream)}
    rows = {
        r["id"]: Article(
            text=r["text"],
            status=Status.CLEANED,
            published_at=datetime.fromisoformat(r["published"]).replace(tzinfo=UTC),
        )
        for r in stream
    }
    db_session.add_all(rows.values())
    db_session.flush()
    ids = [row.id for row in rows.values()]
    # Uneven batches, so that copies meet their originals both inside a batch and across batches.
    begin = 0
    for size in itertools.cycle((9, 1, 5, 4)):
        if begin >= len(ids):
            break
        dedup_batch(db_session, ids[begin : begin + size])
        begin += size
    assert all(row.status in (Status.UNIQUE, Status.DUPLICATE) for row in rows.values())
    name_of = {row.id: name for name, row in rows.items()}
    assert {n: name_of.get(r.duplicate_of_id) for n, r in rows.items()} == {
        n: d["duplicate_of"] for n, d in offline.items()
    }
    assert partition({n: r.story_id for n, r in rows.items()}) == partition({n: d["story"] for n, d in offline.items()})


def test_both_story_stores_read_the_latest_active_holders_of_a_term(db_session: Session) -> None:
    now = datetime(2025, 6, 1, tzinfo=UTC)
    # Oldest first: three stories beyond the read, the read's worth, then two last seen outside the window.
    seen = [now] * (TERM_READ + 3) + [now + 3 * WINDOW] * 2
    found = []
    for store in (PostgresStoryStore(db_session), MemoryStoryStore()):
        ids = [store.create({"@common": 1.0, f"own{n}": 0.1}, when, None) for n, when in enumerate(seen)]
        if isinstance(store, PostgresStoryStore):
            store.flush()
        candidates = store.candidates(["@common"], *story_window(now))
        found.append([ids.index(story.story_id) for story in candidates])
    postgres, memory = found
    # Ties rank by id, so the first candidates are the oldest stories read: the three before them are not.
    assert postgres == memory == list(range(3, 3 + len(postgres)))


def partition(labels: dict[str, object]) -> set[frozenset[str]]:
    """The groups of names with one label (the labels themselves differ between stores)."""
    return {frozenset(n for n, label in labels.items() if label == value) for value in set(labels.values())}
