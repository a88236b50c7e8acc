"""Actor phrases: spans that name who acts ("Senior Russian officials", "the Kremlin"), coded country plus sector."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import compress

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from services.extract import lexicon
from services.extract.models import Actor
from services.extract.nlp import (
    ACTOR,
    ARTICLE_LETTERS,
    BEFORE_A_TOWN,
    CAPITAL,
    CITY,
    COMPASS,
    COUNTRY,
    DEMONYM,
    NAME_PARTICLES,
    ROLE,
    TERMINALS,
    TOWN_NOUNS,
    Words,
    char_span,
    is_past_form,
    place_named,
    text_of,
    words,
)

DETERMINERS = lexicon.word_set("determiners")
ARTICLES = frozenset({"the", "a", "an"})
# Words that may sit inside an actor phrase between a country and the sector noun ("Senior Hungarian officials").
MODIFIERS = lexicon.word_set("modifiers")
FORMER = lexicon.word_set("former")
LOCATIVE = lexicon.word_set("locative")
PREPOSITIONS = lexicon.word_set("prepositions")
CALENDAR = lexicon.word_set("calendar")
PRONOUNS = lexicon.word_set("pronouns")
COUNTRY_NOUNS = lexicon.word_set("country_nouns")
GROUP_NOUNS = lexicon.word_set("group_nouns")
# "the two countries", "both sides": the two parties named before, as a pronoun points back to one
PAIR_NOUNS = frozenset({"countries", "sides", "nations", "states", "governments", "leaders", "neighbours", "neighbors"})
BOTH = "both"
# "wounded two others": more of the kind named before it in the sentence
OTHERS = "others"
# Nouns after an actor that make the state named in it a patron of the actor ("Israel's militia ally")
PATRONIZED = frozenset({"ally", "proxy"})
VENUE_NOUNS = lexicon.word_set("venue_nouns")
# How many plain words may stand between a city and the agreement it names ("the Paris climate agreement").
VENUE_MODIFIER_WORDS = 2
QUANTIFIERS = lexicon.word_set("quantifiers")
POSSESSIVES = lexicon.word_set("possessives")
# The clitic that makes a name a possessor: "Sweden's", "Bolivia’s".
POSSESSIVE_MARKS = frozenset({"'s", "’s"})
EMBEDDED = "~"
# How a crowd is counted when no one names who they are
CROWDS = frozenset({"thousands", "hundreds", "dozens", "tens", "scores", "millions"})
PLACE_NOUNS = lexicon.word_set("place_nouns")
# Where forces are posted, held by whoever is posted there: "attacked their base" attacks them
POSTS = frozenset({"base", "camp", "outpost", "position", "barracks", "checkpoint", "post", "garrison"})
THING_NOUNS = lexicon.word_set("thing_nouns")
# The words of the sector nouns of two words ("coast guard", "security force"): no other word needs its neighbours read
PAIRED_SECTOR_WORDS = frozenset(word for noun in lexicon.sectors() if len(noun) == 2 for word in noun)
# A sentence with fewer than one word in this many in lower case is a headline ("Jury Finds Andrew Lopez Guilty in
# Murder of Zurana Horton"), whose capitals say nothing of names
HEADLINE_LOWER = 3
# The last word of a place's or a building's name: "Snyder Avenue", "Evin Prison"
PLACE_NAME_ENDS = lexicon.word_set("place_name_ends")
# Who leads or speaks for a body is of the body's sector: "the leader of an opposition party", "a spokesman for".
BODY_HEADS = frozenset({"leader", "leadership", "head", "chief", "spokesman", "spokeswoman", "spokesperson"})
BUILDING_NOUNS = lexicon.word_set("building_nouns")
# How many adjectives may stand between a possessive and its sector noun: "Colombia's largest rightist militia"
POSSESSED_MODIFIER_WORDS = 3
# An aircraft's, a ship's or a weapon's model: letters, a hyphen, a number ("AC-130", "F-15E", "MiG-29s")
MODEL_DESIGNATION = re.compile(r"[a-z]{1,4}-\d{1,3}[a-z]{0,2}")
# Sector nouns that are also adjectives of an act: "official talks", "a state visit"
MANNER_SECTOR_WORDS = frozenset({"official", "state"})
# Words that go on from a tally to the next part of a sentence: "3 killed and 10 wounded", "4 injured when ..."
CLAUSE_LINKS = frozenset({"and", "or", "when", "while", "as"})
# Verbs whose object is people: a count before their participle counts people ("2 killed", "Four arrested")
PATIENT_VERBS = lexicon.word_set("patient_verbs")
# Sectors that name people by what they do or are, not a state's bodies or forces
PEOPLE_SECTORS = frozenset({"CVL", "EDU", "JRN", "BUS", "LAB", "REL", "REF", "HLH", "AGR", "MED", "CRM"})
# Prepositions that tie a sector noun to its country ("rebels in the Ivory Coast", "students throughout Indonesia").
ORIGIN = lexicon.word_set("origin")
# Verbs whose object is the doer's own forces, sent to a place: "deployed troops in Syria" (CAMEO 154)
POSTING_VERBS = frozenset({"deploy", "redeploy", "station", "send", "dispatch", "post"})
# Verbs whose object is met at a venue that need not be the object's country: "met rebel leaders in Havana"
MEETING_VERBS = frozenset({"meet", "host", "receive"})
MAX_OBJECT_WORDS = 6  # the words before a counted object's noun: "a military contingent of over 7,500"
# Words that say whose an actor is: "fighters loyal to", "workers affiliated with", "militants linked to"
AFFILIATIONS = frozenset({"affiliated", "linked", "loyal", "allied", "aligned", "belonging", "tied"})
# People who speak for an organisation, and take its country: "a spokesman for the Kenyan interior ministry".
SPEAKERS_FOR = lexicon.word_set("speakers_for")
# Words after which a phrase can still open a clause as its subject.
CLAUSE_OPENERS = lexicon.word_set("clause_openers")
STANCE_PREFIXES = frozenset({"anti", "pro"})
# Sector nouns that are adjectives as often: a person only at the head of a phrase ("a British national", "locals").
ADJECTIVE_SECTORS = frozenset({"national", "civilian", "local"})
# Participles after a hyphen that make the name before them the actor's backer ("Iranian-backed militias").
BACKING = frozenset({"backed", "supported", "funded", "sponsored", "armed", "trained", "financed"})
# Participles of making a deal or talks: "a China-brokered deal", "Qatar-mediated talks" name who made them
BROKERING = frozenset({"brokered", "mediated", "negotiated", "drafted", "proposed", "hosted", "organised", "organized"})
BACKING_OR_BROKERING = BACKING | BROKERING  # (built once: every actor phrase is tested against it)
BASED = frozenset({"based", "headquartered"})
# Participles after a hyphen that make the name before them whose the actor is: "Vietnamese-led forces", "a
# Beirut-based newspaper", and the affiliations news writes hyphened ("Pakistan-linked hackers")
HYPHENED_OWNERS = BASED | {"led", "linked", "aligned", "affiliated"}
TRAILING = DETERMINERS | {"and", "of", "-", ","}
# The forms and lemmas that may make a word part of an actor phrase (`_is_chunk_token`): a word with neither, and no
# name, number, hyphened word nor word after a possessive, is none
CHUNK_FORMS = HYPHENED_OWNERS | DETERMINERS | MODIFIERS | {"and"}
SECTOR_NOUNS = lexicon.one_word_sector_nouns()
CHUNK_LEMMAS = SECTOR_NOUNS | PAIRED_SECTOR_WORDS
# Plain adjectives no lexicon knows that may stand between an agent's "by" and its phrase
ADJECTIVES_BEFORE = 2
# Tokens of the adjectives between a nationality and its title ("Serbian ultra - nationalist leader")
TITLE_ADJECTIVE_TOKENS = 4
# A city or a state has police, officials and courts of its own, which are its country's, and people who live there
# ("Brooklyn teenager", "Gaza residents").
LOCAL_SECTORS = frozenset({"COP", "GOV", "JUD"}) | PEOPLE_SECTORS


@dataclass
class Chunk:
    """A run of tokens that may name actors, with the preposition that governs it (if any)."""

    start: int
    end: int
    actors: list[Actor] = field(default_factory=list)
    prep: str | None = None
    pronoun: str | None = None  # the pronoun itself ("he", "it"), when the phrase is one
    place: bool = False  # "the Syrian capital", "Iraqi towns": a country's place, an object but never a subject


def _is_force_used(w: Words, i: int) -> bool:
    """Whether "force" is violence rather than a body of troops: after "use" or a preposition, past up to two plain
    adjectives ("agreed not to use force", "the use of excessive force", "seized by force")."""
    j = i - 1
    while j >= max(0, i - 2) and w.is_lower[j] and w.alpha[j] and w.lower[j] not in STOP_WORDS:
        if w.lemma[j] == "use":
            return True
        j -= 1
    return j >= 0 and (w.lower[j] in PREPOSITIONS or w.lemma[j] == "use")


def names_a_manner(w: Words, i: int) -> bool:
    """Whether "official" or "state" before a trigger says how the act was done: after a determiner, or before the
    act's noun, which an official alone cannot do ("a two-day official visit"; "an official visits" or "visited")."""
    return w.lower[i - 1] in DETERMINERS or w.lower[i + 1] == w.lemma[i + 1] and w.is_lower[i - 1]


