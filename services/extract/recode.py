"""How a trigger's type and code are settled by its doers, its object and the act it governs: captures, seizures,
riots, attacks in words, welcomes, regrets, deployments, rescues, vows and threats."""

from __future__ import annotations

from spacy.tokens import Span

from services.extract import lexicon
from services.extract.actor_kinds import (
    NGO,
    RIGHTS_GROUP,
    complains,
    head_word,
    is_a_protester,
    is_official,
    is_person_or_delegation,
    is_the_state,
    named_in_full,
)
from services.extract.actors import (
    BUILDING_NOUNS,
    EMBEDDED,
    PEOPLE_SECTORS,
    PLACE_NAME_ENDS,
    POSSESSIVE_MARKS,
    POSTS,
    PREPOSITIONS,
    Chunk,
)
from services.extract.codes import (
    ABDUCTION,
    AERIAL_WEAPONS,
    ARREST,
    BOMBING,
    DESTROY_PROPERTY,
    HOST,
    PRAISE,
    RELEASE,
    SANCTIONS,
    SEIZE_PROPERTY,
    SHOW_OF_FORCE,
    VISIT,
)
from services.extract.conditions import CONDITIONAL_MODALS, WARNED_RESPONSES, endangers, only_foresees
from services.extract.defaults import HOME_POLITICS, IRREGULARS, STATE_SECTORS, STRUGGLES
from services.extract.emit import ARMED_FORCES, UNPLACED_AGENTS
from services.extract.fights import ARMED_SECTORS
from services.extract.modality import ASSERTED, FUTURE, HYPOTHETICAL, NEGATED, PREDICTIONS
from services.extract.models import Actor, quad_class
from services.extract.nlp import ACT, CAPITAL, CITY, COUNTRY, DEMONYM, ROLE, words
from services.extract.readings import Hit
from services.extract.roles import ATTACK_NOUNS, DISASTER_NOUNS
from services.extract.sentence import Sentence
from services.extract.sides import COMBATANTS, governed_targets
from services.extract.sites import head_of, is_a_town_by_name

