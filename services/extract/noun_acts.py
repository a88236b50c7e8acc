"""Acts named as nouns, told with their doer: owned ("Chavez's visit"), modified ("Israeli airstrikes") or held."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from services.extract import lexicon
from services.extract.actors import (
    CLAUSE_OPENERS,
    CROWDS,
    DETERMINERS,
    EMBEDDED,
    MANNER_SECTOR_WORDS,
    POSSESSIVE_MARKS,
    PREPOSITIONS,
    QUANTIFIERS,
    Chunk,
    names_a_manner,
    of_country,
)
from services.extract.conditions import modality_after, set_to_come
from services.extract.emit import emit
from services.extract.fights import DYING_VERBS, OWNED_MODIFIER_WORDS, UNSURE_OR_TO_COME, UPCOMING, held_phrase_start
from services.extract.modality import ASSERTED, modality_of
from services.extract.models import Actor, EventCandidate
from services.extract.nlp import ACTOR, COUNTRY, DEMONYM, ROLE, Words, is_past_form, is_s_form, words
from services.extract.readings import (
    CLAUSE_BREAKS,
    NOT_A_NOUN_PHRASE,
    Hit,
    clause_break,
    ends_a_hyphened_word,
    modifies_the_actor_after,
)
from services.extract.roles import AUXILIARIES, HARM_VERBS, PATIENT_VERBS, RELATIVES, SUBORDINATORS, agent_after_by
from services.extract.sentence import Sentence
from services.extract.sites import people_where

# Verbs that tell protests happening, with the particle some need: "protests erupted", "broke out", "were held",
# "took place"; not "spread", which tells protests already held going elsewhere.
PROTESTS_HAPPEN = frozenset({"erupt", "break", "continue", "resume", "flare", "rage", "rock", "hold", "take"})
PROTESTS_HAPPEN_WITH = {"break": "out", "take": "place"}
# What protests are against, between them and how they happen: "protests against the new tax erupted"
PROTESTED_OVER = frozenset({"against", "over", "about", "for"})
PROTESTED_OVER_WORDS = 8
# The words that may count a crowd ("tens of thousands").
CROWD_COUNTS = QUANTIFIERS | {"of", "many", "several"}
# How long a phrase no lexicon knows may be to be read as the protesters opening a sentence
PROTESTERS_PHRASE_WORDS = 6
PEOPLES_PROTESTS = frozenset({"141", "145"})  # demonstrate, riot
# Verbs that hold an event named as their object: a protest staged or a march held is held by people
HOLDING_VERBS = frozenset({"stage", "hold"})
# Words that may qualify the act's noun that opens a headline ("Fresh anti-government protests in ...")
HEADLINE_QUALIFIERS = 2
# What may follow a plural noun rather than a verb's object: a preposition, a clause's word or an auxiliary
NOUN_FOLLOWERS = PREPOSITIONS | CLAUSE_BREAKS | AUXILIARIES | SUBORDINATORS | RELATIVES
OWNED_TARGET_PREPS = frozenset({"to", "of", "on", "against", "with", "for"})
LEADING_UP = frozenset({"ahead", "before", "prior", "eve", "await", "prepare", "expect", "plan"})
# "during a visit to Egypt", "on a trip to Paris": a visit the clause's subject is on; its clause opens after a comma,
# a conjunction, a subordinator or a relative
VISIT_OPENERS = frozenset({"during", "on"})
CLAUSE_EDGES = CLAUSE_BREAKS | SUBORDINATORS | RELATIVES | {","}
# A possessive in a phrase after these says where or about what, not who acted: "in Israel's raid", "on Jackson's
# arrest"; after others ("amid Russia's invasion of Ukraine", "fled Russia's attack") the act is told as done.
PLACING_PREPS = frozenset({EMBEDDED, "in", "on", "at", "for", "with", "of", "about"})
# Nouns of acts done to someone, whose possessive is the one who suffered them unless an "of" object follows
PATIENT_NOUNS = PATIENT_VERBS | lexicon.word_set("patient_nouns")
# Acts of force and coercion, which a noun after its doer's nationality tells as done ("Israeli airstrikes")
FORCE_AND_COERCION = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
# Nouns of duration or number before "of" and an act: "days of airstrikes", "a wave of arrests"
MEASURE_NOUNS = frozenset(
    {"hours", "days", "nights", "weeks", "months", "years", "decades", "series", "wave", "waves", "spate", "round"}
    | {"rounds", "barrage", "string", "dozens", "hundreds", "thousands"}
)


def _follows_a_noun(w: Words, i: int) -> bool:
    """Whether a word can follow a plural noun that ends its phrase: a preposition, a clause's word, an auxiliary or
    a past verb ("attacks on Israel", "attacks that", "attacks continued"); a verb's object cannot ("permits laws")."""
    return w.lower[i] in NOUN_FOLLOWERS or is_past_form(w, i)


