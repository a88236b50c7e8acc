"""Who the source and target of a trigger are, as its sentence writes them."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from services.extract import lexicon
from services.extract.actors import CLAUSE_OPENERS, DETERMINERS, PEOPLE_SECTORS, POSSESSIVE_MARKS, POSSESSIVES, Chunk
from services.extract.clauses import CLAIM_VERBS, is_verbal, object_complement
from services.extract.codes import SHOW_OF_FORCE, VISIT
from services.extract.emit import ARMED_FORCES, REACTED_ACTS, REACTIONS, UNPLACED_AGENTS, reacts_to_an_act
from services.extract.models import Actor
from services.extract.nlp import CLOSERS, TERMINALS, Words, is_past_form, is_s_form, names_the_object, words
from services.extract.readings import Hit, gerund_of_time, is_aimed_reading, means_by, names_a_move, tail_comma
from services.extract.roles import (
    AUXILIARIES,
    BE_FORMS,
    CAUSE_PREPOSITIONS,
    FIGHT_NOUNS,
    agent_after_by,
    agent_of_attack,
    agent_of_fight,
    apposition_start,
    attack_phrase,
    before_the_verb,
    disaster_did_it,
    document_author,
    ends_a_fight_noun,
    exploded_by_accident,
    is_dash,
    is_passive,
    names_a_disaster,
    participle_joined_by,
    sides_of_fight_in_subject,
    source_before,
    target_after,
    with_co_objects,
)
from services.extract.sentence import Sentence
from services.extract.sites import event_location, known_by_a_town, tells_where_or_when_it_happened

OPPOSED_ACT_REACH = 8  # "against a recent string of night-time stabbing attacks"
# Ordinary people, whom a relative clause after them describes rather than reports acting
ORDINARY_PEOPLE = frozenset({"CVL", "REF"})
# Words that open a clause, never a phrase ("after" and "since" open either)
CLAUSE_SUBORDINATORS = frozenset({"while", "whereas", "when", "because", "although", "though", "whilst"})
# A trigger kind: a verb of getting with the event's noun; its giver is the actor after one of GIVERS.
RECEIVED = "received"
GIVERS = frozenset({"from", "by"})
# Acts only a state's authorities do: arrests, investigations, trials.
SUMMONING_VERBS = frozenset({"summon"})
TO = frozenset({"to"})
TAIL_CLAIM_VERBS = CLAIM_VERBS | {"allege"}
# Physical acts, aimed "at" whom they hit ("fired tear gas at protesters").
AIMED_TYPES = frozenset({"ASSAULT", "COERCE"})
# Appeals and praise addressed to "its citizens", "their troops": the doer's own people ("Britain urged its citizens
# to leave"); what one offers or sends ("offered its troops to Lebanon") is no addressee.
OWN_PEOPLE_TYPES = frozenset({"REQUEST", "SUPPORT"})
EXTRADITION = "063"  # judicial cooperation: suspects extradited or handed over to another state
# Acts whose pattern names the people or the body acted on ("released 37 opposition activists", "dissolved the
# opposition party", "expelled two journalists", "placed the president under house arrest"): that object is the
# target, where "launched 40 drones" names the act.
PEOPLE_ACTED_ON_MODES = frozenset({"release", "deport", "ban", "ease", "expel", "abduct", "arrest"})
# The actor inside a passive's subject that the act was done to: "military aid to Ukraine was cut"; "sanctions on
# Iran were lifted" for acts that weigh on or ease off someone, where "talks on Ukraine" are only about it.
INNER_TARGET_PREPS = frozenset({"for", "of", "with", "to"})
AFFECTED_PREPS = frozenset({"on", "against"})
AFFECTING_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "CONCEDE", "RETREAT"})
# The prepositions that name whom an act named as a noun fell on: "the attack on", "the killing of"
ACTED_ON = frozenset({"on", "of", "against"})
# Words between a fight and the "between" that names its sides: "fighting broke out on Thursday between"
SIDES_REACH = 5
# How far a place named between a fight and its sides may reach, and the words that join its parts
PLACE_BEFORE_SIDES = 16
# The prepositions that end a pattern and name whom or where the act reaches ("arrive in", "meet with", "fire at")
REACHING_PREPOSITIONS = frozenset({"in", "to", "with", "at", "against", "into"})
# Where a passive attack came from, and what it was aimed at
FROM = frozenset({"from"})
AIMS = frozenset({"at", "toward", "towards", "into", "against", "on"})
COMBATANTS = frozenset({"MIL", "REB", "UAF"})  # the sides of a war: soldiers, rebels and unnamed armed men
FIGHT_NOUN_REACH = 3  # words from "in" to the fight's noun: "in a fierce gunfight"
# Words of a head noun that may follow an actor's phrase before a relative clause: "Chinese coast guard vessels, which"
HEAD_NOUN_WORDS = 2
# Verbs that lay an act "on" the one they accuse of it ("blamed the attack on Russia")
ASCRIBING_VERBS = frozenset({"blame"})
# Acts aimed at the seat of power they are done at or outside: "protested outside the US embassy", "detonated a car
# bomb outside the Australian Embassy in Jakarta"
SITED_TYPES = frozenset({"PROTEST", "ASSAULT"})


# Acts of cooperation whose "on" names what they are about, not with whom: "talks on Ukraine", "intelligence on"
COOPERATION_ON_A_TOPIC = frozenset({"CONSULT", "COOPERATE"})
# Verbs whose "for" names the side the doer takes: "fought for Ukraine", "battled for the rebels"
SIDE_TAKING_VERBS = frozenset({"fight", "battle"})


def _reaches(entry: lexicon.Trigger) -> bool:
    """Whether a pattern ends in the preposition that names whom or where it reaches: "arrive in", "meet with"."""
    return "~" not in entry.pattern and entry.pattern.split()[-1] in REACHING_PREPOSITIONS


def _closes_an_aside_before(w: Words, hit: Hit, k: int, sent_start: int) -> bool:
    """Whether a trigger in "-ing" opens an aside set off by commas that closes before token k: ", meeting in
    Brussels," says what the subject did, and what follows is the main clause's."""
    if hit.start <= sent_start or w.lower[hit.start - 1] != "," or not w.lower[hit.start].endswith("ing"):
        return False
    return "," in w.lower[hit.end : k]