# To capture (or recapture, capture again) is to apprehend people and to occupy places (CAMEO's verb dictionary)
CAPTURE_VERBS = frozenset({"capture", "recapture"})
# Intent codes (CAMEO 03x) and threat codes (CAMEO 13x) by the type of the action intended or threatened.
INTENT_CAMEO = {
    "CONSULT": "036",
    "AID": "033",
    "RETREAT": "035",
    "CONCEDE": "035",
    "SUPPORT": "032",
    "COOPERATE": "031",
}
THREAT_CAMEO = {"ASSAULT": "138", "COERCE": "137", "SANCTION": "131", "PROTEST": "133", "MOBILIZE": "138"}
THREAT_MODE = {
    "ASSAULT": "violence",
    "MOBILIZE": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
    "PROTEST": "political",
    "RETREAT": "relations",
}
# People whose travels are no visit of state: civilians, refugees, criminals and prisoners, students, workers, farmers,
# business, doctors, the press
TRAVELLERS = frozenset({"CVL", "REF", "CRM", "EDU", "LAB", "AGR", "BUS", "HLH", "MED", "JRN"})
# Future cues that tell forces made ready for an attack
PREPARATIONS = frozenset({"prepare to", "preparing to"})
# Where a launch that strikes no one comes down: "fired two ballistic missiles into the sea"
SEAWARD = frozenset({"into", "toward", "towards"})
SEA_NOUNS = frozenset({"sea", "ocean", "waters"})
SEA_REACH = 3  # "into the East Sea", "into waters off"
DEPLOYMENT = "154"
STATE_OF_EMERGENCY = "1724"
PEACEKEEPING, PEACEKEEPING_AID = "peacekeeping", "074"
HUMANITARIAN_AID = "073"
# The work of an emergency that forces may be sent to do (CAMEO 073: emergency assistance)
RELIEF_WORDS = frozenset({"rescue", "relief", "evacuation"})
RELIEF_REACH = 10  # words from the verb to the work: "deployed a helicopter and a plane as part of the rescue"
# Nouns that name armed men in an actor's phrase, whoever they serve.
FORCE_NOUNS = frozenset({"troop", "soldier", "peacekeeper", "paratrooper", "marine", "policeman"})
MILITARY_COOPERATION = "062"
VOWED_RESPONSE_REACH = 5  # "promised Israel a painful response"
# Who rescues when they free people, and whom they rescue: held by others, not by the ones who free them
RESCUERS = frozenset({"COP", "MIL", "SPY"})
RESCUED = frozenset({"hostage", "captive", "victim", "abductee"})
RESCUED_REACH = 6  # words from the verb to the noun of those freed: "freed 10 human trafficking victims"
APOLOGY = "055"
REGRETTED_PREPS = frozenset({"over", "at", "about"})
# Who commands no force, whatever they "attack": legislators, non-governmental and rights groups, and the leaders of
# parties and of the opposition (their supporters may fight)
UNARMED_POLITICS = frozenset({"LEG", NGO, RIGHTS_GROUP})
PARTISANS = frozenset({"OPP", "PTY"})
LEADERS = frozenset({"leader", "leaders", "chief", "figure", "politician", "candidate"})
OBSTRUCT = "144"
CONVENTIONAL_FORCE = "190"
AIRCRAFT = lexicon.word_set("aircraft")
BOMBERS = lexicon.word_set("bombers")
OCCUPY = "192"
# What protesters do that makes their protest a riot (145): fight, wreck, seize or occupy
RIOTOUS = frozenset({CONVENTIONAL_FORCE, DESTROY_PROPERTY, SEIZE_PROPERTY, OCCUPY})
# People who riot rather than use organised force when they fight the police: civilians, students, workers,
# farmers, the opposition's supporters (CAMEO 19 is organised armed force)
UNARMED_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "OPP"})
# ... and other people and bodies who command no force: a party, a firm, a church, the press
UNARMED_BODIES = PEOPLE_SECTORS | {"PTY", NGO, RIGHTS_GROUP}
# Who may be taken captive: people, by what they are or do (criminals are the takers), officials and aid workers
CAPTIVES = (PEOPLE_SECTORS - {"CRM"}) | STATE_SECTORS | {"NGO"}
# ... and not a place named by whose it is: "a police station", "Jordan's embassy"
SEIZED_PLACES = BUILDING_NOUNS | PLACE_NAME_ENDS | {"embassy", "embassies", "consulate", "consulates"}


