"""The command line's root: the Typer app, its consoles, and one line for an error a person can fix."""

from __future__ import annotations

from enum import Enum
from importlib import metadata
from typing import Annotated, Any, NoReturn

import click
import typer
from rich.console import Console
from typer.core import TyperGroup

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
    from services.ops.outages import find_outage

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

app = typer.Typer(cls=ReadableErrors, help="newsflow: event-driven news ingestion.", no_args_is_help=True)
sources_app = typer.Typer(help="Feeds, sitemaps and drop folders polled for new articles.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")


def _print_version(asked: bool) -> None:
    if asked:
        console.print(f"newsflow {metadata.version('newsflow')}", highlight=False)
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_print_version, help="Print the version and exit.")
    ] = False,
) -> None:
    pass