def _opposed_act(w: Words, hit: Hit, stop: int) -> bool:
    """Whether an act named as a noun is what "against" opens, past its modifiers ("protest against a recent string
    of night-time stabbing attacks"): the subject before it stands against the act and did not do it. A verb in the
    past is no noun: "Students marching against the new law attacked police" did it."""
    if is_past_form(w, hit.start):
        return False
    for k in range(hit.start - 1, max(stop, hit.start - OPPOSED_ACT_REACH) - 1, -1):
        lower = w.lower[k]
        if lower == "against":
            return True
        modifier = w.alpha[k] and w.is_lower[k] and lower not in STOP_WORDS  # "recent", "night-time"
        if not (modifier or lower in DETERMINERS or lower in ("of", "-") or w.num[k]):
            return False
    return False


def claim_tail_verb(w: Words, sent: Span, after: int) -> int | None:
    """The verb of an attribution after `after` that closes the sentence and claims what its clause tells, opening or
    closing the tail: ", Ukraine claimed.", ", alleges the charity."; not ", claiming the lives of ten"."""
    end = sent.end
    while end > after and (w.lower[end - 1] in TERMINALS or w.lower[end - 1] in CLOSERS):
        end -= 1
    comma = tail_comma(w, end, sent.start)
    if comma is None or comma < after or end - comma < 2:
        return None
    claims = (k for k in (comma + 1, end - 1) if w.lemma[k] in TAIL_CLAIM_VERBS and not w.lower[k].endswith("ing"))
    return next(claims, None)


def addressee_before_complement(hit: Hit, w: Words) -> bool:
    """Whether an appeal names whom it is made to between its verb and the "to" of what they must do ("urged allies
    to send ..."): its target is that phrase or no one, never an actor of the clause that follows."""
    complement = hit.complement
    return (
        hit.entry.kind == "request" and complement is not None and complement > hit.end and w.lower[complement] == "to"
    )


def takes_in_between(doc: Doc, hit: Hit) -> bool:
    """Whether a trigger's words end with the "between" its sides follow ("talks between Iran and the EU")."""
    return words(doc).lower[hit.end - 1] == "between"


def _subject_of_another_verb(s: Sentence, phrase: Chunk, participle: Hit) -> bool:
    """Whether a phrase before a participle with no "be" of its own is the subject of a form of "be" between
    them: the participle is then done to a noun after that verb, not to the phrase."""
    w = words(s.doc)
    if is_passive(s.doc, participle.start, participle.end, s.sent, with_be=True):
        return False
    return any(w.lower[k] in BE_FORMS for k in range(phrase.end, participle.start))


def written_roles(s: Sentence, hit: Hit) -> tuple[Chunk | None, Chunk | None]:
    """Source and target phrases of a trigger: active order, or the passive's "by" agent; an -ing verb after a
    preposition of time has the subject of the verb its phrase follows ("convicted of overpowering a deputy
    before killing a judge": not the deputy)."""
    w = words(s.doc)
    comma = tail_comma(w, hit.start, s.sent.start)
    if comma is not None and hit.end - hit.start == 1 and claim_tail_verb(w, s.sent, comma) == hit.start:
        # ", Ukraine alleged.", ", alleges the charity.": the claimant is in the tail, and whom it accuses opens
        # the clause it claims
        speaker = next((c for c in s.chunks if c.start > comma and c.prep is None), None)
        return speaker, next((c for c in s.chunks if c.end <= comma and c.prep is None), None)
    source, target = _roles_as_written(s, hit)
    if target is not None and target.start > hit.end and _closes_an_aside_before(w, hit, target.start, s.sent.start):
        target = None  # "The council, meeting in emergency session, condemned North Korea": no one met
    if source is not None and source.end <= hit.start and _opposed_act(w, hit, source.end):
        source = None  # "protested against a string of stabbing attacks": the subject is against them
    if gerund_of_time(w, hit, s.sent):
        earlier = next((h for h in reversed(s.hits) if h.end < hit.start), None)
        if earlier is not None:
            doer, done_to = written_roles(s, earlier)
            passive = is_passive(s.doc, earlier.start, earlier.end, s.sent)
            return (done_to if passive else doer), target
    return source, target


def _owns_the_restriction(s: Sentence, hit: Hit, subject: Chunk) -> bool:
    """Whether a passive that eases a restriction ("lift ~ sanction") has for its subject the restriction's owner,
    named right before it: "US sanctions on Iran were lifted", "Russia's ban on Georgian wine was eased"."""
    if hit.entry.mode != "ease" or "~" not in hit.entry.pattern or subject.pronoun is not None:
        return False
    w = words(s.doc)
    noun = subject.end + (subject.end < hit.start and w.lower[subject.end] in POSSESSIVE_MARKS)
    # (past a word that qualifies it: "the EU's arms embargo")
    named = any(names_the_object(w, k, hit.entry) for k in range(noun, min(noun + 2, hit.start)))
    return named and any(a.country for a in subject.actors)


