"""`newsflow sources`: feeds, sitemaps and drop folders to poll."""

from __future__ import annotations

from typing import Annotated

import typer

from services.cli.app import console, fail, sources_app
from services.cli.tables import sources_table
from services.settings import get_settings


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
    rows = []
    for s in stats:
        errors = str(s.error_count)
        if s.last_error:
            errors += f" (last: {s.last_error})"
        rows.append(
            {
                "id": str(s.id),
                "kind": s.kind,
                "location": escape(s.location),
                "state": "paused" if s.paused else (s.last_outcome or "waiting"),
                "last polled": _when(s.last_polled_at),
                "last new": _when(s.last_new_at),
                "articles": str(s.articles_total),
                "per day": f"{s.articles_per_day:.1f}",
                "errors": escape(errors),
            }
        )
    console.print(sources_table(console, rows))


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else "-"


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
