"""Stream a reader view, or a shape of the events, from Postgres into a writer, one batch of rows at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from psycopg import sql
from sqlalchemy import Connection

from services.export.shapes import (
    EVENT_SHAPES,
    GDELT_COLUMNS,
    TABLES,
    Filters,
    shape_query,
    table_query,
)
from services.export.writers import Column, DelimitedWriter, JsonLinesWriter, ParquetWriter, Writer

BATCH_ROWS = 20_000


class ExportError(ValueError):
    """An export that cannot be made as asked (a filter the table does not have, a shape only events have)."""


@dataclass(frozen=True)
class ExportRequest:
    table: str
    format: str
    filters: Filters = Filters()


def check(request: ExportRequest) -> None:
    """Refuse, in one sentence, what this table cannot give."""
    if request.format in EVENT_SHAPES and request.table != "events":
        raise ExportError(f"--format {request.format} is a shape of events: export events with it")
    if request.filters.type is not None and not TABLES[request.table].typed:
        raise ExportError(f"{request.table} have no event type: --type filters events and mentions only")


def _run(connection: Connection, query: sql.Composable, params: dict | None = None):
    # Through SQLAlchemy, so that an outage or a missing table reads as one line like every command's.
    return connection.exec_driver_sql(query.as_string(connection.connection.driver_connection), params or {})


def _view_columns(connection: Connection, view: str) -> list[Column]:
    result = _run(connection, sql.SQL("SELECT * FROM reader.{} LIMIT 0").format(sql.Identifier(view)))
    types = connection.connection.driver_connection.adapters.types
    return [Column(d.name, getattr(types.get(d.type_code), "name", "text")) for d in result.cursor.description]


def _query(connection: Connection, request: ExportRequest) -> tuple[sql.Composable, dict, list[Column]]:
    """The query and the columns its rows carry, for the request's format."""
    if request.format == "plover":
        query, params = shape_query("plover", request.filters)
        return query, params, [Column("record", "json")]
    if request.format == "gdelt":
        query, params = shape_query("gdelt", request.filters)
        return query, params, [Column(name, "text") for name in GDELT_COLUMNS]
    table = TABLES[request.table]
    if request.format == "jsonl":
        # Postgres writes the JSON: ISO 8601 times, JSON columns as objects, the view's column order.
        query, params = table_query(table, sql.SQL("row_to_json(v)::text"), request.filters)
        return query, params, [Column("record", "json")]
    columns = _view_columns(connection, table.view)
    # CSV takes every value as Postgres writes it; Parquet keeps the types, with JSON columns as their text.
    as_text = request.format == "csv"
    select = sql.SQL(", ").join(
        sql.SQL("v.{}::text" if as_text or c.pg_type in ("json", "jsonb") else "v.{}").format(sql.Identifier(c.name))
        for c in columns
    )
    query, params = table_query(table, select, request.filters)
    return query, params, columns


def count_rows(connection: Connection, request: ExportRequest) -> int:
    """How many rows the export will write: the progress bar's total."""
    query, params = table_query(TABLES[request.table], sql.SQL("1"), request.filters)
    return _run(connection, sql.SQL("SELECT count(*) FROM ({}) rows").format(query), params).scalar_one()


def _writer(request: ExportRequest, out: IO[bytes], columns: list[Column]) -> Writer:
    if request.format in ("jsonl", "plover"):
        return JsonLinesWriter(out, columns)
    if request.format == "parquet":
        return ParquetWriter(out, columns)
    return DelimitedWriter(out, columns, delimiter="\t" if request.format == "gdelt" else ",")


def export(
    connection: Connection,
    request: ExportRequest,
    out: IO[bytes],
    *,
    advance: Callable[[int], None] = lambda rows: None,
) -> int:
    """Write the request's rows to `out` through a server-side cursor; return how many were written."""
    check(request)
    query, params, columns = _query(connection, request)
    writer = _writer(request, out, columns)
    written = 0
    # A server-side cursor: Postgres holds the result and sends a batch at a time, whatever the table's size.
    streamed = connection.execution_options(stream_results=True, max_row_buffer=BATCH_ROWS)
    for rows in _run(streamed, query, params).partitions(BATCH_ROWS):
        writer.write(rows)
        written += len(rows)
        advance(len(rows))
    writer.close()
    return written