def _roles_as_written(s: Sentence, hit: Hit) -> tuple[Chunk | None, Chunk | None]:
    doc, sent = s.doc, s.sent
    if (protesters := _protesting_people(s, hit)) is not None:
        return protesters, None
    if hit.entry.kind == RECEIVED:
        # "Ukraine received aid from Germany": the giver follows "from" (or "by"); the subject gets it.
        target = source_before(doc, sent, hit.start, s.chunk_at, s.left_stops)
        if target is None or not any(a.country for a in target.actors):
            # "The attack by Houthi rebels on a ship drew condemnation": an act as the subject, its doer gets it
            doer = next((c for c in reversed(s.chunks) if c.end <= hit.start and c.prep == "by"), None)
            target = doer or target
        giver = agent_after_by(doc, sent, hit.end, s.chunks, s.right_stops, preps=GIVERS)
        if giver is None and hit.entry.type == "ASSAULT":
            giver = _doer_naming_the_cause(s, hit)
        return giver or _owner_inside(s, hit), target
    if is_passive(doc, hit.start, hit.end, sent):
        modified = s.chunk_at.get(hit.start - 1)
        if (
            modified is not None
            and modified.prep is not None
            and not is_passive(doc, hit.start, hit.end, sent, with_be=True)
        ):
            target = modified  # "the names of two soldiers killed in Iraq": a participle is done to its noun
        else:
            target = source_before(doc, sent, hit.start, s.chunk_at, s.left_stops, places=True)
            if target is not None and _subject_of_another_verb(s, target, hit):
                target = None  # "No militants were inside a school attacked by Israeli forces": the school
        owner = target if target is not None and _owns_the_restriction(s, hit, target) else None
        if target is not None and _modifies_a_stranger(s, hit, target):
            target = None  # "a vigil for Kimani Gray, 16, killed by police": Gray was killed, not the crowd
        if target is None or owner is not None or not any(a.country for a in target.actors):
            # "A camp for Congolese refugees was attacked", "military aid to Ukraine was cut": the actor inside
            # the subject's noun phrase, before an unnamed one ("military"), or after its owner
            begin = target.end if target is not None else sent.start
            inner_preps = INNER_TARGET_PREPS | (AFFECTED_PREPS if hit.entry.type in AFFECTING_TYPES else set())
            inner = next(
                (c for c in reversed(s.chunks) if begin <= c.start and c.end <= hit.start and c.prep in inner_preps),
                None,
            )
            target = inner or (None if owner is not None else target)
        agent = agent_after_by(doc, sent, hit.end, s.chunks, s.right_stops)
        if agent is None and words(doc).lemma[hit.start] in SUMMONING_VERBS:
            # "The Russian ambassador was summoned to the Polish foreign ministry": summoned by whom it goes to
            agent = agent_after_by(doc, sent, hit.end, s.chunks, s.right_stops, preps=TO)
        if agent is None and hit.entry.type == "ASSAULT" and _fell_fighting_each_other(s, hit, target):
            # "Three Indian soldiers and two militants were killed in a gunfight": the two sides fought each other
            return target, None
        if agent is None and hit.entry.type == "ASSAULT":
            agent = (
                agent_of_attack(doc, sent, hit.end, s.chunks, s.right_stops)
                or agent_of_fight(doc, sent, hit.end, s.chunks, s.right_stops)
                or sides_of_fight_in_subject(doc, sent, hit.start, s.chunks)
            )
        if agent is None and hit.entry.cameo == EXTRADITION:
            # "was extradited from the United Arab Emirates to New Delhi": the state it left handed it over to
            # the state it went to
            agent = agent_after_by(doc, sent, hit.end, s.chunks, s.right_stops, preps=FROM)
            target = agent_after_by(doc, sent, hit.end, s.chunks, s.right_stops, preps=TO) or target
        if agent is not None and names_a_disaster(doc, agent, sent):
            agent = None
        forces = target is not None and any(a.sector in ARMED_FORCES for a in target.actors)
        if agent is None and hit.entry.type == "MOBILIZE" and forces:
            return target, None  # "Kenyan police were placed on high alert": mobilised by their own state
        if agent is None and owner is not None:
            # "US sanctions on Iran were lifted", "Russia's ban on Georgian wine was eased": only the one whose
            # restriction it is can ease it
            agent = owner
        if agent is not None and agent.prep == "between":
            return agent, None  # "were killed in fighting between two militias": the victims' side is unknown
        if hit.entry.type in AFFECTING_TYPES and (target is None or not any(a.country for a in target.actors)):
            # "Sanctions were imposed on North Korea by the UN": the one it falls on, named after the verb (not
            # "their positions": "militias were killed in an air raid on their positions" were the ones struck)
            affected = agent_after_by(doc, sent, hit.end, s.chunks, s.right_stops, preps=AFFECTED_PREPS)
            target = affected if affected is not None and affected.pronoun not in POSSESSIVES else target
        if agent is None and hit.entry.type == "ASSAULT":
            # "a mortar bomb was fired at it from the Gaza Strip": fired from a place, at someone
            agent = _fired_from(s, hit)
            aimed_next = hit.end < sent.end and words(doc).lower[hit.end] in AIMS  # "grenades were hurled at"
            if (agent is not None or aimed_next) and (target is None or not any(a.country for a in target.actors)):
                # what it was aimed at: "fired at southern Israel", "launched toward Israel"
                aimed = agent_after_by(doc, sent, hit.end, s.chunks, s.right_stops, preps=AIMS)
                target = aimed or target
        return agent, target
    main = _main_clause_hit(s, hit)
    main_roles = written_roles(s, main) if main is not None else (None, None)
    if main is not None:
        # ", accusing Tbilisi of aggression": a participle's subject is its main clause's, not the nearest phrase
        source = main_roles[0]
    elif participle_joined_by(words(doc), hit.start, sent) == ",":
        # "Israeli jets struck Gaza, killing 20": with no act found in the main clause, its subject still did it
        source = _main_clause_subject(s, hit)
    elif hit.start == sent.start and words(doc).lower[hit.start].endswith("ing"):
        # "Defying a key demand, Iran announced ...": a participle that opens the sentence is its subject's
        source = _subject_after_opening_clause(s, hit)
    elif means_by(words(doc), hit, sent):
        # "Police ended the protest by arresting 20 students": the means is done by the clause's subject
        source = _main_clause_subject(s, hit)
    elif hit.start > sent.start and words(doc).lower[hit.start - 1] in ("and", "but"):
        # "Iraqi forces invaded Kuwait and seized its oil fields": a verb right after "and" shares the subject
        source = _main_clause_subject(s, hit) or source_before(doc, sent, hit.start, s.chunk_at, s.left_stops)
        if source is not None and _object_of_a_verb(s, source, _clause_start(s, hit)):
            source = None  # the first verb's object, whose subject names no actor
    elif (antecedent := _antecedent_of_relative(s, hit)) is not None:
        # "an angry response from Pyongyang, which threatened to cut all ties": the one the clause is about
        source = antecedent
    else:
        source = source_before(doc, sent, hit.start, s.chunk_at, s.left_stops)
        if source is None and is_verbal(hit.entry.cameo):
            source = document_author(words(doc), sent, hit.start, s.chunk_at)  # "A report by Amnesty accused"
        if source is not None and _in_tail(s, hit, source):
            source = None
        if source is not None and _weapon_is_subject(s, hit, source):
            source = None  # "20 were killed when a car bomb exploded": the bomb is the subject, not the dead
    if source is not None and names_a_disaster(doc, source, sent):
        source = None  # "Hurricane Ivan flattened homes and killed 50": a storm's second act is no one's either
    if disaster_did_it(doc, sent, hit.start, source) or exploded_by_accident(doc, sent, hit.start, s.chunk_at):
        return None, None
    stops = s.right_stops
    if hit.entry.kind not in ("request", "accuse"):
        # "agreed that their countries should cooperate": the clause after "that" has its own actors.
        w = words(doc)
        stops = stops | {i for i in range(hit.start, sent.end) if w.lower[i] == "that"}
    if addressee_before_complement(hit, words(doc)):
        # "urged allies to send air defences to Ukraine": the one urged stands before the "to" of what they must do
        stops = stops | {hit.complement}
    # A gapped pattern ("summoned Niger's ambassador") may hold its object inside.
    after = hit.start + 1 if hit.end - hit.start > 1 else hit.end
    # "complained to the United Nations over Israeli raids": a complaint is addressed to one and is about another.
    skip = frozenset({"to"}) if hit.entry.mode == "complain" else frozenset()
    if _reaches(hit.entry):
        skip |= {"from"}  # "arrived in Paris from Cairo": where it came from is not whom it reached
    if hit.entry.type in COOPERATION_ON_A_TOPIC:
        skip |= {"on"}  # "shared intelligence on North Korea with Seoul", "held talks on Ukraine": what it is about
    if words(doc).lemma[hit.start] in SIDE_TAKING_VERBS:
        skip |= {"for"}  # "troops fighting for Russia against Ukraine": the side fought for, not the one fought
    if not is_verbal(hit.entry.cameo) and hit.entry.type != "PROTEST":
        # "imposed sanctions on a firm over Taiwan arms sales", "fighting over Nagorno-Karabakh": what an act is
        # done about; words and protests over someone's act are aimed at them ("rallied over Trump's election")
        skip |= {"over"}
    # A riot's stones and bottles are aimed too: "hurled stones at riot police"; so is a show of force ("fired
    # warning shots at a Greek patrol boat")
    aimed = hit.entry.type in AIMED_TYPES or hit.entry.mode == "riot" or hit.entry.cameo == SHOW_OF_FORCE
    aimed = aimed or words(doc).lower[hit.end - 1] == "at"  # words aimed "at" someone: "lashed out at Japan"
    # blame is laid "on" someone: "blamed the attack on Russia"
    ascribed = words(doc).lemma[hit.start] in ASCRIBING_VERBS
    sited = hit.entry.type in SITED_TYPES
    owned = hit.entry.type in OWN_PEOPLE_TYPES
    target = target_after(
        doc,
        sent,
        after,
        _objects(s, hit),
        stops,
        source,
        skip=skip,
        aimed=aimed or ascribed,
        aim="on" if ascribed else "at",
        sited=sited,
        owned=owned,
    )
    target = target and with_co_objects(words(doc), target, s.chunks)
    if target is not None and target.prep == "over" and target.place:
        target = None  # "threatens Europe with war over Kaliningrad": the place it is about is no party to it
    if target is None and is_aimed_reading(hit.entry) and not is_passive(doc, hit.start, hit.end, sent, with_be=True):
        # "invested $5 billion in Bangladesh": the pattern's own preposition names its target, whatever it is
        target = next((c for c in s.chunks if c.start == hit.end and c.actors), None)
    if any(words(doc).lower[i] in DETERMINERS for i in range(hit.start + 1, hit.end)):
        # "repelled an attack by Islamic State fighters", "violated a ban by General Aoun": an act on another's
        # act is aimed at whoever did it, not at what that act was aimed at ("an attack by the RSF on El Fasher")
        doer = next((c for c in s.chunks if c.prep == "by" and hit.end <= c.start <= hit.end + 1), None)
        named = doer is not None and any(a.country for a in doer.actors)  # not "by forces loyal to the SPLA"
        target = doer if doer is not None and (target is None or named and target.start > doer.start) else target
    if target is not None and target.prep == "to" and hit.entry.mode in ("expel", "deport"):
        target = None  # "deported dozens of migrants to Libya": where they were sent, not who was expelled
    if hit.entry.cameo == EXTRADITION:
        # "extradited a Russian businessman to the United States": the state handed to is the one cooperated with
        recipient = agent_after_by(doc, sent, hit.end, s.chunks, stops, preps=TO)
        if recipient is not None and any(a.country for a in recipient.actors):
            target = recipient
    if target is None:
        target = main_roles[1]  # ", killing one and arresting 12": the main clause's target, again
    if target is None and hit.entry.cameo == VISIT:
        # "arrived in the Saudi capital": the place visited, named by its country's people, is the host
        target = next((c for c in s.chunks if c.place and c.actors and hit.end <= c.start <= hit.end + 1), None)
    if hit.entry.type in REACTIONS and source is not None and (doer := _doer_of_the_move(s, source)) is not None:
        target = doer  # "Japan tightened export controls, a move Seoul denounced": Seoul denounced Japan
    if target is None and hit.entry.type in REACTIONS and source is not None and _reacts_to_the_move(s, hit):
        # "The Taliban barred women from universities, and the United States condemned the decision"
        target = next((c for c in s.chunks if c.end <= source.start and c.prep is None and c.actors), None)
    if reacts_to_an_act(s, hit):
        # "condemned the killing of two soldiers by Israeli troops": the reaction is to the troops; with no doer
        # named, the one the act fell on ("condemned the attack on Israel") is not whom it is aimed at
        doer = agent_after_by(doc, sent, hit.end, s.chunks, stops) or _doer_of_a_deed(s, hit)
        if doer is not None and (any(a.country for a in doer.actors) or doer.pronoun in POSSESSIVES):
            target = doer  # (whose "its troops" are, the caller finds)
        elif target is not None and target.prep in ACTED_ON and not _lays_blame_on(s, hit, target):
            target = None
    fought = hit.entry.type == "ASSAULT" and target is not None and target.prep == "between"
    fought = fought and names_its_sides(s, hit, target)
    if fought and (source is None or words(doc).lower[hit.start] in FIGHT_NOUNS):
        # "Clashes erupted between Armenian and Azerbaijani forces", "he accepted there had been clashes between
        # Hamas and the Israeli army": the sides of a fight fought each other
        return target, None
    if takes_in_between(doc, hit) and target is not None and target.start == hit.end:
        return target, None  # "Talks between Iran and the EU resumed": its sides hold them
    if source is None and hit.entry.type == "ASSAULT":
        # "Fighting between them killed 20": whoever its victims were
        sides = sides_of_fight_in_subject(doc, sent, hit.start, s.chunks)
        if sides is not None:
            return sides, None
    if target is not None and source is not None and target.actors == source.actors:
        target = None
    return source, target