def crowd_of_the_place(s: Sentence, hit: Hit) -> list[Actor]:
    """Protesters named only by their number at the head of the sentence ("Thousands marched in Belgrade",
    "Tens of thousands rallied in Tbilisi"), or by words no lexicon knows ("UPND members protest"), are people
    of the place they protest in."""
    w = words(s.doc)
    crowd = range(s.sent.start, hit.start)
    if not crowd:
        return []
    if any(w.lower[k] in CROWDS for k in crowd) and all(
        w.lower[k] in CROWDS or w.lower[k] in CROWD_COUNTS or w.num[k] for k in crowd
    ):
        return [people_where(s, hit, s.sent.start, hit.start)]
    # "UPND members protest for the release of ...", "as its staff demonstrated": people no lexicon names,
    # opening the sentence or its clause as the subject of a verb that only people do (demonstrate, riot),
    # protest; a plural or a determiner tells the phrase from a noun's modifier ("Peaceful protest for ...",
    # "Brooklyn riot over ..."), and "protest that" is a protest in words. Readings of more words may be a
    # thing's ("heavy rains flooded the streets"), except a protest staged or held ("EFF members staged a
    # protest").
    several_words = hit.end - hit.start > 1 and w.lemma[hit.start] not in HOLDING_VERBS
    if hit.entry.cameo not in PEOPLES_PROTESTS or several_words:
        return []
    start = hit.start
    while start > s.sent.start and w.lower[start - 1] not in CLAUSE_OPENERS and w.lower[start - 1] != ",":
        start -= 1
    phrase = range(start, hit.start)
    last = w.lower[hit.start - 1]
    people = last.endswith("s") and not last.endswith("ss") or len(phrase) > 1 and w.lower[start] in DETERMINERS
    if (
        people
        and (start == s.sent.start or w.lower[start - 1] not in ("and", "or"))  # "sticks, clubs and rifles"
        and len(phrase) <= PROTESTERS_PHRASE_WORDS
        # ("a small group of EFF members": "of" joins a group's noun to its members)
        and all(w.alpha[k] and (w.lower[k] not in NOT_A_NOUN_PHRASE or w.lower[k] == "of") for k in phrase)
        and (hit.end >= s.sent.end or w.lower[hit.end] != "that")
    ):
        return [people_where(s, hit, start, hit.start)]
    return []


def owned_by_its_doer(s: Sentence, hit: Hit) -> list[EventCandidate]:
    """An act named as a noun after its doer's possessive, as done: "Chavez's visit to Spain sparked uproar",
    "Iran's rejection of the proposal". Not one to come or in doubt ("ahead of Bush's visit", "Iran's planned
    talks"), nor one another act is about ("condemned Israel's raid": the reaction is the event)."""
    j = _before_act_noun(s, hit)
    if j is None or j <= s.sent.start or words(s.doc).lower[j] not in POSSESSIVE_MARKS:
        return []
    return _told_with_its_doer(s, hit, s.chunk_at.get(j - 1), j)


