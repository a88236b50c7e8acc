"""The reconciler's choice of stuck articles and their queues, on a real database and Redis."""

from datetime import UTC, datetime, timedelta

import redis
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from services.models import Article
from services.ops.reconcile import next_stage_expression, not_resent_recently, stuck_articles
from services.status import Status

TIMEOUT = timedelta(minutes=10)


def article(status: Status, *, age: timedelta, **fields) -> Article:
    return Article(status=status, updated_at=datetime.now(UTC) - age, **fields)


def test_stuck_articles_are_the_old_non_final_ones_with_their_next_stage(db_session: Session) -> None:
    old, fresh = TIMEOUT * 2, TIMEOUT / 2
    rows = {
        "by url": article(Status.RECEIVED, age=old + timedelta(seconds=5), url="https://example.org/a"),
        "with content": article(Status.RECEIVED, age=old, raw=b"text"),
        "fetched": article(Status.FETCHED, age=old, raw=b"page"),
        "cleaned": article(Status.CLEANED, age=old),
        "unique": article(Status.UNIQUE, age=old),
        "extracted": article(Status.EXTRACTED, age=old),
        "moving": article(Status.CLEANED, age=fresh),
        **{f"final {s}": article(s, age=old) for s in (Status.STORED, Status.DUPLICATE, Status.FAILED, Status.SKIPPED)},
    }
    db_session.add_all(rows.values())
    db_session.flush()
    stuck = stuck_articles(db_session, older_than=TIMEOUT, limit=100)
    name = {row.id: key for key, row in rows.items()}
    assert [(name[s.article_id], s.stage) for s in stuck] == [
        ("by url", "fetch"),  # the oldest first
        ("with content", "clean"),
        ("fetched", "clean"),
        ("cleaned", "dedup"),
        ("unique", "extract"),
        ("extracted", "store"),
    ]
    assert stuck[3].status is Status.CLEANED
    assert len(stuck_articles(db_session, older_than=TIMEOUT, limit=2)) == 2


def test_an_article_a_worker_holds_locked_is_passed_over(engine) -> None:
    with engine.connect() as worker, Session(engine) as reconciler:
        # Committed rows, so that two connections see them; removed at the end.
        insert = text(
            "INSERT INTO articles (status, updated_at) VALUES ('cleaned', now() - interval '1 hour') RETURNING id"
        )
        ids = [worker.execute(insert).scalar_one() for _ in range(2)]
        worker.commit()
        try:
            # A step holds the first article's row lock while it works on it.
            worker.execute(text("SELECT id FROM articles WHERE id = :id FOR UPDATE"), {"id": ids[0]})
            stuck = stuck_articles(reconciler, older_than=TIMEOUT, limit=100)
            assert [s.article_id for s in stuck] == [ids[1]]
        finally:
            reconciler.rollback()
            worker.rollback()
            worker.execute(text("DELETE FROM articles WHERE id = ANY(:ids)"), {"ids": ids})
            worker.commit()


def test_next_stage_expression_agrees_with_the_stuck_list(db_session: Session) -> None:
    db_session.add_all([article(Status.RECEIVED, age=TIMEOUT * 2, url="https://example.org/b"),
                        article(Status.STORED, age=TIMEOUT * 2)])  # fmt: skip
    db_session.flush()
    stages = dict(db_session.execute(select(Article.status, next_stage_expression())).all())
    assert stages == {Status.RECEIVED: "fetch", Status.STORED: None}


def test_an_article_is_resent_once_per_hold(redis_client: redis.Redis, db_session: Session) -> None:
    db_session.add_all([article(Status.UNIQUE, age=TIMEOUT * 2), article(Status.EXTRACTED, age=TIMEOUT * 2)])
    db_session.flush()
    stuck = stuck_articles(db_session, older_than=TIMEOUT, limit=100)
    assert not_resent_recently(redis_client, stuck[:1], hold_seconds=60) == stuck[:1]
    # The next run, within the hold, sends only the article it has not sent yet.
    assert not_resent_recently(redis_client, stuck, hold_seconds=60) == stuck[1:]
    assert 0 < redis_client.ttl(f"newsflow:resent:{stuck[0].article_id}") <= 60
    # A flush loses the marks with the messages, so everything is sent again.
    redis_client.flushdb()
    assert not_resent_recently(redis_client, stuck, hold_seconds=60) == stuck