def _protesting_people(s: Sentence, hit: Hit) -> Chunk | None:
    """The people a protest verb's "-ing" form qualifies, who protest: "Protesting residents took to the
    streets", "police dispersed protesting students"."""
    w = words(s.doc)
    if hit.entry.type != "PROTEST" or hit.end - hit.start != 1 or not w.lower[hit.start].endswith("ing"):
        return None
    people = s.chunk_at.get(hit.end)
    if people is None or people.start != hit.end or people.prep is not None:
        return None
    return people if people.actors and all(a.sector in PEOPLE_SECTORS for a in people.actors) else None


def _doer_naming_the_cause(s: Sentence, hit: Hit) -> Chunk | None:
    """The doer that qualifies the act harm came of, right after the harm ("sustained wounds during an al Shabaab
    operation", "suffered losses in a Taliban attack")."""
    w, after = words(s.doc), hit.end
    if after >= s.sent.end or w.lower[after] not in CAUSE_PREPOSITIONS:
        return None
    doer = s.chunk_at.get(after + 1)
    qualifies_a_noun = doer is not None and doer.end < s.sent.end and w.is_lower[doer.end]
    return doer if qualifies_a_noun and doer.start == after + 1 and doer.actors else None


def _owner_inside(s: Sentence, hit: Hit) -> Chunk | None:
    """The possessive inside a trigger's own words, whose act it names ("came under Yemen's missile attack")."""
    w = words(s.doc)
    return next(
        (c for c in s.chunks if hit.start < c.start and c.end < hit.end and w.lower[c.end] in POSSESSIVE_MARKS),
        None,
    )


