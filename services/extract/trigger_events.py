"""Which events a trigger yields: who does it to whom, how it is told, and the readings it drops."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span
from wordfreq import zipf_frequency

from services.extract import lexicon
from services.extract.actor_kinds import FORCES, is_a_protester
from services.extract.actors import (
    CLAUSE_OPENERS,
    DETERMINERS,
    OTHERS,
    PEOPLE_SECTORS,
    POSSESSIVE_MARKS,
    POSSESSIVES,
    PREPOSITIONS,
    Chunk,
    code_chunk,
    of_country,
    written_actor,
)
from services.extract.clauses import CLAIM_VERBS, MATERIAL_CONFLICT, finite_after_and
from services.extract.codes import MEET, WEAPONS_SEIZED
from services.extract.conditions import (
    CLOSING_QUOTES,
    allowed_doers,
    asks,
    condition_subject,
    doers_of_purpose,
    in_a_time_clause_to_come,
    is_conditional,
    is_purpose,
    modality_after,
    obligation,
    set_to_come,
)
from services.extract.defaults import ACTS_OF_FORCE, HOME_POLITICS, STRUGGLES, reporting_authority
from services.extract.emit import ARMED_FORCES, UNPLACED_AGENTS, emit
from services.extract.fights import unidentified_attackers
from services.extract.modality import (
    ASSERTED,
    CLAIMED,
    FUTURE,
    HYPOTHETICAL,
    NEGATED,
    PREDICTIONS,
    cues_between,
    modality_of,
)
from services.extract.models import Actor, EventCandidate, quad_class
from services.extract.nlp import ACT, MODALS, Words, words
from services.extract.noun_acts import crowd_of_the_place
from services.extract.places import BORDER_NOUNS
from services.extract.pronouns import resolve
from services.extract.readings import HELPING_VERBS, NOT_A_NOUN_PHRASE, PARTICLES, Hit, is_aimed_reading
from services.extract.recode import intent_stated, recoded_by_actors, recoded_by_the_act_governed
from services.extract.roles import (
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_ENDS,
    FIGHT_NOUNS,
    HARM_VERBS,
    OBJECT_PRONOUNS,
    PATIENT_VERBS,
    RELATIVES,
    WEAPON_NOUNS,
    apposition_start,
    before_the_participle,
    is_passive,
    names_an_exception,
    object_after_a_date,
    participle_joined_by,
    source_before,
)
from services.extract.sentence import Sentence
from services.extract.sides import (
    AIMED_TYPES,
    OWN_PEOPLE_TYPES,
    RECEIVED,
    addressee_before_complement,
    aimed_at,
    claim_tail_verb,
    governed_targets,
    owns_the_act,
    takes_in_between,
    written_roles,
)
from services.extract.sites import event_location, known_by_a_town

# Verbal reactions to another's words or deeds: praise, criticism, rejection
REACTION_TYPES = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
# Verbs of an act that goes both ways between coordinated sides, and the hostile acts traded so
RECIPROCAL_VERBS = frozenset({"trade", "exchange"})
HOSTILE_TRADES = frozenset({"ACCUSE", "THREATEN"})
RECIPROCAL_PRONOUNS = frozenset({("each", "other"), ("one", "another")})
# Words whose "of", "with" or "in" introduces an act alleged: "accused of", "suspected of", "charged with",
# "accused in killing"
CHARGING_WORDS = frozenset({"accuse", "suspect", "charge"})
CHARGE_PREPOSITIONS = frozenset({"of", "with", "in"})
CHARGE_REACH = 20  # "accused in killing Jane Doe, 34, a mother of 12, in 2011 and wounding two others"
# What a governing verb makes of the action it governs: "agreed to withdraw" plans a withdrawal, it does not report one.
GOVERNED_MODALITY = {
    "commit": FUTURE,
    "threat": HYPOTHETICAL,
    "refuse": NEGATED,
    "request": HYPOTHETICAL,
    "accuse": CLAIMED,
}
# Words an object's noun phrase spans before what describes it ("a UN Security Council resolution calling for")
OBJECT_WORDS = 8
# Acts a side does to its own forces (CAMEO 0873 demobilize, 0874 retreat, 154 deploy); people evacuated are moved by
# others
SELF_DONE = frozenset({"withdraw", "pull", "demobilize", "demobilise", "disarm", "disband", "deploy"})
AUTHORITY_MODES = frozenset({"arrest", "investigate", "sue", "convict"})
# "claimed that X attacked": the claim verb read as CAMEO's "allege" (112)
CLAIM_AS_ACCUSATION = lexicon.Trigger("claim", "ACCUSE", "allege", "112", ACT)
# A phrase the act is done to that names no one: "No one was arrested", "Police arrested nobody"
NO_ONE = frozenset({"nobody", "none", "no-one"})
COMPARATIVES_OF_COUNT = frozenset({"fewer", "less", "more", "longer", "sooner"})
NOUN_PHRASE_WORDS = 3  # the words of a subject's phrase after its "no": "No Israeli civilians were killed"
WISHES = frozenset({"want", "wish", "hope"})
# Verbs of scattering, which a crowd does itself as often as a force does to it
SCATTER_VERBS = frozenset({"disperse"})
SPORT_ROLES = lexicon.word_set("sport_roles")
# Words before a doer that doubt who did it, not whether it was done
DOUBTED_DOERS = frozenset({"alleged", "suspected", "presumed", "purported", "apparent"})
DOUBTED_DOER_REACH = 3  # "suspected suicide bombers", "suspected Boko Haram fighters"
# Verbs of belief whose "to be" says whom people are thought to be ("gunmen believed to be militants")
BELIEVING_VERBS = frozenset({"believe", "think", "say", "presume", "suspect"})
# An attack aimed at "its troops" or at "it" is aimed at an actor named before, not at the attacker.
AIMED_PRONOUNS = POSSESSIVES | {"it"}
STRUCK = frozenset({"on", "against"})
# "We" in a quotation is its speaker, named after the quotation closes.
FIRST_PERSON = frozenset({"we", "our"})
# Verbs of gathering: demonstrators who gather demonstrate, and others need not ("pilgrims gathered in Mecca")
GATHERING_VERBS = frozenset({"gather", "assemble", "converge", "congregate"})
# Verbs whose object is a body, which no market move is told with ("traders killed three civilians"), and the
# sectors of people a business's attack falls on as force, not as competition
BODY_HARM_VERBS = HARM_VERBS & PATIENT_VERBS
HARMED_PEOPLE = (PEOPLE_SECTORS - {"BUS"}) | {"COP", "MIL"}
# What a fight is fought as, rather than against: "fought pitched battles", "fought a war", "fought pockets of
# resistance"; looked for among the object's first few words
FOUGHT_NOUNS = FIGHT_NOUNS | {"war", "wars", "gunbattle", "gunbattles", "resistance", "insurgency", "insurgents"}
OBJECT_HEAD_REACH = 4
# A capitalised word rarer than this in English (wordfreq's Zipf scale: "Dahalo" 0, "Fulanis" 1.2, "cattle" 4.2) is
# a name
RARE_WORD_ZIPF = 3.0


def events_for(s: Sentence, hit: Hit) -> list[EventCandidate]:
    """A trigger's events, asserted or not: who does it to whom, how it is told, and what its doers and object make
    of it; none when the sentence drops its reading."""
    entry = hit.entry
    if entry.kind == "oblige":
        return obligation(s, hit)
    source_chunk, target_chunk = written_roles(s, hit)
    unaimed = target_chunk is None or target_chunk.start < hit.end
    # "fired the army chief at a meeting": not aimed at anyone, so not this reading; but a passive's subject may hold
    # whom it is aimed at ("Evidence against Russia was presented by the US")
    if is_aimed_reading(entry) and unaimed and not _aimed_in_the_subject(s, hit, target_chunk):
        return []
    if (
        entry.cameo == MEET
        and "with" in words(s.doc).lower[hit.start : hit.end + 1]
        and is_passive(s.doc, hit.start, hit.end, s.sent, with_be=True)
    ):
        return []  # "any response would be met with crushing attacks": answered, not met; one is met "by"
    if _commands_own_forces(s, hit, target_chunk):
        return []  # "ordered the armed forces to neutralize the gangs": a command, no demand of another
    if entry.type == "ASSAULT" and _fights_a_thing(s, hit):
        return []  # "China fights the coronavirus", "fighting against apartheid": no one is fought
    if entry.type == "ASSAULT" and _plays_a_game_or_trade(s, hit, source_chunk, target_chunk):
        return []  # "Brazil's striker attacked the defence", "carmakers are fighting for market share"
    if _scatters(s, hit, source_chunk, target_chunk):
        return []  # "the crowd has dispersed": people who scatter, not a force that disperses them
    if _describes_a_rejected_text(s, hit):
        return []  # "vetoed a resolution calling for a ceasefire": the resolution calls, not the one vetoing it
    sources = resolve(s, source_chunk)
    if _lacks_its_only_reading(s, hit, sources, source_chunk, target_chunk):
        return []  # "Officials gathered in Geneva", "The storm struck the coast", "Kenya helped in the search"
    if source_chunk is not None and source_chunk.pronoun in FIRST_PERSON:
        sources = _quoted_speaker(s, hit) or sources
    if hit.governor is not None:
        return _governed(s, hit, sources, target_chunk)
    if not sources and entry.type == "PROTEST":
        sources = crowd_of_the_place(s, hit)  # "Thousands marched in Belgrade"
    if not sources and source_chunk is None:
        sources = _group_no_lexicon_knows(s, hit)  # "Dahalo attacked a public service vehicle"
    if not sources and entry.kind == RECEIVED:
        sources = unidentified_attackers(s, hit, passive=True)  # "sustained injuries in an attack in Kunduz"
    if not sources:
        passive = is_passive(s.doc, hit.start, hit.end, s.sent, with_be=True)
        # "five men arrested in Lagos": a participle that lacks the object its verb needs is passive too
        held = is_passive(s.doc, hit.start, hit.end, s.sent)
        sources = (
            (_authorities_of_the_place(s, hit, target_chunk) or _holder(s, hit)) if held else []
        ) or unidentified_attackers(s, hit, passive=held)
        if not sources and held and words(s.doc).lemma[hit.start] in SELF_DONE and target_chunk is not None:
            # "guerrillas were demobilized", "troops were pulled out of Tigray": a side's own forces are
            # withdrawn or disarmed by that side, whoever gave the order
            sources, target_chunk = target_chunk.actors, None
        if not sources and not passive:
            return []  # a participle or relative clause with no one named doing it ("frigates stationed offshore")
    window = source_chunk.end if source_chunk is not None and source_chunk.end <= hit.start else s.sent.start
    w = words(s.doc)
    joined = finite_after_and(w, hit.start) or participle_joined_by(w, hit.start, s.sent)
    if joined or source_chunk is not None and _present_after_and(w, source_chunk.end, hit.start):
        # "threatened to cut ties and expelled", "had no plans to meet him, rejecting an offer": the act after
        # the join is its own, whatever the clause before it plans, denies or reports
        window = max(window, hit.start - 1)
    window = _past_an_aside(s.doc, s.sent, window, hit.start)
    subject = source_chunk if source_chunk is not None and source_chunk.end <= hit.start else target_chunk
    charge_end = _past_a_charge(w, subject.end, hit.start) if subject is not None else None
    if charge_end is not None:
        window = max(window, charge_end)
    modality, cues = modality_of(s.doc, window, hit.start)
    if modality == ASSERTED and source_chunk is not None and source_chunk.prep == "between":
        modality, cues = modality_after(s, source_chunk.end)
    if modality == ASSERTED and _charged_with(w, hit, s.sent):
        modality = CLAIMED  # "a mob lynched four men accused of killing a cow": what they are accused of
    if modality == ASSERTED and set_to_come(s, hit):
        modality = FUTURE  # "NATO leaders meeting in Vilnius next week": what is yet to happen
    if modality == ASSERTED and _done_to_no_one(w, hit, s.sent, is_passive(s.doc, hit.start, hit.end, s.sent)):
        modality = NEGATED  # "No one was arrested", "Police arrested no one"
    if modality == ASSERTED and source_chunk is not None and _denied_of_both(w, source_chunk, s.sent):
        modality = NEGATED  # "Neither France nor Germany condemned Russia"
    if modality == ASSERTED and claim_tail_verb(w, s.sent, hit.end) is not None:
        modality = CLAIMED  # "Russia attacked Kyiv, Ukraine claimed": as claimed as "Ukraine claimed Russia ..."
    decided = _decided_by(s, hit)
    if decided is not None:
        if not decided:
            return []  # "Russia criticised the decision to expel its diplomats": whose decision, it does not say
        sources = decided
    accusation: list[EventCandidate] = []
    if modality in (ASSERTED, FUTURE) and asks(s, hit):
        modality = HYPOTHETICAL  # "What is he pointing a gun at, knowing that they would kill him?"
    if (allowed := allowed_doers(s, hit)) is not None:
        # "would not give permission to Russia to help Israel": Russia would help; neither did it, nor refused to
        sources, modality = allowed, HYPOTHETICAL
    purpose = modality == ASSERTED and is_purpose(s, hit)
    if purpose and source_chunk is not None and (doers := doers_of_purpose(s, hit, source_chunk)) is not None:
        sources = doers  # "forces stormed the embassy to arrest him": the forces arrest, not the embassy
    # "whether Sudan will accept", "if Iran will not negotiate": neither an act, nor an intent, nor a refusal
    conditional = modality != HYPOTHETICAL and (is_conditional(s, source_chunk) or in_a_time_clause_to_come(s, hit))
    if purpose or conditional:
        modality = HYPOTHETICAL
    claimed_plan = False
    if modality in (ASSERTED, FUTURE) and source_chunk is not None and source_chunk.start < hit.start:
        # "Ukraine claimed that Russia attacked": the claim verb stands before the subject
        subject = _subject_phrase_start(s, source_chunk)
        before = cues_between(s.doc, max(s.sent.start, source_chunk.start - 4), subject)
        if before.get(NEGATED) == "deny":
            modality = NEGATED  # "Russia denied that its troops attacked": a denied report is no assertion
        elif CLAIMED in before:
            # "Israel claimed Hamas was planning to attack": a plan only another party claims states no intent
            claimed_plan = modality == FUTURE
            modality = CLAIMED if modality == ASSERTED else modality
            accusation = _accusation_in_claim(s, hit, source_chunk, sources)
        elif before.get(FUTURE) in WISHES and modality == ASSERTED:
            modality = HYPOTHETICAL  # "They want police banned from carrying guns": another's act wished for
        elif (before.get(FUTURE) in PREDICTIONS or before.get(FUTURE) in WISHES) and modality == FUTURE:
            # "Analysts predicted the administration will offer wheat", "he hopes the U.S. will lift sanctions":
            # another's forecast or wish
            modality = HYPOTHETICAL
    targets = target_chunk.actors if target_chunk else []
    if target_chunk is not None and target_chunk.pronoun == OTHERS:
        targets = resolve(s, target_chunk)
    elif target_chunk is not None and owns_the_act(s, hit, target_chunk, sources):
        targets = aimed_at(s, hit, target_chunk, sources)  # "he reaffirmed Türkiye's support for peace"
    elif target_chunk is not None and _about_own_words(s, hit, target_chunk):
        targets = []  # "defended his comments on Israel": what one's own words are about is not their target
    elif target_chunk is not None and entry.type == "ASSAULT" and _across_a_border(s, target_chunk):
        targets = []  # "bombed tunnels along the border with Egypt": the neighbour names where, not whom
    elif target_chunk is not None and (
        target_chunk.pronoun in AIMED_PRONOUNS
        and hit.entry.type in AIMED_TYPES
        or target_chunk.pronoun in OBJECT_PRONOUNS  # "ordered the mission to leave, accusing it of"
    ):
        targets = _possessor(s, target_chunk, sources)
    elif target_chunk is not None and target_chunk.pronoun in POSSESSIVES and entry.type in OWN_PEOPLE_TYPES:
        targets = _own_people(s, target_chunk, sources)
    elif target_chunk is not None and target_chunk.pronoun in POSSESSIVES and target_chunk.prep == "by":
        targets = _own_people(s, target_chunk, sources)  # "an inquiry into abuses by its troops": its own
    if entry.type == "ASSAULT" and source_chunk is not None and not any(t.country for t in targets):
        targets = _struck_in_subject(s, hit, source_chunk, targets)
    if source_chunk is not None and len(sources) > 1:
        # "Israel and Lebanon renewed talks": a joint act has no target among its own actors, nor in a phrase of
        # no one's ("signed a defence pact allowing troops to deploy"); people harmed together are its targets
        # wherever they are from ("Malian soldiers and Russian mercenaries executed hundreds of civilians")
        if quad_class(entry.cameo) == MATERIAL_CONFLICT:
            own = {(a.country, a.sector) for a in sources}
            targets = [t for t in targets if (t.country, t.sector) not in own]
        else:
            targets = [t for t in targets if t.country and t.country not in {a.country for a in sources}]
    if sources and source_chunk is not None and source_chunk.prep is None and not source_chunk.pronoun:
        s.last_subject[:] = sources
    governed = next((h for h in s.hits if h.governor is hit), None)
    if governed is not None and target_chunk is not None and governed.start <= target_chunk.start < governed.end:
        targets = []  # "threatened to cut off all U.S. aid to Honduras": a phrase of the act threatened
    settled = recoded_by_actors(s, hit, sources, targets, source_chunk, target_chunk)
    if settled is None:
        return accusation
    type_, mode, cameo, targets = settled
    vowed = recoded_by_the_act_governed(s, hit, governed, sources, targets, (type_, mode, cameo))
    if vowed is None:
        return accusation
    type_, mode, cameo = vowed
    events = []
    if not targets and type_ == "THREATEN":
        targets = condition_subject(s, hit)
    if not targets and governed is not None and not addressee_before_complement(hit, words(s.doc)):
        targets = governed_targets(s, governed, sources)
    derived = intent_stated(s, hit, modality, cues, sources, targets)
    if derived is not None:
        type_d, mode_d, cameo_d, modality_d, sources_d, targets_d = derived
        modality_d = CLAIMED if claimed_plan else modality_d
        events += emit(s, hit, type_d, mode_d, cameo_d, modality_d, sources_d, targets_d or targets)
    governing = entry.kind.startswith(("commit", "threat", "refuse", "request", "accuse"))
    if governing and modality == FUTURE and cues.get(FUTURE) not in PREDICTIONS:
        # "will demand" still announces the demand; the intent is the act ("is expected to seek" foretells it)
        modality = ASSERTED
    traded = words(s.doc).lemma[hit.start] in RECIPROCAL_VERBS and type_ in HOSTILE_TRADES
    # "the army and allied fighters captured a neighbourhood": force with an object is used together on it
    together = type_ == "ASSAULT" and _has_an_object(s, hit, target_chunk)
    # "talks between Iran and the EU": the sides its trigger names after "between" act on each other
    mutual = type_ == "ASSAULT" and not together or traded or cameo == MEET or takes_in_between(s.doc, hit)
    mutual = mutual or _done_to_each_other(s, hit)
    # Sides are told apart by country; in a fight, also by who they are ("the army and the RSF")
    side = (lambda a: a.code) if type_ == "ASSAULT" else (lambda a: a.country)
    if mutual and not targets and len({side(a) for a in sources if a.country}) > 1:
        # "Indian and Chinese troops clashed": fighting between the coordinated sides is each one's on the other,
        # as are the accusations or threats they trade and any act they do to "each other"; a joint act of
        # cooperation has no target among its own actors, as the PLOVER records code it ("exchanged ambassadors")
        for source in sources:
            others = [a for a in sources if a.country and side(a) != side(source)]
            events += emit(s, hit, type_, mode, cameo, modality, [source], others)
        return events + accusation
    events += emit(s, hit, type_, mode, cameo, modality, sources, targets)
    return events + accusation


def _done_to_no_one(w: Words, hit: Hit, sent: Span, passive: bool) -> bool:
    """Whether an act is told as done to no one: the subject of its passive or its object is "no" and a noun, or
    no one ("No weapons were found", "No one was arrested", "Police arrested no one"); "no fewer than" counts."""
    if not passive:
        k = hit.end
        return k < sent.end and (w.lower[k] in NO_ONE or w.lower[k] == "no" and _no_negates(w, k, sent.end))
    k = before_the_participle(w, sent.start, hit.start)
    if w.lower[k] in NO_ONE or w.lower[k] == "one" and k > sent.start and w.lower[k - 1] == "no":
        return True
    j = k
    while j > max(sent.start, k - NOUN_PHRASE_WORDS) and w.alpha[j] and w.lower[j] not in STOP_WORDS:
        j -= 1
    return j < k and w.lower[j] == "no" and _no_negates(w, j, sent.end)


def _past_an_aside(doc: Doc, sent: Span, window: int, verb: int) -> int:
    """Where the cues of a verb's modality start: past a relative clause set off between its subject and itself,
    whose own verbs say nothing of it ("Russia, which has not signed the treaty, attacked Ukraine"), or past who is
    excepted (", but not Italy,"); an aside that says who did it ("The attack, claimed by the Islamic State group,
    killed 40") still does."""
    w = words(doc)
    closing = next((k for k in range(verb - 1, window - 1, -1) if w.lower[k] == ","), None)
    if closing is None:
        return window
    opened = apposition_start(doc, closing, sent)
    if opened is None or opened < window:
        return window
    relative = w.lower[opened + 1] in RELATIVES or names_an_exception(w, opened + 1)
    return closing + 1 if relative else window


def _denied_of_both(w: Words, subject: Chunk, sent: Span) -> bool:
    """Whether a subject is coordinated by "neither ... nor": the act is denied of each."""
    neither = subject.start > sent.start and w.lower[subject.start - 1] == "neither"
    return neither or "nor" in w.lower[subject.start : subject.end]


def _no_negates(w: Words, no: int, sent_end: int) -> bool:
    """Whether "no" denies the phrase after it: not "no fewer than 20", "no more than 20", which count."""
    return no + 1 < sent_end and w.lower[no + 1] not in COMPARATIVES_OF_COUNT


def _charged_with(w: Words, hit: Hit, sent: Span) -> bool:
    """Whether an act is what someone is accused, suspected or charged of, told right after the word that says so
    ("men accused of killing", "a man charged with attacking"), or joined by "and" to one so told ("accused in
    killing a mother in 2011 and wounding two others")."""
    if hit.start - 2 >= sent.start and _opens_a_charge(w, hit.start - 2):
        return True
    if not (w.lower[hit.start].endswith("ing") and hit.start > sent.start and w.lower[hit.start - 1] in ("and", "or")):
        return False
    return any(
        _opens_a_charge(w, j) and w.lower[j + 2].endswith("ing")
        for j in range(max(sent.start, hit.start - CHARGE_REACH), hit.start - 2)
    )


def _opens_a_charge(w: Words, k: int) -> bool:
    """Whether a charging word and its preposition stand at k ("accused of", "charged with")."""
    return w.lemma[k] in CHARGING_WORDS and w.lower[k + 1] in CHARGE_PREPOSITIONS


def _past_a_charge(w: Words, subject_end: int, verb: int) -> int | None:
    """Where a verb's modality is read from when what its subject is charged with follows the subject ("two men
    suspected of attacking a police station were arrested": the arrest is told, the attack suspected): the verb's
    auxiliary, or the verb itself when it has none; None when no charge follows the subject."""
    if subject_end + 1 >= verb or not _opens_a_charge(w, subject_end):
        return None
    return next((k for k in range(subject_end + 2, verb) if w.lower[k] in BE_FORMS), verb)


def _present_after_and(w: Words, subject_end: int, i: int) -> bool:
    """A verb after "and" in the present tense its subject's first verb is in ("authorities deny launching an
    offensive and accuse Russia"), not one that shares a "to" or a modal before it ("want to allow inspectors and
    release")."""
    if subject_end >= i - 1 or w.lower[i - 1] != "and" or w.lemma[i] != w.lower[i]:
        return False
    first = w.lower[subject_end]
    if w.lemma[subject_end] != first or not w.alpha[subject_end] or first in BE_FORMS or first in AUXILIARIES:
        return False
    return not any(w.lower[k] == "to" or w.lower[k] in MODALS for k in range(subject_end, i))


def _lacks_its_only_reading(
    s: Sentence, hit: Hit, sources: list[Actor], source_chunk: Chunk | None, target_chunk: Chunk | None
) -> bool:
    """Whether a verb the lexicon holds alone is told without the only doers or objects it is an event with:
    protesters who gather demonstrate (officials, pilgrims or a crowd who gather do not), armed men or a state's
    weapons who strike attack ("struck by Russian missiles"; a storm, a scandal or workers who strike do not),
    and whoever helps an actor named right after the verb aids it (not one passive: "the army, helped by US
    advisers", whom the help went to is before it)."""
    if hit.end - hit.start != 1:
        return False
    w = words(s.doc)
    if w.lemma[hit.start] in GATHERING_VERBS:
        return not (sources and all(is_a_protester(a, crowds=False) for a in sources))
    if w.lower[hit.start] == "struck":
        armed = bool(sources) and all(a.sector in UNPLACED_AGENTS for a in sources)
        weapons = source_chunk is not None and source_chunk.end < s.sent.end
        weapons = weapons and w.lower[source_chunk.end] in WEAPON_NOUNS
        return not (armed or weapons and any(a.country for a in sources))
    if w.lemma[hit.start] in HELPING_VERBS and not is_passive(s.doc, hit.start, hit.end, s.sent):
        # (a phrase right after the verb is its object, whatever `_prep` reads before it: "The United States
        # helped Egypt" walks back over the verb to a name)
        return target_chunk is None or target_chunk.start != hit.end
    return False


def _decided_by(s: Sentence, hit: Hit) -> list[Actor] | None:
    """Who took the decision that names an act ("Germany's decision to send tanks", "its decision to deploy"):
    None when no decision names it, no one for "the decision" of no one named."""
    w = words(s.doc)
    k = hit.start - 2
    if k - 1 < s.sent.start or w.lower[k] != "decision" or w.lower[k + 1] != "to":
        return None
    if w.lower[k - 1] in POSSESSIVE_MARKS:
        owner = s.chunk_at.get(k - 2)
        return owner.actors if owner is not None else []
    if w.lower[k - 1] in POSSESSIVES:
        owner = Chunk(k - 1, k, [], None, pronoun=w.lower[k - 1])
        return resolve(s, owner)
    return [] if w.lower[k - 1] in DETERMINERS else None


def _aimed_in_the_subject(s: Sentence, hit: Hit, target: Chunk | None) -> bool:
    """Whether a passive's subject holds whom its pattern is aimed at, after the pattern's own preposition."""
    aims = hit.entry.pattern.split()[-1].split("|")
    return (
        target is not None
        and target.end <= hit.start
        and target.prep in aims
        and is_passive(s.doc, hit.start, hit.end, s.sent, with_be=True)
    )


def _across_a_border(s: Sentence, chunk: Chunk) -> bool:
    """Whether a phrase is the state across a border ("the border with Egypt")."""
    w = words(s.doc)
    i = chunk.start
    return i - 2 >= s.sent.start and w.lower[i - 1] == "with" and w.lemma[i - 2] in BORDER_NOUNS


def _commands_own_forces(s: Sentence, hit: Hit, target_chunk: Chunk | None) -> bool:
    """Whether an order is given to forces no other state is named for: one's own ("ordered the armed forces to
    neutralize 22 gangs", "ordered 700 Marines to Los Angeles"). CAMEO's demands (10) are made of another."""
    if hit.entry.kind != "request" or words(s.doc).lemma[hit.start] != "order" or target_chunk is None:
        return False
    actors = target_chunk.actors
    return bool(actors) and all(a.sector in ARMED_FORCES and a.country is None for a in actors)


def _subject_phrase_start(s: Sentence, subject: Chunk) -> int:
    """Where a subject's phrase starts, with a word before its actor that doubts who they are, not what they did:
    "suspected militants hurled a grenade", "two alleged suicide bombers blew themselves up" report the act as
    done. After an actor, the word is a verb ("police suspected militants attacked")."""
    w = words(s.doc)
    # "gunmen suspected to be herdsmen attacked": who they are is doubted, not the attack
    doubt = subject.start - 3
    believed = doubt > s.sent.start and (w.lower[doubt] in DOUBTED_DOERS or w.lemma[doubt] in BELIEVING_VERBS)
    if believed and w.lower[doubt + 1 : subject.start] == ["to", "be"]:
        return doubt
    for k in range(subject.start - 1, max(s.sent.start, subject.start - DOUBTED_DOER_REACH) - 1, -1):
        if w.lower[k] in DOUBTED_DOERS:
            verb = k > s.sent.start and k - 1 in s.chunk_at
            return k if not verb else subject.start
        if not w.is_lower[k] or w.lower[k] in STOP_WORDS:
            break
    return subject.start


def _group_no_lexicon_knows(s: Sentence, hit: Hit) -> list[Actor]:
    """A group named by rare words or an acronym no lexicon knows, opening the sentence or its clause as the
    subject of force with an object ("Dahalo attacked a public service vehicle", "SAF bomb Deribat"): armed men
    whoever they are, CAMEO's unidentified armed forces of the place they act in."""
    w = words(s.doc)
    if hit.entry.type not in ACTS_OF_FORCE or hit.entry.kind != ACT or w.lemma[hit.start] in HARM_VERBS:
        return []  # "Ricochet killed Greek teenager": what harms may be a thing; what attacks is someone
    start = hit.start
    while start > s.sent.start and w.name_word[start - 1] and start - 1 not in s.entity_at:
        start -= 1
    if (
        start == hit.start
        or start > s.sent.start
        and w.lower[start - 1] not in CLAUSE_OPENERS
        and w.lower[start - 1] != ","
    ):
        return []
    if not all(w.acronym[k] or zipf_frequency(w.lower[k], "en") < RARE_WORD_ZIPF for k in range(start, hit.start)):
        return []
    # a surname: the text has named the person in full ("Jason Stockley ... Stockley shot Smith")
    if any(w.lower[k] == w.lower[start] and w.name_word[k - 1] for k in range(1, start)):
        return []
    # an object follows: a name or a noun phrase, not a preposition or an adverb ("Blues attacked down the left"),
    # unless the pattern names it ("Pantelitz regained control of")
    names_its_object = "~" in hit.entry.pattern or " " in hit.entry.pattern
    if not names_its_object and (
        hit.end >= s.sent.end or not w.alpha[hit.end] or w.lower[hit.end] in NOT_A_NOUN_PHRASE
    ):
        return []
    location = event_location(s, hit.start)
    country = location.country if location is not None else None
    return [written_actor(s.doc, start, hit.start, f"{country or ''}UAF", country, "UAF")]


def _has_an_object(s: Sentence, hit: Hit, target: Chunk | None) -> bool:
    """Whether an active verb is followed by its object: a phrase with no preposition, or an article or a number
    opening one, maybe after a date ("captured a key neighbourhood", "shelled on Monday two villages")."""
    if target is not None and target.prep is None and target.start >= hit.end:
        return True
    w = words(s.doc)
    following = hit.end < s.sent.end and (w.lower[hit.end] in DETERMINERS or w.num[hit.end])
    return following or object_after_a_date(w, hit.end, s.sent)


def _fights_a_thing(s: Sentence, hit: Hit) -> bool:
    """Whether a verb of struggle has an object that names no actor: one fights a virus, a fire or an injustice
    as one fights rebels, but only rebels are attacked. With no object ("fought on", "fought for hours"), the
    fight is the subject's."""
    w = words(s.doc)
    if w.lemma[hit.start] not in STRUGGLES or hit.end != hit.start + 1 or hit.start == s.sent.start:
        return False
    if w.lower[hit.start - 1] in DETERMINERS:
        return False  # "the fighting": a noun, with no object
    k = hit.end + (hit.end < s.sent.end and w.lower[hit.end] == "against")
    if k < s.sent.end and w.lower[k] in PARTICLES:
        return False  # "fought back against a Somali assault"
    while k < s.sent.end and w.lower[k] in DETERMINERS:
        k += 1
    if k >= s.sent.end or not w.alpha[k] or not w.is_lower[k] or w.lower[k] in PREPOSITIONS:
        return False
    for j in range(k, min(k + OBJECT_HEAD_REACH, s.sent.end)):
        if not w.alpha[j] or w.lower[j] in PREPOSITIONS and w.lower[j] != "of":
            break
        if w.lower[j] in FOUGHT_NOUNS or (chunk := s.chunk_at.get(j)) is not None and chunk.actors:
            return False  # "fought pitched battles", "fought a gunbattle", "fought pockets of resistance"
    return True


def _plays_a_game_or_trade(s: Sentence, hit: Hit, chunk: Chunk | None, target: Chunk | None) -> bool:
    """Whether an actor phrase names players or companies, whose attacks and fights are a game's or a market's:
    its head noun is a sports role, or every actor it names is a business, unless the act kills or wounds or
    falls on people ("Traders killed three civilians")."""
    if chunk is None or chunk.pronoun:
        return False
    w = words(s.doc)
    after = chunk.end + (chunk.end < s.sent.end and w.lower[chunk.end] in POSSESSIVE_MARKS)
    heads = {w.lower[chunk.end - 1], w.lower[after] if after < s.sent.end else ""}
    if heads & SPORT_ROLES:
        return True
    if not chunk.actors or any(a.sector != "BUS" for a in chunk.actors):
        return False
    on_people = target is not None and any(a.sector in HARMED_PEOPLE for a in target.actors)
    return w.lemma[hit.start] not in BODY_HARM_VERBS and not on_people


def _done_to_each_other(s: Sentence, hit: Hit) -> bool:
    """Whether a reciprocal pronoun is the act's object ("accused each other of", "held one another
    responsible")."""
    w = words(s.doc)
    end = min(hit.end + 1, s.sent.end - 1)
    return any((w.lower[k], w.lower[k + 1]) in RECIPROCAL_PRONOUNS for k in range(hit.start + 1, end))


def _about_own_words(s: Sentence, hit: Hit, target: Chunk) -> bool:
    """Whether a reaction's object is the speaker's own words or deeds and the target only what they were about
    ("defended his comments on Israel"): a possessive pronoun right after the trigger, then a phrase that names
    no actor, then the target after a preposition."""
    w = words(s.doc)
    return (
        hit.entry.type in REACTION_TYPES
        and hit.end < s.sent.end
        and w.lower[hit.end] in POSSESSIVES
        and target.prep is not None
        and target.start > hit.end + 1
        and not any(c.actors and hit.end < c.start < target.start for c in s.chunks)
    )


def _quoted_speaker(s: Sentence, hit: Hit) -> list[Actor]:
    """Who "we" is in a quotation: the one the sentence says spoke it, after the quotation closes ('"We condemn
    the attack," the French foreign ministry said', '..., said the French foreign minister') or before it opens
    ('The minister said: "We reject ..."'). A speaker named by a pronoun is the one it points back at."""
    doc, sent = s.doc, s.sent
    w = words(doc)
    closing = next((i for i in range(hit.end, sent.end) if w.lower[i] in CLOSING_QUOTES), None)
    after = [i for i in s.say if closing is not None and i > closing]
    if after:
        say = min(after)
        speaker = source_before(doc, sent, say, s.chunk_at, set())
        if speaker is None or speaker.start < closing:
            # "..., said the French foreign minister": the speaker follows the verb
            speaker = next((c for c in s.chunks if c.start > say and c.prep is None), None)
    else:
        before = [i for i in s.say if i < hit.start]
        speaker = source_before(doc, sent, max(before), s.chunk_at, set()) if before else None
    return resolve(s, speaker) if speaker is not None else []


def _struck_in_subject(s: Sentence, hit: Hit, subject: Chunk, victims: list[Actor]) -> list[Actor]:
    """The people an attack named as the subject harmed belong to the place it struck ("Israeli air strikes on
    Gaza killed 30 people"): the phrase after "on" or "against" between the subject and the verb."""
    struck = next(
        (c for c in s.chunks if subject.end <= c.start and c.end <= hit.start and c.prep in STRUCK),
        None,
    )
    country = next((a.country for a in struck.actors if a.country), None) if struck is not None else None
    if country is None:
        return victims
    if not victims:
        return struck.actors
    return [of_country(v, country) for v in victims]


def _possessor(s: Sentence, chunk: Chunk, sources: list[Actor]) -> list[Actor]:
    """Whose "its troops" or "its northern towns" an attack or coercion is aimed at: the nearest actor named
    before them other than the doer ("Israel said Hezbollah fired rockets at its northern towns"), as one
    attacks another's forces and towns, not one's own."""
    # (sides of one country are told apart by who they are: "Nigerian soldiers were killed when Boko Haram
    # fighters attacked their base")
    doers, sides = {a.country for a in sources}, {a.code for a in sources}
    for earlier in reversed([c for c in s.chunks if c.end <= chunk.start and not c.pronoun]):
        named = [a for a in earlier.actors if a.country and (a.country not in doers or a.code not in sides)]
        if named:
            return named
    return []


def _own_people(s: Sentence, chunk: Chunk, sources: list[Actor]) -> list[Actor]:
    """Whom "its citizens" or "their troops" name when the act is no attack: the doer's own ("Britain urged its
    citizens to leave Lebanon")."""
    countries = {a.country for a in sources if a.country}
    if len(countries) != 1 or chunk.place:
        return []
    country = countries.pop()
    named = code_chunk(s.doc, chunk.start, chunk.end, s.entity_at, None)
    return [of_country(a, country) for a in named]


def _accusation_in_claim(s: Sentence, hit: Hit, subject: Chunk, doers: list[Actor]) -> list[EventCandidate]:
    """A claim that another did harm accuses the doer (CAMEO 112, "accuse of aggression"), whether or not the
    harm is true: "The US claimed that ISIL had attacked Iraq"."""
    if quad_class(hit.entry.cameo) < 3 or not doers:
        return []
    w = words(s.doc)
    claim = next((j for j in range(subject.start - 1, max(s.sent.start, subject.start - 4) - 1, -1)
                  if w.lemma[j] in CLAIM_VERBS), None)  # fmt: skip
    if claim is None:
        return []
    claimant = source_before(s.doc, s.sent, claim, s.chunk_at, s.left_stops)
    accusers = resolve(s, claimant)
    own = {a.country for a in accusers}
    accused = [a for a in doers if a.country not in own]
    if not accusers or not accused:
        return []
    entry = CLAIM_AS_ACCUSATION
    return emit(s, Hit(claim, claim + 1, entry), entry.type, entry.mode, entry.cameo, ASSERTED, accusers, accused)


def _authorities_of_the_place(s: Sentence, hit: Hit, held: Chunk | None) -> list[Actor]:
    """Who arrests, investigates or tries someone, or finds or defuses weapons, when a passive names no one: the
    police who report weapons found, or the state it is done in ("a US national was put under investigation in
    Italy", "a bomb was found near his home in New York"), or, with no place named, the state of a politician
    held, whose office and opposition are at home ("Zimbabwe's opposition leader was arrested"), or of someone
    known by a town or a region of it, as local news names its own people ("an Oklahoma man was convicted")."""
    if hit.entry.cameo == WEAPONS_SEIZED and (reporting := reporting_authority(s, hit)):
        return reporting  # "Police said the pistols were discovered": theirs
    if hit.entry.mode not in AUTHORITY_MODES and hit.entry.cameo != WEAPONS_SEIZED:
        return []
    place = next((c for c in s.chunks if c.start >= hit.end and c.prep == "in"), None)
    if place is not None and not _in_its_clause(s, hit, place):
        return []
    if place is None:
        people = held.actors if held is not None else []
        at_home = [a for a in people if a.sector in HOME_POLITICS or known_by_a_town(s, a)]
        home = {a.country for a in at_home if a.country}
        if len(home) != 1 or len(at_home) < len(people):
            return []
        # written as the words that name the act, as an unnamed attacker is
        country = home.pop()
        return [written_actor(s.doc, hit.start, hit.end, country, country, None)]
    return [Actor(a.text, a.country, a.start, a.end, a.country, None) for a in place.actors[:1] if a.country]


def _in_its_clause(s: Sentence, hit: Hit, after: Chunk) -> bool:
    """Whether a phrase after a trigger is in the trigger's clause: no clause ends between them."""
    return not any(k in s.right_stops for k in range(hit.end, after.start))


def _holder(s: Sentence, hit: Hit) -> list[Actor]:
    """Who held the people a passive release frees: the one whose jails or custody they left ("were released
    from Israeli jails", "freed from Russian custody")."""
    if hit.entry.mode != "release":
        return []
    held_in = next((c for c in s.chunks if c.start > hit.end and c.prep == "from"), None)
    if held_in is None or not _in_its_clause(s, hit, held_in):
        return []
    return [a for a in held_in.actors if a.country][:1]


def _scatters(s: Sentence, hit: Hit, source: Chunk | None, target: Chunk | None) -> bool:
    """Whether people who are no force scatter themselves, with no one dispersed ("the crowd has dispersed")."""
    if words(s.doc).lemma[hit.start] not in SCATTER_VERBS or target is not None or source is None:
        return False
    return not any(a.sector in FORCES for a in source.actors)


def _describes_a_rejected_text(s: Sentence, hit: Hit) -> bool:
    """Whether an -ing form right after the object of a rejection says what that object does ("blocked a
    resolution calling for", "rejected a plan demanding"): the rejected text's act, not the rejecter's."""
    w = words(s.doc)
    if not w.lower[hit.start].endswith("ing"):
        return False
    for other in s.hits:
        if other.entry.type != "REJECT" or other.end > hit.start or hit.start - other.end > OBJECT_WORDS:
            continue
        between = range(other.end, hit.start)
        # a participle after a hyphen qualifies the object ("a British-drafted resolution calling for")
        verb = (k for k in between if w.lower[k].endswith("ed") and w.lower[k - 1] != "-")
        if any(w.lower[k] in CLAUSE_ENDS or w.lower[k] in RELATIVES for k in between) or next(verb, None):
            continue
        # the rejected object stands between them, or inside the rejection's pattern ("blocked a ... resolution")
        if other.end < hit.start or other.end - other.start > 1:
            return True
    return False


def _governed(s: Sentence, hit: Hit, sources: list[Actor], target_chunk: Chunk | None) -> list[EventCandidate]:
    governor = hit.governor
    kind = governor.entry.kind.removesuffix("-to")
    # An action without its own subject is done by the governor's subject ("agreed to withdraw"), or by the
    # one asked ("urged Iraq to allow").
    own = [c for c in s.chunks if governor.end <= c.start and c.end <= hit.start and c.prep is None]
    if own:
        sources = own[-1].actors
    else:
        g_source, g_target = written_roles(s, governor)
        # the one urged acts, and so does the one accused ("accused Ukraine of shelling Donetsk")
        chosen = g_target if kind in ("request", "accuse") else g_source
        sources = resolve(s, chosen)
    targets = aimed_at(s, hit, target_chunk, sources)
    entry = hit.entry
    return emit(s, hit, entry.type, entry.mode, entry.cameo, GOVERNED_MODALITY[kind], sources, targets)
