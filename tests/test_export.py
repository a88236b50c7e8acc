"""`newsflow export` on the seeds run through every step, each format read back by a strict reader."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from services.cli import app
from services.export.shapes import GDELT_COLUMNS
from tests.conftest import _truncate, store_seeds

runner = CliRunner()
VIEWS = {"events": "events", "mentions": "event_mentions", "articles": "articles", "stories": "stories"}

# PLOVER's JSON record (PLOVER manual, table "PLOVER JSON" and the entity and location objects): id, date, actor
# and event are required; actor and recipient are lists of entities; event and mode are lists of names.
ENTITY = {
    "type": "object",
    "required": ["code"],
    "properties": {
        "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
        "sector": {"type": ["string", "null"]},
        "entity_text": {"type": ["string", "null"]},
    },
}
PLOVER_SCHEMA = {
    "type": "object",
    "required": ["id", "date", "actor", "recipient", "event", "mode", "event_loc", "text", "quad_code"],
    "properties": {
        "id": {"type": "integer"},
        "date": {"type": ["string", "null"], "format": "date"},
        "actor": {"type": "array", "items": ENTITY},
        "recipient": {"type": "array", "items": ENTITY},
        "event": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": "^[A-Z]+$"}},
        "mode": {"type": "array", "items": {"type": "string"}},
        "event_loc": {
            "type": ["object", "null"],
            "properties": {
                "extracted_place": {"type": ["string", "null"]},
                "country_code": {"type": ["string", "null"]},
                "lat": {"type": ["number", "null"]},
                "lon": {"type": ["number", "null"]},
            },
        },
        "event_text": {"type": "array", "items": {"type": "string"}},
        "quad_code": {"type": "integer", "enum": [1, 2, 3, 4]},
        "text": {"type": "string", "minLength": 1},
        "num_mentions": {"type": "integer", "minimum": 1},
        "num_articles": {"type": "integer", "minimum": 1},
        "num_sources": {"type": "integer", "minimum": 1},
    },
}


@pytest.fixture(scope="module")
def seeded(service_env, engine: Engine) -> Iterator[Engine]:
    store_seeds(engine)
    yield engine
    _truncate(engine)


def columns_of(engine: Engine, table: str) -> list[str]:
    with engine.connect() as c:
        return list(c.execute(text(f"SELECT * FROM reader.{VIEWS[table]} LIMIT 0")).keys())


def ids_of(engine: Engine, table: str, where: str = "true") -> list[int]:
    with engine.connect() as c:
        return list(c.scalars(text(f"SELECT id FROM reader.{VIEWS[table]} WHERE {where} ORDER BY id")))


def export(*args: str) -> str:
    result = runner.invoke(app, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("table", list(VIEWS))
def test_json_lines_hold_every_row_with_the_views_columns(seeded: Engine, table: str) -> None:
    records = [json.loads(line) for line in export(table).splitlines()]
    assert [record["id"] for record in records] == ids_of(seeded, table) != []
    assert all(list(record) == columns_of(seeded, table) for record in records)


@pytest.mark.parametrize("table", list(VIEWS))
def test_csv_has_a_header_and_as_many_fields_in_every_row(seeded: Engine, table: str, tmp_path: Path) -> None:
    target = tmp_path / f"{table}.csv"
    export(table, "--format", "csv", "--output", str(target))
    with target.open(newline="", encoding="utf-8") as lines:
        header, *rows = list(csv.reader(lines, strict=True))
    assert header == columns_of(seeded, table)
    assert all(len(row) == len(header) for row in rows)
    assert [int(row[0]) for row in rows] == ids_of(seeded, table)


def test_parquet_keeps_the_postgres_types(seeded: Engine, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    export("events", "--format", "parquet", "--output", str(target))
    events = pq.read_table(target)
    assert events.column_names == columns_of(seeded, "events")
    assert events.schema.field("id").type == pa.int64()
    assert events.schema.field("quad_class").type == pa.int16()
    assert events.schema.field("mention_count").type == pa.int32()
    assert events.schema.field("confidence").type == pa.float64()
    assert events.schema.field("event_date").type == pa.date32()
    assert events.schema.field("first_seen").type == pa.timestamp("us", tz="UTC")
    assert events.column("id").to_pylist() == ids_of(seeded, "events")

    export("articles", "--format", "parquet", "--output", str(tmp_path / "articles.parquet"))
    articles = pq.read_table(tmp_path / "articles.parquet")
    dropped = [json.loads(value) for value in articles.column("dropped").to_pylist() if value is not None]
    assert articles.schema.field("dropped").type == pa.string() and all(isinstance(d, list) for d in dropped)


def test_plover_records_follow_the_plover_json_format(seeded: Engine) -> None:
    records = [json.loads(line) for line in export("events", "--format", "plover").splitlines()]
    assert [record["id"] for record in records] == ids_of(seeded, "events")
    for record in records:
        jsonschema.validate(record, PLOVER_SCHEMA, format_checker=jsonschema.FormatChecker())
    with seeded.connect() as c:
        first = c.execute(text("SELECT type, source_code FROM events ORDER BY id LIMIT 1")).one()
    assert records[0]["event"] == [first.type] and records[0]["actor"][0]["code"] == first.source_code[:3]


def test_gdelt_file_is_tab_separated_with_gdelt_columns(seeded: Engine) -> None:
    header, *rows = list(csv.reader(io.StringIO(export("events", "--format", "gdelt")), delimiter="\t", strict=True))
    assert header == list(GDELT_COLUMNS)
    assert all(len(row) == len(header) for row in rows)
    event = dict(zip(header, rows[0], strict=True))
    assert event["EventRootCode"] == event["EventCode"][:2] and int(event["QuadClass"]) in (1, 2, 3, 4)
    assert [int(row[0]) for row in rows] == ids_of(seeded, "events")


def test_filters_narrow_the_rows(seeded: Engine) -> None:
    retreats = [json.loads(line) for line in export("events", "--type", "retreat").splitlines()]
    assert retreats and {record["type"] for record in retreats} == {"RETREAT"}
    assert export("events", "--since", "2100-01-01") == ""
    assert len(export("mentions", "--until", "2100-01-01T00:00:00+00:00").splitlines()) == len(
        ids_of(seeded, "mentions")
    )


def test_mistakes_get_one_line_and_nothing_is_overwritten(seeded: Engine, tmp_path: Path) -> None:
    existing = tmp_path / "events.jsonl"
    existing.write_text("keep me\n")
    mistakes = {
        ("events", "--since", "yesterday"): "ISO 8601",
        ("stories", "--format", "gdelt"): "export events with it",
        ("articles", "--type", "ASSAULT"): "events and mentions only",
        ("events", "--format", "parquet"): "--output",
        ("events", "--output", str(existing)): "--force",
        ("events", "--output", str(tmp_path)): "directory",
    }
    for args, hint in mistakes.items():
        result = runner.invoke(app, ["export", *args])
        assert result.exit_code == 1 and hint in result.output and len(result.output.strip().splitlines()) == 1
    assert existing.read_text() == "keep me\n"
    assert runner.invoke(app, ["export", "events", "--output", str(existing), "--force"]).exit_code == 0
    assert len(existing.read_text().splitlines()) == len(ids_of(seeded, "events"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["events.jsonl"]  # no partial file left
