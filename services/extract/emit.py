"""An event candidate for each pair of a trigger's actors, with its date and place, or none when no doer is known."""

from __future__ import annotations

from services.extract import lexicon
from services.extract.actor_kinds import is_stranger
from services.extract.actors import DETERMINERS, MODIFIERS, PEOPLE_SECTORS, qualifies
from services.extract.clauses import is_verbal
from services.extract.codes import (
    AERIAL_WEAPONS,
    ARREST,
    BOMBING,
    DESTROY_PROPERTY,
    MEET,
    SEIZE_PROPERTY,
    WEAPONS_SEIZED,
)
from services.extract.dates import DAY, UNKNOWN, date_for, find_dates
from services.extract.defaults import (
    ACTS_OF_FORCE,
    CLAIM_TYPES,
    HOME_SECTORS,
    UNIDENTIFIED,
    any_with_a_sector,
    as_ngos,
    clash_among,
    default_sources,
    default_targets,
    people_doing_it,
    placed_at_home,
    reporting_authority,
    unidentified_doer,
)
from services.extract.modality import ASSERTED, FUTURE, NEGATED
from services.extract.models import EventCandidate, quad_class
from services.extract.nlp import char_span, is_s_form, text_of, words
from services.extract.readings import Hit
from services.extract.roles import ends_a_fight_noun
from services.extract.sentence import Sentence
from services.extract.sites import city_struck, event_location

# Talks held, negotiated or mediated somewhere, or meant to be (036): the place is their venue, not a party to them
VENUE_CODES = frozenset({MEET, "045", "046", "036"})
MAX_ACTORS = 4
INVESTIGATION = "09"  # CAMEO's root for investigations
# Praise and criticism of an act named as a noun are aimed at its doer, named after "by".
REACTIONS = frozenset({"ACCUSE", "SUPPORT"})
REACTED_ACTS = lexicon.word_set("reacted_acts") | lexicon.word_set("attack_nouns")
# A state's forces, whose acts to come a warning by that state threatens; acts that harm whom they fall on, legal
# action among them ("will be prosecuted").
ARMED_FORCES = frozenset({"MIL", "COP"})
CEASEFIRE = "0871"  # CAMEO: declare truce, ceasefire
MILITARY_WITHDRAWAL = "0874"  # CAMEO: retreat or surrender militarily
# CAMEO's acts of force by their arms: bombs (183), small arms (193), artillery and tanks (194), aircraft (195): no
# words, whoever is struck ("protesters used live ammunition")
FORCE_OF_ARMS = frozenset({BOMBING, "193", "194", AERIAL_WEAPONS})
# Arrests, and things seized or confiscated, which the police, forces or authorities who report them without naming
# who made them have made ("police have said")
POLICE_WORK = frozenset({ARREST, WEAPONS_SEIZED, SEIZE_PROPERTY})
# Who protest when no country is named: people, and activists and the opposition ("Activists marched to parliament")
PROTESTING_SECTORS = PEOPLE_SECTORS | {"OPP"}
# CAMEO 143: a strike or boycott, which whoever stops work or stays away holds ("Judges on strike over pay")
STRIKE = "143"
# Police, soldiers and armed men use force whether or not the text says whose they are ("Police arrested five
# protesters", "gunmen killed ..."): with no country named or set, CAMEO's agents dictionary codes such an actor on
# its sector alone ("---COP", "---MIL"), and so does the coder, for acts of force and coercion.
UNPLACED_AGENTS = ARMED_FORCES | {"REB", "UAF"}
# Whoever arrests, bans or expels on a state's behalf: coded on the sector alone when no country is named (CAMEO's
# "---GOV")
AUTHORITIES = frozenset({"GOV", "JUD"})


def reacts_to_an_act(s: Sentence, hit: Hit) -> bool:
    """Whether the trigger is a praise, a criticism or an inquiry whose object is an act named as a noun
    ("condemned the killing of", "welcomed the release of", "opened an investigation into abuses by")."""
    if hit.entry.type not in REACTIONS:
        return False
    w = words(s.doc)
    i, qualifiers = hit.end + (hit.end < s.sent.end and w.lower[hit.end] == "into"), 0
    while i < s.sent.end and w.lower[i] not in REACTED_ACTS:
        if w.lower[i] in DETERMINERS or w.lower[i] in MODIFIERS:
            pass
        elif qualifiers < 2 and qualifies(w, i):
            qualifiers += 1  # "condemned deadly raids by", "the brutal killing of"
        else:
            break
        i += 1
    return i < s.sent.end and w.lower[i] in REACTED_ACTS


def _is_present(s: Sentence, hit: Hit) -> bool:
    """Whether a trigger is in the present tense ("withdraws", "is withdrawing")."""
    w, j = words(s.doc), hit.start - 1
    word = w.lower[hit.start]
    if is_s_form(w, hit.start):
        return True
    while j > s.sent.start and w.lower[j].endswith("ly"):
        j -= 1
    return word.endswith("ing") and w.lower[j] in ("is", "are", "am")


