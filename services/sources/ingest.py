"""Ingest: files, directories, JSON records and URLs become article rows; their ids are what gets enqueued."""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.clean import UnusableDocument, decode_document
from services.dates import parse_date
from services.dedup.postgres import forget_article
from services.models import Article
from services.queues import Enqueue, send_after_commit
from services.sources.inputs import ArticleInput, Refusal, too_large
from services.sources.warc import WARC_SUFFIX, inputs_from_warc
from services.stages import entry_stage
from services.status import Status
from services.urls import canonical_url

FILE_TYPES = {".txt": "text/plain", ".html": "text/html", ".htm": "text/html"}
RECORD_SUFFIXES = {".json", ".jsonl"}
COMPRESSED_SUFFIX = ".gz"  # gzip: the suffix before it decides how the file is read
RECORD_FIELDS = ("url", "html", "text", "title", "published", "source")
COMMIT_BATCH = 100
# Postgres compresses stored pages with pglz by default, which made inserting real pages about three times as slow
# as with lz4. lz4 only where the server was built with it (the embedded one is not); a value reads back the same
# whichever method compressed it.
PREFER_LZ4 = text(
    "SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings"
    " WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
)
NUL = "\x00"
JSON_TYPES = {list: "an array", dict: "an object", bool: "a boolean", int: "a number", float: "a number"}


@dataclass(frozen=True)
class IngestOutcome:
    """What ingest did with one input: the article it maps to, and whether that article is new."""

    origin: str
    article_id: int
    created: bool
    status: Status
    error: str | None
    entry_stage: str
    revised: bool = False  # new content for a known URL: the article goes through the stages again
    note: str | None = None

    @property
    def to_enqueue(self) -> bool:
        """Whether the article waits at its entry stage. Sent again when it is already known: a message lost
        (Redis down at ingest, or flushed) is made good by ingesting the same input again, and a second message
        for an article still queued is dropped by the step, which re-checks the status."""
        return self.status is Status.RECEIVED


def input_from_record(record: Any, origin: str) -> ArticleInput:
    """An ArticleInput from a JSON record with fields url, html or text, title, published, source."""
    if not isinstance(record, dict):
        raw = json.dumps(record).encode()
        return ArticleInput(origin, raw=raw, problem=f"not a record: a JSON {type(record).__name__}")
    unknown = sorted(set(record) - set(RECORD_FIELDS))
    url, html, text = record.get("url"), record.get("html"), record.get("text")
    raw_json = json.dumps(record, sort_keys=True).encode()
    if unknown:
        return ArticleInput(origin, raw=raw_json, problem=f"unknown fields {unknown}; expected {list(RECORD_FIELDS)}")
    if wrong := _wrongly_typed(record):
        return ArticleInput(origin, raw=raw_json, problem=f"wrong field types: {wrong}; every field is a string")
    if not (url or html or text):
        return ArticleInput(origin, raw=raw_json, problem="the record has none of url, html, text")
    if unstorable := _unstorable_text(record):
        return ArticleInput(origin, raw=raw_json, problem=unstorable)
    if url and (problem := url_problem(url)):
        return ArticleInput(origin, raw=raw_json, problem=problem)
    content = html if html else text
    given = {key: record[key] for key in ("title", "published", "source") if record.get(key)}
    return ArticleInput(
        origin,
        url=url or None,
        raw=content.encode() if content else None,
        content_type=("text/html" if html else "text/plain") if content else None,
        source=record.get("source"),
        given=given,
        note=unreadable_date_note(given.get("published")),
    )


def unreadable_date_note(published: str | None) -> str | None:
    """What to tell the caller when a given publication date cannot be read (the page's own date is used)."""
    if published and parse_date(published) is None:
        return f"published {published[:100]!r} is not a date newsflow can read; the article's own date is used"
    return None


def url_problem(url: str) -> str | None:
    """Why a string is not an article's URL (only http and https with a host are); None if it is one."""
    if canonical_url(url) is None:
        return f"not a web address: {url[:200]!r}; an article's URL is http:// or https:// with a host"
    return None


def _unstorable_text(record: dict[str, str | None]) -> str | None:
    """The fields holding characters Postgres text cannot store (NUL) or that are not text at all (a lone
    surrogate, which JSON's \\ud800 escapes can spell), named."""
    bad = [f"{key} holds {flaw}" for key, value in record.items() if value and (flaw := _text_flaw(value))]
    return "; ".join(bad) or None


def _text_flaw(value: str) -> str | None:
    if NUL in value:
        return "a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "an unpaired surrogate (not text)"
    return None


def _wrongly_typed(record: dict[str, Any]) -> str:
    """The fields that hold something other than a string (or null), named with their JSON type."""
    return ", ".join(
        f"{key} is {JSON_TYPES.get(type(value), type(value).__name__)}"
        for key, value in record.items()
        if value is not None and not isinstance(value, str)
    )