def _is_chunk_token(
    w: Words, i: int, entity_at: dict[int, Span], trigger_tokens: set[int], sectors, possessed: set[int]
) -> bool:
    if i in entity_at:
        return True
    if i in trigger_tokens:
        return False
    lower = w.lower[i]
    if lower in HYPHENED_OWNERS and i > 0 and w.lower[i - 1] == "-":
        return True  # "U.S.-led coalition": the leader's forces
    if w.num[i] and not (len(lower) == 4 and lower.isdigit()):
        return True  # a count ("400 soldiers"), not a year ("In 2015 Russia")
    # (a designation has a hyphen, which is cheaper to look for than to run the pattern on every word)
    if "-" in lower and MODEL_DESIGNATION.fullmatch(lower):
        return True  # a model the actor flies or drives: "a U.S. AC-130 gunship", "Russian Su-27 jets"
    if lower == "state" and i + 2 < len(w.lower) and w.lower[i + 1] == "of" and w.is_lower[i + 2]:
        return False  # "a state of emergency", "a state of war": a condition, not a government
    if lower in MANNER_SECTOR_WORDS and i + 1 in trigger_tokens and i > 0 and names_a_manner(w, i):
        return False  # "an official visit", "a two-day state visit": how the act was done, not who did it
    if lower in DETERMINERS or lower in MODIFIERS or lower == "and":
        return True
    if lower == "force" and _is_force_used(w, i):
        return False
    if w.lemma[i] in SECTOR_NOUNS:
        # "fighters forced a plane", "charged with spying": a verb, no "force" and no "spy"
        return not (lower.endswith(("ed", "ing")) and lower != w.lemma[i])
    if w.lemma[i] in PAIRED_SECTOR_WORDS and (
        i + 1 < len(w.lemma)
        and (w.lemma[i], w.lemma[i + 1]) in sectors
        or i > 0
        and (w.lemma[i - 1], w.lemma[i]) in sectors
    ):
        return True  # "coast guard", "security force": a sector noun of two words
    if i in possessed and _qualifies_a_possessed_sector(w, i, sectors):
        return True  # "Bolivia's electoral court": the country's court, through the adjective
    return w.name_word[i]


def qualifies(w: Words, i: int, *, capitalised: bool = False) -> bool:
    """Whether a word may qualify a noun after it: a lower-case content word ("air attack", "continued support",
    "deadly raids", "Bolivia's electoral court"); capitalised: one in a headline's capitals too."""
    return (
        w.alpha[i]
        and (w.is_lower[i] or capitalised)
        and w.lower[i] not in STOP_WORDS
        and w.lower[i] not in PREPOSITIONS
        and (w.lemma[i],) not in lexicon.sectors()
    )


def _possessed(w: Words, start: int, end: int) -> set[int]:
    """The words from start to end that a possessive stands shortly before (`_qualifies_a_possessed_sector`)."""
    return {
        k
        for p in range(max(0, start - POSSESSED_MODIFIER_WORDS), end)
        if w.lower[p] in POSSESSIVE_MARKS
        for k in range(p + 1, p + 1 + POSSESSED_MODIFIER_WORDS)
    }


def _qualifies_a_possessed_sector(w: Words, i: int, sectors) -> bool:
    """A plain adjective between a possessive and a sector noun of one word or two ("Bolivia's electoral court",
    "Iran's powerful judiciary", "Lebanon's caretaker prime minister"), one of two there ("Colombia's largest
    rightist paramilitary group"), at a word of `_possessed`."""
    if not (i < len(w.lower) - 1 and qualifies(w, i)):
        return False
    before = i - 1
    while before > 0 and i - before < POSSESSED_MODIFIER_WORDS and _modifies(w, before):
        before -= 1
    if w.lower[before] not in POSSESSIVE_MARKS:
        return False
    after = i + 1
    while after < len(w.lower) - 1 and after - i < POSSESSED_MODIFIER_WORDS and _modifies(w, after):
        if (w.lemma[after],) in sectors:
            return True
        after += 1
    if (w.lemma[after],) in sectors:
        return True
    # a sector noun of two words ("coast guard")
    return after + 1 < len(w.lower) and (w.lemma[after], w.lemma[after + 1]) in sectors


def _modifies(w: Words, k: int) -> bool:
    return w.lower[k] in MODIFIERS or qualifies(w, k)


def _named_with_of_before_its_noun(w: Words, start: int, end: int) -> bool:
    """Whether a phrase is a name written with "of" ("Government of National Accord", "Army of Islam") before a
    noun in lower case, the phrase's head: its words before that noun are all capitalised but the "of"."""
    while start < end and w.lower[start] in DETERMINERS:
        start += 1
    name = range(start, end - 1)
    return (
        end - start >= 4
        and w.is_lower[end - 1]
        and "of" in (w.lower[i] for i in name)
        and all(w.title[i] or w.lower[i] == "of" for i in name)
    )


def _sector(w: Words, start: int, end: int, entity_at: dict[int, Span]) -> str | None:
    sectors = lexicon.sectors()
    found = None
    # Words inside a name ("United States", "State Department") are not sector nouns.
    lemmas = ["" if i in entity_at or names_an_area(w, i, end, entity_at) else w.lemma[i] for i in range(start, end)]
    if _named_with_of_before_its_noun(w, start, end):
        lemmas = lemmas[-1:]  # "Government of National Accord forces": the forces of a body so named
    while "of" in lemmas[1:]:
        # "supporters of former President Ben Bella": the head noun comes before "of", if it is a sector noun; but a
        # leader or a spokesman of a body is of that body's sector ("the leader of an opposition party"), and a
        # count names no one ("thousands of supporters of ...")
        of = lemmas.index("of", 1)
        head, rest = lemmas[:of], lemmas[of + 1 :]
        heads_a_body = all(lemma in BODY_HEADS for lemma in head if (lemma,) in sectors)
        if heads_a_body and any((lemma,) in sectors for lemma in rest):
            lemmas = rest
            continue
        if any((lemma,) in sectors for lemma in head):
            lemmas = head
        break
    for i, lemma in enumerate(lemmas):
        if lemma not in CHUNK_LEMMAS:
            continue  # most words: no sector noun, nor a word of one
        if i + 1 < len(lemmas) and (lemma, lemmas[i + 1]) in sectors:
            found = sectors[(lemma, lemmas[i + 1])]
        elif lemma in BODY_HEADS and found is not None:
            continue  # "a church leader", "a rebel commander's spokesman": of the body named before the head
        elif lemma in ADJECTIVE_SECTORS and i + 1 < len(lemmas):
            continue  # "local security zone settings": an adjective before its noun
        elif (lemma,) in sectors and (i == 0 or (lemmas[i - 1], lemma) not in sectors):
            found = sectors[(lemma,)]
    return found


def names_an_area(w: Words, i: int, end: int, entity_at: dict[int, Span]) -> bool:
    """Whether a sector noun is part of a capitalised area's name ("Igabi Local Government Area", "in Kaduna
    State", "Borno and Yobe states"): a place, no body."""
    if w.lower[i] == "states" and _closes_coordinated_names(w, i, entity_at):
        return True  # "Borno and Yobe states", "Kassala and El Gedaref states": provinces ("Arab states" are not)
    if not w.title[i]:
        return False
    k = i + 1
    while k < end and w.title[k] and w.lemma[k] != "area":
        k += 1  # "Local Government Area"
    if k < end and w.lemma[k] == "area" and w.title[k]:
        return True
    # "of Kaduna State", "in Lagos State" name where; "Lagos State announced a curfew" is its government
    town = entity_at.get(i - 1)
    if w.lemma[i] != "state" or town is None or town.label_ not in (CITY, CAPITAL) or town.start == 0:
        return False
    return w.lower[town.start - 1] in ("of", "in")


def _closes_coordinated_names(w: Words, i: int, entity_at: dict[int, Span]) -> bool:
    """Whether the plural noun at i follows two or more capitalised names joined by "and", the last no nation's."""
    last = entity_at.get(i - 1)
    if i == 0 or not w.title[i - 1] or last is not None and last.label_ in (COUNTRY, DEMONYM):
        return False
    k = i - 1
    while k > 0 and w.title[k]:
        k -= 1
    return w.lower[k] == "and" and k > 0 and w.title[k - 1]


