"""The `newsflow` command line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import click
import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperGroup

from services.evaluation import EVALUATED_STAGES
from services.settings import get_settings
from services.stages import STAGES

console = Console()
error_console = Console(stderr=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """End the command with one line on stderr and a non-zero exit."""
    error_console.print(message, style="red", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def readable_error(exc: Exception) -> str | None:
    """One line for an error a person can fix (a service not there, a path that cannot be read); None for a bug."""
    from services.servers import find_outage

    if outage := find_outage(exc, get_settings()):
        return str(outage)
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"cannot use {exc.filename}: {exc.strerror}. Check the path."
    return None


class ReadableErrors(TyperGroup):
    """The command line's root: an error a person can fix ends any command with one line, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            if (message := readable_error(exc)) is None:
                raise
            fail(message)


StageName = Enum("StageName", {stage: stage for stage in STAGES}, type=str)  # the choices of --stage

app = typer.Typer(
    cls=ReadableErrors, help="newsflow: event-driven news ingestion.", no_args_is_help=True, add_completion=False
)
sources_app = typer.Typer(help="Feeds, sitemaps and drop folders polled for new articles.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")


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
        typer.Argument(help="Files (.txt, .html, .htm, .json, .jsonl, each also gzipped as .gz) or directories."),
    ] = None,
    url: Annotated[list[str] | None, typer.Option("--url", help="An article to fetch by URL (repeatable).")] = None,
) -> None:
    """Add articles and put them on the pipeline's queues; the same URL or bytes again adds nothing."""
    from services.db import session_scope
    from services.ingest import ArticleInput, Refusal, ingest, inputs_from_paths, split_refusals, url_problem
    from services.queues import installed_enqueue
    from services.status import Status

    max_bytes = get_settings().max_input_bytes
    given = [Refusal(u, problem) if (problem := url_problem(u)) else ArticleInput(u, url=u) for u in url or []]
    items, refusals = split_refusals([*inputs_from_paths(paths or [], max_bytes=max_bytes), *given])
    if not items and not refusals:
        raise typer.BadParameter("give at least one path or --url")
    table = Table("input", "article", "status", "note")
    for refusal in refusals:  # not read, not stored: the file (or the mistyped name) is the caller's to fix
        table.add_row(refusal.origin, "-", "refused", refusal.reason)
    added = failed = 0
    for outcome in ingest(items, session_scope=session_scope, enqueue=installed_enqueue(), max_bytes=max_bytes):
        added += outcome.created
        failed += int(outcome.created and outcome.status is Status.FAILED)
        table.add_row(outcome.origin, str(outcome.article_id), outcome.status.value, _what_ingest_did(outcome))
    console.print(table)
    console.print(f"{added} new article(s), {len(items) - added} already known")
    if refusals or failed:
        console.print(f"[red]{len(refusals)} input(s) refused, {failed} stored as failed with the reason above[/red]")
        raise typer.Exit(1)


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
def status(
    watch: Annotated[bool, typer.Option("--watch", help="Redraw the table every --interval seconds.")] = False,
    interval: Annotated[float, typer.Option(help="Seconds between redraws with --watch.", min=0.2)] = 2.0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object, for scripts.")] = False,
) -> None:
    """Per stage: backlog, oldest waiting, stuck, queue messages, finished and failed, workers; end-to-end lag."""
    import json
    import time

    from rich.live import Live

    if as_json:
        typer.echo(json.dumps(_pipeline_health().as_dict()))
        return
    if not watch:
        console.print(_status_view(_pipeline_health()))
        return
    with Live(_status_view(_pipeline_health()), console=console, auto_refresh=False) as live:
        try:
            while True:
                time.sleep(interval)
                live.update(_status_view(_pipeline_health()), refresh=True)
        except KeyboardInterrupt:
            pass


def _pipeline_health():
    """One snapshot of the pipeline's health from the configured Postgres and Redis."""
    from services.db import session_scope
    from services.ops.health import pipeline_health
    from services.servers import redis_client

    settings = get_settings()
    client = redis_client(settings.redis_url)
    try:
        with session_scope() as session:
            return pipeline_health(session, client, stage_timeout=settings.stage_timeout_seconds)
    finally:
        client.close()


