"""The clean stage on real input, beside bare trafilatura.

Pages: a page scores by the share of its `with` passages present in the title and text (recall) and of its
`without` passages absent from them (furniture gone); precision and F1 count passages as trafilatura's own evaluation
does.
Plain text (the ECB+ articles): the share of the article's words the stage keeps, counting the headline it keeps as
the title and a date line it keeps as the publication date.
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import trafilatura

from services.clean import CleanResult, UnusableDocument, clean_document, detect_language
from services.clean.decode import INVISIBLE
from services.clean.text import DATE_LINE_REASON
from services.evaluation.data import NewsArticle, Page, PlainText
from services.evaluation.scores import f1, share

NEWSFLOW, TRAFILATURA = "newsflow clean", "bare trafilatura"
WORD = re.compile(r"\w+")
# Languages with fewer pages than this are reported together as "other".
MIN_LANGUAGE_PAGES = 20
# The pages in every language but English, together: the targets hold for English and for the others.
NOT_ENGLISH = "not en"
# An article that loses more than this share of its words lost some of its reporting.
LOSS_THRESHOLDS = (0.1, 0.2)


def _flat(text: str) -> str:
    # Passages and extracted text break lines in different places, and the passages keep invisible characters (soft
    # hyphens) that both systems drop: only the words and their order count.
    return " ".join(INVISIBLE.sub("", text).split())


def newsflow_result(html: bytes) -> CleanResult | None:
    """What the clean stage makes of a page; None when it finds no text."""
    try:
        return clean_document(html, content_type="text/html")
    except UnusableDocument:
        return None


def newsflow_text(html: bytes) -> str:
    """The title and the article text the clean stage keeps from a page; empty when it finds no text.

    A headline kept as the title is kept, as in plain text; a site's name in the title counts as furniture left in.
    """
    result = newsflow_result(html)
    return "\n".join(filter(None, [result.title, result.text])) if result else ""


def trafilatura_text(html: bytes) -> str:
    """What `trafilatura.extract` keeps with its default options."""
    return trafilatura.extract(html) or ""


SYSTEMS: dict[str, Callable[[bytes], str]] = {NEWSFLOW: newsflow_text, TRAFILATURA: trafilatura_text}


@dataclass
class PassageCounts:
    """`with` passages found and missed, `without` passages left in and gone, over some pages."""

    pages: int = 0
    with_found: int = 0
    with_missed: int = 0
    without_left: int = 0
    without_gone: int = 0
    empty: int = 0
    seconds: float = 0.0

    def add(self, page: Page, text: str, seconds: float) -> None:
        """Score one page's text."""
        flat = _flat(text)
        found = sum(_flat(p) in flat for p in page.with_passages)
        left = sum(_flat(p) in flat for p in page.without_passages)
        self.pages += 1
        self.with_found += found
        self.with_missed += len(page.with_passages) - found
        self.without_left += left
        self.without_gone += len(page.without_passages) - left
        self.empty += not flat
        self.seconds += seconds

    def merge(self, other: PassageCounts) -> None:
        """Add another group's counts to this one."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float | int | None]:
        """The scores: passages kept, furniture gone, passage precision and F1, empty pages, ms per page."""
        recall = share(self.with_found, self.with_found + self.with_missed)
        precision = share(self.with_found, self.with_found + self.without_left)
        return {
            "pages": self.pages,
            "with_kept": recall,
            "without_gone": share(self.without_gone, self.without_gone + self.without_left),
            "precision": precision,
            "f1": f1(precision, recall),
            "empty": self.empty,
            "ms_per_page": share(self.seconds * 1000, self.pages),
        }


def page_language(page: Page) -> str:
    """The language of the page's article, told from its `with` passages so every system is grouped alike."""
    return detect_language(" ".join(page.with_passages)) or "unknown"


def evaluate_pages(pages: Iterable[Page], *, advance: Callable[[], None] = lambda: None) -> dict:
    """Per system: the figures over all pages and by language."""
    counts: dict[str, dict[str, PassageCounts]] = {name: defaultdict(PassageCounts) for name in SYSTEMS}
    for page in pages:
        language = page_language(page)
        for name, system in SYSTEMS.items():
            started = time.perf_counter()
            text = system(page.html)
            seconds = time.perf_counter() - started
            for group in ("all", language) if language == "en" else ("all", language, NOT_ENGLISH):
                counts[name][group].add(page, text, seconds)
        advance()
    return {name: _by_language(groups) for name, groups in counts.items()}


def _by_language(groups: dict[str, PassageCounts]) -> dict[str, dict]:
    result = {"all": groups["all"].figures()}
    if NOT_ENGLISH in groups:
        result[NOT_ENGLISH] = groups[NOT_ENGLISH].figures()
    other = PassageCounts()
    for language, counts in sorted(groups.items(), key=lambda item: -item[1].pages):
        if language in ("all", NOT_ENGLISH):
            continue
        if counts.pages >= MIN_LANGUAGE_PAGES and language != "unknown":
            result[language] = counts.figures()
        else:
            other.merge(counts)
    if other.pages:
        result["other"] = other.figures()
    return result


def _words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.casefold()))


@dataclass
class PlainTextCounts:
    """Words of plain-text articles and how many of them the stage kept."""

    articles: int = 0
    words: int = 0
    kept: int = 0
    emptied: list[str] = field(default_factory=list)
    losses: list[tuple[str, float]] = field(default_factory=list)

    def figures(self) -> dict:
        """Share of words kept; articles emptied; articles losing more than each of LOSS_THRESHOLDS."""
        return {
            "articles": self.articles,
            "words_kept": share(self.kept, self.words),
            "emptied": len(self.emptied),
            **{
                f"lost_over_{round(threshold * 100)}_percent": sum(loss > threshold for _, loss in self.losses)
                for threshold in LOSS_THRESHOLDS
            },
            "worst": sorted(self.losses, key=lambda item: -item[1])[:5],
        }


def evaluate_plain_text(
    articles: Iterable[NewsArticle | PlainText], *, advance: Callable[[], None] = lambda: None
) -> dict:
    """The clean stage on real articles given as plain text: the share of their words it keeps."""
    counts = PlainTextCounts()
    for article in articles:
        try:
            result = clean_document(article.text.encode(), content_type="text/plain")
            # The headline kept as the title and a date line kept as the publication date are not lost.
            as_date = [span.text for span in result.dropped if span.reason == DATE_LINE_REASON]
            kept_text = "\n".join([result.title or "", result.text, *as_date])
        except UnusableDocument:
            kept_text = ""
            counts.emptied.append(article.id)
        words = _words(article.text)
        kept = sum((words & _words(kept_text)).values())
        total = sum(words.values())
        counts.articles += 1
        counts.words += total
        counts.kept += kept
        counts.losses.append((article.id, round(1 - kept / total, 4) if total else 0.0))
        advance()
    return counts.figures()