def code_entity(
    entity: Span, sector: str | None, when: date | None, former: bool
) -> tuple[str, str | None, str | None]:
    """An entity's code, country and sector, given the sector noun beside it and the date."""
    # (the span's own id, which its tokens' entity id repeats: `ent_id_` builds the root Token to read it there)
    label, key = entity.label_, entity.id_
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
        iso = place_named(entity.doc, key).country
        # A capital standing alone for an actor means its government ("Moscow said").
        sector = sector or ("GOV" if label == CAPITAL else None)
    if former and sector in ("GOV", "MIL", None):
        sector = "ELI"
    return iso + (sector or ""), iso, sector


def _conjuncts(w: Words, start: int, end: int) -> list[tuple[int, int]]:
    parts, begin = [], start
    for i in range(start, end):
        if w.lower[i] in ("and", ","):
            if begin < i:
                parts.append((begin, i))
            begin = i + 1
    if begin < end:
        parts.append((begin, end))
    return parts


def _part_of_a_longer_name(w: Words, entity: Span, stop: int) -> bool:
    """Whether a person known by one name is only the first name of someone else ("Abbas" in "Foreign Minister
    Abbas Araghchi"): a capitalised word right after it names another person."""
    return entity.label_ == ROLE and len(entity) == 1 and entity.end < stop and w.title[entity.end]


def _person_qualifies_head(w: Words, person: Span, begin: int, stop: int) -> bool:
    """Whether a person in an actor phrase only says whose its head noun is: the sector noun follows the name
    ("Trump supporters", "Assad's forces") or comes before an "of" that leads to it ("supporters of Imran Khan")."""
    sectors = lexicon.sectors()
    after = any((w.lemma[i],) in sectors for i in range(person.end, stop))
    # the last "of" before the name: "thousands of supporters of Imran Khan"
    of = max((i for i in range(begin + 1, person.start) if w.lower[i] == "of"), default=None)
    before_of = of is not None and any((w.lemma[i],) in sectors for i in range(begin, of))
    return after or before_of


def _hyphened_pair(w: Words, entities: list[Span]) -> tuple[Span, Span] | None:
    """Two states joined by a hyphen as one adjective ("US-South Korean", "Israeli-Palestinian"), when they are all
    the phrase names."""
    if len(entities) != 2 or any(e.label_ not in (COUNTRY, DEMONYM) for e in entities):
        return None
    first, second = entities
    joined = first.end + 1 == second.start and w.lower[first.end] == "-"
    return (first, second) if joined and first.ent_id_ != second.ent_id_ else None


def _one_persons_origins(pair: tuple[Span, Span], sector: str | None) -> bool:
    """Whether two hyphened demonyms describe people rather than two states acting together: the noun they qualify
    names people, not a state's body or force ("Iranian-American academics", not "Russian-Chinese naval patrols")."""
    return all(side.label_ == DEMONYM for side in pair) and sector in PEOPLE_SECTORS


def _names_a_backer(w: Words, end: int, stop: int) -> bool:
    """Whether a run ending at `end` is joined by a hyphen to a participle of backing ("Iranian-backed",
    "Russian-supported", "US-funded") or of brokering ("a China-brokered deal"): it names who backs the actor after
    it, or who made the deal, not whose the actor is or with whom the deal was made."""
    return _hyphened_to(w, end, stop, BACKING_OR_BROKERING)


def _hyphened_to(w: Words, end: int, stop: int, participles: frozenset[str]) -> bool:
    """Whether the word ending at `end` is joined by a hyphen to one of these participles, before `stop`."""
    return end + 1 < stop and w.lower[end] == "-" and w.lower[end + 1] in participles


def _is_stance(w: Words, start: int, begin: int) -> bool:
    """Whether a name only says whom an actor is for or against ("an anti-Syria journalist", "pro-Iranian")."""
    return start - 2 >= begin and w.lower[start - 1] == "-" and w.lower[start - 2] in STANCE_PREFIXES


# The words after a people's demonym that name where it lives
PEOPLE_PLACED_BY = frozenset({"of", "in"})


def _names_a_side(w: Words, demonym: Span, start: int) -> bool:
    """Whether a plural demonym after "the" names its nation's side, as news writes a state's acts ("the Israelis
    bombed", "talks between the Israelis and the Palestinians"); a people of a place is named with it ("the Albanians
    of southern Serbia", "the Albanians in Kosovo")."""
    after_the = demonym.start > start and w.lower[demonym.start - 1] == "the"
    return after_the and not (demonym.end < len(w.lower) and w.lower[demonym.end] in PEOPLE_PLACED_BY)


def code_chunk(doc: Doc, start: int, end: int, entity_at: dict[int, Span], when: date | None) -> list[Actor]:
    """The actors a chunk names: one per conjunct, sharing the last conjunct's sector noun."""
    w = words(doc)
    conjuncts = _conjuncts(w, start, end)
    # "Israeli and Egyptian troops" share the noun; in "Israel and the Palestinian militants" the last conjunct is a
    # phrase of its own, its determiner says so, and its noun is its own.
    last_begin, last_stop = conjuncts[-1]
    shared_sector = _sector(w, last_begin, last_stop, entity_at) if w.lower[last_begin] not in DETERMINERS else None
    # "Israel and Hamas militants", "Ethiopia and Tigray rebels": a state named before a group that has a name of its
    # own does not share the group's noun, as "US and British troops" share theirs
    group = entity_at.get(last_begin)
    named_group = not w.is_lower[last_begin] and (group is None or group.label_ not in (DEMONYM, COUNTRY))
    actors = []
    for begin, stop in conjuncts:
        while begin < stop and w.lower[begin] in DETERMINERS:
            begin += 1
        if begin >= stop:
            continue
        # (a chunk of one conjunct with no determiner is its own last conjunct, whose sector is read already)
        own_sector = shared_sector if (begin, stop) == (start, end) else _sector(w, begin, stop, entity_at)
        state = (state_named := entity_at.get(begin)) is not None and state_named.label_ == COUNTRY
        alone = state and state_named.end == stop and stop < last_begin
        sector = own_sector or (None if alone and named_group else shared_sector)
        former = not FORMER.isdisjoint(w.lower[begin:stop])
        entities = []
        for i in range(begin, stop):
            entity = entity_at.get(i)
            if entity is not None and (not entities or entities[-1] is not entity):
                entities.append(entity)
        # Cities are places, not actors, unless an official or a people is "of" one ("the mayor of Istanbul"); a
        # person or named group is more specific than a country; "ethnic Albanians" names a people, not Albania's.
        # ("ethnic" before a people's name: "Ethiopian forces of ethnic cleansing" are still Ethiopia's)
        ethnic = "ethnic" in w.lower[begin : stop - 1] and any(
            w.lower[k] == "ethnic" and k + 1 in entity_at for k in range(begin, stop - 1)
        )
        entities = [
            e
            for e in entities
            if (e.label_ != CITY or _city_names_whose(w, e, begin, stop, own_sector))
            and not (ethnic and e.label_ == DEMONYM)
            and not _is_stance(w, e.start, begin)
            and not _part_of_a_longer_name(w, e, stop)
        ]
        if ethnic and not entities:
            own_sector = sector = sector or "CVL"  # an ethnic group is a people, placed by where it lives
        if not entities and own_sector is None:
            continue
        if (pair := _hyphened_pair(w, entities)) is not None and _one_persons_origins(pair, sector):
            # "Iranian-American academics", "the Indian-American community": people of one country, the last, and
            # of the other's descent
            entities = [pair[1]]
        elif pair is not None:
            # "joint US-South Korean drills", "Russian-Chinese naval patrols": both sides, sharing the noun
            for side in pair:
                code, country, sector_code = code_entity(side, sector, when, former)
                actors.append(written_actor(doc, begin, stop, code, country, sector_code))
            continue
        # "NATO-member Norway", "EU-led talks": a name before a hyphen only modifies the head.
        heads = [e for e in entities if not (e.end < len(doc) and w.lower[e.end] == "-")] or entities
        best = next((e for e in reversed(heads) if e.label_ in (ROLE, ACTOR)), heads[0] if heads else None)
        if best is not None and best.label_ == ACTOR and best.ent_id_.startswith(("IGO", "IMG")):
            # "Sweden's NATO bid": a country owns no international body, so the phrase is the country's; "Iraq's
            # al-Qaeda" is an international network's branch in the country, and the country's
            best = next(
                (e for e in heads if e.label_ == COUNTRY and e.end < stop and w.lower[e.end] in POSSESSIVE_MARKS), best
            )
        owner = _possessing_country(w, heads, best)
        bare_demonym = best is not None and best.label_ == DEMONYM and sector is None
        if bare_demonym and stop < len(doc) and (w.lemma[stop] in PLACE_NOUNS or w.lower[stop] in THING_NOUNS):
            continue  # "the Thai border", "the Syrian capital": a place, not an actor; "the Russian language": a tongue
        if bare_demonym and best.text.endswith("s") and not _names_a_side(w, best, start):
            sector = "CVL"  # "Algerians", "Palestinians": the people, not the state
        if best is None:
            sector = "ELI" if former and sector in ("GOV", "MIL") else sector
            code, country, sector_code = sector, None, sector
        elif best.label_ in (CAPITAL, CITY) and _names_a_base(w, best.end, stop):
            # "a London-based rights group" is of the country it is based in, and is no government
            country = place_named(doc, best.ent_id_).country
            code, sector_code = country + (sector or ""), sector
        else:
            code, country, sector_code = code_entity(best, sector, when, former)
            if owner is not None and owner != country:
                # "Pakistan's Foreign Office": a body another state's lexicon entry names, held by this one
                code, country = owner + (sector_code or ""), owner
            if best.label_ == ROLE and own_sector and country and _person_qualifies_head(w, best, begin, stop):
                # "Trump supporters", "supporters of Imran Khan", "Assad's forces": the head noun says who they are
                code, sector_code = country + own_sector, own_sector
        actors.append(written_actor(doc, begin, stop, code, country, sector_code))
    # "Israeli helicopters and tanks": a country named once covers the conjuncts that name only a sector.
    countries = {a.country for a in actors if a.country}
    if len(countries) == 1 and len(actors) > 1:
        country = next(iter(countries))
        actors = [a if a.country else of_country(a, country) for a in actors]
    return actors


