"""The extract stage's results: coded events with actors, place, date, modality and evidence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# GDELT's quad classes by CAMEO root: verbal/material cooperation, verbal/material conflict.
QUAD_CLASS_BY_ROOT = {
    **dict.fromkeys(range(1, 6), 1),
    **dict.fromkeys(range(6, 10), 2),
    **dict.fromkeys(range(10, 15), 3),
    **dict.fromkeys(range(15, 21), 4),
}


def quad_class(cameo: str) -> int:
    """The quad class (1-4) of a CAMEO code given as a string ("08", "0874")."""
    return QUAD_CLASS_BY_ROOT[int(cameo[:2])]


@dataclass(frozen=True)
class Actor:
    """An actor as written in the text, with its code (country plus sector) and character span."""

    text: str
    code: str
    start: int
    end: int
    country: str | None = None  # ISO alpha-3, or IGO/NGO/IMG; None when only the sector is known
    sector: str | None = None


@dataclass(frozen=True)
class Location:
    """Where an event happened: a gazetteer place with its country and, for cities, coordinates."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None


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
    location: Location | None = None