def modified_by_its_doer(s: Sentence, hit: Hit) -> list[EventCandidate]:
    """An act named as a noun after its doer's nationality or name, as done, with the same limits as a
    possessive's: "fled after Israeli airstrikes on Gaza", "the Russian invasion of Ukraine", "amid Taliban
    attacks". A place before the noun says where ("the Gaza war", "the Melbourne attack"), not who. Only force
    and coercion are told so: "Russian military support", "the Iranian proposal" name help or a text, not an act."""
    if hit.entry.type not in FORCE_AND_COERCION:
        return []
    j = _before_act_noun(s, hit)
    owner = s.chunk_at.get(j) if j is not None else None
    if owner is None or owner.end != j + 1:
        return []
    labels = {e.label_ for i in range(owner.start, owner.end) if (e := s.entity_at.get(i)) is not None}
    if not labels or not labels <= {DEMONYM, ACTOR, ROLE}:
        return []
    w = words(s.doc)
    if any(is_s_form(w, k) for k in range(j + 1, hit.start)):
        return []  # "a Dutch plant burns refuse": a verb between them, so the name is no modifier of the noun
    return _told_with_its_doer(s, hit, owner, j + 1)


def _before_act_noun(s: Sentence, hit: Hit) -> int | None:
    """The word before an act noun's plain modifiers ("Iran's three-day talks", "the Russian military
    buildup"); None when the noun is an adjective or a verb, or a modifier sets the act to come or in doubt."""
    w = words(s.doc)
    if is_past_form(w, hit.start):
        return None  # "Saddam's jailed aides", "Iran's occupied islands": an adjective, not an act
    after = w.lower[hit.end] if hit.end < s.sent.end else "."
    if w.lower[hit.end - 1].endswith("s") and after.isalpha() and not _follows_a_noun(w, hit.end):
        return None  # "California's constitution permits laws": an -s word before its object is the verb
    j = hit.start - 1
    while (
        j > s.sent.start
        and hit.start - j <= OWNED_MODIFIER_WORDS
        and (w.is_lower[j] or w.lower[j] == "-")
        and w.lower[j] not in POSSESSIVE_MARKS
        and (j not in s.chunk_at or w.lower[j] in MANNER_SECTOR_WORDS and names_a_manner(w, j))
        and not any(h.start <= j < h.end for h in s.hits)
    ):
        if w.lower[j] in STOP_WORDS and not w.num[j] or w.lower[j] in UNSURE_OR_TO_COME:
            return None  # "Iran's own talks", "Iran's planned talks"; but "Iran's three-day talks"
        j -= 1
    return j


def _told_with_its_doer(s: Sentence, hit: Hit, owner: Chunk | None, ends: int) -> list[EventCandidate]:
    """The event of an act noun whose doer's phrase ends at `ends`, unless that phrase says where or about what,
    the act is awaited, or another act of the clause is the event."""
    w = words(s.doc)
    # "after 11 days of Israeli airstrikes", "weeks of Russian shelling": how long or how many, not about what
    measured = owner is not None and owner.prep == "of" and owner.start - 2 >= s.sent.start
    measured = measured and w.lower[owner.start - 2] in MEASURE_NOUNS
    # "With Russia's invasion of Ukraine in full swing, ...": a sentence that opens on "with" sets its scene
    setting = owner is not None and owner.prep == "with" and owner.start - 1 == s.sent.start
    if owner is None or owner.prep in PLACING_PREPS and not (measured or setting or _suffered_in(s, owner)):
        return []  # "In San Diego's first meeting with", "a statement on Jackson's arrest": where, or about what
    if not any(a.country for a in owner.actors):
        return []
    after = w.lower[hit.end] if hit.end < s.sent.end else "."
    if w.lemma[hit.end - 1] in PATIENT_NOUNS and after != "of":
        return []  # "Jackson's arrest" names the one arrested; "Myanmar's detention of Suu Kyi", the detainer
    opens = owner.start
    while (
        opens > s.sent.start
        and owner.start - opens < OWNED_MODIFIER_WORDS
        and (w.is_lower[opens - 1] or w.lower[opens - 1] == "-")
        and w.lower[opens - 1] not in PREPOSITIONS
    ):
        opens -= 1  # "on the eve of a high-profile UN visit": the words before the doer's phrase too
    opens = max(s.sent.start, opens - 2)
    if any(w.lower[k] in UPCOMING or w.lemma[k] in LEADING_UP for k in range(opens, ends)):
        return []  # "ahead of Bush's visit", "awaiting Iran's reply"
    if any(h.end <= owner.start and not clause_break(w, h.end, owner.start) for h in s.hits):
        return []
    if any(h.start >= hit.end and not clause_break(w, hit.end, h.start) for h in s.hits):
        return []  # "Chile's request was opposed by Peru": the act the noun is the subject of is the event
    return _told_as_a_noun(s, hit, owner.actors)