def recoded_by_actors(
    s: Sentence,
    hit: Hit,
    sources: list[Actor],
    targets: list[Actor],
    source_chunk: Chunk | None,
    target_chunk: Chunk | None,
) -> tuple[str, str | None, str, list[Actor]] | None:
    """A trigger's type, mode and code as its doers and its object settle them, with its targets; None when they
    make it no event (travellers who arrive, people who mass, a struggle in words, an emergency over a disaster)."""
    entry = hit.entry
    type_, mode, cameo = entry.type, entry.mode, entry.cameo
    if cameo == VISIT and any(
        source.sector in TRAVELLERS or source.sector is None and not is_official(source) for source in sources
    ):
        return None  # refugees, fans or prisoners who arrive somewhere make no visit (042 is an actor's)
    if (
        cameo == DEPLOYMENT
        and sources
        and all(source.sector in UNARMED_SECTORS or source.sector in UNARMED_BODIES for source in sources)
    ):
        # "two million people massed in the streets", "the party built a base of support": CAMEO 154 mobilises
        # armed forces
        return None
    if cameo == OBSTRUCT and sources and all(is_the_state(source, s.doc[hit.start].idx) for source in sources):
        # CAMEO's obstruction (144) is a protest; a state or its forces blocking passage impose a blockade (191)
        type_, mode, cameo = "COERCE", "restrict", "191"
    if cameo == AERIAL_WEAPONS and not targets and _launched_into_the_sea(s, hit):
        # a missile fired into the sea strikes no one: a weapons test shows military power (CAMEO 150)
        type_, mode, cameo = "MOBILIZE", None, SHOW_OF_FORCE
    fought = cameo == CONVENTIONAL_FORCE and all(source.sector in UNARMED_SECTORS for source in sources)
    fought = fought and any(t.sector == "COP" for t in targets)
    if cameo in RIOTOUS and sources and (fought or all(is_a_protester(source) for source in sources)):
        # CAMEO 145: protesters who storm a building, clash with police, loot or set fire to it riot; 19 is
        # organised force, 171 a state's seizure of property and 1712 its destruction
        type_, mode, cameo = "PROTEST", "riot", "145"
    elif cameo == DESTROY_PROPERTY and sources and all(head_word(source).lower() in AIRCRAFT for source in sources):
        # CAMEO 195: what warplanes or drones destroy is struck from the air, not property destroyed (1712)
        type_, mode, cameo = "ASSAULT", "aerial", AERIAL_WEAPONS
    elif (
        cameo in (DESTROY_PROPERTY, CONVENTIONAL_FORCE)
        and sources
        and all(head_word(source).lower() in BOMBERS for source in sources)
    ):
        # CAMEO 183: what a bomber blows up or attacks is bombed
        type_, mode, cameo = "ASSAULT", "explosives", BOMBING
    elif cameo == DESTROY_PROPERTY and (attack := _attack_written_as(s, sources)) is not None:
        # CAMEO 19: what an attack destroys ("An airstrike destroyed a clinic") is struck by it, coded as its noun
        type_, mode, cameo = attack.entry.type, attack.entry.mode, attack.entry.cameo
    elif cameo == DESTROY_PROPERTY and _armed_on_armed(sources, targets) and not _property_of(s, target_chunk):
        # CAMEO 190: a warship, a tank or a post that armed men destroy is force used on its forces, no property
        type_, mode, cameo = "ASSAULT", "", CONVENTIONAL_FORCE
    in_words = cameo == CONVENTIONAL_FORCE and _commands_no_force(s, source_chunk, sources, targets)
    if in_words and words(s.doc).lemma[hit.start] == "attack":
        # CAMEO 111: a politician who "attacked" a rival or an institution at home denounced it
        type_, mode, cameo = "ACCUSE", "criticize", "111"
    elif in_words and not targets and words(s.doc).lemma[hit.start] in STRUGGLES:
        return None  # "the prime minister was fighting to maintain his credibility": a struggle, no arms
    capture = cameo == OCCUPY and words(s.doc).lemma[hit.start] in CAPTURE_VERBS
    if capture and not targets and sources and all(source.sector == "COP" for source in sources):
        # "Kenyan police captured two robbery suspects": police apprehend people (173); they hold no ground
        type_, mode, cameo = "COERCE", "arrest", ARREST
    captured = capture and targets
    # not "captured positions from the Taliban"
    captured = captured and _acted_on_itself(hit, target_chunk)
    if captured and all(_is_captive(s, t, any_people=True) for t in targets):
        # CAMEO's verb dictionary: "capture" is apprehension (173) of people, occupation (192) of places
        type_, mode, cameo = "COERCE", "arrest", ARREST
        if targets and all(a.sector in COMBATANTS for a in [*sources, *targets]):
            # the PLOVER manual: combatants captured in a conflict are abducted, not arrested
            type_, mode, cameo = "ASSAULT", "abduct", ABDUCTION
    seized_town = target_chunk is not None and target_chunk.prep in (None, EMBEDDED) and target_chunk.start == hit.end
    if cameo == SEIZE_PROPERTY and seized_town and all(is_a_town_by_name(s, t) for t in targets):
        # CAMEO's verb dictionary: a town or a capital seized is occupied (192), not property taken
        type_, mode, cameo = "ASSAULT", "occupy", OCCUPY
    # what is seized from people's phrase ("looted the offices of MSF") is their property, not them
    seized = cameo == SEIZE_PROPERTY and _acted_on_itself(hit, target_chunk)
    seized = seized and targets and all(_is_captive(s, t) for t in targets)
    if (cameo == ARREST or seized) and sources and all(source.sector in IRREGULARS for source in sources):
        # CAMEO's verb dictionary: people that militants capture, seize or hold are abducted (181); arrest (173)
        # is the state's, and seizure (171) is of property
        type_, mode, cameo = "ASSAULT", "abduct", ABDUCTION
    if cameo == PRAISE and words(s.doc).lemma[hit.start] == "welcome" and _welcomes_a_visitor(s, target_chunk):
        # "Zapatero welcomed French President Jacques Chirac in Madrid": an official welcomed hosts a visit
        # (CAMEO 043); a decision or a move welcomed is praised (051)
        type_, mode, cameo = "CONSULT", "host", HOST
    if cameo == APOLOGY and target_chunk is not None and target_chunk.prep in REGRETTED_PREPS:
        # "expressed regret over China's decision": regret at another's act is disapproval (111), where regret
        # expressed to someone apologises to them (055)
        type_, mode, cameo = "ACCUSE", "criticize", "111"
    force = _names_a_force(s, source_chunk)
    if cameo == VISIT and sources and (force or all(source.sector in ARMED_FORCES for source in sources)):
        # "400 Kenyan police officers arrived in Haiti": forces that arrive somewhere are deployed there (154);
        # CAMEO's visits (042) are made by officials
        type_, mode, cameo = "MOBILIZE", "troops", DEPLOYMENT
    if cameo == DEPLOYMENT and force == PEACEKEEPING:
        # "peacekeeping troops landed in Dili": a peacekeeping force deployed provides protection (074)
        type_, mode, cameo = "AID", PEACEKEEPING, PEACEKEEPING_AID
    elif cameo == DEPLOYMENT and _sent_for_relief(s, hit):
        # "troops were deployed to lead rescue efforts": forces sent in an emergency give humanitarian aid (073),
        # with what they bring ("deployed a helicopter") their own
        type_, mode, cameo = "AID", "humanitarian", HUMANITARIAN_AID
        targets = [t for t in targets if t.country or t.sector not in ARMED_FORCES]
    if cameo == STATE_OF_EMERGENCY and not DISASTER_NOUNS.isdisjoint(words(s.doc).lower[hit.end : s.sent.end]):
        # the PLOVER manual: an emergency declared over a disaster ("after the earthquake") is no repression
        return None
    if cameo == RELEASE and _rescues(s, hit, sources, target_chunk):
        # "Police in Barcelona freed 10 human trafficking victims": hostages or victims freed by the forces of
        # the law from those who held them are rescued, PLOVER's AID (its manual's own examples), not released
        type_, mode, cameo = "AID", "humanitarian", HUMANITARIAN_AID
        if target_chunk is not None and target_chunk.prep == "from":
            targets = []  # "freed 20 captives from Boko Haram": those they were freed from got no aid
    states = {source.country for source in sources if source.country}
    if cameo == SHOW_OF_FORCE and len(states) > 1:
        # "French and Egyptian warships launched war games": drills held together are military cooperation
        type_, mode, cameo = "COOPERATE", "military", MILITARY_COOPERATION
    partner = target_chunk is not None and target_chunk.prep in ("with", "between")
    if cameo == MILITARY_COOPERATION and len(states) == 1 and not partner:
        # "China's military began joint exercises around Taiwan": "joint" across its own services, with no
        # partner named, is force shown (150), aimed at whom it is held around
        type_, mode, cameo = "MOBILIZE", None, SHOW_OF_FORCE
    if words(s.doc).lemma[hit.start] == "protest" and sources and all(complains(source) for source in sources):
        # a state, an international body or an organisation that protests complains through official channels
        # (CAMEO 114); CAMEO 141's demonstrations are people's
        type_, mode, cameo = "ACCUSE", "complain", "114"
    return type_, mode, cameo, targets


