"""The bench's corpus from files and directories, read as `newsflow ingest` reads them (gzipped files too)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from services.bench.corpus import BenchArticle, Failure
from services.sources.ingest import Refusal, inputs_from_paths
from services.urls import canonical_url

NO_CONTENT = "no content; the bench does not fetch"
REPEAT = "repeats an earlier input's URL or bytes, which ingest keeps as one article"


@dataclass(frozen=True)
class FileCorpus:
    """The articles both sides run, and the inputs neither runs, each with its reason (the report counts them)."""

    articles: list[BenchArticle]
    set_aside: list[Failure]


def read_corpus(paths: Iterable[Path], *, max_bytes: int) -> FileCorpus:
    """Every input in the paths: an article to run, or set aside when ingest refuses it, when it has only a URL (the
    bench measures the stages on content, not downloads), or when it repeats an earlier input."""
    articles: list[BenchArticle] = []
    set_aside: list[Failure] = []
    seen: set[str] = set()  # canonical URLs and SHA-256 of the bytes, the keys ingest finds a known article by
    for item in inputs_from_paths(paths, max_bytes=max_bytes):
        if isinstance(item, Refusal):
            set_aside.append(Failure("skipped" if item.skipped else "refused", "ingest", item.reason))
            continue
        if item.raw is None:
            set_aside.append(Failure("skipped", "fetch", NO_CONTENT))
            continue
        keys = {hashlib.sha256(item.raw).hexdigest()}
        if item.url:
            keys.add(canonical_url(item.url) or item.url)
        if keys & seen:
            set_aside.append(Failure("skipped", "ingest", REPEAT))
            continue
        seen |= keys
        articles.append(
            BenchArticle(
                item.origin, item.raw, item.content_type, item.given.get("published"), url=item.url,
                given=item.given, problem=item.problem,
            )
        )  # fmt: skip
    return FileCorpus(articles, set_aside)
