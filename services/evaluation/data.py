"""The labelled development sets `newsflow eval` reads, and the fixed split that keeps a third of each held out.

The data is read where it lies (`../shared/dev` beside the project, or NEWSFLOW_EVAL_DATA); it is never copied in.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from services.clean.decode import normalise_text
from services.evaluation.acled import ACLED_COLUMNS, actor_country, label_of
from services.settings import get_settings

DEV, HELD_OUT, ALL = "dev", "held-out", "all"
SPLITS = (DEV, HELD_OUT, ALL)
# One item in HELD_OUT_EVERY is held out. The unit is what must not leak across the split: a page, a sentence,
# and for ECB+ a whole topic, so that the two events of a held-out topic are both unseen.
HELD_OUT_EVERY = 3
PROJECT_ROOT = Path(__file__).resolve().parents[2]


class MissingData(Exception):
    """The development data is not where it was looked for."""


def data_dir(given: Path | None = None) -> Path:
    """The data directory: the one given, else NEWSFLOW_EVAL_DATA, else `../shared/dev` beside the project."""
    path = given or get_settings().eval_data or PROJECT_ROOT.parent / "shared" / "dev"
    if not (path / "README.md").is_file():
        raise MissingData(f"no development data in {path}: give --data DIR or set NEWSFLOW_EVAL_DATA")
    return path


def split_of(item_id: str) -> str:
    """DEV or HELD_OUT, fixed for an item by a hash of its id."""
    digest = hashlib.sha256(f"newsflow-eval/{item_id}".encode()).digest()
    return HELD_OUT if int.from_bytes(digest[:8], "big") % HELD_OUT_EVERY == 0 else DEV


def in_split(item_id: str, split: str) -> bool:
    """Whether an item belongs to a split (ALL takes everything)."""
    return split == ALL or split_of(item_id) == split


def _records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines if line.strip())


@dataclass(frozen=True)
class Page:
    """A real web page with passages its text must contain (`with`) and must not (`without`)."""

    id: str
    html: bytes
    with_passages: tuple[str, ...]
    without_passages: tuple[str, ...]


def load_pages(root: Path, split: str) -> list[Page]:
    """The pages of a split, from `pages/expectations.jsonl` and `pages/html/<id>.html.gz`."""
    return [
        Page(
            record["id"],
            gzip.decompress((root / "pages" / "html" / f"{record['id']}.html.gz").read_bytes()),
            tuple(record["with"]),
            tuple(record["without"]),
        )
        for record in _records(root / "pages" / "expectations.jsonl")
        if in_split(record["id"], split)
    ]


@dataclass(frozen=True)
class NewsArticle:
    """An ECB+ article: its text (one sentence per line), its topic and its story (the event cluster)."""

    id: str
    topic: int
    story: str
    text: str


def load_ecbplus(root: Path, split: str) -> list[NewsArticle]:
    """The ECB+ articles of the topics in a split, in the file's order."""
    return [
        NewsArticle(record["doc_id"], record["topic"], record["cluster"], record["text"])
        for record in _records(root / "ecbplus_odd_topics.jsonl")
        if in_split(f"ecbplus-topic-{record['topic']}", split)
    ]


@dataclass(frozen=True)
class BodyPage:
    """A real web page labelled with its article's whole text (the body, without the headline)."""

    id: str
    html: bytes
    body: str


def load_article_bodies(root: Path) -> list[BodyPage]:
    """Pages labelled with their article bodies, in the layout of the article extraction benchmark: `ground-truth.json`
    maps each page id to a record with `articleBody`, and `html/<id>.html.gz` holds the page."""
    truth = root / "ground-truth.json"
    if not truth.is_file():
        raise MissingData(f"no ground-truth.json in {root}: give the folder that holds it and html/<id>.html.gz")
    pages = []
    for page_id, record in json.loads(truth.read_text(encoding="utf-8")).items():
        html = root / "html" / f"{page_id}.html.gz"
        if not html.is_file():
            raise MissingData(f"ground-truth.json names {page_id}, but {html} is missing")
        pages.append(BodyPage(page_id, gzip.decompress(html.read_bytes()), record.get("articleBody") or ""))
    return pages


@dataclass(frozen=True)
class TypedSnippet:
    """A real news snippet labelled with the kind of event it reports (an ACLED sub-event type), and, where the
    labels give them, the countries of the side that acts and of the side acted on (ISO alpha-3)."""

    id: str
    text: str
    label: str
    source: str | None = None
    target: str | None = None
    one_sided: bool = False  # the labels name no side acted on


# The CASE 2021 fine-grained event classification layout: a header, then one snippet a line.
TYPED_COLUMNS = ("id", "EventSnippet", "SubType")


def load_typed_snippets(path: Path) -> list[TypedSnippet]:
    """The snippets of a tab-separated file with the columns id, EventSnippet and SubType, or the events of an
    ACLED export (comma-separated, with the columns notes, event_type, actor1 and actor2); their text as the clean
    stage hands it on (ACLED's notes hold windows-1252 quotes read as C1 controls)."""
    if not path.is_file():
        raise MissingData(
            f"no file {path}: give a tab-separated file with the columns {', '.join(TYPED_COLUMNS)}, "
            f"or an ACLED export with the columns {', '.join(ACLED_COLUMNS)}"
        )
    # A byte-order mark, as spreadsheets write one, is no part of the first column's name.
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as lines:
        header = lines.readline()
        lines.seek(0)
        if "\t" not in header and all(column in header for column in ACLED_COLUMNS):
            snippets = [_acled_snippet(number, row) for number, row in enumerate(csv.DictReader(lines))]
        else:
            rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = [column for column in TYPED_COLUMNS if column not in (rows.fieldnames or ())]
            if missing:
                wanted = ", ".join(TYPED_COLUMNS)
                raise MissingData(f"{path} has no column {', '.join(missing)}: its header must name {wanted}")
            snippets = [
                TypedSnippet(row["id"], normalise_text(row["EventSnippet"] or ""), (row["SubType"] or "").strip())
                for row in rows
            ]
    if not snippets:
        raise MissingData(f"{path} holds no snippets")
    return snippets


def _acled_snippet(number: int, row: dict[str, str]) -> TypedSnippet:
    """An ACLED event as a snippet: its notes, its label, and its actors' countries."""
    actor2 = (row.get("actor2") or "").strip()
    return TypedSnippet(
        row.get("event_id_cnty") or row.get("data_id") or str(number),
        normalise_text(row.get("notes") or ""),
        label_of(row.get("event_type") or "", row.get("sub_event_type")),
        actor_country(row.get("actor1") or ""),
        actor_country(actor2) if actor2 else None,
        one_sided=not actor2,
    )


@dataclass(frozen=True)
class PlainText:
    """A real article given as plain text, named by its file."""

    id: str
    text: str


def load_plain_texts(root: Path) -> list[PlainText]:
    """The articles of a folder of plain-text files (`*.txt`, one article a file), in name order."""
    files = sorted(root.glob("*.txt")) if root.is_dir() else []
    if not files:
        raise MissingData(f"no .txt files in {root}: give a folder of real articles as plain text, one a file")
    return [PlainText(path.stem, path.read_text(encoding="utf-8", errors="replace")) for path in files]


def load_coded_sentences(root: Path, name: str, split: str) -> list[dict]:
    """The coded sentences of a split from `<name>.jsonl` (petr2_gsr or plover_gsr)."""
    return [record for record in _records(root / f"{name}.jsonl") if in_split(f"{name}/{record['id']}", split)]