def _status_view(health):
    """The rich rendering of a health snapshot: a table of stages, then the totals."""
    from rich.console import Group

    table = Table(
        "stage", "state", "waiting", "oldest", "stuck", "msgs ready", "unacked",
        "done 5m", "done 1h", "failed 5m", "failed 1h", "/min", "last done", "workers",
        title=f"newsflow at {health.at[:19]}", caption=f"stuck: unchanged > {health.stage_timeout_seconds} s",
    )  # fmt: skip
    colours = {"idle": "dim", "busy": "green", "no workers": "bold yellow", "stalled": "bold red"}
    for s in health.stages:
        table.add_row(
            s.stage, f"[{colours[s.state]}]{s.state}[/]", str(s.waiting), _duration(s.oldest_waiting_seconds),
            f"[red]{s.stuck}[/]" if s.stuck else "0", str(s.messages_ready), str(s.messages_unacked),
            str(s.processed_5m), str(s.processed_1h), str(s.failed_5m), str(s.failed_1h),
            f"{s.throughput_per_minute:.1f}", _duration(s.last_finished_seconds_ago, suffix=" ago"),
            ", ".join(s.workers) or "-",
        )  # fmt: skip
    articles = ", ".join(f"{name} {count}" for name, count in health.articles.items() if count)
    totals = (
        f"end-to-end lag (last hour): p50 {_duration(health.lag_p50_seconds)}, p95 {_duration(health.lag_p95_seconds)}"
        f"; stored in the last hour {health.stored_1h}\n"
        f"articles: {articles or 'none'}; events {health.events} from {health.mentions} mentions"
    )
    return Group(table, totals, *([_sources_table(health.sources)] if health.sources else []))


def _sources_table(sources):
    """The sources of a health snapshot: state, last poll, last new article, articles a day, errors."""
    from rich.markup import escape

    table = Table("source", "kind", "location", "state", "last polled", "last new", "last day", "per day", "errors",
                  title="sources")  # fmt: skip
    for s in sources:
        errors = f"{s.errors} ({s.consecutive_errors} in a row)" if s.consecutive_errors else str(s.errors)
        if s.last_error:
            errors += f", last: {s.last_error}"
        table.add_row(
            str(s.id), s.kind, escape(s.location), f"[red]{s.state}[/]" if s.state == "error" else s.state,
            _duration(s.last_polled_seconds_ago, suffix=" ago"), _duration(s.last_new_seconds_ago, suffix=" ago"),
            str(s.articles_last_day), f"{s.articles_per_day:.1f}", escape(errors),
        )  # fmt: skip
    return table


def _duration(seconds: float | None, suffix: str = "") -> str:
    """A short human duration, or '-' for none."""
    if seconds is None:
        return "-"
    if seconds < 60:
        return f"{seconds:.1f} s{suffix}"
    if seconds < 3600:
        return f"{seconds / 60:.1f} min{suffix}"
    return f"{seconds / 3600:.1f} h{suffix}"


@app.command()
def api(
    host: Annotated[str | None, typer.Option(help="Bind address (default from NEWSFLOW_API_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default from NEWSFLOW_API_PORT).")] = None,
) -> None:
    """Serve the HTTP API."""
    import uvicorn

    settings = get_settings()
    uvicorn.run(
        "services.api.app:create_app", factory=True, host=host or settings.api_host, port=port or settings.api_port
    )


@app.command()
def demo(
    seeds: Annotated[
        Path | None,
        typer.Argument(help="Directory or file of articles to run (default: seeds/ here, else the installed seeds)."),
    ] = None,
    log_dir: Annotated[Path, typer.Option(help="Where the workers write their logs.")] = Path(".newsflow/logs"),
) -> None:
    """Migrate, start one worker per stage, ingest the seeds, wait for every article, print a summary."""
    from services.demo import default_seeds, run_demo
    from services.servers import ServicesNotFound

    seeds = seeds or default_seeds()
    if seeds is None or not seeds.exists():
        fail(
            f"no seeds at {(seeds or Path('seeds')).resolve()}: run `newsflow demo` in the repository's root, where "
            "seeds/ is, or name the articles to run: `newsflow demo PATH`",
            code=2,
        )
    try:
        report = run_demo(seeds, console=console, log_dir=log_dir)
    except ServicesNotFound as exc:
        fail(str(exc), code=2)
    if len(report.statuses) < len(report.article_ids):
        raise typer.Exit(1)


