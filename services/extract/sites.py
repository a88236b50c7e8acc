"""Where a sentence's event happened, and what the places its words name say of its actors."""

from __future__ import annotations

from spacy.tokens import Span, Token

from services.extract.actors import (
    CALENDAR,
    COMPASS,
    DETERMINERS,
    LOCATIVE,
    PEOPLE_SECTORS,
    PLACE_NOUNS,
    POSSESSIVE_MARKS,
    PREPOSITIONS,
    Chunk,
    written_actor,
)
from services.extract.models import Actor, Location
from services.extract.nlp import CAPITAL, CITY, COUNTRY, Words, char_span, is_past_form, text_of, words
from services.extract.places import in_a_hyphened_word, locate, place_of
from services.extract.readings import PARTICLES, Hit
from services.extract.roles import BE_FORMS
from services.extract.sentence import Sentence

TOWNS = frozenset({CITY, CAPITAL})
PLACE_JOINTS = frozenset({"of", "and", "-", "as", "well", ","})
# Words of a time of day, and those that place an act in one: "in the night of 23 June", "there this morning"
DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "dawn", "midnight", "early", "late", "on", "there"})
# Ways from one place to another: what runs between two places says where
ROUTES = frozenset({"road", "highway", "route", "railway", "motorway"})
# What a place is divided into, as a place of its own is: "in parts of South Africa", "in the outskirts of Kabul"
PARTS_OF_A_PLACE = frozenset({"part", "outskirts", "heart", "centre", "center", "rest", "edge", "suburb"})
# What measures how far a place is from the one named after "from": "30 km from Colombo", "away from the border"
DISTANCE_WORDS = frozenset({"away", "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile"})


def people_where(s: Sentence, hit: Hit, start: int, end: int) -> Actor:
    """The civilians of the country where the trigger's act happened, written as the words from start to end; of
    no named country where no place is named."""
    location = event_location(s, hit.start)
    country = location.country if location is not None else None
    return written_actor(s.doc, start, end, f"{country or ''}CVL", country, "CVL")


def placed_by_an_actor(s: Sentence, hit: Hit) -> bool:
    """Whether the place an act is located at is only named as an actor of the sentence, not where."""
    location = event_location(s, hit.start)
    if location is None:
        return False
    text = text_of(s.doc)
    return any(
        location.name in text[slice(*char_span(s.doc, c.start, c.end))]
        for c in s.chunks
        if c.actors and not c.place and not says_where(s, c)
    )


def head_of(s: Sentence, span: Span) -> Token:
    """The head of an actor's phrase, before where they were ("two rebels in Kidal")."""
    preposition = next((t for t in span[1:] if t.lower_ in PREPOSITIONS), None)
    return span[-1] if preposition is None else s.doc[preposition.i - 1]


def is_a_town_by_name(s: Sentence, actor: Actor) -> bool:
    """Whether an actor is a town, a capital or a country named as itself ("seized Kabul"), though it is coded
    as the government it holds."""
    span = s.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and head_of(s, span).ent_type_ in (COUNTRY, CAPITAL, CITY)


def known_by_a_town(s: Sentence, actor: Actor) -> bool:
    """Whether an actor is written as a town or a region alone ("an Oklahoma man") or as its people ("a Brooklyn
    teenager"), not as a state or a people (a "US national", an "American tourist" is as often held abroad)."""
    inside = [e for e in s.entities if actor.start <= e.start_char and e.end_char <= actor.end]
    if actor.sector is None:
        return any(e.start_char == actor.start and e.end_char == actor.end and e.label_ in TOWNS for e in inside)
    return actor.sector in PEOPLE_SECTORS and bool(inside) and all(e.label_ in TOWNS for e in inside)


def city_struck(s: Sentence, hit: Hit) -> Location | None:
    """The city an attack names as its object ("shelled Kyiv", "launched an attack on Beni"): where it was."""
    w, k = words(s.doc), hit.end
    k += k < s.sent.end and w.lower[k] == "on"
    entity = s.entity_at.get(k)
    if entity is None or entity.start != k or entity.label_ not in (CITY, CAPITAL):
        return None
    after = entity.end
    if after < s.sent.end and (w.title[after] or w.lower[after] in POSSESSIVE_MARKS):
        return None  # "attacked South West State's militiamen", "stormed Kabul University": a longer name's
    return place_of(entity)