def recoded_by_the_act_governed(
    s: Sentence,
    hit: Hit,
    governed: Hit | None,
    sources: list[Actor],
    targets: list[Actor],
    code: tuple[str, str | None, str],
) -> tuple[str, str | None, str] | None:
    """A vow's or a threat's type, mode and code as the act it governs and the words after it settle them: a
    threat of a hostile act or of a response, an intent of another act; None for a struggle vowed against no one
    or a threat that only foresees."""
    entry = hit.entry
    type_, mode, cameo = code
    commits = entry.kind.startswith("commit")
    after = words(s.doc).lower[hit.end : s.sent.end]
    conditional_vow = commits and "unless" in after
    # "promised Israel a painful response": a response vowed to another is retaliation promised
    vowed_response = (
        commits
        and any(word in WARNED_RESPONSES for word in after[:VOWED_RESPONSE_REACH])
        and any(t.country for t in targets)
    )
    if (conditional_vow or vowed_response) and (governed is None or quad_class(governed.entry.cameo) < 3):
        # CAMEO 13: a vow kept only unless the other side acts threatens it ("vowed to open the gates of hell on
        # Hamas unless the hostages were freed"), as a response vowed to it does; one on an "if" is as often an
        # offer
        type_, mode, cameo = "THREATEN", None, "130"
    elif commits and governed is not None and _struggles_against_no_one(s, governed, targets, sources):
        return None  # "vowed to fight hard for his agenda": a struggle in words, no force threatened
    elif commits and governed is not None:
        if quad_class(governed.entry.cameo) >= 3 and not _cuts_nothing_of_another(s, governed, targets, sources):
            type_, mode, cameo = (
                "THREATEN",
                THREAT_MODE.get(governed.entry.type),
                THREAT_CAMEO.get(governed.entry.type, "130"),
            )
        else:
            cameo = INTENT_CAMEO.get(governed.entry.type, entry.cameo)
    elif entry.kind == "threat" and governed is not None:
        mode = THREAT_MODE.get(governed.entry.type, mode)
        cameo = THREAT_CAMEO.get(governed.entry.type, cameo)
    elif entry.kind == "threat" and (only_foresees(s, hit) or endangers(s, hit)):
        return None
    return type_, mode, cameo


