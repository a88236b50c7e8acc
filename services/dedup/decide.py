"""The dedup stage's decision for one article, the same in the pipeline's step, `newsflow dedup` and the bench's
in-process run: a copy of an earlier article (it joins that article's story), or an original in a story of its own
choosing. Only the indexes and stores differ: Postgres in the step, memory offline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from services.dedup.copies import DedupDecision, ExactIndex, NearDuplicateIndex, Signature, deduplicate
from services.dedup.stories import StoryStore, assign_story


@dataclass(frozen=True)
class Placement:
    """Whether an article copies an earlier one, and the story it joins (None: a copy whose original has none)."""

    decision: DedupDecision
    story: int | None


def place_article(
    article_id: int,
    text: str,
    *,
    title: str | None,
    seen: datetime | None,
    exact: ExactIndex,
    near: NearDuplicateIndex,
    stories: StoryStore,
    story_of: Callable[[int], int | None],
    sig: Signature | None = None,
    terms: dict[str, float] | None = None,
) -> Placement:
    """Decide one article against the indexes (indexing it when it is an original); `story_of` gives an earlier
    article's story. `seen` is its publication time: an unknown date stays unknown."""
    decision = deduplicate(article_id, text, exact=exact, near=near, sig=sig)
    if decision.duplicate_of is None:
        return Placement(decision, assign_story(text, title=title, seen=seen, store=stories, terms=terms))
    story = story_of(decision.duplicate_of)
    if story is not None:
        stories.join(story, None, seen)  # a copy adds to its original's story, not to its profile
    return Placement(decision, story)