def _possessing_country(w: Words, heads: list[Span], best: Span | None) -> str | None:
    """The country that a national body's name is given as the possession of: "Pakistan's Foreign Office"."""
    if best is None or best.label_ != ACTOR or best.ent_id_.startswith(("IGO", "IMG", "NGO")):
        return None
    owner = next((e for e in heads if e.label_ == COUNTRY and e.end + 1 == best.start), None)
    if owner is None or w.lower[owner.end] not in POSSESSIVE_MARKS:
        return None
    return owner.ent_id_


def _city_names_whose(w: Words, city: Span, begin: int, stop: int, sector: str | None) -> bool:
    """Whether a city in an actor phrase says whose the actor is: an official or a people "of" it ("the mayor of
    Istanbul"), or its own ("Benghazi's main hospital"), one based in it ("a Peshawar-based group"), or its own police,
    officials or courts named after it ("Karachi police", "the Oregon Highway Patrol", "a Texas court"), or people who
    live there ("Gaza residents")."""
    of_it = sector is not None and city.start > begin and w.lower[city.start - 1] == "of"
    of_it = of_it or sector is not None and city.end < stop and w.lower[city.end] in POSSESSIVE_MARKS
    # a word after the city, spelt out or abbreviated as titles are ("Alaska Gov. Sarah Palin")
    its_own = sector in LOCAL_SECTORS and city.end < stop and w.lower[city.end].rstrip(".").isalpha()
    return of_it or its_own or _names_a_base(w, city.end, stop)


def _names_a_base(w: Words, end: int, stop: int) -> bool:
    """Whether a place's name ending at `end` says where the actor after it is based ("a Beirut-based newspaper")."""
    return _hyphened_to(w, end, stop, BASED)


def names_both_parties(w: Words, i: int, end: int) -> int | None:
    """The end of "both sides" or "the two countries" at i, standing for the two parties named before (not "the two
    countries' leaders", whose noun is another's)."""
    if w.lower[i] == BOTH:
        noun = i + 1
    elif w.lower[i] == "the" and i + 1 < end and w.lower[i + 1] == "two":
        noun = i + 2
    else:
        return None
    if noun >= end or w.lower[noun] not in PAIR_NOUNS:
        return None
    return None if noun + 1 < end and w.lower[noun + 1] in POSSESSIVE_MARKS else noun + 1


def _names_the_country(w: Words, i: int, end: int) -> bool:
    """ "the country", "the kingdom" on their own ("the country had reached a deal"), not "the country's president"
    nor "the country music star": the next word is punctuation, a function word or an inflected verb; so "the
    group", "the movement" ("the group said it had accepted")."""
    if w.lower[i] != "the" or i + 2 >= end or w.lower[i + 1] not in COUNTRY_NOUNS and w.lower[i + 1] not in GROUP_NOUNS:
        return False
    after = i + 2
    if w.lower[after] in POSSESSIVE_MARKS:
        return False
    return not w.alpha[after] or w.lower[after] in STOP_WORDS or w.lemma[after] != w.lower[after]


def _in_a_hyphened_name(doc: Doc, w: Words, j: int, start: int, entity_at: dict[int, Span]) -> bool:
    """Whether the token at j is the hyphen or the second part of a person's name written with one ("Moon Jae-in"),
    which the tokenizer splits; a known name before a hyphen ("Iranian-backed", "Beirut-based") is no such part."""
    lower = w.lower
    hyphen = j if lower[j] == "-" else j - 1
    if hyphen <= start or hyphen + 1 >= len(lower) or lower[hyphen] != "-":
        return False
    joined = not w.spaced[hyphen - 1] and not w.spaced[hyphen]
    unknown = hyphen - 1 not in entity_at and hyphen + 1 not in entity_at
    return joined and unknown and w.title[hyphen - 1] and w.alpha[hyphen + 1]


def names_a_venue(w: Words, end: int, sent_end: int) -> bool:
    """Whether a city ending at `end` names only where an agreement or a meeting was made: "withdrew from the Paris
    climate agreement" withdraws from no one in Paris, and did not do it there."""
    for k in range(end, min(sent_end, end + VENUE_MODIFIER_WORDS + 1)):
        if w.lower[k] in VENUE_NOUNS:
            return True
        if not (w.alpha[k] and w.is_lower[k]):
            return False
    return False