def _weapon_is_subject(s: Sentence, hit: Hit, source: Chunk) -> bool:
    """Whether a weapon or an attack named as a noun stands between an actor and an attack verb, as the verb's
    own subject ("a car bomb exploded", "a roadside bomb killed")."""
    if hit.entry.type != "ASSAULT":
        return False
    span = attack_phrase(s.doc, s.sent, hit.start, hit.end, passive=False)
    if span is None or source.end > span[0]:
        return False
    # a clause opens between them ("were killed when", "said"); "Turkish air strikes" name their doer, and so
    # does a phrase the weapons are coordinated with ("U.S. and British warplanes and cruise missiles pounded")
    w = words(s.doc)
    between = range(source.end + 1, span[0])
    coordinated = w.lower[source.end] in ("and", "or") and all(
        w.alpha[k] and w.is_lower[k] and w.lower[k] not in CLAUSE_OPENERS for k in between
    )
    opened = any(w.lower[k] in CLAUSE_OPENERS or k in s.say for k in range(source.end, span[0]))
    return opened and not coordinated


def names_its_sides(s: Sentence, hit: Hit, between: Chunk) -> bool:
    """Whether the "between" phrase after a fight is its own ("clashes erupted on Monday between ..."), not a
    later noun's ("attacks increase the potential of conflict between ...")."""
    w = words(s.doc)
    gap = range(hit.end, between.start - 1)
    if len(gap) <= SIDES_REACH and not any(w.lower[k] in DETERMINERS or w.lower[k] == "of" for k in gap):
        return True
    # where and when it was fought, told between the fight and its sides, maybe with the verb that tells it
    # happened: "clashes in the Ganfouda district of Benghazi between", "Clashes erupted in the Batangafo area
    # between", "fighting broke out there this morning between", "Clashes were reported in the night of 23 June
    # between"
    return len(gap) <= PLACE_BEFORE_SIDES and all(tells_where_or_when_it_happened(w, k) for k in gap)


