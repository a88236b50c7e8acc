"""`newsflow bench`: a fresh database, the in-process baseline, then the same corpus through real workers."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, func, make_url, select, text

from services import migrations
from services.bench.corpus import BENCH_STAGES, BenchArticle, Failure, make_corpus
from services.bench.files import read_corpus
from services.bench.inprocess import run_in_process
from services.bench.report import BenchReport, build_report
from services.bench.sampling import Sampler, database_cpu_seconds, worker_cpu_seconds
from services.bench.scaling import SCALED_STAGE, measure_scaling
from services.db import among, get_engine, session_scope
from services.local.processes import start_workers, stop_workers, wait_until_consuming
from services.models import Article, Event, EventMention
from services.ops.monitor import queue_messages
from services.queues import installed_enqueue, redis_client
from services.settings import get_settings
from services.sources.ingest import ingest
from services.status import FINAL_STATUSES


class BenchError(Exception):
    """The bench cannot run as asked (a busy queue, workers that do not start, articles that never finish)."""


@dataclass(frozen=True)
class BenchOptions:
    """What to run: corpus size and copy rate, or files to read, workers per stage, arrival rate (None: as fast as
    ingest goes)."""

    articles: int = 1000
    copies: float = 0.2
    # Files and directories as `newsflow ingest` takes them, run instead of a generated corpus.
    corpus: tuple[Path, ...] = ()
    workers_per_stage: int = 1
    prefetch: int | None = None  # messages each worker process reserves ahead; None: the app's setting
    loglevel: str = "WARNING"  # a log line per task is a cost of its own; the demo logs at INFO
    rate: float | None = None
    scaling: bool = False  # also run the extract stage alone with 1 and then 2 processes
    seed: int = 1
    database: str = "newsflow_bench"
    force: bool = False  # drop `database` even if no bench created it
    log_dir: Path = Path(".newsflow/bench-logs")
    timeout: float = 3600


def bench_database_url(server_url: str, name: str) -> str:
    """The configured database URL with its database name replaced by the bench's."""
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


# What the bench writes on the databases it creates: only a database that carries it is dropped without --force.
BENCH_MARK = "created by newsflow bench: dropped by the next bench run"


def recreate_database(url: str, *, force: bool = False) -> None:
    """Create the database the URL names afresh (dropping one an earlier bench created, or any with `force`), mark
    it as the bench's, and migrate it to head."""
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    name = admin.dialect.identifier_preparer.quote(target.database)
    try:
        with admin.connect() as connection:
            existing = connection.execute(
                text("SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = :name"),
                {"name": target.database},
            ).first()
            if existing is not None and existing.mark != BENCH_MARK and not force:
                raise BenchError(
                    f"database {target.database} exists and no bench created it: name another with --database, "
                    "or add --force to drop it and everything in it"
                )
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            connection.exec_driver_sql(f"CREATE DATABASE {name}")
            connection.exec_driver_sql(f"COMMENT ON DATABASE {name} IS '{BENCH_MARK}'")
    finally:
        admin.dispose()
    migrations.upgrade(url)


@contextmanager
def _using_database(url: str) -> Iterator[None]:
    """Point this process's settings and engine at `url` for the duration."""
    names = ("NEWSFLOW_DATABASE_URL", "DATABASE_URL")  # both: the first one set wins in the settings
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update(dict.fromkeys(names, url))
    get_settings.cache_clear()
    get_engine.cache_clear()
    try:
        yield
    finally:
        get_engine().dispose()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        get_settings.cache_clear()
        get_engine.cache_clear()