def find_chunks(
    doc: Doc, sent: Span, entity_at: dict[int, Span], trigger_tokens: set[int], when: date | None
) -> list[Chunk]:
    """Actor phrases in a sentence, left to right, with the preposition before each."""
    chunks: list[Chunk] = []
    w = words(doc)
    sectors = lexicon.sectors()
    # Each word is tested once, up front: a phrase's first and next words are read twice, as it opens and as it ends;
    # most words have no possessive near before them.
    start, end = sent.start, sent.end
    lower, lemma, name_word = w.lower, w.lemma, w.name_word
    possessed = _possessed(w, start, end)
    # (most words are none, and are told so by their form before the full test)
    in_a_chunk = {
        k: k in entity_at
        or (
            name_word[k]
            or w.num[k]
            or lower[k] in CHUNK_FORMS
            or lemma[k] in CHUNK_LEMMAS
            or "-" in lower[k]
            or k in possessed
        )
        and _is_chunk_token(w, k, entity_at, trigger_tokens, sectors, possessed)
        for k in range(start, end)
    }
    i = start
    while i < end:
        if w.num[i] and i + 1 < end and lower[i + 1] == OTHERS:
            chunks.append(Chunk(i, i + 2, [], _prep(doc, i, start), pronoun=OTHERS))
            i += 2
            continue
        if not in_a_chunk[i] and lower[i] not in PRONOUNS and lower[i] not in ("the", BOTH):
            i += 1  # most words open nothing: no phrase, no pronoun, no "the country" and no "both sides"
            continue
        if (pair_end := names_both_parties(w, i, end)) is not None:
            chunks.append(Chunk(i, pair_end, [], _prep(doc, i, start), pronoun=BOTH))
            i = pair_end
            continue
        if lower[i] in PRONOUNS:
            chunks.append(Chunk(i, i + 1, [], _prep(doc, i, start), pronoun=lower[i]))
            i += 1
            continue
        if _names_the_country(w, i, end):
            chunks.append(Chunk(i, i + 2, [], _prep(doc, i, start), pronoun=lower[i + 1]))
            i += 2
            continue
        if not in_a_chunk[i] or lower[i] in ("and", "of", "-"):
            i += 1
            continue
        if w.num[i] and (article := _determiner_after_a_number(w, i, end)) is not None:
            i = article  # "2024-12-20 The Russian Ministry": no count stands before an article
            continue
        j = i
        while j < end and (
            in_a_chunk[j]
            or _is_list_comma(w, j, end, entity_at)
            or _is_headline_comma(w, j, sent, entity_at)
            or _in_a_hyphened_name(doc, w, j, i, entity_at)
            or j not in trigger_tokens
            and (
                _adjective_of_a_conjunct(w, j, i, in_a_chunk, sectors)
                or _adjective_of_a_title(w, j, i, in_a_chunk, sectors, entity_at)
            )
        ):
            j += 1
            if _country_after_a_noun(w, j, entity_at, sectors):
                break  # "told reporters Egypt had rejected": the noun is an object, the country the next subject
        # a count stands before its noun: "the French ambassador 72 hours" ends at the ambassador
        while j > i and (lower[j - 1] in TRAILING or j - 1 > i and w.num[j - 1]):
            j -= 1
        if _names_a_backer(w, j, end):
            i = max(j, i + 1)  # "Iranian-backed militias": who backs the actor named next
            continue
        if j + 1 < end and lower[j] in POSSESSIVE_MARKS and w.lemma[j + 1] in PATRONIZED:
            i = j + 2  # "Ukraine's allies", "Iran's proxies": whose allies they are, not who they are
            continue
        if j in trigger_tokens and _prep(doc, i, start) not in (None, "between"):
            # "went before a magistrate and riot police fired": the last conjunct is the next verb's subject, unless
            # the first only shares its noun ("Ethiopian and Eritrean soldiers")
            k = next((k for k in range(j - 1, i, -1) if lower[k] == "and"), None)
            shares = k is not None and (e := entity_at.get(k - 1)) is not None and e.label_ == DEMONYM
            j = k if k is not None and not shares else j
        if j - i == 1 and lower[i] in ADJECTIVE_SECTORS and j < end and w.alpha[j] and w.is_lower[j]:
            i = j  # "national radio", "civilian casualties": an adjective before its noun, not a person
            continue
        head = max(j, i + 1)
        while head < end and (lower[head] in COMPASS or lower[head] in MODIFIERS):
            head += 1
        if lower[i] in POSSESSIVES and head < end and (w.lemma[head] in PLACE_NOUNS or w.lemma[head] in POSTS):
            # "its northern towns", "its territory", "their base": a place of whoever "its" points back to
            chunks.append(Chunk(i, head + 1, [], _prep(doc, i, start), pronoun=lower[i], place=True))
            i = head + 1
            continue
        city = entity_at.get(j - 1)
        if city is not None and city.label_ in (CITY, CAPITAL) and names_a_venue(w, j, end):
            i = max(j, i + 1)  # a run of "the" alone after the city ("in Nairobi the current charter") still moves on
            continue
        if j - i == 1 and (counts_people_acted_on(w, i, j, end) or _counts_people_after(w, i, end)):
            chunks.append(Chunk(i, j, [written_actor(doc, i, j, "CVL", None, "CVL")], _prep(doc, i, start)))
            i = j
            continue
        # Most runs ("the new", "a key") name no one: only a name or a sector noun (of one word or two: "armed
        # men") makes an actor.
        if not any(
            k in entity_at or w.lemma[k] in SECTOR_NOUNS or k > i and (w.lemma[k - 1], w.lemma[k]) in sectors
            for k in range(i, j)
        ):
            i = max(j, i + 1)
            continue
        if _modifies_the_noun_after(w, i, j, end, entity_at):
            i = j  # "raided a Moscow apartment", "by a Central Texas fertilizer plant explosion": no one's phrase
            continue
        if _names_a_capital_s_area(w, i, j, end, entity_at):
            # "withdrew from the Damascus region": a capital before a place noun names a place, not its government
            chunks.append(Chunk(i, j + 1, [_city_place(doc, entity_at[j - 1])], _prep(doc, i, start), place=True))
            i = j + 1
            continue
        actors = code_chunk(doc, i, j, entity_at, when)
        if j < end and w.lemma[j] in PATRONIZED:
            # "Israel's militia ally", "Iran's proxies": the state named is the patron, not the group's own
            actors = [Actor(a.text, a.sector or "", a.start, a.end, None, a.sector) for a in actors if a.sector]
        if not actors and j < end and w.lemma[j] in PLACE_NOUNS:
            place = _place_of(doc, i, j, entity_at)
            if place is not None:
                chunks.append(Chunk(i, j + 1, [place], _prep(doc, i, start), place=True))
                i = j + 1
                continue
        city = entity_at.get(j - 1)
        if not actors and city is not None and city.label_ == CITY:
            # "bombed Aleppo": a city named as an object is its country's place
            chunks.append(Chunk(i, j, [_city_place(doc, city)], _prep(doc, i, start), place=True))
            i = j
            continue
        # "its forces", "their embassy staff": a possessive pronoun points back at an actor already named.
        if actors and lower[i] in POSSESSIVES and all(a.country is None for a in actors):
            chunks.append(Chunk(i, j, [], _prep(doc, i, start), pronoun=lower[i]))
        elif actors:
            # "attacked dozens of police stations": the police's building, a place the act is aimed at, not a doer
            building = j < end and lower[j] in BUILDING_NOUNS
            chunks.append(Chunk(i, j, actors, _prep(doc, i, start), place=building))
        i = max(j, i + 1)
    chunks = _named_by_apposition(doc, sent, _attach_countries(doc, chunks, entity_at, trigger_tokens))
    # where a town is names no one who acts or is acted on
    chunks = [chunk for chunk in chunks if not _names_a_towns_container(w, chunk, entity_at, sent.start)]
    for chunk in chunks:
        if chunk.prep in (None, EMBEDDED):
            chunk.prep = _agent_past_adjectives(w, chunk.start, sent.start, trigger_tokens) or chunk.prep
    return _with_strangers(doc, sent, chunks, entity_at, trigger_tokens)


def _modifies_the_noun_after(w: Words, start: int, end: int, sent_end: int, entity_at: dict[int, Span]) -> bool:
    """Whether a city's name after "a" or "an" stands before a common noun that heads the phrase ("a Moscow
    apartment", "a central Athens store"): an article does not open a city's name, so the name says where the thing
    is, and the phrase names no actor. (A country's says whose it is: "rejected a U.S. request".)"""
    if w.lower[start] not in ("a", "an") or end >= sent_end or not (w.alpha[end] and w.is_lower[end]):
        return False
    named = [entity_at[k] for k in range(start, end) if k in entity_at]
    return bool(named) and named[-1].end == end and all(e.label_ in (CITY, CAPITAL) for e in named)


def _adjective_of_a_conjunct(w: Words, k: int, start: int, in_a_chunk: dict[int, bool], sectors) -> bool:
    """Whether a word no lexicon knows qualifies the sector noun of the next conjunct of a phrase ("between police
    and informal traders"): a plain adjective right after "and", before that noun (a trigger there is a verb: "in
    Wau and beat people")."""
    if k - 1 <= start or w.lower[k - 1] != "and" or not in_a_chunk.get(k + 1, False):
        return False
    return (w.lemma[k + 1],) in sectors and _plain_adjective(w, k)


def _owns_what_follows(w: Words, end: int) -> bool:
    """Whether a name that ends at `end` is followed by a possessive mark ("Kenya's")."""
    return end < len(w.lower) and w.lower[end] in POSSESSIVE_MARKS


def _adjective_of_a_title(
    w: Words, k: int, start: int, in_a_chunk: dict[int, bool], sectors, entity_at: dict[int, Span]
) -> bool:
    """Whether a word no lexicon knows, or a hyphen that joins two, stands between a nationality and the sector noun
    it qualifies with it: "Serbian nationalist leader", "Serbian ultra-nationalist leader" are one actor."""
    if not _in_a_title_s_adjectives(w, k):
        return False
    before = _past_a_title_s_adjectives(w, k, -1, start, sectors)
    nationality = entity_at.get(before)
    if before < start or nationality is None or nationality.label_ != DEMONYM:
        return False
    if w.lower[before + 1] == "-":
        return False  # "Turkish-backed rebel fighters": the nationality is the backer's, not the fighters'
    after = _past_a_title_s_adjectives(w, k, 1, len(w.lower), sectors)
    return in_a_chunk.get(after, False) and (w.lemma[after],) in sectors


def _past_a_title_s_adjectives(w: Words, k: int, step: int, stop: int, sectors) -> int:
    """The first word from k on, going by `step`, that is no adjective of a title, or a sector noun, or `stop`; at
    most TITLE_ADJECTIVE_TOKENS away."""
    j = k + step
    while (
        j != stop
        and abs(j - k) < TITLE_ADJECTIVE_TOKENS
        and (w.lemma[j],) not in sectors
        and _in_a_title_s_adjectives(w, j)
    ):
        j += step
    return j


def _in_a_title_s_adjectives(w: Words, k: int) -> bool:
    """A plain adjective, or a hyphen between two words ("ultra-nationalist")."""
    joined = w.lower[k] == "-" and 0 < k < len(w.lower) - 1 and w.alpha[k - 1] and w.alpha[k + 1]
    return joined or _plain_adjective(w, k)


