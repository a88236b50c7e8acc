"""Actor phrases: spans that name who acts ("Senior Russian officials", "the Kremlin"), coded country plus sector."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from services.extract import lexicon
from services.extract.models import Actor
from services.extract.nlp import ACTOR, CAPITAL, CITY, COUNTRY, DEMONYM, ROLE

DETERMINERS = frozenset("the a an its his her their our this these those some several many both all 's ’s".split())
# Words that may sit inside an actor phrase between a country and the sector noun ("Senior Hungarian officials").
MODIFIERS = frozenset(
    """senior top former ousted deposed exiled late ex onetime new interim transitional local foreign defence defense
    prime vice deputy chief junior acting outgoing incoming main radical armed ruling federal national regional
    provincial municipal central supreme high constitutional special elite naval ground border riot secret
    diplomatic angry young ethnic islamic islamist muslim moslem christian jewish catholic sunni shiite shia kurdish
    rebel opposition security military government state state-owned pro anti - official leading longtime
    longstanding key hardline moderate separatist civil human rights peacekeeping air affairs interior united
    public allied coalition western arab african european asian international multinational unidentified
    traditional religious student university teachers labour labor trade community tribal militant insurgent
    paramilitary police intelligence news agency presidential parliamentary judicial legal humanitarian relief
    aid medical health civilian elected unelected self-declared self-proclaimed breakaway de facto so-called
    hundreds thousands dozens tens scores millions of""".split()
)
FORMER = frozenset("former ousted deposed exiled late ex onetime one-time".split())
LOCATIVE = frozenset("in at near inside outside across throughout around within across".split())
PREPOSITIONS = frozenset(
    """in at near inside outside across throughout around within of from to into onto on upon with without against
    for by over under between among amid like including via toward towards about after before since during despite
    following than per""".split()
)
CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
PRONOUNS = frozenset("he she it they we".split())
TRAILING = DETERMINERS | {"and", "of", "-", ","}


@dataclass
class Chunk:
    """A run of tokens that may name actors, with the preposition that governs it (if any)."""

    start: int
    end: int
    actors: list[Actor] = field(default_factory=list)
    prep: str | None = None
    pronoun: bool = False


def _is_chunk_token(token, entity_at: dict[int, Span], trigger_tokens: set[int]) -> bool:
    i = token.i
    if i in entity_at:
        return True
    if i in trigger_tokens:
        return False
    lower = token.lower_
    if token.like_num or lower in DETERMINERS or lower in MODIFIERS or lower == "and":
        return True
    if (token.lemma_,) in lexicon.sectors():
        return True
    if token.is_title and lower not in STOP_WORDS and lower not in CALENDAR and token.is_alpha:
        return True
    return False


def _sector(tokens) -> str | None:
    sectors = lexicon.sectors()
    found = None
    lemmas = [t.lemma_ for t in tokens]
    for i, lemma in enumerate(lemmas):
        if i + 1 < len(lemmas) and (lemma, lemmas[i + 1]) in sectors:
            found = sectors[(lemma, lemmas[i + 1])]
        elif (lemma,) in sectors and (i == 0 or (lemmas[i - 1], lemma) not in sectors):
            found = sectors[(lemma,)]
    return found


def _code_entity(entity: Span, sector: str | None, when: date | None, former: bool) -> tuple[str, str | None, str | None]:
    label, key = entity.label_, entity.ent_id_
    if label == ROLE:
        code = lexicon.role_code(key, when)
        return code, code[:3], code[3:6] or None
    if label == ACTOR:
        if sector and len(key) == 3:
            key = key + sector
        return key, key[:3], key[3:6] or None
    if label in (COUNTRY, DEMONYM):
        iso = key
    else:
        iso = lexicon.places()[key].country
        # A capital standing alone for an actor means its government ("Moscow said").
        sector = sector or ("GOV" if label == CAPITAL else None)
    if former and sector in ("GOV", "MIL", None):
        sector = "ELI"
    return iso + (sector or ""), iso, sector


def _conjuncts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    parts, begin = [], start
    for i in range(start, end):
        if doc[i].lower_ in ("and", ","):
            if begin < i:
                parts.append((begin, i))
            begin = i + 1
    if begin < end:
        parts.append((begin, end))
    return parts


def code_chunk(doc: Doc, start: int, end: int, entity_at: dict[int, Span], when: date | None) -> list[Actor]:
    """The actors a chunk names: one per conjunct, sharing the last conjunct's sector noun."""
    shared_sector = _sector(doc[start:end])
    actors = []
    for begin, stop in _conjuncts(doc, start, end):
        while begin < stop and doc[begin].lower_ in DETERMINERS:
            begin += 1
        if begin >= stop:
            continue
        tokens = doc[begin:stop]
        sector = _sector(tokens) or shared_sector
        former = any(t.lower_ in FORMER for t in tokens)
        entities = []
        for i in range(begin, stop):
            entity = entity_at.get(i)
            if entity is not None and (not entities or entities[-1] is not entity):
                entities.append(entity)
        # Bare cities are places, not actors; a person or named group is more specific than a country.
        entities = [e for e in entities if e.label_ != CITY or sector]
        if not entities and sector is None:
            continue
        best = next((e for e in entities if e.label_ in (ROLE, ACTOR)), entities[0] if entities else None)
        if best is None:
            code, country, sector_code = sector, None, sector
        else:
            code, country, sector_code = _code_entity(best, sector, when, former)
        text_start, text_end = doc[begin].idx, doc[stop - 1].idx + len(doc[stop - 1].text)
        actors.append(Actor(doc.text[text_start:text_end], code, text_start, text_end, country, sector_code))
    return actors


def find_chunks(doc: Doc, sent: Span, entity_at: dict[int, Span], trigger_tokens: set[int], when: date | None) -> list[Chunk]:
    """Actor phrases in a sentence, left to right, with the preposition before each."""
    chunks: list[Chunk] = []
    i = sent.start
    while i < sent.end:
        token = doc[i]
        if token.lower_ in PRONOUNS:
            chunks.append(Chunk(i, i + 1, [], _prep(doc, i, sent.start), pronoun=True))
            i += 1
            continue
        if not _is_chunk_token(token, entity_at, trigger_tokens) or token.lower_ in ("and", "of", "-"):
            i += 1
            continue
        j = i
        while j < sent.end and (
            _is_chunk_token(doc[j], entity_at, trigger_tokens)
            or (doc[j].lower_ == "," and j + 1 < sent.end and (j + 1) in entity_at and (j - 1) in entity_at)
        ):
            j += 1
        while j > i and doc[j - 1].lower_ in TRAILING:
            j -= 1
        actors = code_chunk(doc, i, j, entity_at, when)
        if actors:
            chunks.append(Chunk(i, j, actors, _prep(doc, i, sent.start)))
        i = max(j, i + 1)
    return chunks


def _prep(doc: Doc, i: int, sent_start: int) -> str | None:
    j = i - 1
    while j >= sent_start and doc[j].lower_ in DETERMINERS:
        j -= 1
    return doc[j].lower_ if j >= sent_start and doc[j].lower_ in PREPOSITIONS else None
