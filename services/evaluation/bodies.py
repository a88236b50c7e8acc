"""The clean stage on pages labelled with their whole article body, beside bare trafilatura.

This is how the article extraction benchmark scores extractors (scrapinghub/article-extraction-benchmark): the body
and the extracted text are cut into shingles of four words; each page's matched, extra and missed shingles are
divided by their sum, so a long page weighs no more than a short one, and summed over the pages. The stage is
scored on the article text it keeps, without the title it keeps beside it (the bodies leave the headline out).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from services.evaluation.clean import NEWSFLOW, TRAFILATURA, WORD, newsflow_result, trafilatura_text
from services.evaluation.data import BodyPage
from services.evaluation.scores import f1, share

SHINGLE_WORDS = 4
# A page whose text misses more than this share of its body's shingles lost part of the article.
LOSS_THRESHOLD = 0.1


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The text's runs of SHINGLE_WORDS words (a shorter text is one run)."""
    words = WORD.findall(text)
    return Counter(tuple(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1)))


def newsflow_body(html: bytes) -> str:
    """The article text the clean stage keeps from a page; empty when it finds none."""
    result = newsflow_result(html)
    return result.text if result else ""


SYSTEMS: dict[str, Callable[[bytes], str]] = {NEWSFLOW: newsflow_body, TRAFILATURA: trafilatura_text}


@dataclass
class ShingleCounts:
    """Matched, extra and missed shingles, each page's normalised to sum to one, over some pages."""

    pages: int = 0
    matched: float = 0.0
    extra: float = 0.0
    missed: float = 0.0
    empty: int = 0
    losses: list[tuple[str, float]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, page: BodyPage, text: str, seconds: float) -> None:
        """Score one page's text against its body."""
        wanted, found = shingles(page.body), shingles(text)
        matched, extra, missed = (sum(c.values()) for c in (wanted & found, found - wanted, wanted - found))
        total = matched + extra + missed or 1
        self.pages += 1
        self.matched += matched / total
        self.extra += extra / total
        self.missed += missed / total
        self.empty += not text.strip()
        self.losses.append((page.id, round(missed / (matched + missed), 4) if matched + missed else 0.0))
        self.seconds += seconds

    def figures(self) -> dict:
        """Shingle precision, recall and F1; pages emptied; pages losing more than LOSS_THRESHOLD; ms per page."""
        precision = share(self.matched, self.matched + self.extra)
        recall = share(self.matched, self.matched + self.missed)
        return {
            "pages": self.pages,
            "precision": precision,
            "recall": recall,
            "f1": f1(precision, recall),
            "empty": self.empty,
            "lost_over_10_percent": sum(loss > LOSS_THRESHOLD for _, loss in self.losses),
            "ms_per_page": share(self.seconds * 1000, self.pages),
            "worst": sorted(self.losses, key=lambda item: -item[1])[:5],
        }


def evaluate_article_bodies(pages: Iterable[BodyPage], *, advance: Callable[[], None] = lambda: None) -> dict:
    """Per system, its figures over the pages."""
    counts = {name: ShingleCounts() for name in SYSTEMS}
    for page in pages:
        for name, system in SYSTEMS.items():
            started = time.perf_counter()
            text = system(page.html)
            counts[name].add(page, text, time.perf_counter() - started)
        advance()
    return {name: count.figures() for name, count in counts.items()}
