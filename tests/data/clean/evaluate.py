"""Score the clean stage on tests/data/clean: token precision, recall and F1 of the kept text, and its speed.

Run from the repository root: python -m tests.data.clean.evaluate [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import trafilatura

from services.clean import UnusableDocument, clean_document
from services.clean.html import EXTRACTION_OPTIONS

HERE = Path(__file__).parent
TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    """One evaluation input and the text a perfect cleaner keeps from it."""

    name: str
    raw: bytes
    expected: str


@dataclass(frozen=True)
class Score:
    """Token-level precision, recall and F1, summed over pages (micro-averaged)."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_pages(kind: str) -> list[Page]:
    """The pages of one kind ("html" or "text"), each with its .expected.txt."""
    suffix = ".html" if kind == "html" else ".txt"
    return [
        Page(path.stem, path.read_bytes(), path.with_name(f"{path.stem}.expected.txt").read_text(encoding="utf-8"))
        for path in sorted((HERE / kind).glob(f"*{suffix}"))
        if not path.name.endswith(".expected.txt")
    ]


def score(system: Callable[[Page], str], pages: list[Page]) -> Score:
    """Micro-averaged token precision and recall of a system's kept text against the expected text."""
    kept = relevant = overlap = 0
    for page in pages:
        got, want = _tokens(system(page)), _tokens(page.expected)
        kept += sum(got.values())
        relevant += sum(want.values())
        overlap += sum((got & want).values())
    return Score(overlap / kept if kept else 0.0, overlap / relevant if relevant else 0.0)


def _tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text.lower()))


def newsflow(page: Page) -> str:
    """The clean stage as the pipeline runs it."""
    content_type = "text/plain" if page.name.endswith(".txt") or page.raw[:1] not in b"<" else "text/html"
    try:
        return clean_document(page.raw, content_type=content_type).text
    except UnusableDocument:
        return ""


def bare_trafilatura(page: Page) -> str:
    """trafilatura.extract with its default options."""
    return trafilatura.extract(page.raw.decode("utf-8")) or ""


def trafilatura_only(page: Page) -> str:
    """trafilatura with our options but without the text-level stripper."""
    return trafilatura.extract(page.raw.decode("utf-8"), **EXTRACTION_OPTIONS) or ""


def unchanged(page: Page) -> str:
    """The input as it came, for plain text."""
    return page.raw.decode("utf-8")


def timed(system: Callable[[Page], str], pages: list[Page], repeat: int) -> float:
    """Seconds per page, best of `repeat` passes over all pages."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for page in pages:
            system(page)
        best = min(best, time.perf_counter() - start)
    return best / len(pages)


def timed_pair(
    ours: Callable[[Page], str], theirs: Callable[[Page], str], pages: list[Page], repeat: int
) -> tuple[float, float, float]:
    """Seconds per page for two systems run alternately page by page, and the median of the per-pass ratios.

    Alternating on the same page keeps a busy shared machine from favouring whichever system ran in a quiet moment.
    """
    ratios, our_best, their_best = [], float("inf"), float("inf")
    for _ in range(repeat):
        our_time = their_time = 0.0
        for page in pages:
            start = time.perf_counter()
            ours(page)
            middle = time.perf_counter()
            theirs(page)
            our_time += middle - start
            their_time += time.perf_counter() - middle
        ratios.append(our_time / their_time)
        our_best, their_best = min(our_best, our_time), min(their_best, their_time)
    return our_best / len(pages), their_best / len(pages), statistics.median(ratios)


OPTION_VARIANTS = {
    "defaults": {},
    "no comments": {"include_comments": False},
    "no comments, favor precision": {"include_comments": False, "favor_precision": True},
    "no comments, favor recall": {"include_comments": False, "favor_recall": True},
    "no comments, no tables": {"include_comments": False, "include_tables": False},
    "no comments, fast (no fallback)": {"include_comments": False, "fast": True},
}


def compare_options(html: list[Page]) -> None:
    """Score the whole stage with each trafilatura option set, to choose EXTRACTION_OPTIONS."""
    print(f"\n{'trafilatura options inside newsflow clean':40} {'precision':>9} {'recall':>7} {'F1':>7} {'ms/page':>8}")
    for name, options in OPTION_VARIANTS.items():
        with mock.patch.dict(EXTRACTION_OPTIONS, options, clear=True):
            result, seconds = score(newsflow, html), timed(newsflow, html, 3)
        print(f"{name:40} {result.precision:9.4f} {result.recall:7.4f} {result.f1:7.4f} {seconds * 1000:8.2f}")


def main() -> None:
    """Print the quality table and the speed figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15, help="timing passes; the best one counts")
    parser.add_argument("--options", action="store_true", help="also compare trafilatura option sets")
    args = parser.parse_args()
    html, text = load_pages("html"), load_pages("text")
    rows = [
        ("HTML", "newsflow clean", score(newsflow, html)),
        ("HTML", "trafilatura, our options, no stripper", score(trafilatura_only, html)),
        ("HTML", "bare trafilatura.extract (defaults)", score(bare_trafilatura, html)),
        ("text", "newsflow clean", score(newsflow, text)),
        ("text", "input unchanged", score(unchanged, text)),
    ]
    print(f"{len(html)} HTML pages, {len(text)} plain-text pages\n")
    print(f"{'input':6} {'system':40} {'precision':>9} {'recall':>7} {'F1':>7}")
    for kind, name, result in rows:
        print(f"{kind:6} {name:40} {result.precision:9.4f} {result.recall:7.4f} {result.f1:7.4f}")
    if args.options:
        compare_options(html)
    newsflow(html[0]), bare_trafilatura(html[0])  # warm caches and lazy imports before timing
    ours, bare, ratio = timed_pair(newsflow, bare_trafilatura, html, args.repeat)
    per_text = timed(newsflow, text, args.repeat * 20)
    print(
        f"\nHTML: newsflow clean {ours * 1000:.2f} ms/page, bare trafilatura.extract {bare * 1000:.2f} ms/page "
        f"(best pass each); median ratio over {args.repeat} alternating passes {ratio:.3f}"
    )
    print(f"plain text: {1 / per_text:,.0f} articles/s on one core ({per_text * 1e6:.0f} µs/article)")


if __name__ == "__main__":
    main()
