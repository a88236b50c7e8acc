"""Store stage: which canonical event a mention belongs to, and what an event says once its mentions are merged.

Pure functions, no database: `choose_event` takes a mention and the candidate events and returns the event to join
(or None: open a new one); `lock_keys` names the coarse buckets a store worker locks before it looks for
candidates; `best_coding` picks an event's fields from its mentions.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from functools import cache

import pycountry

from services.dates import shifted

# Reports of one event date it up to a few days apart: a sentence without a date falls back to its article's
# publication day, follow-ups run a day or two later ("on Sunday" in Monday's paper, a wire filed after midnight
# elsewhere), and weekend editions lag. Three days covers that; a weekly protest or a second strike a week later
# stays a separate event.
DATE_WINDOW = timedelta(days=3)
# Lock buckets are a week wide, so a mention's window [day - 3, day + 3] touches at most two of them.
BUCKET_DAYS = 7
# Two cities this close are one place as reports name it ("Douma" and "Damascus", a suburb and its city).
NEARBY_KM = 50.0
# Types that coders give to one act depending on the wording: an attack that "destroyed" a depot is ASSAULT or
# COERCE; troops that "pulled back" RETREAT or CONCEDE; "sent aid" AID or COOPERATE. Any other type is its own family.
TYPE_FAMILIES = {"COERCE": "ASSAULT", "CONCEDE": "RETREAT", "COOPERATE": "AID"}
# Types whose two actors play the same part, so "Russia met Syria" and "Syria met Russia" are one meeting.
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# A government and its armed forces act for the state ("Moscow withdrew", "Russian troops withdrew").
STATE_SECTORS = frozenset({"GOV", "MIL"})
GROUP_PREFIXES = ("IGO", "NGO", "IMG")
PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, "unknown": 0}
# The advisory-lock namespace of the store stage (pg_advisory_xact_lock(namespace, key)).
LOCK_NAMESPACE = 7007
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Coding:
    """What the merge compares: an event's (or a mention's) type, actors, place and day."""

    type: str
    source_code: str | None = None
    target_code: str | None = None
    location_name: str | None = None
    location_country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    day: date | None = None


@dataclass(frozen=True)
class Candidate:
    """An existing event that a mention may join; `same_story` when one of its articles is in the mention's story."""

    event_id: int
    coding: Coding
    same_story: bool = False


def type_family(event_type: str) -> str:
    """The family of compatible types an event type belongs to."""
    return TYPE_FAMILIES.get(event_type, event_type)


def compatible_types(event_type: str) -> list[str]:
    """Every type a mention of `event_type` may merge with, itself included."""
    family = type_family(event_type)
    return sorted({family, *(t for t, f in TYPE_FAMILIES.items() if f == family)})


@cache
def _is_country(prefix: str) -> bool:
    return pycountry.countries.get(alpha_3=prefix) is not None


def actor_family(code: str | None) -> str | None:
    """Who an actor code names regardless of sector: the country ("RUSGOV" -> "RUS"), or the organisation; None
    for a code that gives only a sector ("ELI" for "the ousted leader")."""
    if not code:
        return None
    if code.startswith(GROUP_PREFIXES):
        return code[:6]
    return code[:3] if _is_country(code[:3]) else None


def _sector(code: str) -> str | None:
    if code.startswith(GROUP_PREFIXES):
        return None  # organisations' codes carry their own parts; the family already names them
    return code[3:6] or None if _is_country(code[:3]) else code[:3]


def _actor_agreement(a: str | None, b: str | None) -> int | None:
    """1 when two actor codes name the same actor, 0 when one is unknown, None when they conflict."""
    if not a or not b:
        return 0
    family_a, family_b, sector_a, sector_b = actor_family(a), actor_family(b), _sector(a), _sector(b)
    if family_a is None or family_b is None:
        # A sector alone ("the rebels") says little about whose; it conflicts only with another sector.
        return 0 if sector_a is None or sector_b is None or sector_a == sector_b else None
    if family_a != family_b:
        return None
    return 1 if _sectors_agree(sector_a, sector_b) else None


def _sectors_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or {a, b} <= STATE_SECTORS