def _antecedent_of_relative(s: Sentence, hit: Hit) -> Chunk | None:
    """The actor a non-restrictive relative clause opens on, when the clause's verb is the trigger: ", which
    threatened", ", who has repeatedly accused". "Who" is a person's or a body's, never a place's."""
    w = words(s.doc)
    j = before_the_verb(words(s.doc), s.sent.start, hit.start)
    antecedent = aside_antecedent(s, j)
    return None if antecedent is None or w.lower[j] == "who" and antecedent.place else antecedent


def aside_antecedent(s: Sentence, i: int) -> Chunk | None:
    """The actor a relative pronoun at i follows, set off by a comma ("Egypt, which"): a non-restrictive clause,
    which says something of its own about that actor."""
    w = words(s.doc)
    if i - 2 < s.sent.start or w.lower[i] not in ("which", "who") or w.lower[i - 1] != ",":
        return None
    # its head noun may stand past the actor's phrase ("Chinese coast guard vessels, which")
    end = i - 1
    for _ in range(HEAD_NOUN_WORDS):
        if end - 1 in s.chunk_at or not (w.alpha[end - 1] and w.is_lower[end - 1]):
            break
        if w.lower[end - 1] in STOP_WORDS or end - 1 <= s.sent.start:
            return None
        end -= 1
    antecedent = s.chunk_at.get(end - 1)
    if antecedent is None or antecedent.end != end:
        return None
    # of a country, or armed men whoever's they are ("by militants, who fired several shells at the city")
    if not any(a.country or a.sector in UNPLACED_AGENTS for a in antecedent.actors):
        return None
    # "three Palestinians, who had sought refuge in a school, died": a clause on ordinary people tells how they
    # came to be there, not an act of theirs; nor does a city do what a clause after it tells ("rockets at Tel
    # Aviv, which wounded two people"), where a capital may stand for its government
    if all(a.sector in ORDINARY_PEOPLE or known_by_a_town(s, a) for a in antecedent.actors):
        return None
    return antecedent


def _doer_of_a_deed(s: Sentence, hit: Hit) -> Chunk | None:
    """The phrase after "by" past the participle that says a deed was done ("an inquiry into crimes committed by
    Croat forces"), which `agent_after_by` leaves to the participle: the deed's doer."""
    w = words(s.doc)
    deed = next((i for i in range(hit.end, s.sent.end) if w.lower[i] in REACTED_ACTS), None)
    by = deed + 2 if deed is not None else s.sent.end
    if by >= s.sent.end or not is_past_form(w, by - 1) or w.lower[by] != "by":
        return None
    return next((c for c in s.chunks if c.start > by and c.prep == "by" and c.start <= by + 2), None)


def _fired_from(s: Sentence, hit: Hit) -> Chunk | None:
    """Who fired what a passive says was fired from a place and names no one firing: CAMEO's unidentified
    armed forces (UAF) of that place's country."""
    origin = agent_after_by(s.doc, s.sent, hit.end, s.chunks, s.right_stops, preps=FROM)
    country = next((a.country for a in origin.actors if a.country), None) if origin is not None else None
    if country is None or country == "IGO":
        return None
    actors = [Actor(a.text, f"{country}UAF", a.start, a.end, country, "UAF") for a in origin.actors[:1]]
    return Chunk(origin.start, origin.end, actors)


def coordinated_participle(s: Sentence, hit: Hit) -> Hit | None:
    """The participle a participle after "and" or "or" is coordinated with (", killing one and arresting 12")."""
    w = words(s.doc)
    earlier = [h for h in s.hits if h.end < hit.start]
    if not earlier or not w.lower[earlier[-1].start].endswith("ing"):
        return None
    if any(w.lower[i] == "," for i in range(earlier[-1].end, hit.start)):
        return None
    return earlier[-1]