def _suffered_in(s: Sentence, owner: Chunk) -> bool:
    """Whether the act's phrase tells what someone died or was harmed in ("five were killed in an Israeli strike",
    "dozens died in a Saudi air raid"): the act done, not where or about what."""
    w, verb = words(s.doc), owner.start - 2
    if owner.prep not in ("in", "during") or verb < s.sent.start:
        return False
    return w.lemma[verb] in DYING_VERBS or w.lemma[verb] in HARM_VERBS and is_past_form(w, verb)


def visited_during(s: Sentence, hit: Hit) -> list[EventCandidate]:
    """A visit its clause's subject is on: "Abbas told the Arab League during a visit to Egypt", "spoke to
    reporters on a trip to Paris"."""
    if hit.entry.mode != "visit":
        return []
    w = words(s.doc)
    j = hit.start - 1
    while j > s.sent.start and hit.start - j <= OWNED_MODIFIER_WORDS and w.lower[j] not in DETERMINERS:
        if not (w.is_lower[j] or w.lower[j] == "-") or w.lower[j] in UNSURE_OR_TO_COME:
            return []
        j -= 1
    if j - 1 <= s.sent.start or w.lower[j] not in DETERMINERS or w.lower[j - 1] not in VISIT_OPENERS:
        return []
    opens = next((k for k in range(j - 2, s.sent.start - 1, -1) if w.lower[k] in CLAUSE_EDGES), None)
    start = s.sent.start - 1 if opens is None else opens
    subject = next((c for c in s.chunks if start < c.start and c.end < j - 1 and c.prep is None and not c.place), None)
    if subject is None or not any(a.country for a in subject.actors):
        return []
    return _told_as_a_noun(s, hit, subject.actors)


def protest_held(s: Sentence, hit: Hit, *, anywhere: bool = False) -> list[EventCandidate]:
    """Protests told as happening somewhere, by no one named: "Protests erupted in Tripoli", "rallies were held
    across Pakistan". People protest, and those of the place where they do: CAMEO's civilians of that country;
    `anywhere`, also where no place is named ("rallies were held across the country"), of no named country."""
    if hit.entry.type != "PROTEST":
        return []
    w, j = words(s.doc), hit.end
    if j < s.sent.end and w.lower[j] in PROTESTED_OVER:
        # "Protests against growing economic hardship erupted": what they are against, then how they happen
        ends = range(j + 1, min(s.sent.end, j + PROTESTED_OVER_WORDS + 1))
        j = next((k for k in ends if w.lemma[k] in PROTESTS_HAPPEN or w.lower[k] == ","), j)
    while j < s.sent.end and w.lemma[j] in ("be", "have"):
        j += 1
    happen = j < s.sent.end and w.lemma[j] in PROTESTS_HAPPEN
    if not happen and not _headed_by(s, hit):
        return []
    particle = PROTESTS_HAPPEN_WITH.get(w.lemma[j]) if happen else None
    if particle is not None and (j + 1 >= s.sent.end or w.lemma[j + 1] != particle):
        return []  # "broke out", "took place"
    if set_to_come(s, hit, noun=True) or modality_of(s.doc, s.sent.start, hit.start)[0] != ASSERTED:
        return []
    people = people_where(s, hit, hit.start, hit.end)
    if people.country is None and not anywhere:
        return []
    named = s.entity_at.get(hit.start - 1)
    if people.country is None and named is not None and named.label_ == COUNTRY and hit.start > s.sent.start:
        people = of_country(people, named.ent_id_)  # "Kenya protests turn deadly": protests in Kenya, by its people
    return emit(s, hit, hit.entry.type, hit.entry.mode, hit.entry.cameo, ASSERTED, [people], [])


