"""Articles in the running service: the schema, ingest, failures, retry and the reconciler."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from services.cli.app import StageName, app, console, error_console
from services.settings import get_settings

# Beyond this many inputs, ingest prints a summary instead of a row per input.
SCREENFUL = 20


@app.command()
def migrate(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Create the database if it is missing, and apply the migrations (to head by default)."""
    from sqlalchemy import make_url

    from services.db import create_database_if_missing
    from services.migrations import upgrade

    url = get_settings().database_url
    if create_database_if_missing(url):
        console.print(f"created database {make_url(url).database}")
    upgrade(url, revision)
    console.print(f"[green]database migrated to {revision}[/green]")


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files (.txt, .html, .htm, .json, .jsonl, .warc, each also gzipped as .gz) or directories."
        ),
    ] = None,
    url: Annotated[list[str] | None, typer.Option("--url", help="An article to fetch by URL (repeatable).")] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help=f"A row per input even beyond {SCREENFUL} inputs.")
    ] = False,
) -> None:
    """Add articles and put them on the pipeline's queues; the same URL or bytes again adds nothing."""
    from rich.progress import Progress

    from services.db import session_scope
    from services.queues import installed_enqueue
    from services.sources.ingest import ArticleInput, Refusal, ingest, inputs_from_paths, split_refusals, url_problem
    from services.status import Status

    max_bytes = get_settings().max_input_bytes
    given = [Refusal(u, problem) if (problem := url_problem(u)) else ArticleInput(u, url=u) for u in url or []]
    items, refusals = split_refusals([*inputs_from_paths(paths or [], max_bytes=max_bytes), *given])
    if not items and not refusals:
        raise typer.BadParameter("give at least one path or --url")
    # (input, article, status, what happened). Not read, not stored: a refused file (or a mistyped name) is the
    # caller's to fix; skipped records are not articles (a crawl's requests and images), counted.
    rows = [(r.origin, "-", "skipped" if r.skipped else "refused", r.reason) for r in refusals]
    refused = [refusal for refusal in refusals if not refusal.skipped]
    added = failed = 0
    enqueue = installed_enqueue()
    with Progress(console=error_console, transient=True) as bars:
        task = bars.add_task("ingesting", total=len(items))
        for outcome in ingest(items, session_scope=session_scope, enqueue=enqueue, max_bytes=max_bytes):
            added += outcome.created
            failed += int(outcome.created and outcome.status is Status.FAILED)
            rows.append((outcome.origin, str(outcome.article_id), outcome.status.value, _what_ingest_did(outcome)))
            bars.advance(task)
    console.print(_every_input(rows) if verbose or len(rows) <= SCREENFUL else _summary(rows))
    console.print(f"{added} new article(s), {len(items) - added} already known")
    if refused or failed:
        console.print(f"[red]{len(refused)} input(s) refused, {failed} stored as failed with the reason above[/red]")
        raise typer.Exit(1)


def _every_input(rows: list[tuple[str, str, str, str]]) -> Table:
    table = Table()
    # A path or URL is folded onto more lines rather than cut, whatever the terminal's width.
    table.add_column("input", overflow="fold")
    for name in ("article", "status", "note"):
        table.add_column(name)
    for row in rows:
        table.add_row(*row)
    return table


def _summary(rows: list[tuple[str, str, str, str]]) -> Table:
    """Inputs counted by status and what happened, most common first."""
    counts = Counter((status, note) for _, _, status, note in rows)
    table = Table("status", "what happened", "inputs", caption=f"{len(rows)} inputs; --verbose lists each one")
    kinds = counts.most_common()
    for (status, note), count in kinds[:SCREENFUL]:
        table.add_row(status, note, str(count))
    if len(kinds) > SCREENFUL:
        table.add_row("…", f"{len(kinds) - SCREENFUL} more kinds", str(sum(c for _, c in kinds[SCREENFUL:])))
    return table


def _what_ingest_did(outcome) -> str:
    """The note on one ingested input: its reason when it failed, else what happened to it."""
    if outcome.error:
        return outcome.error
    if outcome.created:
        did = "queued"
    elif outcome.revised:
        did = "revised, queued"
    elif outcome.to_enqueue:
        did = "already ingested, queued again"
    else:
        did = "already ingested"
    return f"{did}; {outcome.note}" if outcome.note else did


@app.command()
def failures() -> None:
    """Failed articles grouped by stage and reason."""
    from services.db import session_scope
    from services.ops.failures import failure_groups

    with session_scope() as session:
        groups = failure_groups(session)
    table = Table("stage", "articles", "example", "reason")
    for group in groups:
        table.add_row(group.stage, str(group.count), str(group.example_id), group.reason)
    console.print(table if groups else "no failed articles")


@app.command()
def retry(
    stage: Annotated[StageName | None, typer.Option(help="Only articles that failed at this stage.")] = None,
    reason: Annotated[str | None, typer.Option(help="Only articles whose reason contains this text.")] = None,
    article_id: Annotated[int | None, typer.Option("--id", help="Only this article.")] = None,
) -> None:
    """Put failed articles back on the queue of the stage that failed them (input refused at ingest excepted)."""
    from services.db import session_scope
    from services.ops.failures import reset_for_retry
    from services.queues import installed_enqueue, redis_client, send_after_commit

    with redis_client(get_settings().redis_url) as client:
        client.ping()  # Redis down: the articles stay failed, not reset and left off the queues
    with session_scope() as session:
        retried = reset_for_retry(session, stage=stage.value if stage else None, reason=reason, article_id=article_id)
        send_after_commit(session, installed_enqueue(), retried)
    console.print(f"{len(retried)} article(s) queued again")


@app.command()
def reconcile(
    older_than: Annotated[
        float | None, typer.Option(help="Seconds without a status change (default: NEWSFLOW_STAGE_TIMEOUT_SECONDS).")
    ] = None,
) -> None:
    """Once, as celery beat does periodically: put articles stuck in a non-final status back on their next queue."""
    from datetime import timedelta

    from services.ops.reconcile import resend_stuck
    from services.queues import installed_enqueue

    resent = resend_stuck(
        enqueue=installed_enqueue(), older_than=None if older_than is None else timedelta(seconds=older_than)
    )
    table = Table("stage", "articles sent again")
    for stage in dict.fromkeys(article.stage for article in resent):
        table.add_row(stage, str(sum(article.stage == stage for article in resent)))
    console.print(table if resent else "no stuck articles")
