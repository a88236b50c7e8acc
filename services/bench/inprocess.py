"""The baseline: the stage functions called one after another in this process, with no queue and no database."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import count

from services.bench.corpus import BENCH_STAGES, BenchArticle, Failure
from services.clean import UnusableDocument, clean_document
from services.dedup.offline import dedup_records
from services.extract import extract_events, warm_up
from services.extract.step import mention_fields
from services.sources.ingest import input_problem
from services.store.decide import BatchMerge, MentionToMerge
from services.store.merge import EVENT_CODING_FIELDS, coding_of
from services.urls import canonical_url

ENGLISH = "en"


@dataclass
class StageTiming:
    """Articles a stage handled, and the wall and CPU seconds it spent on them."""

    articles: int = 0
    wall_seconds: float = 0.0
    cpu_seconds: float = 0.0


@dataclass
class InProcessResult:
    """The baseline run: per-stage timings, and what the stages decided (for comparison with the pipeline)."""

    stages: dict[str, StageTiming] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)  # as the pipeline stores them: failed or skipped, why
    duplicates: int = 0
    mentions: int = 0
    events: int = 0

    @property
    def wall_seconds(self) -> float:
        """Wall time of all stages together."""
        return sum(timing.wall_seconds for timing in self.stages.values())


@contextmanager
def _timed(timing: StageTiming, articles: int) -> Iterator[None]:
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    timing.wall_seconds += time.perf_counter() - wall
    timing.cpu_seconds += time.process_time() - cpu
    timing.articles += articles


def run_in_process(corpus: Sequence[BenchArticle], *, max_bytes: int) -> InProcessResult:
    """Clean, dedup, extract and key every article of the corpus in this process; time each stage. What ingest
    would store failed is left out first, untimed, as the pipeline's ingest does before any stage."""
    result = InProcessResult(stages={stage: StageTiming() for stage in BENCH_STAGES})
    warm_up()  # untimed, as the extract worker loads its models before its first message
    taken = []
    for article in corpus:
        if problem := input_problem(article.as_input(), max_bytes):
            result.failures.append(Failure("failed", "ingest", problem))
        else:
            taken.append(article)
    cleaned = []
    with _timed(result.stages["clean"], len(taken)):
        for article in taken:
            # As the pipeline's clean step calls it, with the URL stored in canonical form.
            url = (canonical_url(article.url) or article.url) if article.url else None
            try:
                found = clean_document(
                    article.content, content_type=article.content_type or "text/plain", url=url, given=article.given
                )
            except UnusableDocument as exc:
                result.failures.append(Failure("failed", "clean", str(exc)))
                continue
            cleaned.append((article, found))
    records = [{"id": n, "text": c.text, "published": c.published} for n, (_, c) in enumerate(cleaned)]
    with _timed(result.stages["dedup"], len(records)):
        decisions = list(dedup_records(records))
    originals = [c for (_, c), d in zip(cleaned, decisions, strict=True) if d["duplicate_of"] is None]
    result.duplicates = len(cleaned) - len(originals)
    english = [c for c in originals if c.language in (ENGLISH, None)]
    result.failures += [
        Failure("skipped", "extract", f"language {c.language!r}: the event coder reads English only")
        for c in originals
        if c.language not in (ENGLISH, None)
    ]
    with _timed(result.stages["extract"], len(english)):
        extracted = [
            (c, extract_events(c.text, published=c.published.date() if c.published else None)) for c in english
        ]
    # One batch of every article, as the store step decides a batch: with no stored events, the events it opens
    # are the only candidates.
    merge, mention_ids = BatchMerge({}, []), count()
    with _timed(result.stages["store"], len(extracted)):
        for number, (c, found) in enumerate(extracted):
            day = c.published.date() if c.published else None
            result.mentions += len(found)
            asserted = []
            for event in found:
                if event.modality == "asserted":
                    reported = mention_fields(event) | {"event_date": event.event_date or day}
                    fields_ = {name: reported[name] for name in (*EVENT_CODING_FIELDS, "confidence")}
                    asserted.append(MentionToMerge(next(mention_ids), fields_, coding_of(fields_)))
            merge.article(number, None, asserted)
    result.events = len(merge.opened)
    return result
