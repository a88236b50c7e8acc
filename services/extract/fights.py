"""Fights and attacks named as nouns: their sides, their doer, or the unidentified forces of where they happened."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from services.extract.actor_kinds import FORCES
from services.extract.actors import DETERMINERS, PLACE_NOUNS, PREPOSITIONS, Chunk, qualifies, written_actor
from services.extract.clauses import VERBAL_CLASSES
from services.extract.codes import DESTROY_PROPERTY
from services.extract.conditions import modality_after, opens_a_cause
from services.extract.emit import emit
from services.extract.modality import ASSERTED, modality_of
from services.extract.models import Actor, EventCandidate, quad_class
from services.extract.nlp import ACT, text_of, words
from services.extract.pronouns import resolve
from services.extract.readings import Hit, clause_break
from services.extract.roles import (
    ATTACK_NOUNS,
    BE_FORMS,
    CAUSE_PREPOSITIONS,
    FIGHT_SETTINGS,
    FIGHT_SIDES,
    agent_after_by,
    attack_phrase,
    ends_a_fight_noun,
    names_only_where_and_when,
    opening_attack_phrase,
    participle_joined_by,
    placed_by_a_name,
    source_before,
)
from services.extract.sentence import SAY_LEMMAS, Sentence
from services.extract.sides import RECEIVED, names_its_sides, takes_in_between
from services.extract.sites import event_location, placed_by_an_actor

# Prepositions that place a noun of force in the course of its clause's act ("arrested 100 people during raids"):
# those of a cause but its agent's and what came before it
COURSE_PREPOSITIONS = CAUSE_PREPOSITIONS - {"by", "following"}
SIDE_ADJECTIVES = 2  # "between opposing political groups"
# What may open the phrase of a fight whose sides follow "between": the sentence or a clause, or a preposition of its
# time or place ("killed in clashes between", "following a clash between"); and the words that may count it
FIGHT_OPENINGS = FIGHT_SETTINGS | {"following", "after", "since", ",", ";", ":", "(", "and", "but"}
FIGHT_COUNTS = frozenset({"at", "least", "more", "than", "about", "some", "nearly", "almost", "around", "over"})
FIGHT_MODIFIER_WORDS = 5  # "at least three fierce clashes between"
# Nouns of an attack that may be told with no doer; a blast or an explosion may be an accident's
UNNAMED_ATTACKS = ATTACK_NOUNS - {"fire", "blast", "blasts", "explosion", "explosions"}
STRUCK_PREPS = frozenset({"on", "against"})  # "an attack on Saraqeb"
STRUCK_AFTER_DOER_WORDS = 2  # "an attack by rebel groups on Aleppo": words between the doer's phrase and "on"
FIGHTS_ENTERED = frozenset({"in", "into", "during"})  # "engaged in clashes with", "locked in battle with"
PAUSES = frozenset({"pause", "lull", "halt", "end", "stop", "break", "respite", "cessation", "suspension"})
NOMINAL_AGENT_REACH = 8
DOUBTED_ACTS = frozenset({"alleged", "suspected", "possible", "planned", "threatened", "any"})
# An act named as a noun after its doer's possessive ("Chavez's fence-mending visit to Spain"): how many plain
# modifiers may stand between them, the prepositions that name whom it concerned, and the words that set it to come
OWNED_MODIFIER_WORDS = 4  # "fence - mending"
UPCOMING = frozenset({"upcoming", "planned", "proposed", "expected", "scheduled", "forthcoming", "next", "future"})
UNSURE_OR_TO_COME = DOUBTED_ACTS | UPCOMING
# Who bears arms: a state's forces, rebels, unidentified armed men.
ARMED_SECTORS = FORCES | {"REB", "UAF"}
# How far before an attack's noun its "in" may stand ("in a series of raids")
OPERATION_REACH = 5
# Verbs of dying: who died in an attack was struck by it
DYING_VERBS = frozenset({"die", "perish"})
WOUNDS_WORDS = 6  # "died of gunshot wounds he sustained in"


def _after_between(s: Sentence, chunk: Chunk) -> bool:
    """Whether an actor phrase is what "between" governs, maybe past plain adjectives the phrase does not take in
    ("between political opponents", "between rival clan militias")."""
    if chunk.prep == "between":
        return True
    w, i = words(s.doc), chunk.start - 1
    while i > max(s.sent.start, chunk.start - 1 - SIDE_ADJECTIVES) and qualifies(w, i):
        i -= 1
    return i < chunk.start - 1 and w.lower[i] == "between"


def named_with_its_doer(s: Sentence, hit: Hit) -> list[EventCandidate]:
    """An attack named as a noun with whoever did it after "by": "the shelling of Douma by
    government forces continued", "reported renewed shelling of residential neighbourhoods by Houthi
    fighters". The report tells the act as done, its doer and whom it struck; as another act's object, it is what
    that act is about."""
    w = words(s.doc)
    if hit.start > s.sent.start and w.lower[hit.start - 1] in DOUBTED_ACTS:
        return []  # "the alleged shelling by": a claim, not a report
    if any(h.end <= hit.start and not clause_break(w, h.end, hit.start) for h in s.hits):
        return []  # "condemned the shelling of Idlib by Syrian forces": the reaction is the event, aimed at them
    agent = agent_after_by(s.doc, s.sent, hit.end, s.chunks, s.right_stops)
    if agent is None or agent.start - hit.end > NOMINAL_AGENT_REACH or not agent.actors:
        return []
    if w.lemma[agent.end - 1] in PLACE_NOUNS:
        return []  # "protests in camps by the Eritrean border": where, not who
    if any(hit.end <= h.start < agent.start for h in [*s.hits, *s.nouns]) or "," in w.lower[hit.end : agent.start]:
        # "The raid was condemned by Egypt", "The attack, claimed by IS,", "in protest at the killing by police":
        # another verb's or another act's agent
        return []
    struck = next((c for c in s.chunks if hit.end <= c.start < agent.start and c.prep in ("of", "on", "against")), None)
    if struck is None:
        # "an attack by rebels on the capital": whom it struck may follow its doer
        struck = next((c for c in s.chunks if c.start > agent.end and c.prep in STRUCK_PREPS), None)
        # (past the plain nouns that end its doer's phrase: "by Syrian rebel groups on Aleppo")
        between = range(agent.end, struck.start - 1) if struck is not None else range(0)
        if len(between) > STRUCK_AFTER_DOER_WORDS or not all(w.alpha[k] and w.is_lower[k] for k in between):
            struck = None
    # people struck who are named by no country are of no country the report gives ("two soldiers"); with no one
    # struck named after the noun, those who died in it ("Two Malian soldiers died in an attack by jihadists")
    targets = [a for a in struck.actors if a.country] if struck is not None else _died_in(s, hit)
    location = event_location(s, hit.start)
    phrase = text_of(s.doc)[s.doc[hit.start].idx : s.doc[agent.start].idx]
    if not targets and hit.entry.type != "PROTEST" and location is not None and location.name not in phrase:
        return []  # where it struck is not told in its own phrase, and the sentence's place may be another's
    modality, _ = modality_of(s.doc, s.sent.start, hit.start)
    if modality != ASSERTED:
        return []
    entry = hit.entry
    return emit(s, hit, entry.type, entry.mode, entry.cameo, ASSERTED, agent.actors, targets)


def fought_between(s: Sentence, hit: Hit) -> list[EventCandidate]:
    """A fight or talks named as a noun with their sides after "between", as held: "A fierce battle between two
    clan militias erupted", "killed in clashes between soldiers and rebels", "following a clash between herders
    and farmers", "The peace talks between the government and the rebels started". Each side acts on the other;
    one side told apart from no other acts on whom it does not say. Not a fight that only another act is about
    ("called for an end to the fighting between"), nor one in doubt ("the risk of clashes between", "any clash
    between")."""
    w = words(s.doc)
    if takes_in_between(s.doc, hit):  # talks
        sides = s.chunk_at.get(hit.end)
        sides = sides if sides is not None and sides.start == hit.end and sides.actors else None
    elif ends_a_fight_noun(w, hit.end - 1):
        sides = next((c for c in s.chunks if c.start > hit.end and c.actors and _after_between(s, c)), None)
    else:
        return []
    if sides is None or not names_its_sides(s, hit, sides) or held_phrase_start(s, hit) is None:
        return []
    if modality_after(s, sides.end)[0] != ASSERTED:
        return []
    entry, actors = hit.entry, sides.actors
    if len({a.code for a in actors}) < 2:
        return emit(s, hit, entry.type, entry.mode, entry.cameo, ASSERTED, actors[:1], [])
    events: list[EventCandidate] = []
    for side in actors:
        others = [a for a in actors if a.code != side.code]
        events += emit(s, hit, entry.type, entry.mode, entry.cameo, ASSERTED, [side], others)
    return events


def fought_with(s: Sentence, hit: Hit) -> list[EventCandidate]:
    """A fight named as a noun that its clause's subject is in, with its other side after "with": "Soldiers
    have been engaged in a fire exchange with the militants", "security forces used tear gas in hard clashes
    with protesters". Each side acts on the other."""
    w = words(s.doc)
    if hit.entry.type != "ASSAULT" or hit.end >= s.sent.end or w.lower[hit.end] != "with":
        return []
    other = s.chunk_at.get(hit.end + 1)
    start = held_phrase_start(s, hit)
    if other is None or other.start != hit.end + 1 or not other.actors or start is None:
        return []
    if start == s.sent.start or w.lower[start - 1] not in FIGHTS_ENTERED:
        return []  # "a clash with police" as the subject or object of another verb
    subject = source_before(s.doc, s.sent, start, s.chunk_at, s.left_stops)
    if subject is None or not subject.actors:
        return []
    sides, others = resolve(s, subject), other.actors
    if {a.code for a in sides} & {a.code for a in others}:
        return []
    entry = hit.entry
    return [
        *emit(s, hit, entry.type, entry.mode, entry.cameo, ASSERTED, sides, others),
        *emit(s, hit, entry.type, entry.mode, entry.cameo, ASSERTED, others, sides),
    ]


def held_phrase_start(s: Sentence, hit: Hit) -> int | None:
    """Where the phrase of a fight or talks named as a noun starts, when the report tells them as held: the
    words before the noun, back to what opens its phrase, are a count, an article or adjectives, none in doubt
    or to come ("the alleged clashes", "the proposed talks") nor what another word is about ("to avoid clashes",
    "condemned the clashes"), and the clause asserts them. None otherwise."""
    w = words(s.doc)
    j = hit.start - 1
    while j >= s.sent.start and w.lower[j] not in FIGHT_OPENINGS and not opens_a_cause(s, j):
        counts = w.lower[j] in DETERMINERS or w.num[j] or w.lower[j] in FIGHT_COUNTS
        # an article opens the phrase: a plain word before it is a verb's ("stopped the clashes"); a hyphen joins
        # a modifier's words ("the long-awaited protest")
        modifier = w.alpha[j] and (w.is_lower[j] or j == s.sent.start) and w.lower[j + 1] not in DETERMINERS
        modifier = modifier or w.lower[j] == "-" and j > s.sent.start and w.alpha[j - 1] and w.alpha[j + 1]
        if hit.start - j > FIGHT_MODIFIER_WORDS or not (counts or modifier):
            return None
        if w.lower[j] in UNSURE_OR_TO_COME or w.lower[j] in STOP_WORDS and not counts:
            return None
        if w.lemma[j] in SAY_LEMMAS:
            return None  # "Pamphlets announced rallies": what is announced is to come, or only told of
        j -= 1
    # "condemned the clashes between", "called for an end to the fighting": what words are about; an act, a
    # protest among them, may be done in it ("used tear gas in clashes with protesters")
    reactions = (
        h
        for h in s.hits
        if h.end <= hit.start and quad_class(h.entry.cameo) in VERBAL_CLASSES and h.entry.type != "PROTEST"
    )
    if any(not clause_break(w, h.end, j + 1) for h in reactions):
        return None
    if j > s.sent.start and w.lower[j] in PREPOSITIONS and w.lemma[j - 1] in PAUSES:
        return None  # "a pause in the bombing", "an end to the fighting": what stopped, not what is told as held
    if modality_of(s.doc, s.sent.start, hit.start)[0] != ASSERTED:
        return None
    return j + 1


def _forces_whose_operation_it_is(s: Sentence, hit: Hit) -> list[Actor]:
    """The armed forces that open an active clause whose act on people is done "in" the attack named after its
    object ("Israeli forces have taken dozens of Palestinians in a series of raids"): the raids are theirs, not
    those of whoever a clause of suffering names ("a policeman died of wounds he sustained in an attack")."""
    w, sent = words(s.doc), s.sent
    within = range(hit.start - 1, max(sent.start, hit.start - OPERATION_REACH) - 1, -1)
    k = next((k for k in within if w.lower[k] == "in"), None)
    if k is None or not all(w.alpha[j] and w.is_lower[j] for j in range(k + 1, hit.start)):
        return []
    subject = s.chunk_at.get(sent.start)
    if subject is None or subject.prep is not None or subject.end >= k:
        return []
    if not subject.actors or any(a.sector not in ARMED_SECTORS for a in subject.actors):
        return []
    between = range(subject.end, k)
    if any(w.lower[j] in BE_FORMS or w.lower[j] == "," for j in between) or clause_break(w, subject.end, k):
        return []
    objects = {id(c): c for j in between if (c := s.chunk_at.get(j)) is not None}.values()
    acted_on = any(c.prep is None and c.actors and not c.pronoun for c in objects)
    return subject.actors if acted_on else []


def _act_of_no_named_doer(s: Sentence, hit: Hit) -> tuple[int, int] | None:
    """The words naming a fight or an attack told as held whose doers the sentence does not name: "clan fighting
    in Khaydaro", "Fierce fighting was reported", "after a chlorine gas attack on Saraqeb". No "between" or
    "with" follows a fight in its sentence, no "by" an attack, and no actor qualifies it ("a rebel attack" is
    the rebels'). Token span, or None."""
    w, last = words(s.doc), hit.end - 1
    if ends_a_fight_noun(w, last):
        if not FIGHT_SIDES.isdisjoint(w.lower[hit.end : s.sent.end]):
            return None
    elif w.lower[last] not in UNNAMED_ATTACKS or agent_after_by(s.doc, s.sent, hit.end, s.chunks, s.right_stops):
        return None
    elif w.lower[last].endswith("ing") and hit.start > s.sent.start and not _opens_a_noun(s, hit.start - 1):
        return None  # "fatally shooting a judge": a participle, whose doer is its clause's subject
    start = held_phrase_start(s, hit)
    if start is None or any(s.chunk_at.get(k) is not None for k in range(start, hit.start)):
        return None
    if any(h.start >= hit.end and not clause_break(w, hit.end, h.start) for h in s.hits):
        return None  # "An airstrike destroyed a clinic": the subject of a verb that tells the act
    if placed_by_an_actor(s, hit):
        return None  # "The shelling sparked condemnation from Germany": the condemner's country
    return start, hit.end


def _opens_a_noun(s: Sentence, k: int) -> bool:
    """Whether the word before an "-ing" form makes it a noun: an article or a preposition ("the shooting", "in
    shooting with gunmen")."""
    w = words(s.doc)
    return w.lower[k] in DETERMINERS or w.lower[k] in PREPOSITIONS


def done_by_unnamed_forces(s: Sentence, hit: Hit) -> list[EventCandidate]:
    """A fight or an attack named as a noun that names none of its doers, told as held where the report places
    it: "Clashes erupted in Kismayo", "Fierce fighting was reported in the Ganfouda district of Benghazi",
    "after a gas attack on Saraqeb". PLOVER codes an act whose actors the text does not identify: it is done by
    the unidentified armed forces of that place (CAMEO's UAF), at whom an attack is made ("on Saraqeb")."""
    span = _act_of_no_named_doer(s, hit)
    if span is None or modality_after(s, hit.end)[0] != ASSERTED:
        return []  # "Clashes may erupt in Kismayo"
    # "Israeli forces have taken dozens of Palestinians in raids": the forces raided
    attackers = _forces_whose_operation_it_is(s, hit) or _forces_of_the_place(s, hit, span, named=False)
    if not attackers:
        return []
    struck = s.chunk_at.get(hit.end + 1) if hit.end < s.sent.end else None
    on = struck is not None and struck.start == hit.end + 1 and words(s.doc).lower[hit.end] in STRUCK_PREPS
    targets = [a for a in struck.actors if a.country] if on else _died_in(s, hit)
    entry = hit.entry
    return emit(s, hit, entry.type, entry.mode, entry.cameo, ASSERTED, attackers, targets)


def in_the_course_of(s: Sentence, hit: Hit) -> bool:
    """Whether a noun of force follows "during", "in" or "amid" past its modifiers, so that it names the course of
    its clause's act ("arrested 100 people during large-scale raids"), not an act before it ("reimposed
    blockades following the shooting of two soldiers")."""
    w = words(s.doc)
    j = hit.start - 1
    while j > s.sent.start and hit.start - j <= OWNED_MODIFIER_WORDS and w.lower[j] not in PREPOSITIONS:
        modifier = w.lower[j] == "-" or w.alpha[j] and w.is_lower[j] and not w.lower[j].endswith("ing")
        if not modifier:
            return False  # "following a shooting": another word opens the phrase
        j -= 1
    return w.lower[j] in COURSE_PREPOSITIONS


def _died_in(s: Sentence, hit: Hit) -> list[Actor]:
    """Who died in an attack named as a noun, or of the wounds it dealt, the subject of "died" before it ("A
    policeman died in an attack in Mosul", "died of gunshot wounds he sustained in an attack"): whom the attack
    struck."""
    w = words(s.doc)
    j = hit.start - 1
    while j > s.sent.start and hit.start - j <= OWNED_MODIFIER_WORDS and w.lower[j] not in ("in", "during"):
        if not w.is_lower[j] or any(h.start <= j < h.end for h in s.hits):
            return []
        j -= 1
    if w.lower[j] not in ("in", "during"):
        return []
    verb = j - 1
    while verb > max(s.sent.start, j - WOUNDS_WORDS) and w.lemma[verb] not in DYING_VERBS and w.lemma[verb] != "lose":
        if not w.alpha[verb]:
            return []  # "who died, praised the attack": another clause
        verb -= 1
    # "lost their lives in an attack" is to die in it
    lives_lost = w.lemma[verb] == "lose" and w.lower[j - 1] in ("life", "lives") and j - verb <= 3
    if not lives_lost and (w.lemma[verb] not in DYING_VERBS or verb < j - 1 and w.lower[verb + 1] != "of"):
        return []
    dead = s.chunk_at.get(verb - 1)
    return dead.actors if dead is not None and dead.end == verb and dead.prep is None else []


def unidentified_attackers(s: Sentence, hit: Hit, *, passive: bool) -> list[Actor]:
    """Who carried out an attack a clause names as a noun rather than by its author: the actor after "by" in
    the subject's attack phrase ("a suicide bombing by the Taliban killed 20 soldiers"); else, when the
    sentence names no author ("killed in a car bombing in Baghdad", "a roadside bomb killed two soldiers near
    Basra"), CAMEO's unidentified armed forces (UAF) of the country it happened in, written as the words that
    name the attack. With no place named, the attackers have no country, and the attack is coded on whom it
    struck, as an unnamed armed group's is ("a roadside bomb killed three Afghan soldiers")."""
    destroyed = hit.entry.cameo == DESTROY_PROPERTY  # "an airstrike destroyed a clinic" is force too
    if not (hit.entry.type == "ASSAULT" or destroyed) or hit.entry.kind not in (ACT, RECEIVED):
        return []
    span = attack_phrase(s.doc, s.sent, hit.start, hit.end, passive=passive)
    if span is None and participle_joined_by(words(s.doc), hit.start, s.sent) == ",":
        span = opening_attack_phrase(s.doc, s.sent, hit.start)  # "A bomb hit a bus, killing five people"
    if span is not None and not passive:
        by = (c for c in s.chunks if span[1] <= c.start and c.end <= hit.start and c.prep == "by")
        if (author := next(by, None)) is not None and author.actors:
            return author.actors
    named = span is not None
    if span is None and passive and not destroyed and names_only_where_and_when(s.doc, s.sent, hit.start, hit.end):
        span = hit.start, hit.end  # "ten soldiers were killed in eastern Ukraine": written as the act's words
    if span is None and not passive:
        span = _act_of_no_named_doer(s, hit)  # "clan fighting in Khaydaro"
    return [] if span is None else _forces_of_the_place(s, hit, span, named=named)


def _forces_of_the_place(s: Sentence, hit: Hit, span: tuple[int, int], *, named: bool) -> list[Actor]:
    """CAMEO's unidentified armed forces of the country an act happened in, written as the words `span` that
    name it. Harm told by its verb alone, or a fight, is an act where it happened ("killed in Kabul", "killed in
    Selea", a place no gazetteer holds), not wherever it happened ("walked off the pitch injured"): unless the
    attack is `named` as such, a place must be."""
    location = event_location(s, hit.start)
    country = location.country if location is not None else None
    if not country and not named and not placed_by_a_name(s.doc, s.sent, hit.end):
        return []
    return [written_actor(s.doc, span[0], span[1], f"{country or ''}UAF", country, "UAF")]