@app.command()
def bench(
    corpus: Annotated[
        list[Path] | None,
        typer.Option(
            exists=True,
            metavar="PATH",
            help="Run these files or directories instead of a generated corpus, read as `newsflow ingest` reads them "
            "(.txt, .html, .htm, .json, .jsonl, each also as .gz; repeatable). Articles given only by URL are not "
            "fetched: they are counted as skipped.",
        ),
    ] = None,
    articles: Annotated[int, typer.Option(help="Articles in the generated corpus (without --corpus).")] = 1000,
    copies: Annotated[
        float, typer.Option(help="Share of the generated articles that are wire copies of earlier ones.")
    ] = 0.2,
    workers_per_stage: Annotated[int, typer.Option(help="Worker processes per stage.")] = 1,
    prefetch: Annotated[
        int | None, typer.Option(help="Messages each worker process reserves ahead (default: the app's setting).")
    ] = None,
    loglevel: Annotated[str, typer.Option(help="The workers' log level.")] = "WARNING",
    rate: Annotated[
        float | None, typer.Option(help="Arrivals per second, one article at a time (default: all at once).")
    ] = None,
    scaling: Annotated[
        bool,
        typer.Option(
            "--scaling",
            help="Also run the extract stage alone with 1 and then 2 processes, and its function in plain processes.",
        ),
    ] = False,
    seed: Annotated[int, typer.Option(help="Seed of the corpus generator (without --corpus).")] = 1,
    database: Annotated[
        str, typer.Option(help="Database created afresh for the run; one an earlier bench created is dropped first.")
    ] = "newsflow_bench",
    force: Annotated[
        bool, typer.Option("--force", help="Drop the --database even if the bench did not create it.")
    ] = False,
    json_path: Annotated[Path | None, typer.Option("--json", help="Write the report as JSON here.")] = None,
    plot: Annotated[Path | None, typer.Option(help="Draw queue depths over time into this PNG.")] = None,
    log_dir: Annotated[Path, typer.Option(help="Where the workers write their logs.")] = Path(".newsflow/bench-logs"),
) -> None:
    """Throughput, latency, CPU and memory of the pipeline on a generated corpus or given files, against the stages
    in-process."""
    from services.bench.report import print_report, write_json, write_plot
    from services.bench.run import BenchError, BenchOptions, run_bench

    if not 0 <= copies < 1:
        raise typer.BadParameter("give a share in [0, 1)", param_hint="--copies")
    if plot is not None:
        try:
            import matplotlib  # noqa: F401
        except ImportError as exc:
            raise typer.BadParameter("needs matplotlib: pip install 'newsflow[bench]'", param_hint="--plot") from exc
    options = BenchOptions(
        articles=articles, copies=copies, corpus=tuple(corpus or ()), workers_per_stage=workers_per_stage,
        prefetch=prefetch, loglevel=loglevel, rate=rate, scaling=scaling, seed=seed, database=database, force=force,
        log_dir=log_dir,
    )  # fmt: skip
    try:
        report = run_bench(options, progress=console.print)
    except BenchError as exc:
        fail(str(exc))
    print_report(report, console)
    if json_path is not None:
        write_json(report, json_path)
        console.print(f"report written to {json_path}")
    if plot is not None:
        write_plot(report, plot)
        console.print(f"plot written to {plot}")


@app.command("dedup")
def dedup_command(
    path: Annotated[Path, typer.Argument(help='JSON lines: {"id", "text", "published"?}, in arrival order.')],
) -> None:
    """Run the dedup stage offline and print one JSON line per record: duplicate_of, similarity, method, story."""
    import json

    from services.dedup.offline import dedup_records

    with path.open("rb") as lines:
        for decision in dedup_records(_dedup_records(path, lines)):
            typer.echo(json.dumps(decision))


def _dedup_records(path: Path, lines: Iterable[bytes]) -> Iterator[dict]:
    """The records of a JSON lines file, each checked for what the dedup stage reads; a bad one ends the command."""
    import json

    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:  # not UTF-8, not JSON, or past what the parser takes
            fail(f"{path} line {number} is not a JSON record ({exc}): give one JSON object per line")
        if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("text"), str):
            fail(f'{path} line {number}: a record needs an "id" and a "text" string, as in {{"id": 1, "text": "..."}}')
        yield record


