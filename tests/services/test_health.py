"""`newsflow status`'s figures from Postgres and Redis, checked against rows and messages put there by hand."""

from __future__ import annotations

from datetime import timedelta

import pytest
from kombu import Connection
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.models import Article, SourceEntry
from services.ops.health import consuming_workers, note_worker_finished, pipeline_health, recent_failures
from services.ops.history import stage_history
from services.ops.monitor import priority_lists, queue_messages
from services.sources.poll import record_error, record_success
from services.sources.registry import add_source, set_paused
from services.status import Status
from workers.app import app

TIMEOUT = 600


@pytest.fixture
def now(db_session: Session):
    return db_session.scalar(select(func.now()))


def article(now, *, status: Status, age: float, **fields) -> Article:
    """An article whose row last changed `age` seconds ago."""
    fields.setdefault("raw", b"text")
    changed = now - timedelta(seconds=age)
    return Article(status=status, received_at=changed - timedelta(seconds=60), updated_at=changed, **fields)


def stamped(now, *, lag: float, ago: float) -> Article:
    """A stored article received `lag` seconds before it was stored, `ago` seconds ago."""
    stored = now - timedelta(seconds=ago)
    return Article(
        raw=f"stored {lag} {ago}".encode(), status=Status.STORED, received_at=stored - timedelta(seconds=lag),
        cleaned_at=stored, deduped_at=stored, extracted_at=stored, stored_at=stored, updated_at=stored,
    )  # fmt: skip


def by_stage(health):
    return {stage.stage: stage for stage in health.stages}


def test_backlog_age_and_stuck_come_from_the_article_statuses(db_session: Session, redis_client, now) -> None:
    db_session.add_all([
        article(now, status=Status.RECEIVED, age=5, raw=None, url="https://example.org/a"),  # waits for fetch
        article(now, status=Status.RECEIVED, age=30, raw=b"given"),  # content came with it: waits for clean
        article(now, status=Status.FETCHED, age=10, raw=b"fetched"),
        article(now, status=Status.CLEANED, age=TIMEOUT + 100, raw=b"old"),  # stuck at dedup
        article(now, status=Status.STORED, age=1, raw=b"done"),
    ])  # fmt: skip
    db_session.flush()
    for stage in ("fetch", "dedup"):
        note_worker_finished(redis_client, stage, f"{stage}@a", now.timestamp())
    stages = by_stage(pipeline_health(db_session, redis_client, stage_timeout=TIMEOUT))
    assert {name: s.waiting for name, s in stages.items()} == {"fetch": 1, "clean": 2, "dedup": 1, "extract": 0,
                                                               "store": 0}  # fmt: skip
    assert stages["clean"].oldest_waiting_seconds == pytest.approx(30, abs=0.01)
    assert stages["dedup"].stuck == 1 and stages["clean"].stuck == 0
    # Nothing finished dedup within the timeout while an article waits longer than it: stalled, not busy. No worker
    # finished a clean task lately while articles wait for one: no workers.
    states = [stages[name].state for name in ("fetch", "clean", "dedup", "extract")]
    assert states == ["busy", "no workers", "stalled", "idle"]


def test_a_stage_with_work_waiting_and_no_live_worker_is_never_busy(db_session: Session, redis_client, now) -> None:
    db_session.add_all([
        article(now, status=Status.UNIQUE, age=5),  # waits for extract
        article(now, status=Status.EXTRACTED, age=TIMEOUT + 100),  # waits for store, past the timeout
    ])  # fmt: skip
    db_session.flush()
    note_worker_finished(redis_client, "extract", "extract@gone", now.timestamp() - 3600)  # an hour ago: absent
    stages = by_stage(pipeline_health(db_session, redis_client, stage_timeout=TIMEOUT))
    assert (stages["extract"].state, stages["store"].state) == ("no workers", "stalled")

    note_worker_finished(redis_client, "extract", "extract@a", now.timestamp())
    assert by_stage(pipeline_health(db_session, redis_client, stage_timeout=TIMEOUT))["extract"].state == "busy"


def test_finished_failed_and_lag_count_the_right_windows(db_session: Session, redis_client, now) -> None:
    db_session.add_all([
        stamped(now, lag=10, ago=60), stamped(now, lag=20, ago=120), stamped(now, lag=30, ago=600),
        stamped(now, lag=99, ago=2 * 3600),  # outside the hour
        Article(raw=b"f1", status=Status.FAILED, error_stage="clean", error="no article text", updated_at=now),
        Article(raw=b"f2", status=Status.FAILED, error_stage="clean", error="binary input",
                updated_at=now - timedelta(minutes=30)),
        Article(raw=b"f3", status=Status.FAILED, error_stage="ingest", error="empty input", updated_at=now),
    ])  # fmt: skip
    db_session.flush()
    health = pipeline_health(db_session, redis_client, stage_timeout=TIMEOUT)
    clean = by_stage(health)["clean"]
    assert (clean.processed_5m, clean.processed_1h, clean.failed_5m, clean.failed_1h) == (2, 3, 1, 2)
    assert clean.throughput_per_minute == pytest.approx(2 / 5)
    assert clean.last_finished_seconds_ago == pytest.approx(60, abs=0.01)
    assert health.stored_1h == 3
    assert health.lag_p50_seconds == pytest.approx(20)
    assert health.lag_p95_seconds == pytest.approx(29)  # linear between 20 and 30, as percentile_cont does
    assert health.articles["stored"] == 4 and health.articles["failed"] == 3
    assert [(f.stage, f.reason) for f in recent_failures(db_session)] == [
        ("ingest", "empty input"), ("clean", "no article text"), ("clean", "binary input")
    ]  # fmt: skip


