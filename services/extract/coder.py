"""The event coder: for each trigger read as an event, roles from word order, modality from cues, one event per dyad."""

from __future__ import annotations

import gc
from datetime import date

from spacy.tokens import Doc, Span

from services.dates import plausible_publication
from services.extract import lexicon
from services.extract.actor_kinds import PROTESTERS, may_be_he
from services.extract.actors import counts_people_acted_on, names_both_parties, stranger_names
from services.extract.background import clauses_behind, is_elaboration
from services.extract.casing import recase_capitals
from services.extract.commerce import without_commerce
from services.extract.defaults import ACTS_OF_FORCE, AT_HOME_SECTORS, BRAWLING_SECTORS, HOME_SECTORS
from services.extract.emit import AUTHORITIES, UNPLACED_AGENTS
from services.extract.fights import (
    done_by_unnamed_forces,
    fought_between,
    fought_with,
    in_the_course_of,
    named_with_its_doer,
)
from services.extract.models import Actor, EventCandidate
from services.extract.nlp import DATELINE, doc_entities, pipeline, sentences, text_of, words
from services.extract.noun_acts import (
    modified_by_its_doer,
    owned_by_its_doer,
    protest_held,
    protest_named_as_held,
    visited_during,
)
from services.extract.people import People
from services.extract.places import story_setting
from services.extract.readings import Hit, gerund_of_time, select_hits
from services.extract.roles import FIGHT_NOUNS, told_as_done_by_someone, told_as_done_in_the_past
from services.extract.sentence import NOMINAL_ACTS, Sentence
from services.extract.sport import without_games
from services.extract.trigger_events import events_for

# spaCy refuses longer texts (its `max_length`, E088), and one this long takes the coder about ten seconds.
MAX_CODED_CHARS = 1_000_000

# Acts reported in a clause behind the main act, by a doer that clause names (docs/decisions/0015 and 0017)
REPORTED_BEHIND = ACTS_OF_FORCE | {"PROTEST"}


def code(s: Sentence) -> list[EventCandidate]:
    """All event candidates of the sentence, asserted or not."""
    events: list[EventCandidate] = []
    hits = [h for h in s.hits if not is_elaboration(s, h)]
    background: list[Hit] = []
    behind: dict[int, int] = {}
    if len(hits) > 1:  # a clause is background only to another one's event
        behind = clauses_behind(s, hits)
        if len(behind) < len(hits):
            background = [h for h in hits if id(h) in behind]
            hits = [h for h in hits if id(h) not in behind]
    for hit in hits:
        events.extend(
            protest_held(s, hit)
            or events_for(s, hit)
            or protest_held(s, hit, anywhere=True)
            or protest_named_as_held(s, hit)
        )
    for hit in s.nominal:
        # an act of force the sentence tells with its doer is the one its noun names ("bombers killed 22 in an
        # attack on a mosque", "forces arrested 100 people during raids")
        told_by_force = any(e.type == "ASSAULT" for e in events)
        told_by_doer = told_by_force or any(e.type in ACTS_OF_FORCE for e in events) and in_the_course_of(s, hit)
        events.extend(
            named_with_its_doer(s, hit)
            or fought_between(s, hit)
            or ([] if told_by_force else fought_with(s, hit))
            or ([] if told_by_doer else done_by_unnamed_forces(s, hit))
        )
    for hit in s.nouns:
        events.extend(
            owned_by_its_doer(s, hit)
            or modified_by_its_doer(s, hit)
            or visited_during(s, hit)
            or protest_held(s, hit, anywhere=True)
            or protest_named_as_held(s, hit)
            or ([] if hit.entry.type in NOMINAL_ACTS else fought_between(s, hit))  # talks; fights are above
        )
    # "Three Gazans were killed when Israeli forces attacked a UN school": a main clause that names no doer
    # leaves its act to the clause that tells it again with its doer. Force and protest are reported wherever
    # they are told, by a doer their own clause names ("vowed an investigation after seven people were murdered
    # by vigilantes", "detained dozens as activists took to the streets"; not "a judge sentenced the man who
    # killed four people").
    told = set() if events else {h.entry.type for h in hits}
    for hit in background:
        if hit.entry.type in told:
            events.extend(events_for(s, hit))
        elif hit.entry.type in REPORTED_BEHIND:
            # an -ing verb right after its preposition is done by the main clause's subject, by grammar
            opened = s.doc[behind[id(hit)]].idx
            controlled = gerund_of_time(words(s.doc), hit, s.sent)
            events.extend(e for e in events_for(s, hit) if controlled or e.source.start >= opened)
    return events