def event_location(s: Sentence, trigger: int) -> Location | None:
    """Where the event of the trigger at this token happened (read once per trigger)."""
    if trigger not in s.locations:
        s.locations[trigger] = locate(s.doc, s.sent, trigger, s.entities, s.reporting)
    return s.locations[trigger]


def says_where(s: Sentence, chunk: Chunk) -> bool:
    """Whether a phrase names only places after "in", "at" or "near", or a town's country after its comma
    ("detained in Cairo, Egypt"): where the act was done, not who did it."""
    labels = {s.entity_at[i].label_ for i in range(chunk.start, chunk.end) if i in s.entity_at}
    if chunk.prep in LOCATIVE or _placed_by_its_noun_or_distance(s, chunk) or _between_places(s, chunk):
        return bool(labels) and labels <= {CITY, CAPITAL, COUNTRY}
    town = s.entity_at.get(chunk.start - 2)
    after_a_town = town is not None and town.label_ in (CITY, CAPITAL) and words(s.doc).lower[chunk.start - 1] == ","
    return after_a_town and labels == {COUNTRY}


def _between_places(s: Sentence, chunk: Chunk) -> bool:
    """Whether a phrase names the places a road or a border runs between ("kidnapped on a road between Baghdad
    and Kirkuk"): the places say where, and are no sides."""
    w, j = words(s.doc), chunk.start - 1
    while j > s.sent.start and w.lower[j] in DETERMINERS:
        j -= 1
    return chunk.prep == "between" and j > s.sent.start and (w.lemma[j - 1] in PLACE_NOUNS or w.lemma[j - 1] in ROUTES)


def _placed_by_its_noun_or_distance(s: Sentence, chunk: Chunk) -> bool:
    """Whether a name follows a locative preposition past its place noun ("in the capital Addis Ababa"), or a
    distance from it ("30 kilometres away from Colombo")."""
    w, j = words(s.doc), chunk.start - 1
    while j > s.sent.start and (
        w.lower[j] in DETERMINERS
        or _names_a_place_noun(w, j)
        or in_a_hyphened_word(w, j, s.sent.start)  # "in the rebel-held capital of Egypt"
        # "in parts of South Africa", "in the outskirts of Kabul", "in the north of Syria"
        or w.lower[j] == "of"
        and _names_a_place_noun(w, j - 1)
    ):
        j -= 1
    if j < s.sent.start:
        return False
    if w.lower[j] == "from":
        return j > s.sent.start and w.lower[j - 1] in DISTANCE_WORDS
    return j < chunk.start - 1 and w.lower[j] in LOCATIVE


def tells_where_or_when_it_happened(w: Words, k: int) -> bool:
    """Whether a word after an act's noun may tell where or when it happened, or that it did: a place's or a date's
    part, a preposition of place or time, or a verb of the past with its particle ("broke out", "were reported")."""
    lower = w.lower[k]
    past_verb = w.is_lower[k] and is_past_form(w, k)
    return (
        past_verb
        or _names_a_place_part(w, k)
        or w.num[k]
        or lower in LOCATIVE
        or lower in CALENDAR
        or lower in DAY_PARTS
        or lower in BE_FORMS
        or lower in PARTICLES
    )


def _names_a_place_part(w: Words, k: int) -> bool:
    """Whether a word may be part of a phrase naming a place: a name's, a place noun, a compass point, or the
    articles and joints between them ("the Ganfouda district of Benghazi", "Gwarsha as well as Suq Al-Hout")."""
    return w.title[k] or w.lower[k] in DETERMINERS or w.lower[k] in PLACE_JOINTS or _names_a_place_noun(w, k)


def _names_a_place_noun(w: Words, k: int) -> bool:
    """Whether a word is a place's noun, a part of a place or a compass point ("town", "outskirts", "north")."""
    return w.lemma[k] in PLACE_NOUNS or w.lemma[k] in PARTS_OF_A_PLACE or w.lower[k] in COMPASS
