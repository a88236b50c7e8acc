"""Sports reports: national teams are named as their countries, and they beat, crush and attack one another.

In a report that speaks the language of sport, an attack or a coercion between two actors named only as their
countries ("Russia beat Croatia on Monday"), or any act of one of them on no one ("Portugal allowed only one shot on
goal"), is a game, not an event of a state; so is a contest told with its score, and what a player named by a
nationality ("the Russian pulled out") or a team named by its noun does. The police, an army or a government named as
such keeps its events there too, and so does what is done to a player by no one named ("was arrested", "was shot").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from services.extract import lexicon
from services.extract.models import Actor, EventCandidate
from services.extract.nlp import text_of, words

SPORT_WORDS = lexicon.word_set("sport_words")
PLAYERS = lexicon.word_set("team_nouns") | lexicon.word_set("sport_roles")
# "2-1", "6-4", "108-70": a score; not a year's span ("2019-20") or a date ("11-19-2019"). The pattern opens on its
# first digit, and looks behind it from there, so a search skips from digit to digit instead of trying every character
# of the text: a third of the time.
SCORE = re.compile(r"\d(?<![\d-]\d)\d{0,2}-\d{1,3}(?![\d-])")
# Cues (words of sport and scores) that make a report a sports report.
MIN_SPORT_CUES = 3
CONTESTS = frozenset({"ASSAULT", "COERCE"})


def is_sports_report(doc: Doc) -> bool:
    """Whether the text speaks of sport: words used of nothing else, or scores, at least MIN_SPORT_CUES of them."""
    cues = sum(map(SPORT_WORDS.__contains__, words(doc).lower))
    return cues >= MIN_SPORT_CUES or cues + len(SCORE.findall(text_of(doc))) >= MIN_SPORT_CUES


def is_a_game(event: EventCandidate) -> bool:
    """Whether an event is a team's: an attack or a coercion between two actors named only as their countries, or
    by a name no lexicon knows, or told with a score, or any act of a country's team on no one ("Portugal allowed only
    one shot on goal"), or of a team or a player named by its noun."""
    unknown = event.source is not None and event.source.country is None and event.source.sector is None
    if unknown and event.type in CONTESTS:
        return True  # "the Tar Heels beat visiting Evansville": a club no lexicon knows, in a contest
    if unknown and _names_a_city(event.target):
        return True  # "The Trail Blazers turned down Philadelphia's request": a club, and a city for its team
    if event.type in CONTESTS and SCORE.search(event.sentence):
        return True  # "who were beaten at home by Boston College, 85-78": a contest told with its score
    if _named_as_a_player(event.source):
        return True  # "his team rallied", "the striker attacked"
    if not _is_a_team(event.source):
        return False
    if event.target is None:
        return True
    return event.type in CONTESTS and _is_a_team(event.target)


def _named_as_a_player(actor: Actor | None) -> bool:
    """Whether an actor's last word is a team's or a player's noun ("his team", "the striker")."""
    last = actor.text.lower().split()[-1:] if actor is not None else []
    return bool(last) and last[0] in PLAYERS


def _names_a_city(actor: Actor | None) -> bool:
    """Whether an actor is named only as a city, as a sports report names the city's team."""
    if actor is None or actor.sector is not None:
        return False
    place = lexicon.places().get(actor.text)
    return place is not None and place.lat is not None and not place.region


def _is_a_team(actor: Actor | None) -> bool:
    """Whether an actor is named only as its country, as national teams are, or as one of its people, as a player
    is ("The American looked clueless as Klitschko pounded his face")."""
    if actor is None or actor.country is None or actor.sector is not None:
        return False
    return actor.country in (lexicon.countries().get(actor.text), lexicon.demonyms().get(actor.text))


def without_games(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """The events, less the teams' acts (`is_a_game`) when the text is a sports report."""
    if not any(map(is_a_game, events)) or not is_sports_report(doc):
        return events
    return [event for event in events if not is_a_game(event)]