def _acted_on_itself(hit: Hit, target: Chunk | None) -> bool:
    """Whether a target phrase is what the verb acts on: its object, or the subject a passive tells it of ("ten
    hostages seized"), not a phrase after a preposition ("captured positions from the Taliban", "looted the offices
    of MSF")."""
    return target is not None and (target.start < hit.start or target.prep in (None, EMBEDDED))


def _launched_into_the_sea(s: Sentence, hit: Hit) -> bool:
    """Whether a launch is told as coming down in the sea ("into the sea", "toward the East Sea")."""
    w, k = words(s.doc), hit.end
    if k >= s.sent.end or w.lower[k] not in SEAWARD:
        return False
    return any(w.lower[j] in SEA_NOUNS for j in range(k + 1, min(s.sent.end, k + 1 + SEA_REACH)))


def _sent_for_relief(s: Sentence, hit: Hit) -> bool:
    """Whether a deployment names the relief or rescue work it is for before a comma ("deployed in rescue
    operations", "as part of the rescue efforts")."""
    w = words(s.doc)
    for k in range(hit.end, min(s.sent.end, hit.end + RELIEF_REACH)):
        if w.lower[k] in (",", ";"):
            return False
        if w.lower[k] in RELIEF_WORDS:
            return True
    return False


def _names_a_force(s: Sentence, chunk: Chunk | None) -> str | None:
    """PEACEKEEPING when an actor's phrase names a peacekeeping or protection force, "troops" when it names
    other armed men ("the first 150 Rwandan soldiers of an African Union force"), None otherwise."""
    if chunk is None:
        return None
    w = words(s.doc)
    # the two words after the phrase too: "an African Union protection force"
    lemmas = [w.lemma[i] for i in range(chunk.start, min(s.sent.end, chunk.end + 2))]
    if any(lemma.startswith("peacekeep") or lemma == "protection" for lemma in lemmas):
        return PEACEKEEPING
    return "troops" if any(lemma in FORCE_NOUNS for lemma in lemmas) else None