def _dedupe(events: list[EventCandidate]) -> list[EventCandidate]:
    seen: set[tuple] = set()
    kept = []
    for event in events:
        key = (
            event.sentence_index,
            event.type,
            event.modality,
            event.source.code if event.source else None,
            event.target.code if event.target else None,
        )
        if key not in seen:
            seen.add(key)
            kept.append(event)
    # One doer's act of one kind named twice in a sentence, once with whom it is aimed at, is one act: "the Indian
    # minister met his Chinese counterpart on the sidelines of the G20 meeting".
    aimed = {key[:4] for key in seen if key[4] is not None}
    return [e for e in kept if e.target or (e.sentence_index, e.type, e.modality, e.source.code) not in aimed]


def _names_both(doc: Doc, sent: Span) -> bool:
    """Whether a sentence speaks of "both sides" or "the two countries"."""
    w = words(doc)
    return any(names_both_parties(w, i, sent.end) is not None for i in range(sent.start, sent.end))


def _speaks_of_agents(doc: Doc, sent: Span, hits: list[Hit], setting: str | None) -> bool:
    """Whether a sentence tells a protest, which people hold whoever they are ("Rallies were held across the
    country", "Judges on strike over pay"), or names by their noun the police, soldiers, armed men or protesters, who
    act whether or not it says whose ("Police arrested ...", "Gunmen killed ...", "Demonstrators set fire to ..."),
    authorities who coerce ("Authorities detained ..."), courts and police who charge or convict someone, a court
    the story's setting places, and for an attack
    people who may carry it out or suffer it ("herdsmen attacked farmers", "a grenade injured five civilians"), or a
    fight, which has its sides ("killed in clashes between rival groups")."""
    types = {hit.entry.type for hit in hits}
    if "PROTEST" in types:
        return True
    agents = UNPLACED_AGENTS if setting is None else UNPLACED_AGENTS | AT_HOME_SECTORS
    if "ASSAULT" in types:
        agents |= BRAWLING_SECTORS  # "Herdsmen attacked farmers", "Party cadres attacked"
    if "COERCE" in types:
        # "Authorities arrested the activist"; "Party cadres shattered windows", "residents burned the offices"
        agents |= AUTHORITIES | BRAWLING_SECTORS
    if "ACCUSE" in types:
        agents |= HOME_SECTORS  # "A court convicted two journalists", "Prosecutors charged the minister"
    sector_of, w = lexicon.sectors(), words(doc)
    fights = "ASSAULT" in types and not FIGHT_NOUNS.isdisjoint(w.lower[sent.start : sent.end])
    forceful = not ACTS_OF_FORCE.isdisjoint(types)
    return (
        fights
        or _done_to_something_by_someone(doc, sent, hits)
        # "Fulanis attack the villages of ...": force by a name no lexicon knows
        or any(h.entry.type in ACTS_OF_FORCE and h.start > sent.start and w.name_word[h.start - 1] for h in hits)
        or any(
            sector_of.get((w.lemma[i],)) in agents
            or sector_of.get(tuple(w.lemma[i : i + 2])) in agents  # "law enforcers"
            or w.lower[i] in PROTESTERS
            or forceful
            and counts_people_acted_on(w, i, i + 1, sent.end)  # "2 killed in air raid"
            for i in range(sent.start, sent.end)
        )
    )


def _done_to_something_by_someone(doc: Doc, sent: Span, hits: list[Hit]) -> bool:
    """Whether force is told as done by someone unnamed, in a passive of the past ("shops were looted", "weapons
    were seized"): an unidentified doer's act."""
    return any(
        hit.entry.type in ACTS_OF_FORCE
        and told_as_done_in_the_past(doc, hit.start, hit.end, sent)
        and told_as_done_by_someone(doc, sent, hit.start)
        for hit in hits
    )


