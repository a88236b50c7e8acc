"""A database error that no retry can cure, met by a real worker in the middle of a batch."""

from __future__ import annotations

import time

from services.db import session_scope
from services.models import Article
from services.status import Status
from tests.test_stage_task import one_word
from workers.app import send_on

BATCH = 27
# Without retries the batch is split and its articles go on within seconds; retried as if the database were down,
# the batch waited minutes of backoff before it was split.
DEADLINE_SECONDS = 60


def test_an_index_row_too_large_fails_one_article_at_once_and_its_batch_goes_on(workers, clean_tables) -> None:
    texts = [f"Report {i}: ministers of state {i} met envoys in city {i} on Tuesday." for i in range(BATCH)]
    texts[5] += " " + one_word(20_000)
    with session_scope() as session:
        articles = [Article(raw=t.encode(), text=t, status=Status.CLEANED) for t in texts]
        session.add_all(articles)
    ids = [article.id for article in articles]
    started = time.monotonic()
    send_on("dedup", *ids)  # one message: the batch
    while time.monotonic() - started < DEADLINE_SECONDS:
        with session_scope() as session:
            left = session.query(Article).filter(Article.id.in_(ids), Article.status == Status.CLEANED).count()
        if not left:
            break
        time.sleep(0.5)
    with session_scope() as session:
        found = {a.id: (a.status, a.error) for a in session.query(Article).filter(Article.id.in_(ids))}
    status, reason = found.pop(ids[5])
    assert status is Status.FAILED, f"still {status} after {DEADLINE_SECONDS} s"
    assert reason.startswith("the database refused the dedup stage's results: index row requires"), reason
    assert all(status is not Status.CLEANED and status is not Status.FAILED for status, _ in found.values()), found