def run_bench(options: BenchOptions, *, progress=print, waiting=lambda messages: None) -> BenchReport:
    """Run the whole bench and return its report; `progress` receives one line per step, and `waiting` the number of
    messages still in the stage queues while the pipeline works through the corpus."""
    if (options.articles < 1 and not options.corpus) or options.workers_per_stage < 1:
        raise BenchError("give at least one article and one worker per stage")
    if options.rate is not None and options.rate <= 0:
        raise BenchError(f"the arrival rate must be above 0 articles/s, not {options.rate}")
    settings = get_settings()
    busy = {stage: m.total for stage, m in queue_messages(redis_client(settings.redis_url)).items() if m.total}
    if busy:
        raise BenchError(f"queues are not empty {busy}: run the bench on a Redis database of its own (REDIS_URL)")
    url = bench_database_url(settings.database_url, options.database)
    recreate_database(url, force=options.force)  # first: a database the bench may not drop stops it at once
    progress(f"database {options.database} created and migrated")
    corpus, set_aside = _corpus(options, max_bytes=settings.max_input_bytes, progress=progress)
    baseline = run_in_process(corpus, max_bytes=settings.max_input_bytes)
    progress(f"in process: {len(corpus) / baseline.wall_seconds:.1f} articles/s")
    with _using_database(url):
        server = postgres_settings()
        progress("postgres: " + ", ".join(f"{name} {value}" for name, value in server.items()))
        if server["autovacuum"] == "off":
            progress("warning: this Postgres runs without autovacuum; dead rows and stale statistics pile up")
        run = _run_pipeline(
            corpus, options, redis_url=settings.redis_url, database_url=url, progress=progress, waiting=waiting
        )
        scaling = None
        if options.scaling:
            progress(f"scaling: the {SCALED_STAGE.name} stage alone with 1 and 2 processes")
            scaling = measure_scaling(
                run.article_ids, env=_worker_env(url, settings.redis_url), redis_url=settings.redis_url,
                log_dir=options.log_dir, loglevel=options.loglevel, enqueue=installed_enqueue(),
                timeout=options.timeout,
            )  # fmt: skip
        return build_report(options, corpus, baseline, run, scaling, set_aside=set_aside, postgres=server)


def _corpus(options: BenchOptions, *, max_bytes: int, progress) -> tuple[list[BenchArticle], list[Failure]]:
    """The articles to run, generated or read from the files, and the inputs set aside."""
    if not options.corpus:
        corpus = make_corpus(options.articles, copies=options.copies, seed=options.seed)
        progress(f"corpus: {len(corpus)} articles, {sum(a.copy_of is not None for a in corpus)} wire copies")
        return corpus, []
    files = read_corpus(options.corpus, max_bytes=max_bytes)
    progress(
        f"corpus: {len(files.articles)} articles from {', '.join(map(str, options.corpus))}; "
        f"{len(files.set_aside)} input(s) set aside, counted by reason in the report"
    )
    if not files.articles:
        raise BenchError(f"no article to run in {', '.join(map(str, options.corpus))}: every input was set aside")
    return files.articles, files.set_aside


# The server settings that move the figures as the tables grow.
POSTGRES_SETTINGS = ("autovacuum", "shared_buffers")


def postgres_settings() -> dict[str, str]:
    """The server's values of POSTGRES_SETTINGS."""
    with session_scope() as session:
        return {name: session.scalar(text(f"SHOW {name}")) for name in POSTGRES_SETTINGS}


@dataclass
class PipelineRun:
    """What the pipeline run measured: worker CPU, peak memory, queue depths, and every article's row."""

    article_ids: list[int]
    ingest_seconds: float
    cpu_seconds: dict[str, tuple[float, float]]  # stage -> (consumer processes, pool processes)
    database_cpu_seconds: float  # Postgres backends serving the bench's database
    sampler: Sampler
    rows: list
    mentions: int
    events: int


