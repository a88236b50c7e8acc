"""Where an event happened: the place named in its sentence after "in", "at", "near" or "from", from the gazetteer."""

from __future__ import annotations

import pycountry
from spacy.tokens import Doc, Span

from services.extract import lexicon
from services.extract.actors import COMPASS, DETERMINERS, LOCATIVE, joins_a_town_to_its_container, names_a_venue
from services.extract.models import Location
from services.extract.nlp import (
    ACTOR,
    CAPITAL,
    CITY,
    COUNTRY,
    DEMONYM,
    TOWN_NOUNS,
    Words,
    doc_entities,
    place_named,
    words,
)

PLACE_PREPOSITIONS = LOCATIVE | {"from", "to", "into", "of"}
# Verbs that send people away: the place after their "to" is a destination (one extradited to a state is handed to
# it, which takes part)
SENDING_AWAY = frozenset({"deport", "expel", "repatriate"})
# A story is set where its opening places it: the headline, a dateline and the lead are its first sentences.
OPENING_SENTENCES = 3
# ISO alpha-3 codes of the countries the lexicons know, which open a country's actor codes ("USAMIL")
COUNTRY_CODES = frozenset(lexicon.countries().values())
# A state's own ground, sea and sky, named by its nationality: "on Rwandan soil", "in Iraqi territory"
TERRITORY_NOUNS = frozenset({"soil", "territory", "water", "waters", "airspace"})
TERRITORY_PREPOSITIONS = LOCATIVE | {"on", "into"}
# Nouns of a place in a country, which a nationality before them names: "the Somali capital", "a Nigerian village"
SETTLEMENT_NOUNS = frozenset({"capital", "city", "town", "village", "port", "region", "province", "state", "district"})
NATIONALITY_PLACE_NOUNS = TERRITORY_NOUNS | SETTLEMENT_NOUNS
# Nouns of a border: a country named before one ("the US border") names no place in it
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
# After "and", a verb of going somewhere takes the place after it: "resigned and fled to India" resigned elsewhere.
MOTION_VERBS = lexicon.word_set("motion_verbs")
# Words that open an indirect question: a place inside one ("refused to say how many troops are in Syria") is what the
# question is about, not where the act was done
QUESTION_WORDS = frozenset({"how", "why", "whether", "what"})


def place_of(entity: Span) -> Location | None:
    """Where a country's, a capital's or a city's name puts a place, from the gazetteer."""
    if entity.label_ == COUNTRY:
        return Location(entity.text, entity.id_, None, None)
    place = place_named(entity.doc, entity.id_)
    return Location(place.name, place.country, place.lat, place.lon) if place else None


def countries_named(doc: Doc) -> set[str]:
    """The countries a document names in a form the lexicons know: by name or demonym ("Kenyan"), by a place of the
    gazetteer ("Goma"), or by an actor of one country ("Pentagon")."""
    named = set()
    for entity in doc_entities(doc):
        if entity.label_ in (COUNTRY, DEMONYM):
            named.add(entity.id_)
        elif entity.label_ == ACTOR and entity.id_[:3] in COUNTRY_CODES:
            named.add(entity.id_[:3])
        elif (place := place_of(entity)) is not None and place.country:
            named.add(place.country)
    return named


def story_setting(sentences: list[Span], entities: list[Span]) -> str | None:
    """The country a story is set in: the one country of every place its opening sentences name ("Police arrest
    suspect in Houston hit and run"), or None when they name none or places of several countries."""
    if not sentences:
        return None
    end = sentences[min(OPENING_SENTENCES, len(sentences)) - 1].end
    places = (place_of(e) for e in entities if e.start < end and e.label_ in (CITY, CAPITAL, COUNTRY))
    countries = {place.country for place in places if place is not None and place.country}
    return countries.pop() if len(countries) == 1 else None


