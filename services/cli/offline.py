"""The stages on files, without Postgres or Redis: dedup, clean and extract offline, and their evaluation."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from services.cli.app import app, console, error_console, fail
from services.evaluation import EVALUATED_STAGES


@app.command("dedup")
def dedup_command(
    path: Annotated[Path, typer.Argument(help='JSON lines: {"id", "text", "published"?}, in arrival order.')],
) -> None:
    """Run the dedup stage offline and print one JSON line per record: duplicate_of, similarity, method, contains,
    story."""
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
    bodies: Annotated[
        Path | None,
        typer.Option(
            help="Measure the clean stage on these pages instead: a folder with ground-truth.json (each page id's "
            "articleBody) and html/<id>.html.gz, the article extraction benchmark's layout."
        ),
    ] = None,
    plain: Annotated[
        Path | None,
        typer.Option(help="Measure the clean stage on these articles instead: a folder of .txt files, one each."),
    ] = None,
    typed: Annotated[
        Path | None,
        typer.Option(
            help="Measure the coder on these news snippets instead: a tab-separated file with the columns id, "
            "EventSnippet and SubType (ACLED sub-event types), the CASE 2021 fine-grained event classification layout, "
            "or an ACLED export (notes, event_type, actor1, actor2), whose actors also give each dyad's countries."
        ),
    ] = None,
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
    from services.evaluation.run import evaluate, evaluate_bodies, evaluate_plain, evaluate_typed_snippets

    given = {"--bodies": bodies, "--plain": plain, "--typed": typed}
    named = [option for option, path in given.items() if path is not None]
    if len(named) > 1:
        fail(f"{' and '.join(named)} each name the data to measure: give one of them")
    elsewhere = named[0] if named else None
    alone = EvalStage.extract if typed is not None else EvalStage.clean
    if elsewhere and (stage not in (EvalStage.all, alone) or write_stream is not None):
        fail(f"{elsewhere} measures the {alone.value} stage alone: name no other stage, and leave out --write-stream")
    try:
        root = bodies or plain or typed or data_dir(data)
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

        try:
            if bodies is not None:
                result = evaluate_bodies(root, progress)
            elif plain is not None:
                result = evaluate_plain(root, progress)
            elif typed is not None:
                result = evaluate_typed_snippets(root, progress)
            else:
                result = evaluate(stages, root=root, split=split.value, progress=progress)
        except MissingData as exc:
            fail(str(exc))
    print_evaluation(result, console)
    if json_path is not None:
        json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        console.print(f"figures written to {json_path}")