def code_document(doc: Doc, published: date | None) -> list[EventCandidate]:
    """Events in a processed document, sentence by sentence."""
    hits = select_hits(doc)
    if not hits:
        return []
    entities = doc_entities(doc)
    entity_at = {i: e for e in entities for i in range(e.start, e.end)}
    events: list[EventCandidate] = []
    subject: list[Actor] = []
    people = People(doc, entity_at, published)
    setting = story_setting(sentences(doc), [*entities, *doc.spans.get(DATELINE, [])])
    pending, unplaced = iter(hits), iter(entities)
    hit, entity = next(pending, None), next(unplaced, None)
    for index, sent in enumerate(sentences(doc)):
        in_sentence, named = [], []
        while hit is not None and hit.start < sent.end:
            in_sentence.append(hit)
            hit = next(pending, None)
        while entity is not None and entity.start < sent.end:
            named.append(entity)
            entity = next(unplaced, None)
        if people.opens_with_stranger(sent):
            subject.clear()  # "Mr. Nichols escaped. He beat a deputy": not the judge named before
        if not in_sentence:
            people.defer(sent, named)
            if (person := people.opening_person(sent, named)) is not None:
                subject[:] = [person]  # "Erdogan told Putin that ... . In a phone call, he reaffirmed ..."
            continue
        # "Mr. Kiir accused ...", "the president accused ...": who an earlier sentence introduced
        if mentioned := people.mentioned(sent):
            named = sorted([*named, *mentioned], key=lambda span: span.start)
        # A sentence that names no one cannot yield a codable event, unless it speaks of agents by their noun, or
        # names someone no lexicon knows.
        # ... or points back to the two parties of the last subject ("Both sides accused each other").
        both = len(subject) > 1 and _names_both(doc, sent)
        if named or both or _speaks_of_agents(doc, sent, in_sentence, setting) or stranger_names(doc, sent, entity_at):
            sentence = Sentence(doc, sent, index, in_sentence, entity_at, named, published, subject, setting)
            events.extend(code(sentence))
            people.read(sentence.chunks, named)
        if any(may_be_he(a) for a in subject) and people.names_a_stranger(sent):
            subject.clear()  # "An Atlanta judge sentenced Brian Nichols. He's the former football player"
    return _dedupe(without_commerce(doc, without_games(doc, events), text_of(doc)))


def extract_events(text: str, *, published: date | None = None) -> list[EventCandidate]:
    """Events a text reports, each with its actors, date, place, modality and the sentence that says so.

    Only the first MAX_CODED_CHARS characters are read (the clean stage keeps longer texts' rest apart, and says
    so); relative dates resolve against the publication day only when an article can have been published on it.
    """
    text = text[:MAX_CODED_CHARS]
    doc = pipeline()(recase_capitals(text))
    doc.user_data["text"] = text  # the input as written, which the recased text keeps every character's place of
    events = code_document(doc, published if published and plausible_publication(published) else None)
    # What the document keeps of itself (its sentences' and names' Spans, which hold it) makes a cycle that only the
    # garbage collector would free, after walking it: released, the document is freed as soon as it is dropped.
    doc.user_data.clear()
    return events


# One sentence that takes the coder through its pipeline, lexicons and place names, after a headline in capitals,
# which builds the acronyms that `recase_capitals` keeps.
WARM_UP_TEXT = (
    "EGYPT ARRESTS PROTESTERS\nPolice arrested dozens of protesters in Cairo on Monday, the interior ministry said."
)


def warm_up() -> None:
    """Build what `extract_events` loads on its first call (about a second of work), so that the first article
    does not pay for it: a worker does this once before it forks its pool processes, which then share it.

    What it built lives as long as the worker, so it is put out of the garbage collector's reach (gc.freeze): a
    collection then walks what an article made, not the lexicons' hundred thousand containers, and a forked process
    does not write to the pages it shares by touching them.
    """
    extract_events(WARM_UP_TEXT)
    gc.freeze()