def locate(
    doc: Doc, sent: Span, trigger: int, entities: list[Span], reporting: frozenset[int] = frozenset()
) -> Location | None:
    """The place nearest the trigger that the sentence introduces with a locative preposition, outside the tokens of
    its `reporting` clauses ("captured the village, the defence ministry in Moscow said")."""
    best: tuple[int, Location] | None = None
    w = words(doc)
    for entity in entities:
        if not sent.start <= entity.start < sent.end:
            continue
        if entity.label_ == DEMONYM:
            # "on Rwandan soil", "in Iraqi territory": the country's own ground, as its name would say; "in the
            # Somali capital", "in the eastern Ukrainian town of Kostiantynivka": a place in it
            if entity.start not in reporting and (place := _place_by_nationality(w, entity, sent, trigger)):
                distance = abs(entity.start - trigger) + (50 if place.lat is None else 0)
                if best is None or distance < best[0]:
                    best = (distance, place)
            continue
        if entity.label_ not in (CITY, CAPITAL, COUNTRY):
            continue
        if entity.start in reporting:
            continue
        if entity.label_ != COUNTRY and names_a_venue(w, entity.end, sent.end):
            continue  # "withdrew from the Paris climate agreement" was not done in Paris
        if entity.end < sent.end and w.lemma[entity.end] in BORDER_NOUNS:
            continue  # "detained near the US border": at the edge of a country, on either side of it
        if entity.end + 1 < sent.end and w.lower[entity.end] == "-" and not w.spaced[entity.end - 1]:
            continue  # "in a China-brokered deal", "in a US-led operation": the name qualifies the noun after it
        j = entity.start - 1
        while j >= sent.start and _modifies_a_place(w, j, sent.start):
            j -= 1
        if j < sent.start or w.lower[j] not in PLACE_PREPOSITIONS:
            continue
        if _gone_to(w, trigger, entity.start):
            continue
        if not QUESTION_WORDS.isdisjoint(w.lower[trigger : entity.start]):
            continue  # "refused to provide details on how many troops are in Syria"
        if w.lower[j] == "to" and w.lemma[trigger] in SENDING_AWAY:
            continue  # "deported the migrants to Libya": where they were sent, not where it was done
        location = place_of(entity)
        if location is None:
            continue
        # Cities beat countries: "in Latakia, Syria" is Latakia.
        distance = abs(entity.start - trigger) + (50 if location.lat is None else 0)
        if best is None or distance < best[0]:
            best = (distance, location)
    return best[1] if best else None


def _place_by_nationality(w: Words, demonym: Span, sent: Span, trigger: int) -> Location | None:
    """The place a nationality names with the noun after it, in a phrase a locative preposition opens: its country's
    ground after the trigger ("shot dead on Rwandan soil", "bombed targets in Iraqi territory"), its capital ("in the
    Somali capital"), or a settlement or a region of it ("in the eastern Ukrainian town of Kostiantynivka"), which
    the gazetteer may not hold but which is in that country."""
    after = demonym.end
    if after >= sent.end or w.lemma[after] not in NATIONALITY_PLACE_NOUNS:
        return None
    before = demonym.start - 1
    while before > sent.start and (w.lower[before] in COMPASS or w.lower[before] in DETERMINERS):
        before -= 1
    if before < sent.start or w.lower[before] not in TERRITORY_PREPOSITIONS:
        return None
    if w.lemma[after] in TERRITORY_NOUNS:
        return _territory_of(demonym) if trigger < before else None
    if w.lemma[after] == "capital" and (capital := lexicon.capitals().get(demonym.id_)) is not None:
        return Location(capital.name, capital.country, capital.lat, capital.lon)
    return _territory_of(demonym)


def _territory_of(demonym: Span) -> Location:
    """The country a nationality names, as a place: "Rwandan soil" is Rwanda."""
    country = pycountry.countries.get(alpha_3=demonym.id_)
    name = country and (getattr(country, "common_name", None) or country.name)
    return Location(name or demonym.text, demonym.id_, None, None)


def _modifies_a_place(w: Words, j: int, start: int) -> bool:
    """Whether a word before a place's name belongs to the phrase that names it: a determiner, a name, a compass
    point, a place noun, an adverb ("largely Kurdish northern Syria"), a hyphened compound ("rebel-held Idlib",
    "war-torn Yemen") or the comma between a town and its country ("in Douma, Syria")."""
    return (
        w.lower[j] in DETERMINERS
        or (w.title[j] and w.lower[j] not in PLACE_PREPOSITIONS)  # a name's word, not "In" of "In Harare,"
        or w.lower[j] in COMPASS
        or w.lower[j] == "capital"
        or w.lower[j] in TOWN_NOUNS
        or w.lower[j].endswith("ly")
        or in_a_hyphened_word(w, j, start)
        or w.lower[j] == ","
        and joins_a_town_to_its_container(w, j, start)
    )


def in_a_hyphened_word(w: Words, j: int, start: int) -> bool:
    """Whether word j is a hyphen or stands beside one, words before `start` aside: a part of a compound
    ("rebel-held", "war-torn")."""
    before = w.lower[j - 1] if j > start else ""
    after = w.lower[j + 1] if j + 1 < len(w.lower) else ""
    return "-" in (w.lower[j], before, after)


def goes_on(w: Words, i: int) -> bool:
    """Whether "and" at i is followed by a verb of going ("resigned and fled to India")."""
    return w.lower[i] == "and" and i + 1 < len(w.lemma) and w.lemma[i + 1] in MOTION_VERBS


def _gone_to(w: Words, trigger: int, place: int) -> bool:
    """Whether "and" and a verb of going stand between a trigger and a place after it."""
    return any(goes_on(w, k) for k in range(trigger + 1, place - 1))
