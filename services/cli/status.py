"""`newsflow status`: the pipeline's health as a table, once or live."""

from __future__ import annotations

from typing import Annotated

import typer

from services.cli.app import app, console
from services.cli.tables import fitted_table, sources_table
from services.settings import get_settings


@app.command()
def status(
    watch: Annotated[bool, typer.Option("--watch", help="Redraw the table every --interval seconds.")] = False,
    interval: Annotated[float, typer.Option(help="Seconds between redraws with --watch.", min=0.2)] = 2.0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object, for scripts.")] = False,
) -> None:
    """Per stage: backlog, oldest waiting, stuck, queue messages, finished and failed, workers; end-to-end lag."""
    import json
    import signal
    import time

    from rich.live import Live

    if as_json:
        typer.echo(json.dumps(_pipeline_health().as_dict()))
        return
    if not watch:
        console.print(_status_view(_pipeline_health()))
        return
    # Ctrl-C ends the loop between two drawings: an interrupt inside a database call would leave it to the driver
    # to cancel the query and wind the connection down.
    interrupted = []
    previous = signal.signal(signal.SIGINT, lambda *_: interrupted.append(True))
    try:
        with Live(_status_view(_pipeline_health()), console=console, auto_refresh=False) as live:
            while not interrupted:
                time.sleep(interval)
                if not interrupted:
                    live.update(_status_view(_pipeline_health()), refresh=True)
    finally:
        signal.signal(signal.SIGINT, previous)


def _pipeline_health():
    """One snapshot of the pipeline's health from the configured Postgres and Redis."""
    from services.db import session_scope
    from services.ops.health import pipeline_health
    from services.queues import redis_client

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

    colours = {"idle": "dim", "busy": "green", "no workers": "bold yellow", "stalled": "bold red"}
    rows = [
        {
            "stage": s.stage,
            "state": f"[{colours[s.state]}]{s.state}[/]",
            "waiting": str(s.waiting),
            "oldest": _duration(s.oldest_waiting_seconds),
            "stuck": f"[red]{s.stuck}[/]" if s.stuck else "0",
            "ready": str(s.messages_ready),
            "unacked": str(s.messages_unacked),
            "done 5m": str(s.processed_5m),
            "done 1h": str(s.processed_1h),
            "failed 5m": str(s.failed_5m),
            "failed 1h": str(s.failed_1h),
            "/min": f"{s.throughput_per_minute:.1f}",
            "last done": _duration(s.last_finished_seconds_ago, suffix=" ago"),
            "workers": ", ".join(s.workers) or "-",
        }
        for s in health.stages
    ]
    # Backlog, stuck and failures stay; the broker's view and the short windows give way on a narrow terminal.
    give_way = ("done 5m", "failed 5m", "unacked", "ready", "last done", "/min", "done 1h")
    table = fitted_table(
        console, rows, give_way=give_way, fold=("workers",), title=f"newsflow at {health.at[:19]}",
        caption=f"stuck: unchanged > {health.stage_timeout_seconds} s; ready, unacked: broker messages",
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

    rows = []
    for s in sources:
        errors = f"{s.errors} ({s.consecutive_errors} in a row)" if s.consecutive_errors else str(s.errors)
        if s.last_error:
            errors += f", last: {s.last_error}"
        rows.append(
            {
                "source": str(s.id),
                "kind": s.kind,
                "location": escape(s.location),
                "state": f"[red]{s.state}[/]" if s.state == "error" else s.state,
                "last polled": _duration(s.last_polled_seconds_ago, suffix=" ago"),
                "last new": _duration(s.last_new_seconds_ago, suffix=" ago"),
                "last day": str(s.articles_last_day),
                "per day": f"{s.articles_per_day:.1f}",
                "errors": escape(errors),
            }
        )
    return sources_table(console, rows, title="sources")


def _duration(seconds: float | None, suffix: str = "") -> str:
    """A short human duration, or '-' for none."""
    if seconds is None:
        return "-"
    if seconds < 60:
        return f"{seconds:.1f} s{suffix}"
    if seconds < 3600:
        return f"{seconds / 60:.1f} min{suffix}"
    return f"{seconds / 3600:.1f} h{suffix}"