def _main_clause_hit(s: Sentence, hit: Hit) -> Hit | None:
    """The act of the main clause a participle after a comma hangs on ("sent troops into Georgia, accusing"),
    when the participle is the sentence's next act after it, or the one its coordinated participle hangs on."""
    w = words(s.doc)
    joined = participle_joined_by(w, hit.start, s.sent)
    if joined is None:
        return None
    if joined != ",":
        previous = coordinated_participle(s, hit)
        return _main_clause_hit(s, previous) if previous is not None else None
    earlier = [h for h in s.hits if h.end < hit.start and h.governor is None]
    if not earlier or any(w.lower[i] == ";" for i in range(earlier[-1].end, hit.start)):
        return None
    return earlier[-1]


def _reacts_to_the_move(s: Sentence, hit: Hit) -> bool:
    """Whether a reaction's object is "the decision" (or "the move", "the step") with nothing after it to say
    whose: the act the sentence told before it."""
    w, k = words(s.doc), hit.end + 1
    if k >= s.sent.end or not names_a_move(w, k):
        return False
    return k + 1 >= s.sent.end or w.lower[k + 1] not in ("to", "of", "by")


def _doer_of_the_move(s: Sentence, reactor: Chunk) -> Chunk | None:
    """The main clause's subject, when a reaction's subject follows "a move" that names the main clause's act
    (", a move Seoul denounced as retaliation", "in a move Armenian officials welcomed"); None otherwise."""
    w, k = words(s.doc), reactor.start - 1
    if k - 1 <= s.sent.start or not names_a_move(w, k):
        return None
    if w.lower[k - 2] not in (",", "in"):
        return None
    return next((c for c in s.chunks if c.end <= k - 2 and c.prep is None and not c.place and c.actors), None)


def _subject_after_opening_clause(s: Sentence, hit: Hit) -> Chunk | None:
    """The subject of the main clause after an opening participle's clause: the first actor phrase outside a
    prepositional phrase after the comma that closes it."""
    w = words(s.doc)
    comma = next((k for k in range(hit.end, s.sent.end) if w.lower[k] == ","), None)
    if comma is None:
        return None
    return next((c for c in s.chunks if c.start == comma + 1 and c.prep is None and not c.place), None)


def _object_of_a_verb(s: Sentence, chunk: Chunk, clause_start: int) -> bool:
    """Whether a phrase comes right after a finite verb of its clause, as its object: in "car bombings killed
    one American soldier and wounded 13", the soldier wounded no one."""
    w = words(s.doc)
    if any(
        clause_start < h.start and h.end == chunk.start and (is_past_form(w, h.start) or is_s_form(w, h.start))
        for h in s.hits
    ):
        return True
    # a verb that is no trigger: "The fire gutted the parliament and injured three guards" (a regular past, not
    # an adjective of the phrase: "the alleged gunmen", "hooded and masked protesters")
    k = chunk.start - 1
    while k > clause_start and (w.lower[k] in DETERMINERS or w.lower[k] in POSSESSIVES):
        k -= 1
    if (
        k - 1 <= clause_start
        or not w.is_lower[k]
        or w.lower[k - 1] in DETERMINERS
        or w.lower[k - 1] in ("and", "or", ",")
    ):
        return False
    verb = w.lower[k].endswith("ed") and w.lemma[k] != w.lower[k]
    return verb and w.lower[k] not in AUXILIARIES and w.lower[k] not in BE_FORMS


def _clause_start(s: Sentence, hit: Hit) -> int:
    """Where the clause of a trigger opens (the token before its first word): after the last stop before it,
    or, for a verb joined by "and", at the subordinator of its clause ("when officers found her and arrested
    him")."""
    w = words(s.doc)
    after = max((i for i in s.left_stops if i < hit.start), default=s.sent.start - 1)
    if hit.start > s.sent.start and w.lower[hit.start - 1] in ("and", "or"):
        opened = (i for i in range(hit.start - 1, after, -1) if w.lower[i] in CLAUSE_SUBORDINATORS)
        after = next(opened, after)
    return after


def _main_clause_subject(s: Sentence, hit: Hit) -> Chunk | None:
    """The subject of the clause a participle after a comma hangs on: its first actor phrase outside a
    prepositional phrase ("On Monday, Israeli jets struck Gaza, killing 20"), or no one."""
    # Not past a stop ("announced ... and bans": the clause of a report verb is its own). A verb joined by "and"
    # is in the clause of a subordinator before it ("while police were spraying and arresting them", "when
    # officers found her and arrested him"); after a comma, in the main clause.
    after = _clause_start(s, hit)
    subject = next(
        (
            c
            for c in s.chunks
            if after < c.start
            and c.end < hit.start
            and c.prep is None
            and not c.place
            and not _is_predicate(s, c)
            and not _object_of_a_verb(s, c, after)
        ),
        None,
    )
    if subject is None and after in s.say and is_verbal(hit.entry.cameo):
        # "The spokesman said the islands were Chinese, warning Manila": a word act after a report is the
        # speaker's, when the reported clause names no subject of its own
        subject = source_before(s.doc, s.sent, after, s.chunk_at, s.left_stops)
    if subject is None or names_a_disaster(s.doc, subject, s.sent):
        return None
    return subject


def _is_predicate(s: Sentence, chunk: Chunk) -> bool:
    """Whether a phrase follows "is" or "are": what the subject is, not who acts ("those killed are Hamas
    fighters")."""
    w = words(s.doc)
    return chunk.start > s.sent.start and w.lower[chunk.start - 1] in BE_FORMS