def _names_a_capital_s_area(w: Words, start: int, end: int, sent_end: int, entity_at: dict[int, Span]) -> bool:
    """Whether a phrase is a capital's name, after determiners only, before a place noun ("the Damascus region")."""
    capital = entity_at.get(end - 1)
    if capital is None or capital.label_ != CAPITAL or end >= sent_end or w.lemma[end] not in PLACE_NOUNS:
        return False
    return all(w.lower[k] in DETERMINERS for k in range(start, capital.start))


def _agent_past_adjectives(w: Words, start: int, sent_start: int, trigger_tokens: set[int]) -> str | None:
    """ "by" when an agent's adjectives that no lexicon knows stand between it and its phrase ("by the notorious
    rebels", "by the oposition rebels"): up to ADJECTIVES_BEFORE plain words, none a trigger."""
    j = start - 1
    for _ in range(ADJECTIVES_BEFORE):
        if j <= sent_start or j in trigger_tokens or not _plain_adjective(w, j):
            return None
        j -= 1
        while j > sent_start and w.lower[j] in DETERMINERS:
            j -= 1
        if w.lower[j] == "by" and j > sent_start:  # "By the time local police arrived" opens a clause
            return "by"
    return None


def _plain_adjective(w: Words, i: int) -> bool:
    """A lower-case word in its plain form or a participle in "-ed", no function word: what an adjective before a
    noun looks like ("suspected militants"; "a car carrying soldiers" is no agent)."""
    lower = w.lower[i]
    plain = lower == w.lemma[i] or lower.endswith("ed")
    return w.alpha[i] and w.is_lower[i] and plain and lower not in STOP_WORDS


def joins_a_town_to_its_container(w: Words, comma: int, start: int) -> bool:
    """Whether a comma stands between a town and the place that holds it: "in Douma, Syria", "in Khaydaro village,
    Somalia", "in Kidal, northern Mali"."""
    town = comma - 1
    if town > start and w.lower[town] in TOWN_NOUNS:
        town -= 1
    after = comma + 1
    while after < len(w.lower) - 1 and w.lower[after] in COMPASS:
        after += 1
    return town >= start and w.title[town] and after < len(w.lower) and w.title[after]


def _names_a_towns_container(w: Words, chunk: Chunk, entity_at: dict[int, Span], sent_start: int) -> bool:
    """Whether a phrase is the country or the province after a town's comma, in a phrase a locative preposition
    opens ("Police in Cairo, Egypt, arrested", "in Kafr Nabl, Syria", "in Gerilley village, Bakool region", "outside
    the town of Hudur, Bakool", "in Kidal, northern Mali"): it says where the town is."""
    start = chunk.start
    while start < chunk.end - 1 and w.lower[start] in COMPASS:
        start += 1
    place = entity_at.get(start)
    comma = chunk.start - 1
    if place is None or place.label_ not in (COUNTRY, CITY, CAPITAL) or place.end != chunk.end or comma <= sent_start:
        return False
    if w.lower[comma] != "," or chunk.end < len(w.lower) and w.lower[chunk.end] in POSSESSIVE_MARKS:
        return False  # "in Surabaya, Indonesia's second-largest city": the town's apposition, whose head is no place
    town_end = comma - 1 if w.lower[comma - 1] in TOWN_NOUNS else comma
    k = town_end - 1
    while k > sent_start and (w.title[k] and w.lower[k] not in PREPOSITIONS or w.lower[k] == "-"):
        if (named := entity_at.get(k)) is not None and named.label_ == COUNTRY:
            return False  # "In Syria, Iran backs ...": a country, then the clause's subject
        k -= 1
    if k == town_end - 1:
        return False
    while k > sent_start and w.lower[k] in BEFORE_A_TOWN:
        k -= 1
    return w.lower[k] in LOCATIVE


def counts_people_acted_on(w: Words, i: int, j: int, stop: int) -> bool:
    """Whether a count alone stands for people before the participle of what was done to them, as headlines and
    tallies write it ("2 killed in air raid", "Four arrested", "resulting in 3 killed and 10 wounded")."""
    if not (w.num[i] and j < stop and w.lemma[j] in PATIENT_VERBS and w.is_lower[j] and is_past_form(w, j)):
        return False
    if i > 0 and w.lower[i - 1] == "of":
        return False  # "a mother of 12 killed": the count is someone else's
    # the participle closes the phrase, and qualifies no noun after it ("two accused gangbangers")
    return _closes_its_phrase(w, j, stop)


def _counts_people_after(w: Words, i: int, stop: int) -> bool:
    """Whether a count alone stands for people after the verb of what was done to them, as headlines write it
    ("police arrest 20 over protest", "gunmen kill 12 in Zamfara"): no noun follows the count."""
    if not (w.num[i] and i > 0 and w.lemma[i - 1] in PATIENT_VERBS and w.is_lower[i - 1]):
        return False
    return _closes_its_phrase(w, i, stop)


def _closes_its_phrase(w: Words, k: int, stop: int) -> bool:
    """Whether word k ends its phrase: punctuation, a preposition or a clause's link follows it, or nothing."""
    return k + 1 >= stop or not w.alpha[k + 1] or w.lower[k + 1] in PREPOSITIONS or w.lower[k + 1] in CLAUSE_LINKS


def in_headline_case(w: Words, sent: Span) -> bool:
    """Whether a sentence is a headline, its words capitalised but for a few short ones: its capitals say nothing of
    names."""
    return sum(w.is_lower[sent.start : sent.end]) * HEADLINE_LOWER <= sum(w.alpha[sent.start : sent.end])


def stranger_names(
    doc: Doc, sent: Span, entity_at: dict[int, Span], trigger_tokens: set[int] = frozenset()
) -> list[tuple[int, int]]:
    """Runs of two or more capitalised words that no lexicon knows, in running text: people and bodies named in
    full ("Carla del Ponte", "Juan Carlos de la Vega"). They act and are acted on as anyone does; only their country
    is unknown."""
    w = words(doc)
    if in_headline_case(w, sent):
        return []

    def name_word(k: int) -> bool:
        return w.name_word[k] and k not in entity_at and k not in trigger_tokens and w.lemma[k] not in SECTOR_NOUNS

    runs = []
    past = sent.start  # where the last run ended
    # (only a word of a name may open a run)
    for i in compress(range(sent.start, sent.end), w.name_word[sent.start : sent.end]):
        if i < past or not name_word(i):
            continue
        j = i + 1
        while j < sent.end and (name_word(j) or w.lower[j] in NAME_PARTICLES and j + 1 < sent.end and name_word(j + 1)):
            j += 1
        if i == sent.start and j - i >= 2 and w.lower[i].endswith("ly"):
            continue  # "Ironically Nichols": an adverb that opens the sentence is capitalised for that alone
        before = i - 1
        names_a_thing = (
            w.lower[j - 1] in PLACE_NOUNS
            or w.lower[j - 1] in PLACE_NAME_ENDS
            or before >= sent.start
            and (
                w.lower[before] in POSSESSIVE_MARKS
                # "the tanker Stena Impero", "the cleric Moqtada al-Sadr": the name of the noun before it
                or w.is_lower[before]
                and w.alpha[before]
                and w.lower[before] not in STOP_WORDS
                and before not in trigger_tokens
                and w.lower[before] not in PREPOSITIONS
            )
        )
        if j - i >= 2 and not names_a_thing:
            runs.append((i, j))
        past = j
    return runs


def _with_strangers(
    doc: Doc, sent: Span, chunks: list[Chunk], entity_at: dict[int, Span], trigger_tokens: set[int]
) -> list[Chunk]:
    """The chunks, with one for each stranger's name that no phrase covers or names (see `stranger_names`)."""
    names = stranger_names(doc, sent, entity_at, trigger_tokens)
    if not names:
        return chunks  # (most sentences name no stranger: the phrases' words need not be gathered)
    w = words(doc)
    # A name right after a phrase, or after it and a comma, is that phrase's ("the Emir of Qatar, Sheikh Hamad").
    # (not one after whom a report is "according to": "According to police, Jamal Williams was arrested")
    apposing = {id(c) for c in chunks if w.lower[min(c.end, sent.end - 1)] == "," and not according_to(w, c)}
    taken = {i for c in chunks for i in range(c.start, c.end + (2 if id(c) in apposing else 1))}
    strangers = [
        Chunk(start, end, [written_actor(doc, start, end, "", None, None)])
        for start, end in names
        # after a preposition a name is as often a place or a thing ("to the Esfahan Uranium Conversion Facility",
        # "to most West Africans")
        # (a name right after a trigger verb is its object, whatever capitalised word stands before the verb: "a
        # Kenyan court found Peter Otieno guilty")
        if ((prep := _prep(doc, start, sent.start)) is None or prep == EMBEDDED and start - 1 in trigger_tokens)
        and not (start - 2 >= sent.start and w.lower[start - 2] in PREPOSITIONS)
        and taken.isdisjoint(range(start, end))
        # "Bordode town", "Kassala and El Gedaref states": a name before a place noun names the place
        and not (end < sent.end and (w.is_lower[end] and w.lemma[end] in PLACE_NOUNS or w.lower[end] == "states"))
    ]
    return sorted([*chunks, *strangers], key=lambda c: c.start) if strangers else chunks


