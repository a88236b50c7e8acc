"""What `newsflow export` writes: the reader views' rows as they are, and two shapes for events that analysts load.

Every query reads the `reader` views (the stable columns, never the internal ones) in id order, so an export is the
same rows whatever the format, and a run with `--since` picks up where the last left off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from psycopg import sql


@dataclass(frozen=True)
class Table:
    """A reader view, the moment its rows are filtered by with --since/--until, and whether it has a type."""

    view: str
    # SQL of the row's moment; mentions take their article's arrival (they have no time of their own).
    moment: str
    typed: bool


TABLES = {
    "events": Table("events", "v.first_seen", typed=True),
    "mentions": Table(
        "event_mentions",
        "(SELECT a.received_at FROM reader.articles a WHERE a.id = v.article_id)",
        typed=True,
    ),
    "articles": Table("articles", "v.received_at", typed=False),
    "stories": Table("stories", "v.last_seen", typed=False),
}

# Formats that write any table's own columns; the others are shapes of events.
TABLE_FORMATS = ("jsonl", "csv", "parquet")
EVENT_SHAPES = ("plover", "gdelt")

# The earliest mention of each event, with its article: the evidence sentence and the first source's URL.
FIRST_MENTION = """
    LEFT JOIN LATERAL (
        SELECT m.sentence, m.trigger, a.url, a.title, a.source, a.language
        FROM reader.event_mentions m JOIN reader.articles a ON a.id = m.article_id
        WHERE m.event_id = v.id ORDER BY m.id LIMIT 1
    ) first ON true"""

# PLOVER's JSON record (PLOVER manual, "PLOVER JSON"): actor and recipient are lists of entities with a
# three-letter code and a sector; event and mode are lists; event_loc is the location object.
PLOVER_RECORD = """
    json_build_object(
        'id', v.id,
        'date', v.event_date,
        'actor', {actor},
        'recipient', {recipient},
        'event', json_build_array(v.type),
        'mode', CASE WHEN v.mode IS NULL THEN '[]'::json ELSE json_build_array(v.mode) END,
        'event_loc', CASE WHEN v.location_name IS NULL AND v.location_country IS NULL THEN NULL ELSE json_build_object(
            'extracted_place', v.location_name, 'country_code', v.location_country,
            'lat', v.latitude, 'lon', v.longitude) END,
        'event_text', CASE WHEN first.trigger IS NULL THEN '[]'::json ELSE json_build_array(first.trigger) END,
        'quad_code', v.quad_class,
        'text', first.sentence,
        'cite_info', json_build_object(
            'url', first.url, 'title', first.title, 'publication', first.source, 'language', first.language,
            'coder', 'newsflow', 'codebook', 'plover'),
        'cameo', v.cameo,
        'date_precision', v.date_precision,
        'num_mentions', v.mention_count,
        'num_articles', v.article_count,
        'num_sources', v.source_count,
        'confidence', v.confidence,
        'first_seen', v.first_seen,
        'last_seen', v.last_seen
    )::text"""


def _plover_entity(code: str, text: str) -> str:
    return (
        f"CASE WHEN v.{code} IS NULL THEN '[]'::json ELSE json_build_array(json_build_object("
        f"'code', left(v.{code}, 3), 'sector', nullif(substr(v.{code}, 4), ''), 'entity_text', v.{text})) END"
    )


# GDELT 1.0 event columns, by their names, for what newsflow codes. Actor and place countries are ISO 3166-1
# alpha-3 (GDELT's geography uses FIPS codes); GoldsteinScale, AvgTone and the actors' geography have no source here.
GDELT_COLUMNS = {
    "GLOBALEVENTID": "v.id",
    "SQLDATE": "to_char(v.event_date, 'YYYYMMDD')",
    "MonthYear": "to_char(v.event_date, 'YYYYMM')",
    "Year": "to_char(v.event_date, 'YYYY')",
    "Actor1Code": "v.source_code",
    "Actor1Name": "v.source_text",
    "Actor1CountryCode": "left(v.source_code, 3)",
    "Actor1Type1Code": "nullif(substr(v.source_code, 4, 3), '')",
    "Actor2Code": "v.target_code",
    "Actor2Name": "v.target_text",
    "Actor2CountryCode": "left(v.target_code, 3)",
    "Actor2Type1Code": "nullif(substr(v.target_code, 4, 3), '')",
    "EventCode": "v.cameo",
    "EventBaseCode": "left(v.cameo, 3)",
    "EventRootCode": "left(v.cameo, 2)",
    "QuadClass": "v.quad_class",
    "NumMentions": "v.mention_count",
    "NumSources": "v.source_count",
    "NumArticles": "v.article_count",
    "ActionGeo_FullName": "v.location_name",
    "ActionGeo_CountryCode": "v.location_country",
    "ActionGeo_Lat": "v.latitude",
    "ActionGeo_Long": "v.longitude",
    "DATEADDED": "to_char(v.first_seen AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISS')",
    "SOURCEURL": "first.url",
}


@dataclass(frozen=True)
class Filters:
    since: datetime | None = None
    until: datetime | None = None
    type: str | None = None


def _where(table: Table, filters: Filters) -> tuple[sql.Composable, dict]:
    conditions = [sql.SQL("true")]
    params: dict = {}
    if filters.since is not None:
        conditions.append(sql.SQL(table.moment + " >= %(since)s"))
        params["since"] = filters.since
    if filters.until is not None:
        conditions.append(sql.SQL(table.moment + " < %(until)s"))
        params["until"] = filters.until
    if filters.type is not None:
        conditions.append(sql.SQL("v.type = %(type)s"))
        params["type"] = filters.type.upper()
    return sql.SQL(" AND ").join(conditions), params


def table_query(table: Table, select: sql.Composable, filters: Filters) -> tuple[sql.Composable, dict]:
    """The view's rows that pass the filters, in id order, with `select` as the projection."""
    where, params = _where(table, filters)
    query = sql.SQL("SELECT {select} FROM reader.{view} v WHERE {where} ORDER BY v.id").format(
        select=select, view=sql.Identifier(table.view), where=where
    )
    return query, params


def shape_query(shape: str, filters: Filters) -> tuple[sql.Composable, dict]:
    """The events in a shape of their own: one PLOVER JSON text per row, or GDELT's columns."""
    if shape == "plover":
        record = PLOVER_RECORD.format(
            actor=_plover_entity("source_code", "source_text"), recipient=_plover_entity("target_code", "target_text")
        )
        select = sql.SQL(record)
    else:
        select = sql.SQL(", ").join(
            sql.SQL("{} AS {}").format(sql.SQL(expr), sql.Identifier(name)) for name, expr in GDELT_COLUMNS.items()
        )
    where, params = _where(TABLES["events"], filters)
    query = sql.SQL("SELECT {select} FROM reader.events v {first} WHERE {where} ORDER BY v.id").format(
        select=select, first=sql.SQL(FIRST_MENTION), where=where
    )
    return query, params
