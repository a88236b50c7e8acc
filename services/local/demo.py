"""`newsflow demo`: find Postgres and Redis, migrate, run one worker per stage over the seeds, summarise."""

from __future__ import annotations

import os
import sysconfig
import time
from dataclasses import dataclass
from pathlib import Path

from rich import box
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from sqlalchemy import func, select

from services.db import create_database_if_missing, get_engine, session_scope
from services.local.processes import start_workers, stop_workers
from services.local.servers import located_services
from services.migrations import upgrade
from services.models import Article, Event, EventMention
from services.ops.monitor import wait_until_final
from services.queues import installed_enqueue
from services.settings import Settings
from services.sources.ingest import ingest, inputs_from_paths, split_refusals
from services.status import Status

# Where an install puts the demo's articles (pyproject's data-files), under the environment's data directory.
INSTALLED_SEEDS = Path("share", "newsflow", "seeds")


def default_seeds() -> Path | None:
    """The demo's articles: `seeds/` in the working directory (a checkout), else the ones installed with newsflow."""
    for folder in (Path("seeds"), Path(sysconfig.get_path("data")) / INSTALLED_SEEDS):
        if folder.is_dir():
            return folder
    return None


@dataclass(frozen=True)
class DemoReport:
    """What a demo run did, and how long it took."""

    article_ids: list[int]
    created: int
    statuses: dict[int, Status]
    wall_seconds: float
    pipeline_seconds: float


def run_demo(seeds: Path, *, console: Console, log_dir: Path, timeout: float = 300) -> DemoReport:
    """Run the whole pipeline over the seeds with real worker processes, print the summary, return the report."""
    started = time.perf_counter()
    with located_services(console, data_dir=log_dir.parent / "embedded") as settings:
        if create_database_if_missing(settings.database_url):
            console.print(f"created database {get_engine().url.database}")
        upgrade(settings.database_url)
        report = _run_pipeline(seeds, settings, console=console, log_dir=log_dir, timeout=timeout, started=started)
        print_summary(report, console)  # while embedded servers, if any, still run
    return report


def _run_pipeline(
    seeds: Path, settings: Settings, *, console: Console, log_dir: Path, timeout: float, started: float
) -> DemoReport:
    workers = start_workers(env=_service_env(settings), log_dir=log_dir)
    console.print(f"started {len(workers)} workers, one per stage (logs in {log_dir})")
    try:
        pipeline_started = time.perf_counter()
        items, refusals = split_refusals(inputs_from_paths([seeds], max_bytes=settings.max_input_bytes))
        for refusal in refusals:
            console.print(f"[yellow]refused {refusal.origin}: {refusal.reason}[/yellow]")
        outcomes = list(
            ingest(
                items,
                session_scope=session_scope,
                enqueue=installed_enqueue(),
                max_bytes=settings.max_input_bytes,
            )
        )
        ids = [outcome.article_id for outcome in outcomes]
        console.print(f"ingested {sum(o.created for o in outcomes)} new article(s) of {len(ids)} from {seeds}")
        with Progress(console=console, transient=True) as bars:
            task = bars.add_task("through the pipeline", total=len(ids))
            statuses = wait_until_final(
                session_scope, ids, timeout=timeout, finished=lambda count: bars.update(task, completed=count)
            )
        pipeline_seconds = time.perf_counter() - pipeline_started
    finally:
        stop_workers(workers)
    created = sum(o.created for o in outcomes)
    return DemoReport(ids, created, statuses, time.perf_counter() - started, pipeline_seconds)


def _service_env(settings: Settings) -> dict[str, str]:
    return {"DATABASE_URL": settings.database_url, "REDIS_URL": settings.redis_url, "PYTHONPATH": os.getcwd()}


def print_summary(report: DemoReport, console: Console) -> None:
    """Print the counts, the events the articles reported, and the timings."""
    with session_scope() as session:
        articles = session.execute(
            select(Article.id, Article.status, Article.title, Article.error).where(Article.id.in_(report.article_ids))
        ).all()
        events = session.execute(
            select(Event, func.min(EventMention.sentence))
            .join(EventMention, EventMention.event_id == Event.id)
            .where(EventMention.article_id.in_(report.article_ids))
            .group_by(Event.id)
            .order_by(Event.article_count.desc(), Event.id)
        ).all()
        mentions = session.scalar(
            select(func.count()).select_from(EventMention).where(EventMention.article_id.in_(report.article_ids))
        )
    counts = {status: sum(1 for a in articles if a.status is status) for status in Status}
    table = Table("article", "status", "title or reason")
    for article in sorted(articles, key=lambda a: a.id):
        table.add_row(str(article.id), article.status.value, article.error or article.title or "")
    console.print(table)
    rows = [
        (str(e.id), e.type, f"{e.source_code or '?'}→{e.target_code or '-'}", str(e.event_date or "?"),
         str(e.mention_count), str(e.article_count))
        for e, _sentence in events
    ]  # fmt: skip
    headers = ("id", "type", "source→target", "date", "ments", "arts")
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=False)]
    # The evidence gets what the terminal has left; the short columns are never squeezed.
    evidence_width = max(console.width - sum(widths) - 2 * (len(widths) + 1), 20)
    events_table = Table(box=box.SIMPLE_HEAD, title="events reported by these articles")
    for header, width in zip(headers, widths, strict=True):
        events_table.add_column(header, no_wrap=True, min_width=width)
    events_table.add_column("evidence", no_wrap=True, overflow="ellipsis", max_width=evidence_width)
    for row, (_event, sentence) in zip(rows, events, strict=True):
        events_table.add_row(*row, sentence)
    console.print(events_table)
    pending = len(report.article_ids) - len(report.statuses)
    console.print(
        f"[bold]articles {len(articles)}[/bold]: stored {counts[Status.STORED]}, duplicates "
        f"{counts[Status.DUPLICATE]}, failed {counts[Status.FAILED]}, skipped {counts[Status.SKIPPED]}"
        + (f", [red]not finished {pending}[/red]" if pending else "")
    )
    console.print(f"[bold]events {len(events)}[/bold] from {mentions} mentions")
    if not report.created:
        console.print(f"wall time {report.wall_seconds:.1f} s; every article was ingested and processed before")
        return
    rate = report.created / report.pipeline_seconds
    console.print(
        f"wall time {report.wall_seconds:.1f} s; pipeline {report.pipeline_seconds:.2f} s from first ingest to "
        f"last final status ({rate:.1f} articles/s)"
    )