def _attack_written_as(s: Sentence, sources: list[Actor]) -> Hit | None:
    """The attack named as a noun that an unidentified doer is written as ("An airstrike" of "An airstrike
    destroyed a clinic"), or None; not a weapon ("a roadside bomb", which the verb "bomb" reads as dropped)."""
    if len(sources) != 1 or sources[0].sector != "UAF":
        return None
    doer, w = sources[0], words(s.doc)
    return next(
        (
            h
            for h in s.nominal
            if h.entry.type == "ASSAULT"
            and w.lower[h.end - 1] in ATTACK_NOUNS
            and doer.start <= s.doc[h.start].idx < doer.end
        ),
        None,
    )


def _welcomes_a_visitor(s: Sentence, chunk: Chunk | None) -> bool:
    """Whether the object of "welcomed" is an official or a delegation in person, not their decision or words
    ("welcomed the Israeli prime minister", not "welcomed the prime minister's decision")."""
    if chunk is None or chunk.prep not in (None, EMBEDDED) or chunk.pronoun or not chunk.actors:
        return False
    w = words(s.doc)
    if chunk.end < s.sent.end and w.lower[chunk.end] in POSSESSIVE_MARKS:
        return False
    return all(a.sector == "GOV" and is_person_or_delegation(a) for a in chunk.actors)


def _commands_no_force(s: Sentence, source: Chunk | None, sources: list[Actor], targets: list[Actor]) -> bool:
    """Whether an attack or a fight is a named person's who commands no force, aimed at no one of another
    country or armed ("Lula attacked the central bank over interest rates"): a leader who attacked a country sent
    its forces. Legislators, rights groups and party leaders command none, whoever they attack."""
    if source is None or not sources:
        return False
    if all(
        source.sector in UNARMED_POLITICS or source.sector in PARTISANS and head_word(source).lower() in LEADERS
        for source in sources
    ):
        return True  # "Amnesty International attacked the crackdown", "Kenya's opposition leader attacked the plan"
    person = any((e := s.entity_at.get(i)) is not None and e.label_ == ROLE for i in range(source.start, source.end))
    # an official named in full after a title is a person too, whether or not the lexicon knows the name
    person = person or all(source.sector in HOME_POLITICS and named_in_full(source) for source in sources)

    home = {source.country for source in sources}
    return (
        person
        and all(source.sector not in ARMED_SECTORS for source in sources)
        and all(t.country in home | {None} and t.sector not in ARMED_SECTORS for t in targets)
    )


def _is_captive(s: Sentence, actor: Actor, *, any_people: bool = False) -> bool:
    """Whether an actor seized is people ("two Italian aid workers", "four Jordanians"), not a place named by
    whose it is ("a police station"), nor a town or a capital standing for its government; any_people: people
    of any kind, fighters too ("two Taliban commanders")."""
    span = s.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or _names_a_seized_place(s, actor, span):
        return False
    last = head_of(s, span)
    if last.ent_type_ in (COUNTRY, CAPITAL, CITY):
        return False
    if actor.sector is not None:
        return any_people or actor.sector in CAPTIVES
    return last.ent_type_ == DEMONYM


def _names_a_seized_place(s: Sentence, actor: Actor, span: Span) -> bool:
    """Whether an actor's phrase names a place, or whose the place after it is ("a Congolese police station")."""
    return head_word(actor).lower() in SEIZED_PLACES or (
        span.end < len(s.doc) and s.doc[span.end].lower_ in SEIZED_PLACES
    )


def _rescues(s: Sentence, hit: Hit, sources: list[Actor], freed: Chunk | None) -> bool:
    """Whether police or soldiers free people another held: hostages, captives or victims, named in the trigger
    ("freed 10 hostages") or as its object ("freed the kidnapped victims")."""
    if not sources or not all(a.sector in RESCUERS for a in sources):
        return False
    w = words(s.doc)
    if freed is not None and freed.start >= hit.end and freed.prep is None:
        end = freed.end
    else:  # "freed 10 human trafficking victims": people no lexicon names, up to the next preposition
        end = hit.end
        while (
            end < min(s.sent.end, hit.end + RESCUED_REACH)
            and (w.alpha[end] or w.num[end])
            and w.lower[end] not in PREPOSITIONS
        ):
            end += 1
    return any(w.lemma[k] in RESCUED for k in range(hit.start, end))