def _run_pipeline(
    corpus: Sequence[BenchArticle], options: BenchOptions, *, redis_url: str, database_url: str, progress, waiting
) -> PipelineRun:
    workers = start_workers(
        env=_worker_env(database_url, redis_url),
        log_dir=options.log_dir,
        stages=BENCH_STAGES,
        concurrency=options.workers_per_stage,
        prefetch=options.prefetch,
        loglevel=options.loglevel,
    )
    try:
        wait_until_consuming(redis_url, workers)
        progress(
            f"started {len(workers)} workers of {options.workers_per_stage} process(es) (logs in {options.log_dir})"
        )
        cpu_before, database_before = worker_cpu_seconds(workers), database_cpu_seconds(options.database)
        with Sampler(redis_url, BENCH_STAGES, workers) as sampler:
            started = time.perf_counter()
            ids = _ingest(corpus, options.rate, enqueue=installed_enqueue())
            ingest_seconds = time.perf_counter() - started
            progress(f"ingested {len(ids)} articles in {ingest_seconds:.1f} s; waiting for final statuses")
            _wait_until_final(ids, redis_url=redis_url, timeout=options.timeout, waiting=waiting)
            cpu_after, database_after = worker_cpu_seconds(workers), database_cpu_seconds(options.database)
    finally:
        stop_workers(workers)
    cpu = {
        stage: tuple(after - before for after, before in zip(cpu_after[stage], cpu_before[stage], strict=True))
        for stage in BENCH_STAGES
    }
    database_cpu = sum(seconds - database_before.get(pid, 0.0) for pid, seconds in database_after.items())
    with session_scope() as session:
        rows = session.execute(
            select(
                Article.id, Article.status, Article.error_stage, Article.error, Article.received_at,
                Article.cleaned_at, Article.deduped_at, Article.extracted_at, Article.stored_at, Article.updated_at,
            ).where(among(Article.id, ids))
        ).all()  # fmt: skip
        mentions = session.scalar(select(func.count()).select_from(EventMention))
        events = session.scalar(select(func.count()).select_from(Event))
    return PipelineRun(ids, ingest_seconds, cpu, database_cpu, sampler, rows, mentions, events)


def _worker_env(database_url: str, redis_url: str) -> dict[str, str]:
    urls = {"DATABASE_URL": database_url, "REDIS_URL": redis_url}
    return {**urls, **{f"NEWSFLOW_{name}": url for name, url in urls.items()}, "PYTHONPATH": os.getcwd()}


def _ingest(corpus: Sequence[BenchArticle], rate: float | None, *, enqueue) -> list[int]:
    """Ingest the corpus: in batches as fast as it goes, or one article at a time at `rate` articles per second."""
    items = [article.as_input() for article in corpus]
    max_bytes = get_settings().max_input_bytes
    if rate is None:
        return [o.article_id for o in ingest(items, session_scope=session_scope, enqueue=enqueue, max_bytes=max_bytes)]
    ids: list[int] = []
    started = time.perf_counter()
    for number, item in enumerate(items):
        # Paced on the schedule, not on the last article, so a slow insert does not lower the rate.
        delay = started + number / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        ids += [o.article_id for o in ingest([item], session_scope=session_scope, enqueue=enqueue, max_bytes=max_bytes)]
    return ids


def _wait_until_final(ids: list[int], *, redis_url: str, timeout: float, waiting, poll: float = 2.0) -> None:
    # While a stage has a message waiting or in flight, articles are still moving: Redis says so for free. Only when
    # none has does Postgres count the final articles, a count that reads every row (0.2 s a call at 100,000
    # articles, when it ran at every poll).
    client = redis_client(redis_url)
    deadline = time.monotonic() + timeout
    while True:
        late = time.monotonic() > deadline
        queued = sum(messages.total for messages in queue_messages(client).values())
        waiting(queued)
        if late or not queued:
            with session_scope() as session:
                done = session.scalar(
                    select(func.count()).select_from(Article).where(Article.status.in_(FINAL_STATUSES))
                )
            if done == len(ids):
                return
            if late:
                raise BenchError(f"{len(ids) - done} of {len(ids)} articles not final after {timeout:.0f} s")
        time.sleep(poll)