def emit(s: Sentence, hit, type_, mode, cameo, modality, sources, targets) -> list[EventCandidate]:
    if not sources and cameo in POLICE_WORK:
        sources = reporting_authority(s, hit)
    sources = sources or unidentified_doer(s, hit, type_, modality, targets)
    if not sources:
        return []  # "people were killed" is an act on no one named, by no one named
    if cameo == MILITARY_WITHDRAWAL:
        # "Rebel fighters and civilians began leaving their last bastion": the fighters withdrew; those who
        # left with them did not retreat
        sources = [a for a in sources if a.sector in UNPLACED_AGENTS] or sources
    doc = s.doc
    start_char, end_char = char_span(doc, hit.start, hit.end)
    future = modality == FUTURE
    if future not in s.dates:
        s.dates[future] = find_dates(s.text, s.published, future=future)
    verbal = is_verbal(cameo)
    when, precision = date_for(s.dates[future], start_char - s.start_char, verbal=verbal)
    if when is None and s.published is not None and modality == ASSERTED and _is_present(s, hit):
        when, precision = s.published, DAY  # "Russia is withdrawing": happening as the article is written
    # where the act a reaction is to happened is not where the reaction was made ("condemned the attack on its
    # embassy in Kabul")
    location = None if reacts_to_an_act(s, hit) else event_location(s, hit.start)
    if location is None and type_ == "ASSAULT":
        location = city_struck(s, hit)
    if location is None and s.setting is not None:
        # Police, courts and protesters act at home: with no country named, and no place in the sentence,
        # theirs is the story's ("Police arrested the driver" in a story set in Houston)
        sources, targets = placed_at_home(s, sources), placed_at_home(s, targets)
    # Talks and meetings are held somewhere, with someone: their place is no party to them ("returned to the
    # table in Doha"); a visit's place is its host ("arrived in Amman")
    party_place = None if cameo in VENUE_CODES else location
    targets = default_targets(s, type_, cameo, sources, targets, party_place)
    if type_ == "MOBILIZE":
        # "ordered the deployment of Russian troops": a state's own forces are what it moves, not whom at
        own = {a.country for a in sources}
        targets = [t for t in targets if not (t.country in own and t.sector in ARMED_FORCES)]
    placed = default_sources(type_, sources, targets, location)
    if placed is not sources:
        # protesters placed by where they are are that country's, and so is the official they act on
        # ("Protesters stormed the prime minister's residence in Dhaka")
        sources, targets = placed, default_targets(s, type_, cameo, placed, targets, party_place)
    sources, targets = as_ngos(sources), as_ngos(targets)
    # Forces and armed groups often go unnamed ("insurgents shelled Aleppo"), and protesters protest whoever's
    # they are: coded without a country.
    unplaced_agents = (
        (type_ in ACTS_OF_FORCE and all(a.sector in UNPLACED_AGENTS for a in sources))
        # or draw back from a place ("the allied forces pulled out of the town"), not from whom they disarm, or
        # hold their fire, whoever they hold it against ("the rebel leader announced a ceasefire")
        or (
            type_ == "RETREAT"
            and all(a.sector in UNPLACED_AGENTS for a in sources)
            and (not any_with_a_sector(targets) or cameo == CEASEFIRE)
        )
        or (type_ == "COERCE" and all(a.sector in AUTHORITIES for a in sources))
        # courts, prosecutors and police who charge or convict someone named do so at home (what police
        # investigate may be an accident)
        or (
            type_ == "ACCUSE"
            and not cameo.startswith(INVESTIGATION)
            and bool(targets)
            and all(a.sector in HOME_SECTORS for a in sources)
        )
        or (type_ == "PROTEST" and all(a.sector in PROTESTING_SECTORS for a in sources))
        or (type_ in CLAIM_TYPES and all(a.sector == "LEG" for a in sources) and any(t.country for t in targets))
        or (cameo == STRIKE and all(a.sector for a in sources))
        # "herdsmen attacked farmers", "residents burned the offices of the security forces": people who use
        # force on someone named; with no one named, their "attack" may be words ("students attacked the ruling"),
        # but what they loot or destroy is property ("party cadres shattered windows"), and what they fire is arms
        or (
            type_ in ACTS_OF_FORCE
            and (
                bool(targets)
                or cameo in (DESTROY_PROPERTY, SEIZE_PROPERTY)
                or cameo in FORCE_OF_ARMS
                and hit.end - hit.start > 1  # the arms named: "used live ammunition"
                or clash_among(s, hit)
            )
            and people_doing_it(s, hit, sources)
        )
        # a fight named with its sides ("clashes between rival groups"): whoever they are, they fought
        or (
            type_ in ACTS_OF_FORCE
            and ends_a_fight_noun(words(s.doc), hit.end - 1)
            and (any(h is hit for h in s.nominal) or any_with_a_sector(sources))
        )
    )
    # A person no lexicon knows, named in full, acts on whom they act on ("Carla del Ponte accused Belgrade").
    stranger_acting_on_a_state = any(is_stranger(a) for a in sources) and any(t.country for t in targets)
    unknown_doer = all(a.sector == UNIDENTIFIED for a in sources)
    if not any(a.country for a in sources) and not (unplaced_agents or stranger_acting_on_a_state or unknown_doer):
        # Any other doer neither named nor placed by the defaults ("President Bush", "officials") makes the event
        # too uncertain to code.
        return []
    pairs = [(source, t) for source in sources[:MAX_ACTORS] for t in (targets[:MAX_ACTORS] or [None])]
    events = []
    for source, target in pairs:
        if target is not None and source.text == target.text:
            target = None
        confidence = 0.4 + 0.25 * (source.country is not None) + 0.15 * (target is not None)
        confidence += 0.1 * (hit.end - hit.start > 1)
        events.append(
            EventCandidate(
                type=type_,
                mode=mode,
                cameo=cameo,
                quad_class=quad_class(cameo),
                source=source,
                target=target,
                event_date=when,
                date_precision=precision if when else UNKNOWN,
                negated=modality == NEGATED,
                modality=modality,
                sentence_index=s.index,
                sentence=s.text,
                trigger=text_of(doc)[start_char:end_char],
                trigger_start=start_char,
                trigger_end=end_char,
                confidence=round(max(0.05, min(0.95, confidence)), 2),
                location=location,
            )
        )
    return events
