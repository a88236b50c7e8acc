"""The store stage's decision for a batch, the same in the pipeline's step and the bench's in-process run: which
event each asserted mention reports, among the stored events the candidate query found and the events the batch
opened itself. Only where the stored candidates come from differs: Postgres in the step, none in the bench."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from services.store.merge import Candidate, Coding, Lookup, choose_event, lock_keys, lookups

OPENED = 1 << 62  # above every bigserial id an events table will reach


class MentionToMerge(NamedTuple):
    """An asserted mention: its id, the event fields it reports (with its confidence), and its coding."""

    id: int
    fields: dict
    coding: Coding


@dataclass(frozen=True)
class FoundEvent:
    """A stored event the candidate query returned: the lookups (by number) that found it, and which of the
    given stories it has reported."""

    event_id: int
    coding: Coding
    ways: tuple[int, ...]
    stories: tuple[int, ...]


class BatchMerge:
    """The merge decisions of one batch: each mention's event, the events opened, and which stories each candidate
    event has reported so far. Opened events are numbered after every stored one until they are inserted, so on a
    tie the older event still wins."""

    def __init__(self, ways: dict[Lookup, int], found: list[FoundEvent]) -> None:
        self.ways = ways
        self.by_way: dict[int, list[FoundEvent]] = {}
        for event in found:
            for way in event.ways:
                self.by_way.setdefault(way, []).append(event)
        self.stories = {event.event_id: set(event.stories) for event in found}
        self.opened_events: list[tuple[Coding, int]] = []  # (coding, the article that opened it)
        # Opened events by the store's lock keys: a mention shares one with every event it may join.
        self.opened_by_key: dict[int, list[int]] = {}
        self.opened: list[dict] = []
        self.chosen: list[tuple[int, int]] = []  # (mention id, event id)
        self.links: list[tuple[int, int]] = []  # (article id, event id), each once

    def article(self, article_id: int, story_id: int | None, mentions: Sequence[MentionToMerge]) -> None:
        """Choose the event of each of an article's asserted mentions, opening one where none agrees."""
        fed: dict[int, None] = {}
        for mention, fields_, coding in mentions:
            event_id = choose_event(coding, self._candidates(coding, article_id, story_id))
            if event_id is None:
                self.opened.append(fields_ | {"event_date": coding.day})
                self.opened_events.append((coding, article_id))
                for key in lock_keys(coding):
                    self.opened_by_key.setdefault(key, []).append(len(self.opened))
                event_id = OPENED + len(self.opened)
                self.stories[event_id] = set()
            if story_id is not None:
                self.stories[event_id].add(story_id)  # later articles of its story prefer it
            self.chosen.append((mention, event_id))
            fed[event_id] = None
        self.links += [(article_id, event_id) for event_id in fed]

    def _candidates(self, coding: Coding, article_id: int, story_id: int | None) -> list[Candidate]:
        def same_story(event_id: int) -> bool:
            return story_id is not None and story_id in self.stories[event_id]

        found = {event.event_id: event for way in lookups(coding) for event in self.by_way.get(self.ways.get(way), ())}
        stored = [Candidate(e.event_id, e.coding, same_story(e.event_id)) for e in found.values()]
        opened = []
        for number in sorted({n for key in lock_keys(coding) for n in self.opened_by_key.get(key, ())}):
            opened_coding, opener = self.opened_events[number - 1]
            event_id = OPENED + number
            opened.append(Candidate(event_id, opened_coding, opener == article_id or same_story(event_id)))
        return stored + opened

    def number_opened(self, new_ids: Sequence[int]) -> None:
        """Give the opened events their ids, as inserted in order."""

        def real(event_id: int) -> int:
            return new_ids[event_id - OPENED - 1] if event_id > OPENED else event_id

        self.chosen = [(mention_id, real(event_id)) for mention_id, event_id in self.chosen]
        self.links = [(article_id, real(event_id)) for article_id, event_id in self.links]
