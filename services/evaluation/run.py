"""`newsflow eval`: every stage on the labelled real data of one split, each beside its baseline in the same run."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from services.evaluation import EVALUATED_STAGES
from services.evaluation.bodies import evaluate_article_bodies
from services.evaluation.clean import evaluate_pages, evaluate_plain_text
from services.evaluation.data import (
    load_article_bodies,
    load_coded_sentences,
    load_ecbplus,
    load_pages,
    load_plain_texts,
    load_typed_snippets,
)
from services.evaluation.dedup import evaluate_dedup
from services.evaluation.extract import PETR2, PLOVER, evaluate_coder
from services.evaluation.typed import evaluate_typed

# Called with a step's name and its number of items, it returns what to call after each item.
Progress = Callable[[str, int], Callable[[], None]]


def _no_progress(_name: str, _total: int) -> Callable[[], None]:
    return lambda: None


def evaluate_clean(root: Path, split: str, progress: Progress) -> dict[str, Any]:
    """The clean stage on the real pages, and on the ECB+ articles given as plain text."""
    pages = load_pages(root, split)
    articles = load_ecbplus(root, split)
    return {
        "pages": evaluate_pages(pages, advance=progress("clean: real pages", len(pages))),
        "plain_text": evaluate_plain_text(articles, advance=progress("clean: ECB+ plain text", len(articles))),
    }


def evaluate_dedup_stage(root: Path, split: str, progress: Progress) -> dict[str, Any]:
    """The dedup stage on the ECB+ articles streamed with their wire copies."""
    articles = load_ecbplus(root, split)
    advance = progress("dedup: ECB+ with wire copies", 1)
    figures = evaluate_dedup(articles)
    advance()
    return figures


def evaluate_extract(root: Path, split: str, progress: Progress) -> dict[str, Any]:
    """The event coder on the PETRARCH2 validation sentences and the PLOVER records."""
    figures = {}
    for dataset in (PETR2, PLOVER):
        records = load_coded_sentences(root, dataset, split)
        figures[dataset] = evaluate_coder(records, dataset, advance=progress(f"extract: {dataset}", len(records)))
    return figures


EVALUATIONS = dict(zip(EVALUATED_STAGES, (evaluate_clean, evaluate_dedup_stage, evaluate_extract), strict=True))


def evaluate(
    stages: Sequence[str] = EVALUATED_STAGES, *, root: Path, split: str, progress: Progress = _no_progress
) -> dict[str, Any]:
    """The figures of the stages asked for, with the seconds each took."""
    result: dict[str, Any] = {"split": split, "seconds": {}}
    for stage in stages:
        started = time.perf_counter()
        result[stage] = EVALUATIONS[stage](root, split, progress)
        result["seconds"][stage] = round(time.perf_counter() - started, 1)
    return result


def evaluate_bodies(root: Path, progress: Progress = _no_progress) -> dict[str, Any]:
    """The clean stage on pages labelled with their article bodies (any such set, not the development data)."""
    pages = load_article_bodies(root)
    started = time.perf_counter()
    figures = evaluate_article_bodies(pages, advance=progress("clean: pages with their article bodies", len(pages)))
    return {"bodies": str(root), "clean_bodies": figures, "seconds": {"clean": round(time.perf_counter() - started, 1)}}


def evaluate_plain(root: Path, progress: Progress = _no_progress) -> dict[str, Any]:
    """The clean stage on real articles given as plain text (any such folder, not the development data)."""
    articles = load_plain_texts(root)
    started = time.perf_counter()
    figures = evaluate_plain_text(articles, advance=progress("clean: articles as plain text", len(articles)))
    return {"texts": str(root), "clean_plain": figures, "seconds": {"clean": round(time.perf_counter() - started, 1)}}


def evaluate_typed_snippets(path: Path, progress: Progress = _no_progress) -> dict[str, Any]:
    """The coder on real news snippets labelled with the kind of event they report (any such set, not the
    development data)."""
    snippets = load_typed_snippets(path)
    started = time.perf_counter()
    figures = evaluate_typed(snippets, advance=progress("extract: snippets labelled by event type", len(snippets)))
    seconds = round(time.perf_counter() - started, 1)
    return {"texts": str(path), "extract_typed": figures, "seconds": {"extract": seconds}}