def test_history_ends_with_the_backlog_of_now_and_counts_finishes_per_minute(db_session: Session, now) -> None:
    db_session.add_all([
        article(now, status=Status.CLEANED, age=90, raw=b"w1"),
        article(now, status=Status.CLEANED, age=30 * 60, raw=b"w2"),
        stamped(now, lag=10, ago=150), stamped(now, lag=10, ago=170),
    ])  # fmt: skip
    db_session.flush()
    history = stage_history(db_session)
    dedup = next(s for s in history.stages if s.stage == "dedup")
    assert len(dedup.waiting) == 60 and dedup.waiting[-1] == 2
    # The second has waited 31 minutes, the first 2.5: one waits at 30 minutes ago, none at 32.
    assert dedup.waiting[-31] == 1 and dedup.waiting[-33] == 0
    assert sum(dedup.finished) == 2 and dedup.finished[-3] == 2  # both finished two to three minutes ago
    assert sum(next(s for s in history.stages if s.stage == "fetch").waiting) == 0


def test_queue_messages_count_every_priority_list_and_the_unacked(service_env, redis_client, redis_url) -> None:
    for priority in (0, 9):
        app.send_task("newsflow.clean", args=(1,), queue="clean", priority=priority)
    app.send_task("newsflow.store", args=(2,), queue="store")
    assert redis_client.llen("clean") < 2  # the bare list undercounts: one message is in a priority list
    assert sum(redis_client.llen(name) for name in priority_lists("clean")) == 2
    with Connection(redis_url) as connection:
        queue = connection.SimpleQueue("clean")
        delivered = queue.get(timeout=5)  # as a worker holds a message it has not acknowledged
        messages = queue_messages(redis_client)
        assert (messages["clean"].ready, messages["clean"].unacked) == (1, 1)
        assert (messages["store"].ready, messages["store"].unacked) == (1, 0)
        delivered.ack()
        queue.close()
    assert queue_messages(redis_client)["clean"].total == 1


def test_workers_count_as_consuming_by_the_work_they_finished(redis_client) -> None:
    note_worker_finished(redis_client, "clean", "clean@old", 1000.0 - 2 * 86400)
    note_worker_finished(redis_client, "clean", "clean@b", 1000.0 - 400)  # finished nothing for over 5 min
    note_worker_finished(redis_client, "clean", "clean@a", 1000.0)
    note_worker_finished(redis_client, "store", "store@a", 990.0)
    workers = consuming_workers(redis_client, 1000.0)
    assert workers["clean"] == ["clean@a"] and workers["store"] == ["store@a"] and workers["dedup"] == []
    assert redis_client.zcard("newsflow:finished:clean") == 2  # a day-old entry is dropped at the next write


def test_sources_show_their_last_poll_last_new_article_rate_and_errors(db_session: Session, redis_client, now) -> None:
    polled = add_source(db_session, location="https://news.example.org/feed.xml", kind="feed", interval_seconds=60)
    failing = add_source(db_session, location="https://broken.example.org/sitemap.xml", kind="sitemap",
                         interval_seconds=60)  # fmt: skip
    paused = add_source(db_session, location="https://quiet.example.org/rss", kind="feed", interval_seconds=60)
    set_paused(db_session, paused, paused=True)
    record_success(polled, now=now - timedelta(seconds=40), outcome="new", reading=None)
    record_success(polled, now=now - timedelta(seconds=10), outcome="unchanged", reading=None)
    for seconds_ago in (300, 100):
        record_error(failing, "HTTP 500", now=now - timedelta(seconds=seconds_ago), retry_after=None, max_backoff=600)
    found = [article(now, status=Status.STORED, age=40, raw=f"entry {i}".encode()) for i in range(3)]
    db_session.add_all(found)
    db_session.flush()
    db_session.add_all(SourceEntry(source_id=polled.id, key=f"url:{a.id}", article_id=a.id) for a in found)
    db_session.flush()

    sources = {s.id: s for s in pipeline_health(db_session, redis_client, stage_timeout=TIMEOUT).sources}
    assert sources[polled.id].state == "unchanged"
    assert sources[polled.id].last_polled_seconds_ago == pytest.approx(10, abs=0.01)
    assert sources[polled.id].last_new_seconds_ago == pytest.approx(40, abs=0.01)
    assert sources[polled.id].articles_last_day == 3 and sources[polled.id].articles_per_day == 3.0  # a day old
    assert (sources[polled.id].errors, sources[failing.id].errors, sources[failing.id].consecutive_errors) == (0, 2, 2)
    assert sources[failing.id].state == "error" and sources[failing.id].last_error == "HTTP 500"
    assert sources[failing.id].last_new_seconds_ago is None and sources[failing.id].articles_per_day == 0
    assert sources[paused.id].state == "paused" and sources[paused.id].last_polled_seconds_ago is None