@app.command("clean")
def clean_command(
    files: Annotated[
        list[Path],
        typer.Argument(help="Files to clean (.html/.htm as HTML, anything else as text).", exists=True, dir_okay=False),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per input, one per line.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Also list every dropped span and why.")] = False,
) -> None:
    """Run the clean stage offline on files and print the text and metadata the pipeline would store."""
    import json

    from rich.markup import escape

    from services.clean import UnusableDocument, clean_document

    for path in files:
        content_type = "text/html" if path.suffix.lower() in (".html", ".htm") else "text/plain"
        try:
            result = clean_document(path.read_bytes(), content_type=content_type)
        except UnusableDocument as exc:
            if as_json:
                typer.echo(json.dumps({"file": str(path), "error": str(exc)}, ensure_ascii=False))
            else:
                console.print(f"[red]{escape(str(path))}: unusable: {escape(str(exc))}[/red]")
            continue
        record = {
            "file": str(path),
            "text": result.text,
            "title": result.title,
            "author": result.author,
            "published": result.published.isoformat() if result.published else None,
            "published_precision": result.published_precision,
            "published_source": result.published_source,
            "language": result.language,
            "site_name": result.site_name,
            "url": result.url,
            "dropped": [{"text": span.text, "reason": span.reason} for span in result.dropped],
        }
        if as_json:
            typer.echo(json.dumps(record, ensure_ascii=False))
            continue
        table = Table("field", "value", title=str(path), show_header=False)
        for key in ("title", "author", "published", "published_precision", "published_source", "language"):
            table.add_row(key, str(record[key]))
        table.add_row("site_name", str(record["site_name"]))
        table.add_row("url", str(record["url"]))
        table.add_row("dropped", f"{len(result.dropped)} span(s)")
        console.print(table)
        console.print(result.text, markup=False, highlight=False)
        if explain:
            console.print("[bold]dropped[/bold]")
            for span in result.dropped:
                console.print(f"  [yellow]{escape(span.reason)}[/yellow]: {escape(span.text)}", highlight=False)


@app.command("extract")
def extract_command(
    path: Annotated[Path, typer.Argument(help="An article file (.txt, .html or .htm).", exists=True, dir_okay=False)],
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per event.")] = False,
) -> None:
    """Clean and code one article offline, and print its events."""
    import json
    from datetime import date

    from services.clean import UnusableDocument, clean_document
    from services.extract import extract_events

    if published:
        try:
            date.fromisoformat(published)
        except ValueError as exc:
            raise typer.BadParameter("use YYYY-MM-DD", param_hint="--published") from exc
    content_type = "text/html" if path.suffix.lower() in (".html", ".htm") else "text/plain"
    try:
        result = clean_document(path.read_bytes(), content_type=content_type, given={"published": published})
    except UnusableDocument as exc:
        fail(f"cannot extract events from {path}: {exc}")
    events = extract_events(result.text, published=result.published.date() if result.published else None)
    if as_json:
        for event in events:
            print(json.dumps(_event_json(event), ensure_ascii=False))
        return
    table = Table("type", "mode", "source", "target", "date", "modality", "trigger", "sentence")
    for e in events:
        table.add_row(
            e.type,
            e.mode or "",
            e.source.code if e.source else "",
            e.target.code if e.target else "",
            e.event_date.isoformat() if e.event_date else "",
            e.modality,
            e.trigger,
            e.sentence,
        )
    console.print(table)


def _event_json(event) -> dict:
    """An event as the JSON object `newsflow extract --json` prints."""

    def actor(a):
        return {"text": a.text, "code": a.code} if a else None

    location = event.location
    return {
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "source": actor(event.source),
        "target": actor(event.target),
        "location": {"name": location.name, "country": location.country, "lat": location.lat, "lon": location.lon}
        if location
        else None,
        "date": event.event_date.isoformat() if event.event_date else None,
        "date_precision": event.date_precision,
        "negated": event.negated,
        "modality": event.modality,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "trigger": event.trigger,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "confidence": event.confidence,
    }


EvalStage = Enum("EvalStage", {name: name for name in ("all", *EVALUATED_STAGES)}, type=str)
EvalSplit = Enum("EvalSplit", {name: name for name in ("held-out", "dev", "all")}, type=str)


@app.command("eval")
def eval_command(
    stage: Annotated[EvalStage, typer.Argument(help="The stage to measure, or all of them.")] = EvalStage.all,
    data: Annotated[
        Path | None,
        typer.Option(help="The labelled data (default: NEWSFLOW_EVAL_DATA, else ../shared/dev beside the project)."),
    ] = None,
    split: Annotated[
        EvalSplit, typer.Option(help="held-out: the figures that count; dev: the part rules may be studied on.")
    ] = EvalSplit["held-out"],
    json_path: Annotated[Path | None, typer.Option("--json", help="Also write the figures as JSON here.")] = None,
    write_stream: Annotated[
        Path | None,
        typer.Option(help="Write the split's ECB+ articles and their wire copies as JSON lines for ingest or bench."),
    ] = None,
) -> None:
    """Measure the stages on real, labelled news, each beside its baseline in the same run."""
    import json

    from rich.progress import Progress

    from services.evaluation.data import MissingData, data_dir, load_ecbplus
    from services.evaluation.dedup import wire_stream
    from services.evaluation.report import print_evaluation
    from services.evaluation.run import evaluate

    try:
        root = data_dir(data)
    except MissingData as exc:
        fail(str(exc))
    if write_stream is not None:
        stream = wire_stream(load_ecbplus(root, split.value))
        write_stream.write_text("".join(json.dumps({"text": r["text"]}) + "\n" for r in stream), encoding="utf-8")
        console.print(f"{len(stream)} articles and copies written to {write_stream}")
    stages = EVALUATED_STAGES if stage is EvalStage.all else (stage.value,)
    with Progress(console=error_console, transient=True) as bars:

        def progress(name: str, total: int):
            task = bars.add_task(name, total=total)
            return lambda: bars.advance(task)

        result = evaluate(stages, root=root, split=split.value, progress=progress)
    print_evaluation(result, console)
    if json_path is not None:
        json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        console.print(f"figures written to {json_path}")


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
    from services.queues import installed_enqueue, send_after_commit
    from services.servers import redis_client

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


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else "-"


@sources_app.command("add")
def sources_add(
    location: Annotated[str, typer.Argument(help="A feed or sitemap URL, or a drop folder's path.")],
    kind: Annotated[str | None, typer.Option(help="feed, sitemap or folder (default: guessed).")] = None,
    name: Annotated[str | None, typer.Option(help="The outlet's name, given to its articles.")] = None,
    interval: Annotated[
        int | None,
        typer.Option(help="Seconds between polls (default: NEWSFLOW_SOURCE_DEFAULT_INTERVAL_SECONDS).", min=1),
    ] = None,
) -> None:
    """Add a source; it is polled at the next tick of beat, then every interval."""
    from services.db import session_scope
    from services.sources.registry import InvalidSource, add_source

    seconds = interval or get_settings().source_default_interval_seconds
    try:
        with session_scope() as session:
            source = add_source(
                session,
                location=location,
                kind=kind,
                name=name,
                interval_seconds=seconds,
                drop_root=get_settings().drop_root,
            )
    except InvalidSource as exc:
        fail(str(exc), code=2)
    console.print(f"source #{source.id}: {source.kind} {source.location}, every {source.interval_seconds} s")


@sources_app.command("list")
def sources_list() -> None:
    """Every source: state, last poll, last new article, articles per day, errors."""
    from rich.markup import escape

    from services.db import session_scope
    from services.sources.stats import source_stats

    with session_scope() as session:
        stats = source_stats(session)
    if not stats:
        console.print("no sources; add one with `newsflow sources add URL`")
        return
    table = Table("id", "kind", "location", "state", "last polled", "last new", "articles", "per day", "errors")
    for s in stats:
        state = "paused" if s.paused else (s.last_outcome or "waiting")
        errors = str(s.error_count)
        if s.last_error:
            errors += f" (last: {s.last_error})"
        table.add_row(
            str(s.id),
            s.kind,
            escape(s.location),
            state,
            _when(s.last_polled_at),
            _when(s.last_new_at),
            str(s.articles_total),
            f"{s.articles_per_day:.1f}",
            escape(errors),
        )
    console.print(table)


def _change_source(ref: str, change: str) -> None:
    from services.db import session_scope
    from services.sources.registry import find_source, remove_source, set_paused

    with session_scope() as session:
        source = find_source(session, ref)
        if source is None:
            fail(f"no source {ref}: `newsflow sources list` shows them")
        if change == "remove":
            remove_source(session, source)
        else:
            set_paused(session, source, paused=change == "pause")
        label = f"#{source.id} {source.location}"
    console.print(f"source {label}: {change}d")


@sources_app.command("remove")
def sources_remove(source: Annotated[str, typer.Argument(help="The source's id, URL or path.")]) -> None:
    """Remove a source (the articles it brought stay)."""
    _change_source(source, "remove")


@sources_app.command("pause")
def sources_pause(source: Annotated[str, typer.Argument(help="The source's id, URL or path.")]) -> None:
    """Stop polling a source until it is resumed."""
    _change_source(source, "pause")


@sources_app.command("resume")
def sources_resume(source: Annotated[str, typer.Argument(help="The source's id, URL or path.")]) -> None:
    """Poll a paused source again, at once."""
    _change_source(source, "resume")