def _distance_km(a: Coding, b: Coding) -> float:
    """Great-circle distance between two coded places (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _place_agreement(a: Coding, b: Coding) -> int | None:
    """1 when two places agree (the same place, nearby cities, or a place and the country it lies in), 0 when one
    is unknown, None when they conflict."""
    if not a.location_country or not b.location_country:
        return 0
    if a.location_country != b.location_country:
        return None
    if a.latitude is None or b.latitude is None or a.location_name == b.location_name:
        return 1  # a country-wide place holds every place in it
    return 1 if _distance_km(a, b) <= NEARBY_KM else None


def _actors_agreement(mention: Coding, event: Coding) -> int | None:
    straight = _pair_agreement((mention.source_code, mention.target_code), (event.source_code, event.target_code))
    if mention.type not in SYMMETRIC_TYPES:
        return straight
    swapped = _pair_agreement((mention.target_code, mention.source_code), (event.source_code, event.target_code))
    return max((s for s in (straight, swapped) if s is not None), default=None)


def _pair_agreement(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> int | None:
    source, target = _actor_agreement(a[0], b[0]), _actor_agreement(a[1], b[1])
    return None if source is None or target is None else source + target


def is_blank(coding: Coding) -> bool:
    """Names no country and no organisation (an actor may still be a bare sector: "the rebels")."""
    return not (actor_family(coding.source_code) or actor_family(coding.target_code) or coding.location_country)


def agreement(mention: Coding, event: Coding) -> int | None:
    """How many of actors and place positively agree, or None if the mention cannot report the event."""
    if type_family(mention.type) != type_family(event.type):
        return None
    if (mention.day is None) != (event.day is None):
        return None  # an undated report is only ever merged with undated ones
    if mention.day is not None and abs(mention.day - event.day) > DATE_WINDOW:
        return None
    actors, place = _actors_agreement(mention, event), _place_agreement(mention, event)
    if actors is None or place is None:
        return None
    return actors + place


def choose_event(mention: Coding, candidates: Iterable[Candidate]) -> int | None:
    """The id of the event the mention reports, or None when none agrees and it opens a new one.

    A candidate must agree on type family and date window, conflict on no actor and no place, and share at least
    one named actor or place; a mention naming none joins only an event naming none, of its own story.
    Among those, the same story wins, then more agreeing fields, then the nearer date, then the older event.
    """
    best: tuple | None = None
    for candidate in candidates:
        score = agreement(mention, candidate.coding)
        if score is None:
            continue
        if score == 0 and not (is_blank(mention) and is_blank(candidate.coding) and candidate.same_story):
            continue
        gap = abs(mention.day - candidate.coding.day).days if mention.day else 0
        rank = (not candidate.same_story, -score, gap, candidate.event_id)
        if best is None or rank < best:
            best = rank
    return best[-1] if best else None


# Every code prefix `actor_family` knows: a three-letter country, or an organisation's group.
FAMILY_PREFIXES = (*sorted(country.alpha_3 for country in pycountry.countries), *GROUP_PREFIXES)


@dataclass(frozen=True)
class Lookup:
    """One way a mention may meet a stored event: a compatible type, the date window (None when undated), the
    actor families and country it names, whether its actors may swap, and whether it names nothing at all."""

    type: str
    low: date | None
    high: date | None
    source_family: str | None
    target_family: str | None
    country: str | None
    symmetric: bool
    blank: bool


def lookups(coding: Coding) -> list[Lookup]:
    """The candidate lookups of a mention, one per type it may merge with."""
    low, high = date_window(coding.day) if coding.day else (None, None)
    named = (actor_family(coding.source_code), actor_family(coding.target_code), coding.location_country or None)
    symmetric, blank = coding.type in SYMMETRIC_TYPES, is_blank(coding)
    return [Lookup(kind, low, high, *named, symmetric, blank) for kind in compatible_types(coding.type)]


def lock_countries(coding: Coding) -> list[str]:
    """The actor families and country a mention names ("-" for none): any event it may join shares one of them."""
    named = {actor_family(coding.source_code), actor_family(coding.target_code), coding.location_country}
    return sorted(c for c in named if c) or ["-"]


def date_buckets(day: date | None) -> list[str]:
    """The week buckets the mention's date window touches ("-" when undated)."""
    if day is None:
        return ["-"]
    low, high = (end.toordinal() // BUCKET_DAYS for end in date_window(day))
    return [str(bucket) for bucket in range(low, high + 1)]


def date_window(day: date) -> tuple[date, date]:
    """The days a mention of that day may be merged across (held within the calendar at year 1 and 9999)."""
    return shifted(day, -DATE_WINDOW), shifted(day, DATE_WINDOW)


def lock_keys(coding: Coding) -> set[int]:
    """The advisory-lock keys a store worker holds before it looks for this mention's event.

    Two mentions that could join one event share a type family, a week bucket (each locks every bucket its window
    touches, so both hold the bucket of the other's day) and a named country or actor family; so they share a key,
    and the second waits until the first has committed the event it created.
    """
    return {
        _lock_key(f"{type_family(coding.type)}|{bucket}|{country}")
        for bucket in date_buckets(coding.day)
        for country in lock_countries(coding)
    }


def _lock_key(bucket: str) -> int:
    # Signed 32 bits, the objid half of pg_advisory_xact_lock(int, int); a collision only makes two buckets wait.
    return int.from_bytes(hashlib.blake2b(bucket.encode(), digest_size=4).digest(), "big", signed=True)


@dataclass(frozen=True)
class MentionCoding:
    """A mention's full coding, as `best_coding` weighs it."""

    type: str
    mode: str | None
    cameo: str
    quad_class: int
    source_text: str | None
    source_code: str | None
    target_text: str | None
    target_code: str | None
    location_name: str | None
    location_country: str | None
    latitude: float | None
    longitude: float | None
    event_date: date | None
    date_precision: str
    confidence: float


EVENT_CODING_FIELDS = tuple(f.name for f in fields(MentionCoding) if f.name != "confidence")


def _pick(mentions: Sequence[MentionCoding], counts: Sequence[int], value, specificity) -> MentionCoding:
    """The mention whose value is the most specific, then the most reported, then the most confident."""
    support: Counter = Counter()
    for mention, count in zip(mentions, counts, strict=True):
        support[value(mention)] += count
    return max(mentions, key=lambda m: (specificity(m), support[value(m)], m.confidence))


def best_coding(mentions: Sequence[MentionCoding], counts: Sequence[int] | None = None) -> dict:
    """An event's fields from its mentions: each group of fields from the mention that gives it best. `counts`
    says how many mentions each one stands for (the same coding reported again), one each when not given."""
    if not mentions:
        raise ValueError("an event needs at least one mention")
    counts = counts or [1] * len(mentions)
    kind = _pick(mentions, counts, lambda m: m.type, lambda m: 0)
    of_kind = [(m, n) for m, n in zip(mentions, counts, strict=True) if m.type == kind.type]
    kind = _pick([m for m, _ in of_kind], [n for _, n in of_kind], lambda m: (m.cameo, m.mode), lambda m: len(m.cameo))
    source = _pick(mentions, counts, lambda m: m.source_code, lambda m: len(m.source_code or ""))
    target = _pick(mentions, counts, lambda m: m.target_code, lambda m: len(m.target_code or ""))
    place = _pick(
        mentions,
        counts,
        lambda m: (m.location_name, m.location_country),
        lambda m: (m.location_country is not None) + (m.latitude is not None),
    )
    when = _pick(mentions, counts, lambda m: m.event_date, lambda m: PRECISION_RANK.get(m.date_precision, 0))
    return {
        "type": kind.type, "mode": kind.mode, "cameo": kind.cameo, "quad_class": kind.quad_class,
        "source_text": source.source_text, "source_code": source.source_code,
        "target_text": target.target_text, "target_code": target.target_code,
        "location_name": place.location_name, "location_country": place.location_country,
        "latitude": place.latitude, "longitude": place.longitude,
        "event_date": when.event_date, "date_precision": when.date_precision,
    }  # fmt: skip


def coding_of(fields_: dict) -> Coding:
    """The merge's view of an event's or a mention's columns."""
    return Coding(
        type=fields_["type"],
        source_code=fields_["source_code"],
        target_code=fields_["target_code"],
        location_name=fields_["location_name"],
        location_country=fields_["location_country"],
        latitude=fields_["latitude"],
        longitude=fields_["longitude"],
        day=fields_["event_date"],
    )


@dataclass(frozen=True)
class CodingReports:
    """Mentions of an event that agree on every field but confidence: how many, and the highest confidence
    (in `coding`)."""

    coding: MentionCoding
    mentions: int


@dataclass(frozen=True)
class OutletReports:
    """What one outlet (one independent source) reported of an event: mentions, articles, the highest confidence."""

    outlet: str
    mentions: int
    articles: int
    confidence: float


# A single report is never taken as certain, however sure its coder was.
MAX_REPORT_CONFIDENCE = 0.99


def summarise_event(codings: Sequence[CodingReports], outlets: Sequence[OutletReports]) -> dict:
    """An event's columns from its mentions, given grouped by coding and by outlet: best fields, mention, article
    and source counts, and a confidence that grows with independent sources (1 - product over outlets of 1 - that
    outlet's most confident mention)."""
    doubt = math.prod(1 - min(outlet.confidence, MAX_REPORT_CONFIDENCE) for outlet in outlets)
    return {
        **best_coding([c.coding for c in codings], [c.mentions for c in codings]),
        "mention_count": sum(outlet.mentions for outlet in outlets),
        "article_count": sum(outlet.articles for outlet in outlets),  # an article has one outlet
        "source_count": len(outlets),
        "confidence": 1 - doubt,
    }
