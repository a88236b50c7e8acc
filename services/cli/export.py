"""Data out: `newsflow export`, the reader views and the events' PLOVER and GDELT shapes, streamed to a file."""

from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from services.cli.app import app, error_console, fail
from services.export.shapes import EVENT_SHAPES, TABLE_FORMATS, TABLES

ExportTable = Enum("ExportTable", {name: name for name in TABLES}, type=str)
ExportFormat = Enum("ExportFormat", {name: name for name in (*TABLE_FORMATS, *EVENT_SHAPES)}, type=str)


def _moment(option: str, value: str | None) -> datetime | None:
    """An ISO 8601 date or time; one without a zone is UTC."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r} is not an ISO 8601 date or time: give one such as 2026-12-01 or 2026-12-01T08:00Z")
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@contextmanager
def _destination(output: Path | None, *, force: bool):
    """Standard output, or the file: written beside it and moved into place only once complete."""
    if output is None:
        yield sys.stdout.buffer
        return
    if output.is_dir():
        fail(f"--output {output} is a directory: give a file name")
    if output.exists() and not force:
        fail(f"{output} exists: give another --output, or --force to replace it")
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("wb") as out:
            yield out
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)


@app.command("export")
def export_command(
    table: Annotated[ExportTable, typer.Argument(help="What to export.")],
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="jsonl, csv or parquet: the table's columns. For events also plover (PLOVER JSON lines) "
            "or gdelt (GDELT-style tab-separated columns).",
        ),
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: standard output).")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Rows from this moment on (ISO 8601; UTC if no zone).")] = None,
    until: Annotated[str | None, typer.Option(help="Rows before this moment (ISO 8601).")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Events or mentions of one PLOVER type.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the --output file if it exists.")] = False,
) -> None:
    """Write events, mentions, articles or stories in id order, streamed: any size in constant memory.

    Events and stories are filtered in time by when they were first stored (stories: their last article's
    publication); articles and mentions by the article's arrival.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from services.db import get_engine
    from services.export.run import ExportError, ExportRequest, check, count_rows, export
    from services.export.shapes import Filters

    if type is not None and not re.fullmatch(r"[A-Za-z]{1,16}", type):
        fail(f"--type {type!r} is not an event type: give one such as ASSAULT or CONSULT")
    request = ExportRequest(
        table.value, format.value, Filters(_moment("--since", since), _moment("--until", until), type)
    )
    if format.value == "parquet" and output is None:
        fail("Parquet is written to a file: give --output PATH")
    try:
        check(request)
    except ExportError as exc:
        fail(str(exc))
    with get_engine().connect() as connection:
        total = count_rows(connection, request)
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with (
            Progress(*columns, console=error_console, transient=True) as bars,
            _destination(output, force=force) as out,
        ):
            task = bars.add_task(f"exporting {table.value}", total=total)
            written = export(connection, request, out, advance=lambda rows: bars.advance(task, rows))
    error_console.print(f"{written} {table.value} written to {output or 'standard output'}", highlight=False)