def according_to(w: Words, chunk: Chunk) -> bool:
    """Whether a phrase names whom a report is "according to"."""
    return chunk.start >= 2 and w.lower[chunk.start - 2] == "according" and w.lower[chunk.start - 1] == "to"


def _named_by_apposition(doc: Doc, sent: Span, chunks: list[Chunk]) -> list[Chunk]:
    """A person the lexicon does not know, named before an apposition that says who they are ("Ivan Petrov, the
    Russian deputy foreign minister, said"), is an actor with the apposition's country and sector."""
    w = words(doc)
    appositions = [(chunk, role) for chunk in chunks if (role := _apposition_role(w, sent, chunk)) is not None]
    if not appositions:
        return chunks  # (as most sentences have none: the phrases' words need not be gathered)
    named = []
    taken = {i for c in chunks for i in range(c.start, c.end)}
    for chunk, role in appositions:
        comma = chunk.start - 1
        start = comma
        while start > sent.start and start - 1 not in taken and w.name_word[start - 1]:
            start -= 1
            # "Pieter de Wolff", "Omar bin Laden": a particle inside the name, or hyphened to it ("Nasser al-Kidwa")
            if start - 2 >= sent.start and w.lower[start - 1] in NAME_PARTICLES and w.name_word[start - 2]:
                start -= 1
            elif (
                start - 3 >= sent.start
                and w.lower[start - 1] == "-"
                and w.lower[start - 2] in NAME_PARTICLES
                and w.name_word[start - 3]
            ):
                start -= 2
        if comma - start < 2:
            continue  # a single capitalised word may open the sentence ("Yesterday, the Russian minister, ...")
        name = written_actor(doc, start, comma, role.code, role.country, role.sector)
        named.append(Chunk(start, comma, [name], _prep(doc, start, sent.start)))
    return sorted([*chunks, *named], key=lambda c: c.start) if named else chunks


def _apposition_role(w: Words, sent: Span, chunk: Chunk) -> Actor | None:
    """The actor of a country a phrase names, if it is an apposition between commas that opens with an article and
    may say who the name before it is (`_named_by_apposition`)."""
    comma, end = chunk.start - 1, chunk.end
    role = next((a for a in chunk.actors if a.country), None)
    if (
        role is None
        or chunk.prep is not None
        or comma <= sent.start
        or w.lower[comma] != ","
        or w.lower[chunk.start] not in ARTICLES
        or end >= sent.end
        or w.lower[end] != ","
        or (end + 1 < sent.end and w.lower[end + 1] in ("and", "or"))  # a list: "Petrov, the minister, and"
    ):
        return None
    return role


def _country_after_a_noun(w: Words, j: int, entity_at: dict[int, Span], sectors) -> bool:
    """Whether a country's name opens right after a common noun of a sector ("reporters Egypt"), which no actor
    phrase puts before a country it names ("Egyptian reporters", "reporters in Egypt")."""
    entity = entity_at.get(j)
    return (
        entity is not None
        and entity.start == j
        and entity.label_ in (COUNTRY, CAPITAL)
        and w.is_lower[j - 1]
        and (w.lemma[j - 1],) in sectors
    )


def _is_list_comma(w: Words, j: int, end: int, entity_at: dict[int, Span]) -> bool:
    """A comma between names in a list ("the US, Russia and China"), also before "and" or "the" ("Israel, the
    United States, and Britain")."""
    if w.lower[j] != "," or j - 1 not in entity_at:
        return False
    after = j + 1
    while after < end and after - j <= 2 and (w.lower[after] == "and" or w.lower[after] in DETERMINERS):
        after += 1
    if after >= end or after not in entity_at:
        return False
    return w.lower[after - 1] in ("and", "or") or _list_ends(w, after, end, entity_at)


def _is_headline_comma(w: Words, j: int, sent: Span, entity_at: dict[int, Span]) -> bool:
    """A comma for "and" between two names that open a headline and its verb ("Israel, Hamas agree to extend
    truce"): the first name opens the sentence, the second is followed by a word in lower case, and the headline has
    no closing stop. The first may be a name with its sector noun ("Sudan army, RSF sign truce")."""
    if w.lower[j] != "," or j + 1 not in entity_at or sent.start not in entity_at:
        return False
    first, second = entity_at[sent.start], entity_at[j + 1]
    if first.start != sent.start or any(w.lemma[k] not in SECTOR_NOUNS for k in range(first.end, j)):
        return False
    verb = second.end
    return verb < sent.end and w.is_lower[verb] and w.alpha[verb] and w.lower[sent.end - 1] not in TERMINALS


def _list_ends(w: Words, i: int, end: int, entity_at: dict[int, Span]) -> bool:
    """Whether names from i on run to an "and" or "or" that closes a list: ", South Korea's defense ministry said"
    after a name is an attribution, not the list's next item."""
    while i < end and (i in entity_at or w.lower[i] in DETERMINERS or w.lower[i] == ","):
        i += 1
    return i < end and w.lower[i] in ("and", "or")


def _place_of(doc: Doc, start: int, end: int, entity_at: dict[int, Span]) -> Actor | None:
    """The country of a demonym before a place noun ("Iraqi towns", "Israeli border towns"), as an actor with no
    sector."""
    last = end - 1
    while last > start and last not in entity_at and words(doc).lower[last] in MODIFIERS:
        last -= 1
    entity = entity_at.get(last)
    if entity is None or entity.label_ != DEMONYM:
        return None
    return written_actor(doc, entity.start, end + 1, entity.ent_id_, entity.ent_id_, None)


def written_actor(doc: Doc, start: int, end: int, code: str, country: str | None, sector: str | None) -> Actor:
    """An actor as tokens [start, end) write it, with their character span."""
    text_start, text_end = char_span(doc, start, end)
    return Actor(text_of(doc)[text_start:text_end], code, text_start, text_end, country, sector)


def of_country(actor: Actor, country: str) -> Actor:
    """The actor, as written, placed in a country: its code is the country's with the actor's sector (an aid group
    placed among the non-governmental ones is "NGO", not "NGONGO")."""
    sector = actor.sector if actor.sector != country else None
    return Actor(actor.text, country + (sector or ""), actor.start, actor.end, country, actor.sector)


def _city_place(doc: Doc, city: Span) -> Actor:
    """A city as its country's place: an actor with no sector."""
    country = place_named(doc, city.ent_id_).country
    start = doc[city.start].idx
    return Actor(city.text, country, start, start + len(city.text), country, None)