def _property_of(s: Sentence, target: Chunk | None) -> bool:
    """Whether the target is named as the owner of what was destroyed, and that is no post of theirs: "the homes
    of two attackers" are property, "the camps of the rebels" are the rebels' positions."""
    if target is None or target.prep != "of" or target.start - 2 < s.sent.start:
        return False
    return words(s.doc).lemma[target.start - 2] not in POSTS


def _armed_on_armed(sources: list[Actor], targets: list[Actor]) -> bool:
    """Whether armed men act on armed men: forces, police, rebels or unidentified attackers on either side."""
    return bool(sources and targets) and all(a.sector in UNPLACED_AGENTS for a in (*sources, *targets))


# What a statement of intent is coded as: type, mode, CAMEO code, modality, sources and targets
Recoded = tuple[str, str | None, str, str, list[Actor], list[Actor] | None]


def intent_stated(
    s: Sentence, hit: Hit, modality: str, cues: dict[str, str], sources: list[Actor], targets: list[Actor]
) -> Recoded | None:
    """Statements of intent: "X will withdraw" is an AGREE by X, "X will not accept" a REJECT by X; None for any
    other act."""
    entry = hit.entry
    if entry.kind not in (ACT, "commit") or not sources:
        return None
    quad = quad_class(entry.cameo)
    after = words(s.doc).lower[hit.start : s.sent.end]
    conditional = "unless" in after
    conditional_threat = cues.get(HYPOTHETICAL) in CONDITIONAL_MODALS and ("if" in after or conditional)
    if modality == FUTURE and cues.get(FUTURE) not in PREDICTIONS:
        if entry.type == "MOBILIZE":
            return None  # troops to be sent to an ally threaten no one: the deployment stays a plan
        if entry.type == "ASSAULT" and cues.get(FUTURE) in PREPARATIONS:
            # "the army prepared to resume shelling": forces made ready (154), not a threat voiced
            return "MOBILIZE", "troops", "154", ASSERTED, sources, None
        if (quad >= 3 or conditional) and not _cuts_nothing_of_another(s, hit, targets, sources):
            return (
                "THREATEN",
                THREAT_MODE.get(entry.type),
                THREAT_CAMEO.get(entry.type, "130"),
                ASSERTED,
                sources,
                None,
            )
        return "AGREE", None, INTENT_CAMEO.get(entry.type, "030"), ASSERTED, sources, None
    if modality == HYPOTHETICAL and conditional_threat and (quad >= 3 or entry.type == "SANCTION"):
        # "The EC may halt mediation if cooperation founders": a hostile act on a condition is a threat.
        return "THREATEN", THREAT_MODE.get(entry.type), THREAT_CAMEO.get(entry.type, "130"), ASSERTED, sources, None
    if modality == NEGATED and (FUTURE in cues or entry.type == "AGREE") and quad <= 2:
        return "REJECT", None, "120", ASSERTED, sources, None
    return None


def _cuts_nothing_of_another(s: Sentence, act: Hit, targets: list[Actor], sources: list[Actor]) -> bool:
    """Whether a halt or a suspension to come is of the doer's own activity, aimed at no one ("Iran agreed to
    suspend uranium enrichment"): CAMEO 16 reduces relations with another, and a threat is made to someone, so
    such a pledge is an intent, not a threat. Sanctions and countermeasures are on another even when the sentence
    names no one: "warned it would take countermeasures" threatens them."""
    return act.entry.type == "SANCTION" and act.entry.cameo != SANCTIONS and _aimed_at_no_one(s, act, targets, sources)


def _struggles_against_no_one(s: Sentence, act: Hit, targets: list[Actor], sources: list[Actor]) -> bool:
    """Whether a fight or a struggle vowed is for something and against no one named ("vowed to fight for
    reform"): CAMEO 138 threatens force against another."""
    return words(s.doc).lemma[act.start] in STRUGGLES and _aimed_at_no_one(s, act, targets, sources)


def _aimed_at_no_one(s: Sentence, act: Hit, targets: list[Actor], sources: list[Actor]) -> bool:
    """Whether an act to come names no one it is aimed at, itself or through what governs it."""
    return not targets and not governed_targets(s, act, sources)