def protest_named_as_held(s: Sentence, hit: Hit) -> list[EventCandidate]:
    """A protest named as a noun by no one named, told as held where the report places it: "post offices were
    shut down in Kebili due to protest sit-ins", "the protests that have rocked Hong Kong". People protest, and
    those of the place where they do (CAMEO's civilians of that country)."""
    w, last = words(s.doc), hit.end - 1
    # a noun's one word ("protests", "sit-ins"), not a verb's form ("marched", "rallying") or phrase
    noun = hit.end - hit.start == 1 or ends_a_hyphened_word(s.doc, last)
    noun = noun and not is_past_form(w, last) and not w.lower[last].endswith("ing")
    noun = noun and not modifies_the_actor_after(w, hit, s.sent)  # "riot police"
    if hit.entry.cameo not in PEOPLES_PROTESTS or not noun or held_phrase_start(s, hit) is None:
        return []
    if agent_after_by(s.doc, s.sent, hit.end, s.chunks, s.right_stops) is not None:
        return []  # "Protests by Kenyan students": theirs, read with their doer
    if modality_after(s, hit.end)[0] != ASSERTED or set_to_come(s, hit, noun=True):
        return []  # "protests may erupt", "ahead of the planned protest"
    people = people_where(s, hit, hit.start, hit.end)
    if people.country is None:
        return []
    return emit(s, hit, hit.entry.type, hit.entry.mode, hit.entry.cameo, ASSERTED, [people], [])


def _headed_by(s: Sentence, hit: Hit) -> bool:
    """Whether a sentence is one noun phrase that the act's noun opens, a headline's or a note's way of telling
    it happened: "Protests in Kerkennah against staff shortage", "Fresh protests in Tunis over prices". A past
    form or an auxiliary after the noun is a verb that tells something else of it."""
    w, cues = words(s.doc), lexicon.cues()

    def verb_like(k: int) -> bool:
        return w.is_lower[k] and (is_past_form(w, k) or w.lower[k] in AUXILIARIES or (w.lemma[k],) in cues)

    before = range(s.sent.start, hit.start)
    qualified = all(w.alpha[k] and w.lower[k] not in STOP_WORDS and not verb_like(k) for k in before)
    if not any(h is hit for h in s.nouns) or len(before) > HEADLINE_QUALIFIERS or not qualified:
        return False
    return not any(verb_like(k) for k in range(hit.end, s.sent.end))


def _told_as_a_noun(s: Sentence, hit: Hit, doers: list[Actor]) -> list[EventCandidate]:
    """The event of an act named as a noun whose doer is known, as done unless it is dated to come or in doubt,
    aimed at whom its own phrase names ("visit to Spain", "attacks on Israel")."""
    if set_to_come(s, hit, noun=True) or modality_of(s.doc, s.sent.start, hit.start)[0] != ASSERTED:
        return []
    struck = next((c for c in s.chunks if hit.end <= c.start <= hit.end + 2 and c.prep in OWNED_TARGET_PREPS), None)
    own = {a.country for a in doers}
    targets = [a for a in struck.actors if a.country and a.country not in own] if struck is not None else []
    entry = hit.entry
    return emit(s, hit, entry.type, entry.mode, entry.cameo, ASSERTED, doers, targets)
