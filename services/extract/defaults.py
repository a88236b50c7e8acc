"""The source and target of an event where the sentence names none, or names them without a country."""

from __future__ import annotations

from services.extract.actor_kinds import GROUP_CODES, NGO, RIGHTS_GROUP, is_a_protester
from services.extract.actors import CLAUSE_OPENERS, PEOPLE_SECTORS, according_to, of_country, written_actor
from services.extract.codes import ARREST, DEPORTATION, RELEASE, VISIT
from services.extract.modality import ASSERTED
from services.extract.models import Actor
from services.extract.nlp import Words, words
from services.extract.pronouns import resolve
from services.extract.readings import Hit, opens_the_main_clause, tail_comma
from services.extract.roles import (
    DATE_WORDS,
    before_the_verb,
    in_a_relative_clause,
    is_passive,
    told_as_done_by_someone,
    told_as_done_in_the_past,
)
from services.extract.sentence import Sentence
from services.extract.sites import event_location, says_where

# An action on a place or on unnamed people there is an action on that country ("lifted a curfew in Montenegro").
PLACE_TARGET_TYPES = frozenset({"PROTEST", "COERCE", "CONCEDE", "ASSAULT", "RETREAT", "MOBILIZE"})
# CAMEO 1723/1724 impose a curfew, a state of emergency or martial law; 0813/0814 ease them.
EMERGENCY_RULE = frozenset({"1723", "1724", "0813", "0814"})
AID_INTENT = "033"  # CAMEO: express intent to provide material aid
EXECUTION = "186"  # CAMEO 186, where the lexicon codes executions and assassinations
HARMS = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE"})
# Event types that are mostly a state and its own people: repression, protest, concession.
DOMESTIC_TYPES = frozenset({"COERCE", "PROTEST", "CONCEDE"})
# What people (civilians, opposition, rebels) do to an unnamed authority concerns their own country's.
CLAIM_TYPES = frozenset({"PROTEST", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# Sectors that, unnamed, are the source's own people ("Egyptian police dispersed demonstrators").
DOMESTIC_SECTORS = frozenset(
    {"CVL", "OPP", "REB", "EDU", "LAB", "JRN", "MED", "CRM", "REL", "PTY", "AGR", "BUS", "RAD", "REF", "UAF"}
)
# ... and whom a state represses or frees at home: rights groups too, though their own claims are on foreign states
# as often as on theirs
HELD_AT_HOME = DOMESTIC_SECTORS | {RIGHTS_GROUP}
# A state's own authorities, who act on unnamed people of their own country ("Egyptian police opened fire on
# demonstrators").
AUTHORITY_SECTORS = frozenset({"GOV", "COP", "JUD"})
# Courts and police, who act at home even on people of no named country.
HOME_SECTORS = frozenset({"COP", "JUD"})
# With no country named, police, courts and unnamed attackers ("gunmen", "a suicide bomber") act where the story is set.
AT_HOME_SECTORS = HOME_SECTORS | {"UAF"}
# Rebels and the opposition, who challenge their own state (STATE_SECTORS: its government, legislature, forces).
CHALLENGER_SECTORS = frozenset({"REB", "OPP"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG"})
# Politicians hold office and oppose at home: held with no one named, they are held by their own state.
HOME_POLITICS = frozenset({"GOV", "LEG", "OPP", "PTY", "ELI"})
# Armed groups, gangs and unidentified attackers, whom a state's forces fight
IRREGULARS = frozenset({"REB", "CRM", "UAF"})
POLICING = frozenset({"COP", "MIL", "GOV", "JUD"})
SAY_AUXILIARIES = frozenset({"have", "has", "had", "did", "will", "would"})
# Who may come to blows when no country is named: people, and partisans of a party or the opposition (ACLED's
# political violence: "Party cadres attacked opposition supporters", "Political opponents attacked the mayor")
BRAWLING_SECTORS = PEOPLE_SECTORS | {"OPP", "PTY"}
# Verbs of armed struggle that a person who commands no force uses of a struggle in words or politics
STRUGGLES = frozenset({"fight", "battle", "struggle"})
# Verbs of force done only with another side, never to a thing: "clashed", "skirmished"
CLASH_VERBS = frozenset({"clash", "skirmish"})
ACTS_OF_FORCE = frozenset({"ASSAULT", "COERCE"})
# PLOVER's generic unidentified actor, for a hostile act reported as done to someone by no one named ("the envoy was
# expelled", "he was charged with fraud"): the event is coded on whom it was done to.
UNIDENTIFIED = "UNK"


def _past_where_from(w: Words, k: int, sent_start: int) -> int:
    """The word before a name of where people are from that no lexicon knows ("Young men from Garabulli"), else k."""
    j = k
    while j > sent_start and w.title[j] and w.alpha[j]:
        j -= 1
    return j - 1 if j < k and j > sent_start and w.lower[j] in ("from", "of", "in") else k


def clash_among(s: Sentence, hit: Hit) -> bool:
    """Whether the act is a clash told by its verb with no other side ("villagers clashed over land"): its
    subject names both sides, as "clash" is only ever done with someone."""
    w = words(s.doc)
    return w.lemma[hit.start] in CLASH_VERBS and (hit.end >= s.sent.end or w.lower[hit.end] != "with")


def people_doing_it(s: Sentence, hit: Hit, sources: list[Actor]) -> bool:
    """Whether people named by what they are (residents, herdsmen, supporters) are the subject of an active verb
    or the agent of a passive one: "herdsmen attacked farmers", "farmers were attacked by herdsmen", not "24
    people murdered" nor the victims of an act before it ("killed 43 people and injured hundreds")."""
    if not all(a.sector in BRAWLING_SECTORS for a in sources):
        return False
    w = words(s.doc)
    if is_passive(s.doc, hit.start, hit.end, s.sent):
        # "were attacked by Zanu PF activists": the agent after "by" is the doer, as a subject is
        agent = s.chunk_at.get(hit.end + 1) if hit.end < s.sent.end and w.lower[hit.end] == "by" else None
        return agent is not None and all(a in agent.actors for a in sources)
    if w.lower[hit.start].endswith("ing"):
        return False  # "... Hospital killing five people": a participle's doer is its clause's subject
    subject = s.chunk_at.get(_past_where_from(w, before_the_verb(words(s.doc), s.sent.start, hit.start), s.sent.start))
    if subject is None or subject.prep is not None:
        return False
    # "They took police officers hostage": the people "they" points back to
    named = resolve(s, subject) if subject.pronoun else subject.actors
    if any(a not in named for a in sources):
        return False
    # "shows 24 people murdered": people after another verb are its object; after a time they open the clause
    # ("This afternoon a group of protesters used live ammunition")
    k = subject.start - 1
    opens = k < s.sent.start or not (w.is_lower[k] and w.alpha[k])
    # ("After the election, opposing groups clashed": an -ing form that opens the main clause qualifies them)
    qualified = w.lower[k].endswith("ing") and opens_the_main_clause(w, s.sent, k)
    return opens or qualified or w.lower[k] in CLAUSE_OPENERS or w.lower[k] in DATE_WORDS


def placed_at_home(s: Sentence, actors: list[Actor]) -> list[Actor]:
    """The actors, with police, courts, unnamed attackers and protesters of no named country placed in the story's
    setting when this sentence names them; one a pronoun stands for was named in another sentence, and is left
    as it was."""
    home = s.setting
    return [
        of_country(a, home)
        if a.country is None and (a.sector in AT_HOME_SECTORS or is_a_protester(a)) and _written_here(s, a)
        else a
        for a in actors
    ]


def _written_here(s: Sentence, actor: Actor) -> bool:
    """Whether an actor is named in this sentence."""
    return s.start_char <= actor.start < s.start_char + len(s.text)


def default_targets(
    s: Sentence, type_: str, cameo: str, sources: list[Actor], targets: list[Actor], location
) -> list[Actor]:
    """Fill in the target the CAMEO way: unnamed people belong to the place, or to the source's own country;
    with no one named, the place an action is done in stands for its people."""
    if type_ == "MOBILIZE":
        # What is deployed is the source's own force, not whom it is aimed at: "sent warships to the Gulf".
        targets = [t for t in targets if t.country or t.sector != "MIL"]
    countries = _states_of(sources)
    place = location.country if location is not None and location.country else None
    if cameo == VISIT and place and place not in countries and all(t.country is None for t in targets):
        # a visit's host is the country visited, whatever else the clause names ("arrived in Colombo for a
        # state visit")
        return [Actor(location.name, place, 0, 0, place, None)]
    if targets and all(t.country is None for t in targets):
        people = type_ in CLAIM_TYPES and any(a.sector in DOMESTIC_SECTORS for a in sources)
        # a state puts to death or frees people it holds, its own unless named otherwise ("the junta executed
        # activists", "the junta freed 9,000 prisoners")
        authority = all(a.sector in AUTHORITY_SECTORS for a in sources) or cameo in (EXECUTION, RELEASE)
        domestic = (type_ in DOMESTIC_TYPES or authority) and all(t.sector in HELD_AT_HOME for t in targets)
        # (but those a state deports or expels are foreigners there: "Mexico deported hundreds of migrants")
        domestic = domestic and cameo != DEPORTATION
        # Rebels and the opposition fight their own state ("Colombian rebels kidnapped two soldiers"), and so do
        # the unidentified forces of a place ("a soldier was wounded in a bomb blast in Rafah")
        insurgent = all(a.sector in CHALLENGER_SECTORS or a.sector == "UAF" for a in sources) and all(
            t.sector in STATE_SECTORS for t in targets
        )
        # Courts and police act at home, on officials as on anyone: "a judge ordered former president X"; and so
        # does a state's force that arrests a politician ("soldiers placed President Ali Bongo under house arrest")
        home = all(a.sector in HOME_SECTORS for a in sources)
        home = (
            home
            or cameo == ARREST
            and all(a.sector in STATE_SECTORS for a in sources)
            and all(t.sector in HOME_POLITICS for t in targets)
        )
        # A legislature's claims on an unnamed president or government are on its own: "Members of Kenya's
        # parliament called on the president to resign", "lawmakers impeached President X".
        legislative = type_ in CLAIM_TYPES and all(a.sector == "LEG" for a in sources)
        legislative = legislative and all(t.sector in STATE_SECTORS for t in targets)
        # A state's forces fight unnamed armed groups and gangs of the place they fight in ("Nigerian troops
        # killed 20 gunmen in Maiduguri"); armies fight abroad as often as at home, so with no place named
        # they are nobody's
        counter = all(a.sector in STATE_SECTORS for a in sources) and all(t.sector in IRREGULARS for t in targets)
        domestic = domestic or insurgent or home or legislative
        # Aid, given or promised, goes to the people of the place it is sent to ("food aid to refugees in Liberia")
        placed = type_ in PLACE_TARGET_TYPES or type_ == "AID" or cameo.startswith(AID_INTENT)
        local = placed and all(t.sector in DOMESTIC_SECTORS for t in targets)
        country = place if place and (local or counter) else None
        if country is None and len(countries) == 1 and (people or domestic):
            country = next(iter(countries))
        if country:
            return [of_country(t, country) for t in targets]
    if targets:
        return targets
    if place and len(sources) == 1 and not (place in countries and type_ not in DOMESTIC_TYPES | {"THREATEN"}):
        # An actor at home ("resigned ... in Tbilisi") acts on its own country only by repressing, conceding,
        # protesting or threatening; a joint act's place ("signed a peace agreement in Washington") is its venue.
        return [Actor(location.name, place, 0, 0, place, None)]
    if cameo in EMERGENCY_RULE and len(countries) == 1:
        # A curfew, a state of emergency or martial law, imposed or lifted, falls on the state's own people.
        country = next(iter(countries))
        return [Actor("", country, 0, 0, country, None)]
    if type_ == "PROTEST" and len(countries) == 1:
        # A protest with no one named is against the protesters' own government.
        country = next(iter(countries))
        return [Actor("", country + "GOV", 0, 0, country, "GOV")]
    return targets


def unidentified_doer(s: Sentence, hit: Hit, type_: str, modality: str, targets: list[Actor]) -> list[Actor]:
    """PLOVER's unidentified actor, written as the act's words, for a hostile act reported as done to someone
    by no one named, in a sentence that names no actor but its targets (places aside): any other one may be the
    doer, told in a way the coder does not read."""
    if type_ not in HARMS or modality != ASSERTED:
        return []
    if not targets and (
        type_ not in ACTS_OF_FORCE
        or event_location(s, hit.start) is None
        and not told_as_done_in_the_past(s.doc, hit.start, hit.end, s.sent)
    ):
        # force on no one named is an act done where it was done ("weapons were seized in Karachi"), or done
        # and told so ("shops were looted"); "everyone is terrorised" is a state
        return []
    if not told_as_done_by_someone(s.doc, s.sent, hit.start) or words(s.doc).lemma[hit.start] in STRUGGLES:
        return []  # a fight has two sides, and what "was battled" may be a fire
    spans = {(t.start, t.end) for t in targets}
    # who reports it is no other doer (", authorities said"), nor is whoever holds or backs a place or a group
    # ("in the rebel-held capital")
    w = words(s.doc)
    others = (
        a
        for c in s.chunks
        if not (
            c.place
            or says_where(s, c)
            or c.start in s.reporting
            or c.end < s.sent.end
            and w.lower[c.end] == "-"
            # whom a clause about the target names ("a man who had attacked a tourist was arrested")
            or c.end <= hit.start
            and in_a_relative_clause(w, c, s.sent, s.chunk_at) is not None
        )
        for a in c.actors
        if a.start < a.end
    )
    if any((a.start, a.end) not in spans for a in others):
        return []
    return [written_actor(s.doc, hit.start, hit.end, UNIDENTIFIED, None, UNIDENTIFIED)]


def reporting_authority(s: Sentence, hit: Hit) -> list[Actor]:
    """The police, forces or authorities who report an arrest or a seizure that names no one making it: theirs
    ("Police said three suspects were arrested", "Weapons were seized in the raid, the army said")."""
    w = words(s.doc)
    for i in sorted(s.say):
        if i > hit.start and ((comma := tail_comma(w, i, s.sent.start)) is None or comma < hit.end):
            continue  # "reports the store was looted; the police said only that": not what they report
        before = s.chunk_at.get(i - 1)
        if before is None and i > s.sent.start and w.lower[i - 1] in SAY_AUXILIARIES:
            before = s.chunk_at.get(i - 2)  # "police have said"
        if before is not None and before.actors and all(a.sector in POLICING for a in before.actors):
            return before.actors
    for chunk in s.chunks:
        # "According to police, three students were arrested"
        if according_to(w, chunk) and chunk.actors and all(a.sector in POLICING for a in chunk.actors):
            return chunk.actors
    return []


def default_sources(type_: str, sources: list[Actor], targets: list[Actor], location) -> list[Actor]:
    """Unnamed people protesting a government or fighting its forces, or an unnamed authority acting on a
    country's own people ("the President banned Ugandan opposition candidates"), belong to that country."""
    if sources and all(source.sector == UNIDENTIFIED for source in sources):
        # no doer named: of the place the act is told to have happened in, if any, not of whom it was done to
        place = location.country if location is not None else None
        return [of_country(a, place) for a in sources] if place else sources
    countries = _states_of(targets)
    unnamed = sources and not any(source.country for source in sources)
    # "ethnic Albanians demonstrated in Serbia"; "protesters stormed the Swedish embassy in Baghdad" are of the
    # city they act in, not of the state they act against
    placed = (
        location is not None
        and location.country
        and (not countries or location.lat is not None or countries == {location.country})
    )
    # an unnamed authority repressing or conceding where it acts is that place's ("the military government
    # declared a state of siege in Haiti")
    placed_authority = unnamed and placed and type_ in DOMESTIC_TYPES
    placed_authority = placed_authority and all(source.sector in AUTHORITY_SECTORS for source in sources)
    if unnamed and placed and all(source.sector in DOMESTIC_SECTORS for source in sources) or placed_authority:
        countries = {location.country}
    if not sources or len(countries) != 1 or any(source.country for source in sources):
        return sources
    # Rebels who shoot down or blow up a foreign airliner are not its country's people. What people direct at a
    # state (claims, protest, a strike called off) or at its forces, or do to the place they are in (a target
    # filled in from the place, which spans no words), says whose they are.
    # People acting on people are of their country, unless those are foreigners where it happened ("gunmen
    # kidnapped two Italian aid workers in Mali"); so are a state's forces abroad ("a militia attacked US troops
    # in Syria")
    abroad = location is not None and location.country and countries != {location.country}
    of_the_state = all(
        t.sector in STATE_SECTORS or t.sector in AUTHORITY_SECTORS or t.start == t.end for t in targets if t.country
    )
    # what people claim of a state is their own state's business; of its people or firms, only where it
    # happened in that state ("farmers protest the lease of land to Saudi investors" need not be Saudis)
    where_it_happened = location is not None and countries == {location.country}
    claimed_of_the_state = all(t.sector is None for t in targets if t.country) or of_the_state or where_it_happened
    people = all(source.sector in DOMESTIC_SECTORS for source in sources) and (
        type_ in CLAIM_TYPES | {"CONCEDE"} and claimed_of_the_state or not abroad and of_the_state
    )
    # Courts and police act at home: "Judge X opened investigations against Chilean officials".
    home = all(source.sector in HOME_SECTORS for source in sources) or placed_authority
    # A company is no people of a place: an airline's plane is attacked wherever it flies
    local = all(t.sector in DOMESTIC_SECTORS and t.sector != "BUS" for t in targets if t.country)
    if not people and not home and (abroad or not local):
        return sources
    country = next(iter(countries))
    return [of_country(a, country) for a in sources]


def as_ngos(actors: list[Actor]) -> list[Actor]:
    """The actors, with a human rights group or an aid group of no named country as a non-governmental
    organisation, as the PLOVER records code one ("a human rights group protested": NGO); a country named makes it
    that country's ("Egyptian rights groups")."""
    return [of_country(a, NGO) if a.country is None and a.sector in (RIGHTS_GROUP, NGO) else a for a in actors]


def _states_of(actors: list[Actor]) -> set[str]:
    """The states of the actors: an international body, a non-governmental group or a militant movement (CAMEO's
    IGO, NGO and IMG) is no state, and has no army, civilians or government of its own to lend an unnamed one."""
    return {a.country for a in actors if a.country and a.country[:3] not in GROUP_CODES}


def any_with_a_sector(actors: list[Actor]) -> bool:
    """Whether any of the actors is people or a body (a sector's), not a place or a state alone."""
    return any(a.sector is not None for a in actors)
