"""Sports reports: national teams are named as their countries, and they beat, crush and attack one another.

In a report that speaks the language of sport, an attack or a coercion between two actors named only as their
countries ("Russia beat Croatia on Monday") is a game, not an event between states. The police, an army or a
government named as such keeps its events there too.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from services.extract import lexicon
from services.extract.models import EventCandidate
from services.extract.nlp import text_of, words

SPORT_WORDS = lexicon.word_set("sport_words")
# "2-1", "6-4": a score; not a year's span ("2019-20") or a date ("11-19-2019").
SCORE = re.compile(r"(?<![\d-])\d{1,2}-\d{1,2}(?![\d-])")
# Cues (words of sport and scores) that make a report a sports report.
MIN_SPORT_CUES = 3
CONTESTS = frozenset({"ASSAULT", "COERCE"})


def is_sports_report(doc: Doc) -> bool:
    """Whether the text speaks of sport: words used of nothing else, or scores, at least MIN_SPORT_CUES of them."""
    cues = sum(map(SPORT_WORDS.__contains__, words(doc).lower))
    return cues + len(SCORE.findall(text_of(doc))) >= MIN_SPORT_CUES


def is_a_game(event: EventCandidate) -> bool:
    """Whether an event is an attack or a coercion between two actors named only as their countries."""
    names = lexicon.countries()
    return event.type in CONTESTS and all(
        actor is not None and names.get(actor.text) == actor.country for actor in (event.source, event.target)
    )


def without_games(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """The events, less the games a sports report tells as attacks or coercions between countries."""
    if not any(map(is_a_game, events)) or not is_sports_report(doc):
        return events
    return [event for event in events if not is_a_game(event)]