def _objects(s: Sentence, hit: Hit) -> list[Chunk]:
    """The phrases that may be a trigger's object: not a common noun among the pattern's own words, which
    names the event ("declared a state of emergency", "launched 40 drones"); a name there may be ("summoned
    Niger's ambassador", "shut down a French radio station"), and so may anyone made what its last words say
    ("stoned a man to death", "found Peter Otieno guilty")."""
    people = hit.entry.mode in PEOPLE_ACTED_ON_MODES or bool(object_complement(words(s.doc), hit))
    return [
        c
        for c in s.chunks
        if not (hit.start < c.start and c.end <= hit.end)
        or any(i in s.entity_at for i in range(c.start, c.end))
        or people
        and bool(c.actors)
    ]


def _in_tail(s: Sentence, hit: Hit, source: Chunk) -> bool:
    """In a closing ", a rights group protested" the subject is the phrase after the comma, or no one."""
    doc, sent = s.doc, s.sent
    comma = next((j for j in range(hit.start - 1, source.end - 1, -1) if words(doc).lower[j] == ","), None)
    if comma is None or comma == hit.start - 1:
        return False
    if is_dash(doc, hit.start - 1) and any(is_dash(doc, j) for j in range(source.end, comma)):
        return False  # "The rebels – backed by Rwanda, UN experts say – seized Goma": the comma is the aside's
    opened = apposition_start(doc, comma, sent)
    if opened is not None and source.end <= opened:
        return False  # "Pakistan, a key U.S. ally, has refused": the comma closes an apposition
    return not any(words(doc).lower[j] == "," for j in range(hit.end, sent.end))


def _lays_blame_on(s: Sentence, hit: Hit, target: Chunk) -> bool:
    """Whether the target is whom blame for the act is laid on ("blamed the attack on Russia"), not whom the act
    fell on."""
    return target.prep == "on" and words(s.doc).lemma[hit.start] in ASCRIBING_VERBS


def _fell_fighting_each_other(s: Sentence, hit: Hit, victims: Chunk | None) -> bool:
    """Whether a passive's victims are two armed sides that fell in a fight it names with no side of its own
    ("were killed in a gunfight", not "in clashes with Pakistani troops")."""
    if victims is None or len({a.code for a in victims.actors if a.sector in COMBATANTS}) < 2:
        return False
    w, end = words(s.doc), hit.end
    if end >= s.sent.end or w.lower[end] not in ("in", "during"):
        return False
    for i in range(end + 1, min(end + 1 + FIGHT_NOUN_REACH, s.sent.end)):
        if ends_a_fight_noun(w, i):
            return i + 1 >= s.sent.end or w.lower[i + 1] not in ("with", "between")
    return False


def _modifies_a_stranger(s: Sentence, hit: Hit, subject: Chunk) -> bool:
    """Whether a participle without "be" follows a name no lexicon knows, nearer than the actor phrase before it
    (", Kimani Gray, 16, killed by police"): it says what happened to that person."""
    w = words(s.doc)
    if is_passive(s.doc, hit.start, hit.end, s.sent, with_be=True):
        return False
    return any(
        w.title[k] and w.alpha[k] and k not in s.entity_at and k not in s.chunk_at and k > s.sent.start
        for k in range(subject.end, hit.start)
    )


def governed_targets(s: Sentence, governed: Hit, sources: list[Actor]) -> list[Actor]:
    """Whom a refusal, promise or threat concerns: the target of the action it governs ("refused to deploy
    peacekeepers in Iraq", "threatened to shell Iraqi towns")."""
    own = {a.country for a in sources}
    _, target_chunk = written_roles(s, governed)
    if target_chunk is not None:
        return [a for a in aimed_at(s, governed, target_chunk, sources) if a.country not in own]
    location = event_location(s, governed.start)
    if location is not None and location.country not in own:
        return [Actor(location.name, location.country, 0, 0, location.country, None)]
    return []


def owns_the_act(s: Sentence, hit: Hit, target: Chunk, sources: list[Actor]) -> bool:
    """Whether the target found is the possessor of the trigger's own noun and the source's own country."""
    w = words(s.doc)
    # "Türkiye's support", or a modifier of the noun itself: "cut off all U.S. aid to Honduras" (people are
    # acted on whoever they are: "released 400 Taliban prisoners")
    modifier = hit.end - 1 <= target.end <= hit.end and (w.lemma[hit.end - 1],) not in lexicon.sectors()
    modifier = modifier and not object_complement(w, hit)  # "held the soldier captive"
    inside = hit.start < target.start and (target.end < hit.end and w.lower[target.end] in POSSESSIVE_MARKS or modifier)
    own = {a.country for a in sources}
    return inside and bool(target.actors) and all(a.country in own for a in target.actors)


def aimed_at(s: Sentence, hit: Hit, target_chunk: Chunk | None, sources: list[Actor]) -> list[Actor]:
    """The target phrase's actors, unless the phrase is the doer's own noun ("Türkiye's support", "all U.S.
    aid"): then whom the phrase after it names, if any ("cut off all U.S. aid to Honduras")."""
    if target_chunk is None:
        return []
    if not owns_the_act(s, hit, target_chunk, sources):
        return target_chunk.actors
    recipient = agent_after_by(s.doc, s.sent, hit.end, s.chunks, s.right_stops, preps=TO)
    return recipient.actors if recipient is not None and recipient.start == hit.end + 1 else []
