"""The near-duplicate index in Postgres: candidates, and two copies deduplicated in the same instant."""

from __future__ import annotations

import contextlib
import threading

from sqlalchemy.orm import Session

from services import pipeline
from services.dedup import MemoryIndex, find_near_duplicate, signature
from services.dedup_index import PostgresIndex
from services.models import Article
from services.status import Status
from tests.conftest import SEEDS

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
        assert find_near_duplicate(signature(TEXT), index) is None
        index.add(original.id, signature(TEXT))
        match = find_near_duplicate(signature(COPY), index)
        assert match is not None and match.article_id == original.id and match.similarity > 0.9


def test_two_copies_at_two_workers_at_once_find_each_other(engine, clean_tables, monkeypatch) -> None:
    with Session(engine) as session, session.begin():
        articles = [Article(text=t, status=Status.CLEANED) for t in (TEXT, COPY)]
        session.add_all(articles)
        session.flush()
        ids = [a.id for a in articles]
    RendezvousIndex.barrier = threading.Barrier(2)
    monkeypatch.setattr(pipeline, "PostgresIndex", RendezvousIndex)

    def dedup(article_id: int) -> None:
        with Session(engine) as session, session.begin():
            pipeline.dedup_step(session, article_id)

    threads = [threading.Thread(target=dedup, args=(article_id,)) for article_id in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    with Session(engine) as session:
        statuses = sorted((session.get(Article, i).status for i in ids), key=str)
    assert statuses == [Status.DUPLICATE, Status.UNIQUE]
