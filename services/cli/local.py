"""Running newsflow here: the HTTP API, the demo and the benchmark."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from services.cli.app import app, console, fail
from services.queues import POLL_QUEUE, RECONCILE_QUEUE
from services.settings import get_settings
from services.stages import STAGES

QueueName = Enum("QueueName", {queue: queue for queue in (*STAGES, POLL_QUEUE, RECONCILE_QUEUE)}, type=str)


@app.command()
def worker(
    queues: Annotated[list[QueueName], typer.Argument(help="The stages (or poll, reconcile) whose queues it takes.")],
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", min=1, help="Pool processes.")] = 1,
    loglevel: Annotated[str, typer.Option(help="Log level.")] = "INFO",
) -> None:
    """Run a Celery worker on these queues, in this process: what compose, Kubernetes and `celery -A workers.app
    worker -Q ...` run. Ctrl-C or SIGTERM stops it after its running tasks; unacknowledged ones go back to the
    queue."""
    import os

    from services.local.processes import worker_command

    command = worker_command([queue.value for queue in queues], concurrency=concurrency, loglevel=loglevel)
    os.execv(command[0], command)  # Celery takes over the process, its signals and its exit status


@app.command()
def run(
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", min=1, help="Pool processes per stage.")] = 1,
    api: Annotated[bool, typer.Option("--api/--no-api", help="Serve the HTTP API too.")] = True,
    host: Annotated[str | None, typer.Option(help="The API's bind address (default from NEWSFLOW_API_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="The API's port (default from NEWSFLOW_API_PORT).")] = None,
    state_dir: Annotated[Path, typer.Option(help="Where celery beat keeps its schedule.")] = Path(".newsflow"),
) -> None:
    """Run the whole service here, in the foreground: a worker per stage, poll, reconcile, beat and the API, each
    started again if it dies. Ctrl-C stops them; tasks not finished go back to their queues."""
    from services.db import get_engine
    from services.local.supervisor import Supervisor, children
    from services.queues import redis_client

    settings = get_settings()
    with get_engine().connect():  # an unreachable Postgres or Redis ends here with one line, not a restart loop
        redis_client(settings.redis_url).ping()
    state_dir.mkdir(parents=True, exist_ok=True)
    processes = children(
        concurrency=concurrency, api=api, host=host or settings.api_host, port=port or settings.api_port,
        state_dir=state_dir,
    )  # fmt: skip
    console.print(f"newsflow: starting {', '.join(child.name for child in processes)}; Ctrl-C stops them")
    Supervisor(processes, write=lambda line: print(line, flush=True)).run()
    console.print("newsflow: stopped")


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
    from services.local.demo import default_seeds, run_demo
    from services.local.servers import ServicesNotFound

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
        with console.status("bench running") as status:
            report = run_bench(
                options,
                progress=console.print,
                waiting=lambda messages: status.update(f"waiting for final statuses: {messages} messages queued"),
            )
    except BenchError as exc:
        fail(str(exc))
    print_report(report, console)
    if json_path is not None:
        write_json(report, json_path)
        console.print(f"report written to {json_path}")
    if plot is not None:
        write_plot(report, plot)
        console.print(f"plot written to {plot}")
