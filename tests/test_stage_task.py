"""How a stage task ends when its work fails: which errors are retried, the reason a person reads, the worker's
liveness. The tasks run in this process (Celery's `apply`) against the test Postgres and Redis."""

from __future__ import annotations

import random
import string
import time

import pytest
import redis
from celery.exceptions import SoftTimeLimitExceeded
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

import workers.app
import workers.clean
import workers.dedup  # noqa: F401  (registers the tasks)
from services.db import is_lasting, is_unavailable, session_scope
from services.dedup.step import dedup_batch
from services.models import Article
from services.ops.health import consuming_workers
from services.queues import task_name
from services.settings import normalise_database_url
from services.status import Status
from tests.outages import POSTGRES_DOWN
from workers.app import app

# Binding the tasks warns that their `queue` attribute is deprecated (they are sent to a queue by name anyway).
pytestmark = pytest.mark.filterwarnings("ignore::celery.exceptions.CDeprecationWarning")
BATCH = 27


def one_word(length: int) -> str:
    """A single word no index can hold once it is a story term: random letters, which do not compress."""
    return "".join(random.Random(length).choices(string.ascii_lowercase, k=length))


@pytest.fixture
def batch_with_an_oversized_word(clean_tables) -> list[int]:
    """A batch ready for dedup whose fourth article holds a 20,000-letter word."""
    texts = [f"Article {i}: troops of country {i} crossed the river at town {i} on Monday." for i in range(BATCH)]
    texts[3] += " " + one_word(20_000)
    with session_scope() as session:
        articles = [Article(raw=t.encode(), text=t, status=Status.CLEANED) for t in texts]
        session.add_all(articles)
    return [article.id for article in articles]


@pytest.fixture
def fresh_liveness(monkeypatch) -> None:
    """Forget when this process last noted a worker alive, so that the next task notes it."""
    monkeypatch.setattr(workers.app, "_liveness_noted", {})


def stage_task(stage: str):
    """A stage's task as a worker runs it (the app's registry binds it)."""
    return app.tasks[task_name(stage)]


def articles_by_id(ids: list[int]) -> dict[int, Article]:
    with session_scope() as session:
        return {a.id: a for a in session.query(Article).filter(Article.id.in_(ids))}


def test_an_index_row_too_large_is_a_lasting_error_and_a_refused_connection_is_not(
    service_env, batch_with_an_oversized_word
) -> None:
    with pytest.raises(DBAPIError) as oversized, session_scope() as session:
        dedup_batch(session, batch_with_an_oversized_word)
    assert oversized.value.orig.sqlstate == "54000"  # program limit exceeded, raised as an OperationalError
    assert is_lasting(oversized.value) and not is_unavailable(oversized.value)

    engine = create_engine(normalise_database_url(POSTGRES_DOWN))
    with pytest.raises(DBAPIError) as refused, engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    assert is_unavailable(refused.value) and not is_lasting(refused.value)


def test_a_lasting_database_error_fails_its_article_at_once_and_the_rest_of_the_batch_goes_on(
    service_env, redis_client: redis.Redis, batch_with_an_oversized_word
) -> None:
    ids = batch_with_an_oversized_word
    dedup = stage_task("dedup")
    dedup.apply(args=ids)
    # The batch failed as a whole: its articles are sent again one per message, at once, not retried as a batch.
    assert redis_client.llen("dedup") == BATCH
    for article_id in ids:  # what the workers do with those messages
        dedup.apply(args=(article_id,))
    articles = articles_by_id(ids)
    poisoned = articles.pop(ids[3])
    assert poisoned.status is Status.FAILED and poisoned.error_stage == "dedup"
    assert poisoned.error.startswith("the database refused the dedup stage's results: index row requires")
    assert "attempts" not in poisoned.error  # failed on its first attempt
    assert {article.status for article in articles.values()} == {Status.UNIQUE}
    redis_client.delete("dedup")


def test_a_worker_whose_tasks_all_fail_is_listed_as_consuming(
    service_env, redis_client: redis.Redis, batch_with_an_oversized_word, fresh_liveness
) -> None:
    stage_task("dedup").apply(args=(batch_with_an_oversized_word[3],))
    assert articles_by_id(batch_with_an_oversized_word)[batch_with_an_oversized_word[3]].status is Status.FAILED
    workers_seen = consuming_workers(redis_client, time.time())
    assert len(workers_seen["dedup"]) == 1 and workers_seen["clean"] == []


def test_a_task_past_its_time_limit_fails_its_article_with_a_sentence(
    service_env, redis_client: redis.Redis, clean_tables, monkeypatch
) -> None:
    with session_scope() as session:
        article = Article(raw=b"Troops crossed the river on Monday.", status=Status.RECEIVED)
        session.add(article)

    def past_the_soft_limit(session, article_ids):
        raise SoftTimeLimitExceeded()  # what Celery raises in a task that runs past task_soft_time_limit

    monkeypatch.setattr(workers.clean, "clean_batch", past_the_soft_limit)
    stage_task("clean").apply(args=(article.id,))
    failed = articles_by_id([article.id])[article.id]
    assert failed.status is Status.FAILED
    assert failed.error == f"the clean stage took longer than its limit of {workers.app.TASK_SOFT_TIME_LIMIT} s on it"


def test_retries_follow_the_settings(monkeypatch) -> None:
    import workers.poll  # noqa: F401  (registers the poll task)
    from services.settings import get_settings

    monkeypatch.setattr(get_settings(), "task_max_retries", 3)
    for name in (task_name("clean"), "newsflow.poll"):
        assert app.tasks[name].max_retries == 3