def inputs_from_file(path: Path, *, max_bytes: int) -> Iterator[ArticleInput | Refusal]:
    """The articles in one file (a .txt or .html page, or .json/.jsonl records; each may be gzipped, as .gz); a
    Refusal if it is too large, on disk or decompressed, or cannot be read."""
    if file_type_suffix(path) == WARC_SUFFIX:  # read record by record, each page held to the limit
        yield from inputs_from_warc(path, max_bytes=max_bytes)
        return
    compressed = path.name.lower().endswith(COMPRESSED_SUFFIX)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Refusal(str(path), too_large(size, max_bytes))
            return
        if compressed:
            with gzip.open(path) as file:
                data = file.read(max_bytes + 1)  # a bomb stops here: one byte past the limit is enough to know
        else:
            data = path.read_bytes()
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:  # before OSError, which BadGzipFile is
        yield Refusal(str(path), f"not a readable gzip file: {exc}")
        return
    except OSError as exc:  # a mistyped path is the caller's to fix, not an article that failed
        yield Refusal(str(path), f"cannot read the file: {exc.strerror}")
        return
    if compressed and len(data) > max_bytes:
        reason = f"too large once decompressed: past the limit of {max_bytes} bytes (NEWSFLOW_MAX_INPUT_BYTES)"
        yield Refusal(str(path), reason)
        return
    yield from inputs_from_bytes(data, origin=str(path), suffix=file_type_suffix(path))


def file_type_suffix(path: Path) -> str:
    """The suffix that decides how a file is read, lower-cased: `.html` for `page.html` and for `page.html.gz`."""
    return Path(path.name.lower().removesuffix(COMPRESSED_SUFFIX)).suffix


def inputs_from_bytes(data: bytes, *, origin: str, suffix: str) -> Iterator[ArticleInput]:
    """The articles in a file's bytes, read by the file's suffix."""
    suffix = suffix.lower()
    if suffix in FILE_TYPES:
        yield ArticleInput(origin, raw=data, content_type=FILE_TYPES[suffix])
        return
    if suffix not in RECORD_SUFFIXES:
        yield ArticleInput(origin, raw=data, problem=f"unsupported file type {suffix or '(none)'!r}")
        return
    lines = enumerate(data.splitlines(), 1) if suffix == ".jsonl" else [(0, data)]
    for number, line in lines:
        where = f"{origin}:{number}" if number else origin
        if not line.strip():
            continue
        try:
            parsed = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield ArticleInput(where, raw=line, problem=f"invalid JSON: {exc}")
            continue
        except RecursionError:
            yield ArticleInput(where, raw=line, problem="invalid JSON: nested too deeply to read")
            continue
        except ValueError as exc:  # an integer past Python's 4,300 digits
            yield ArticleInput(where, raw=line, problem=f"invalid JSON: {str(exc).split(';')[0]}")
            continue
        for record in parsed if isinstance(parsed, list) and suffix == ".json" else [parsed]:
            yield input_from_record(record, where)


