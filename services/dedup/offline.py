"""`newsflow dedup`: the dedup stage's decisions over JSON records, in memory, in arrival order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from services.dates import parse_date, plausible_publication
from services.dedup.copies import MemoryExactIndex, MemoryIndex
from services.dedup.decide import place_article
from services.dedup.stories import MemoryStoryStore


def dedup_records(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """For each record {"id", "text", "published"?}: {"id", "duplicate_of", "similarity", "method", "contains",
    "story"}."""
    exact, near, stories = MemoryExactIndex(), MemoryIndex(), MemoryStoryStore()
    record_ids: list[Any] = []
    story_of: list[int | None] = []
    for number, record in enumerate(records):
        record_ids.append(record["id"])
        parsed = parse_date(str(record["published"])) if record.get("published") else None
        # Unknown stays unknown, as in the pipeline, and so does a date no article can have been published on.
        seen = parsed.value if parsed and plausible_publication(parsed.value) else None
        placed = place_article(
            number,
            record["text"],
            title=record.get("title"),
            seen=seen,
            exact=exact,
            near=near,
            stories=stories,
            story_of=story_of.__getitem__,
        )
        decision = placed.decision
        story_of.append(placed.story)
        yield {
            "id": record["id"],
            "duplicate_of": None if decision.duplicate_of is None else record_ids[decision.duplicate_of],
            "similarity": None if decision.similarity is None else round(decision.similarity, 4),
            "method": decision.method,
            "contains": None if decision.contains is None else record_ids[decision.contains],
            "story": placed.story,
        }
