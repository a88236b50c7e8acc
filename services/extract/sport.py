"""Sports reports: national teams are named as their countries, and they beat, crush and attack one another.

In a report that speaks the language of sport, an attack or a coercion between two actors named only as their
countries ("Russia beat Croatia on Monday"), or any act of one of them on no one ("Portugal allowed only one shot on
goal"), is a game, not an event of a state. The police, an army or a government named as such keeps its events there
too.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from services.extract import lexicon
from services.extract.models import Actor, EventCandidate
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
    """Whether an event is a team's: an attack or a coercion between two actors named only as their countries, or
    by a name no lexicon knows, or any act of a country's team on no one ("Portugal allowed only one shot on
    goal")."""
    unknown = event.source is not None and event.source.country is None and event.source.sector is None
    if unknown and event.type in CONTESTS:
        return True  # "the Tar Heels beat visiting Evansville": a club no lexicon knows, in a contest
    if not _is_a_team(event.source):
        return False
    if event.target is None:
        return True
    return event.type in CONTESTS and _is_a_team(event.target)


def _is_a_team(actor: Actor | None) -> bool:
    """Whether an actor is named only as its country, as national teams are."""
    return actor is not None and lexicon.countries().get(actor.text) == actor.country


def without_games(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """The events, less the teams' acts (`is_a_game`) when the text is a sports report."""
    if not any(map(is_a_game, events)) or not is_sports_report(doc):
        return events
    return [event for event in events if not is_a_game(event)]
