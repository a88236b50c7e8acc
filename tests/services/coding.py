"""The coder on sentences written for a test: its asserted events, as the tuples the tests compare."""

from __future__ import annotations

from datetime import date

from services.extract import EventCandidate, extract_events
from services.extract.modality import ASSERTED

PUBLISHED = date(2025, 3, 8)


def asserted(text: str) -> list[EventCandidate]:
    """The events the coder asserts in a text published on PUBLISHED."""
    return [e for e in extract_events(text, published=PUBLISHED) if e.modality == ASSERTED]


def by_code(text: str) -> list[tuple[str, str | None, str | None]]:
    """(type, source code, target code) of each asserted event."""
    return [(e.type, e.source and e.source.code, e.target and e.target.code) for e in asserted(text)]


def by_country(text: str) -> list[tuple[str, str | None, str | None]]:
    """(type, source country, target country) of each asserted event."""
    return [(e.type, e.source and e.source.country, e.target and e.target.country) for e in asserted(text)]


def by_cameo(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(type, CAMEO code, source country, target country) of each asserted event."""
    return [(e.type, e.cameo, e.source and e.source.country, e.target and e.target.country) for e in asserted(text)]