def inputs_from_paths(paths: Iterable[Path], *, max_bytes: int) -> Iterator[ArticleInput | Refusal]:
    """Articles from files and directories; in a directory, only files of a supported type (gzipped or not), in
    name order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if file_type_suffix(child) in FILE_TYPES.keys() | RECORD_SUFFIXES | {WARC_SUFFIX}:
                    yield from inputs_from_file(child, max_bytes=max_bytes)
        else:
            yield from inputs_from_file(path, max_bytes=max_bytes)


def split_refusals(items: Iterable[ArticleInput | Refusal]) -> tuple[list[ArticleInput], list[Refusal]]:
    """The inputs to ingest, and the refusals to report."""
    inputs: list[ArticleInput] = []
    refusals: list[Refusal] = []
    for item in items:
        (refusals if isinstance(item, Refusal) else inputs).append(item)
    return inputs, refusals


def input_problem(item: ArticleInput, max_bytes: int) -> str | None:
    """Why an input cannot be an article (stored as failed with this reason); None if it can."""
    if item.problem:
        return item.problem
    if item.raw is None:
        return None
    if len(item.raw) > max_bytes:
        return too_large(len(item.raw), max_bytes)
    try:
        decode_document(item.raw)
    except UnusableDocument as exc:
        return str(exc)
    return None


def _article_values(item: ArticleInput, max_bytes: int) -> dict[str, Any]:
    """The new row for an input: received, or failed at ingest with the reason."""
    problem = input_problem(item, max_bytes)
    url = (canonical_url(item.url) or item.url) if item.url else None
    return {
        "url": url,
        "source": item.source,
        "content_type": item.content_type,
        "raw": item.raw,
        "raw_sha256": hashlib.sha256(item.raw).hexdigest() if item.raw is not None else None,
        "given": item.given if url == item.url or not item.url else {**item.given, "url": item.url},
        "status": Status.FAILED if problem else Status.RECEIVED,
        "error_stage": "ingest" if problem else None,
        "error": problem,
    }


def add_article(session: Session, item: ArticleInput, *, max_bytes: int) -> IngestOutcome:
    """Insert the article unless the same URL or the same bytes are already there; unusable input is stored failed.

    URLs are compared in canonical form. New content for a known URL is a revision: the article keeps its id, takes
    the new content and goes through the stages again.
    """
    return add_articles(session, [item], max_bytes=max_bytes)[0]


def add_articles(session: Session, items: Sequence[ArticleInput], *, max_bytes: int) -> list[IngestOutcome]:
    """`add_article` for many inputs: the new ones in one INSERT, then each that met a stored article (or one
    earlier in the list) on its own."""
    if not items:
        return []
    rows = [_article_values(item, max_bytes) for item in items]
    # ON CONFLICT DO NOTHING covers both unique keys (url, raw_sha256), and concurrent ingests of one input.
    inserted = session.execute(
        insert(Article.__table__).on_conflict_do_nothing().returning(Article.id, Article.url, Article.raw_sha256),
        rows,
    ).all()
    new_ids = {(row.url, row.raw_sha256): row.id for row in inserted}
    outcomes = []
    for item, values in zip(items, rows, strict=True):
        new_id = new_ids.pop((values["url"], values["raw_sha256"]), None)
        if new_id is not None:
            status, error = values["status"], values["error"]
            outcomes.append(
                IngestOutcome(
                    item.origin,
                    new_id,
                    True,
                    status,
                    error,
                    entry_stage(has_content=item.raw is not None),
                    note=item.note,
                )
            )
        else:
            outcomes.append(_existing(session, item, values, max_bytes))
    return outcomes


def _existing(session: Session, item: ArticleInput, values: dict[str, Any], max_bytes: int) -> IngestOutcome:
    """The stored article an input conflicted with, revised when the input is new content for its URL."""
    url, raw_sha256, problem = values["url"], values["raw_sha256"], values["error"]
    same_input = [Article.url == url] if url else []
    if raw_sha256:
        same_input.append(Article.raw_sha256 == raw_sha256)
    existing = session.execute(
        select(Article.id, Article.status, Article.error, Article.url, Article.raw_sha256)
        .where(or_(*same_input))
        .order_by((Article.raw_sha256 == raw_sha256).desc().nulls_last())  # the same bytes elsewhere: no revision
        .limit(1)
    ).first()
    if existing is None:  # the conflicting row was inserted and rolled back by someone else
        return add_article(session, item, max_bytes=max_bytes)
    if raw_sha256 and not problem and existing.url == url and existing.raw_sha256 not in (None, raw_sha256):
        revise_article(session, existing.id, raw=item.raw, raw_sha256=raw_sha256, content_type=item.content_type)
        stage = entry_stage(has_content=True)  # new content came with it
        return IngestOutcome(item.origin, existing.id, False, Status.RECEIVED, None, stage, revised=True)
    # The stored article's own entry stage: the same URL given again without its content still has content.
    stored_stage = entry_stage(has_content=existing.raw_sha256 is not None)
    return IngestOutcome(item.origin, existing.id, False, existing.status, existing.error, stored_stage)


def revise_article(session: Session, article_id: int, *, raw: bytes, raw_sha256: str, content_type: str | None) -> None:
    """Give an article new content and send it back to the start: what the stages derived is cleared."""
    # Waits for a step that holds the row; the step's onward message then finds the status reset and is dropped.
    session.execute(select(Article.id).where(Article.id == article_id).with_for_update())
    forget_article(session, article_id)
    session.execute(
        update(Article)
        .where(Article.id == article_id)
        .values(
            raw=raw,
            raw_sha256=raw_sha256,
            content_type=content_type,
            revisions=Article.revisions + 1,
            status=Status.RECEIVED,
            **dict.fromkeys(REVISED_FIELDS),
        )
    )


# What the stages derive from an article's content; a revision clears it.
REVISED_FIELDS = (
    "text", "dropped", "title", "author", "site_name", "language", "published_at", "published_precision",
    "published_source", "error_stage", "error", "story_id", "duplicate_of_id", "duplicate_method",
    "duplicate_similarity", "contains_id", "fetched_at", "cleaned_at", "deduped_at", "extracted_at", "stored_at",
)  # fmt: skip


def ingest(
    items: Iterable[ArticleInput],
    *,
    session_scope: Callable[[], Any],
    enqueue: Enqueue,
    max_bytes: int,
) -> Iterator[IngestOutcome]:
    """Add articles in batches; once each batch commits, its articles waiting at their first stage are sent there."""
    iterator = iter(items)
    while batch := list(islice(iterator, COMMIT_BATCH)):
        with session_scope() as session:
            session.execute(PREFER_LZ4)  # for this transaction only
            outcomes = add_articles(session, batch, max_bytes=max_bytes)
            waiting = [(outcome.entry_stage, outcome.article_id) for outcome in outcomes if outcome.to_enqueue]
            send_after_commit(session, enqueue, waiting)
        yield from outcomes
