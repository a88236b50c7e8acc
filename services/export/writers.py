"""Writers that take rows a batch at a time, so an export of any size holds one batch in memory."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Protocol


@dataclass(frozen=True)
class Column:
    name: str
    # The Postgres type's name as psycopg knows it: int8, text, timestamptz, jsonb, ...
    pg_type: str


class Writer(Protocol):
    def write(self, rows: Sequence[tuple]) -> None: ...

    def close(self) -> None: ...


class JsonLinesWriter:
    """Rows that are one JSON text each (built by Postgres), one per line."""

    def __init__(self, out: IO[bytes], columns: Sequence[Column]) -> None:
        self.out = out

    def write(self, rows: Sequence[tuple]) -> None:
        self.out.write("".join(row[0] + "\n" for row in rows).encode("utf-8"))

    def close(self) -> None:
        self.out.flush()


class DelimitedWriter:
    """CSV (RFC 4180: fields with a delimiter, quote or line break quoted) with a header row; null is empty."""

    def __init__(self, out: IO[bytes], columns: Sequence[Column], delimiter: str = ",") -> None:
        self.out = out
        self.text = codecs.getwriter("utf-8")(out)
        self.rows = csv.writer(self.text, delimiter=delimiter, lineterminator="\n")
        self.rows.writerow([column.name for column in columns])

    def write(self, rows: Sequence[tuple]) -> None:
        self.rows.writerows(rows)

    def close(self) -> None:
        self.out.flush()


def _arrow_type(pg_type: str):
    import pyarrow as pa

    types = {
        "int8": pa.int64(),
        "int4": pa.int32(),
        "int2": pa.int16(),
        "float8": pa.float64(),
        "float4": pa.float32(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "timestamptz": pa.timestamp("us", tz="UTC"),
    }
    # Text, varchar and JSON (selected as its text) are strings.
    return types.get(pg_type, pa.string())


class ParquetWriter:
    """Parquet with the Postgres types (bigint as int64, timestamptz as UTC microseconds); a row group per batch."""

    def __init__(self, out: IO[bytes], columns: Sequence[Column]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.schema = pa.schema([pa.field(column.name, _arrow_type(column.pg_type)) for column in columns])
        self.parquet = pq.ParquetWriter(out, self.schema, compression="zstd")

    def write(self, rows: Sequence[tuple]) -> None:
        import pyarrow as pa

        values = zip(*rows, strict=True)
        arrays = [pa.array(column, type=field.type) for column, field in zip(values, self.schema, strict=True)]
        self.parquet.write_table(pa.Table.from_arrays(arrays, schema=self.schema))

    def close(self) -> None:
        self.parquet.close()