def _attach_countries(
    doc: Doc, chunks: list[Chunk], entity_at: dict[int, Span], trigger_tokens: set[int]
) -> list[Chunk]:
    """Give "rebels in the Ivory Coast" the country of the phrase after it, and appositions their anchor's role.

    Across an event word only to where it happened ("people blocked streets in Hong Kong"): in "the judge ordered
    the release of the Dutch journalist" the journalist is the one released, and says nothing of the judge's
    country."""
    kept: list[Chunk] = []
    w = words(doc)
    for chunk in chunks:
        previous = kept[-1] if kept else None
        speaker = previous is not None and w.lemma[previous.end - 1] in SPEAKERS_FOR
        if previous is not None and (chunk.prep in ORIGIN or speaker and chunk.prep == "for") and not previous.pronoun:
            gap = range(previous.end, chunk.start)
            # "soldiers from Damascus" is a movement; "doctors from two American aid groups" an origin, and so are
            # "members of parliament from Kenya's Liberal Democratic Party" (a country that owns a body is no place).
            place = any(
                k in entity_at
                and entity_at[k].label_ in (COUNTRY, CAPITAL, CITY)
                and not _owns_what_follows(w, entity_at[k].end)
                for k in range(chunk.start, chunk.end)
            )
            origin = (ORIGIN - {"from"} if place else ORIGIN) | ({"for"} if speaker else set())
            across_event = any(k in trigger_tokens for k in gap)
            if (place or chunk.place) and _placed_by_the_verb_before(w, previous, chunk, kept, trigger_tokens):
                # "deployed troops in Syria": the sender's troops, and where they were sent; "Colombian officials
                # met rebel leaders in Havana": where they met
                kept.append(chunk)
                continue
            if (
                len(gap) <= 4
                # across an event word only a place says where: "were killed in Israeli shelling" names no place
                and (chunk.prep in LOCATIVE and (place or chunk.place) or not across_event)
                and any(w.lower[k] in origin for k in gap)
                and all(w.alpha[k] and w.is_lower[k] and w.lower[k] not in CLAUSE_OPENERS for k in gap)
            ):
                countries = [a for a in chunk.actors if a.country]
                unplaced = all(a.country is None for a in previous.actors)
                # a people named by its demonym is placed where it lives ("the Albanians in Serbia"), not where it
                # acts ("Israelis protested in Gaza")
                people = place and not across_event and _is_people(doc, previous, entity_at)
                if countries and (unplaced or people):
                    # Across an event word the phrase says where the actor is, and is no part of its name. Who
                    # speaks for a body is of its sector too ("a spokesman for the Kenyan police").
                    body = countries[0].sector if speaker and chunk.prep == "for" else None
                    previous.actors = [
                        Actor(
                            text_of(doc)[a.start : a.end if across_event else countries[0].end],
                            countries[0].country + (body or a.sector or ""),
                            a.start,
                            a.end if across_event else countries[0].end,
                            countries[0].country,
                            body or a.sector,
                        )
                        for a in previous.actors
                    ]
                    if not across_event:
                        previous.end = chunk.end
                    continue
        if previous is not None and _affiliated(w, previous, chunk):
            # "workers affiliated with the Serbian Workers' Union", "militants loyal to the Islamic State": the
            # ones they belong to say whose they are
            country = next(a.country for a in chunk.actors if a.country)
            previous.actors = [of_country(a, country) for a in previous.actors]
            continue
        after = w.lower[chunk.end] if chunk.end < len(doc) else "."
        if (
            previous is not None
            and chunk.prep is None
            and chunk.start == previous.end + 1
            and w.lower[previous.end] == ","
            and after in (",", ".", ";", ")")
        ):
            chunk.prep = previous.prep  # "from the Syrian capital, Damascus": the apposition shares the preposition
        kept.append(chunk)
    return kept


def _placed_by_the_verb_before(
    w: Words, chunk: Chunk, place: Chunk, before: list[Chunk], trigger_tokens: set[int]
) -> bool:
    """Whether a phrase is the object of an event word whose place after the object says where the act was done,
    not whose the object is: forces sent or posted (the sender's own), right after the word or after the words that
    count them ("deployed a military contingent of over 7,500 soldiers"), and people met in a country not the one
    of those named before ("Colombian officials met rebel leaders in Havana"; but "the president received
    opposition leaders in Caracas": at home)."""
    for k in range(chunk.start - 1, max(chunk.start - 1 - MAX_OBJECT_WORDS, -1), -1):
        if k in trigger_tokens:
            if w.lemma[k] in POSTING_VERBS:
                return True
            venues = {a.country for a in place.actors}
            named = {a.country for c in before[:-1] for a in c.actors if a.country}  # (the last is the object)
            return w.lemma[k] in MEETING_VERBS and bool(named - venues)
        if not (w.alpha[k] and w.is_lower[k]) or w.lower[k] in CLAUSE_OPENERS:
            return False
    return False


def _affiliated(w: Words, previous: Chunk, chunk: Chunk) -> bool:
    """Whether an actor of no country is named as belonging to the actor of a country right after it."""
    gap = range(previous.end, chunk.start)
    return (
        chunk.prep in ("with", "to")
        and not previous.pronoun
        and 0 < len(gap) <= 3
        and w.lower[previous.end] in AFFILIATIONS
        and all(a.country is None for a in previous.actors)
        and any(a.country for a in chunk.actors)
    )


def _is_people(doc: Doc, chunk: Chunk, entity_at: dict[int, Span]) -> bool:
    """Whether a phrase is only a people named by its demonym ("the Albanians"), which a place after it ("in
    Kosovo") locates as that country's people."""
    w = words(doc)
    names = [entity_at[k] for k in range(chunk.start, chunk.end) if k in entity_at]
    return (
        bool(names)
        and all(e.label_ == DEMONYM and e.text.endswith("s") for e in names)
        and all(k in entity_at or w.lower[k] in DETERMINERS for k in range(chunk.start, chunk.end))
    )


def _prep(doc: Doc, i: int, sent_start: int) -> str | None:
    """The preposition governing a phrase; EMBEDDED if a noun precedes it, so it cannot be a subject."""
    w = words(doc)
    lower = w.lower
    j = i - 1
    while j >= sent_start and (lower[j] in DETERMINERS or lower[j] in COMPASS):
        j -= 1
    if j == i - 1 and _after_an_arabic_article(w, i, sent_start):
        j -= 2  # "near al-Arish": the article is the name's own
    # "killed by self-defense militias": a passive's agent past a compound adjective written with a hyphen
    k = _past_a_hyphened_compound(doc, j, sent_start)
    while sent_start <= k < j and lower[k] in DETERMINERS:
        k -= 1
    if k < j and k >= sent_start and lower[k] == "by":
        return "by"
    # "by heavily armed assailants": an adverb of the phrase's adjective stands after the preposition
    if j - 1 >= sent_start and lower[j].endswith("ly") and w.is_lower[j] and lower[j - 1] in PREPOSITIONS:
        j -= 1
    if j - 3 >= sent_start and lower[j] in BACKING and lower[j - 1] == "-":
        # "attacked by the Iran-backed militias": who backs them stands between the agent's "by" and its phrase
        k = j - 3
        while k > sent_start and lower[k] in DETERMINERS:
            k -= 1
        j = k if lower[k] == "by" else j
    if w.num[i]:
        # "up to 100 ethnic Albanians", "more than 30 members": a quantity, not a prepositional phrase
        while j >= sent_start and lower[j] in QUANTIFIERS:
            j -= 1
    if j < sent_start:
        return None
    if lower[j] in PREPOSITIONS:
        return lower[j]
    # After a noun ("the U.N. war crimes court") a phrase continues a noun phrase and cannot be a subject; after a
    # reporting verb ("said US forces must") it opens a clause.
    k = j
    while k >= sent_start and k > j - 3 and _plain_word(w, k):
        k -= 1
    if k == j or k < sent_start:
        return None
    # (an article opens no name: "KABUL (Reuters) - The suicide bomber", past a dateline, starts its clause; nor
    # does a name after a count's "of": "Hundreds of Florida high school students rallied")
    counted = k - 2 >= sent_start and lower[k - 1] == "of" and (w.num[k - 2] or lower[k - 2] in CROWDS)
    return EMBEDDED if w.title[k] and k > sent_start and lower[k] not in DETERMINERS and not counted else None


def _determiner_after_a_number(w: Words, i: int, end: int) -> int | None:
    """Where a determiner stands right after the number (and its hyphened parts) at i: "2024-12-20 The"."""
    k = i + 1
    while k < end and (w.num[k] or w.lower[k] == "-"):
        k += 1
    return k if k < end and w.lower[k] in DETERMINERS else None


def _after_an_arabic_article(w: Words, i: int, sent_start: int) -> bool:
    """Whether a name follows a lower-case Arabic article joined to it by a hyphen ("al-Arish", "el-Fasher")."""
    hyphen, article = i - 1, i - 2
    if article < sent_start or w.lower[hyphen] != "-" or w.spaced[article] or w.spaced[hyphen] or not w.title[i]:
        return False
    return w.alpha[article] and w.is_lower[article] and len(w.lower[article]) <= ARTICLE_LETTERS


def _past_a_hyphened_compound(doc: Doc, j: int, sent_start: int) -> int:
    """The word before a lower-case compound adjective written with a hyphen that ends at j, or whose hyphen is at j
    ("by self-defense militias", "by well-armed men"); j itself when there is none."""
    w = words(doc)
    hyphen = j if w.lower[j] == "-" else j - 1
    if hyphen - 1 < sent_start or w.lower[hyphen] != "-" or hyphen + 1 >= len(doc):
        return j
    first, second = hyphen - 1, hyphen + 1
    joined = not w.spaced[first] and not w.spaced[hyphen]
    plain = all(w.alpha[k] and w.is_lower[k] for k in (first, second))
    return first - 1 if joined and plain else j


def _plain_word(w: Words, k: int) -> bool:
    lower = w.lower[k]
    return (
        w.alpha[k]
        and w.is_lower[k]
        and lower not in CLAUSE_OPENERS
        and lower not in PREPOSITIONS
        and not lower.endswith("ly")
        and (w.lemma[k],) not in lexicon.cues()
    )
