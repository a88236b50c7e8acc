"""What the coder reads of one sentence before it codes its events, read once."""

from __future__ import annotations

from functools import cached_property
from itertools import compress

from spacy.tokens import Doc, Span

from services.extract import lexicon
from services.extract.actor_kinds import names_a_state
from services.extract.actors import (
    COUNTRY_NOUNS,
    POSSESSIVE_MARKS,
    Chunk,
    find_chunks,
    names_a_manner,
    names_an_area,
    of_country,
)
from services.extract.clauses import clause_stops, find_complements, object_complement
from services.extract.dates import find_dates
from services.extract.models import Location
from services.extract.nlp import ACT, Words, is_past_form, text_of, words
from services.extract.pronouns import named_before
from services.extract.readings import Hit, head_length, is_nominal, modifies_noun, move_of_a_market, tail_comma
from services.extract.roles import ATTACK_NOUNS, BE_FORMS, RELATIVES, names_a_document

# The lemmas of the reporting cues of one word ("say", "tell"): a sentence's other words report nothing
SAY_LEMMAS = frozenset(cue[0] for cue, kind in lexicon.cues().items() if kind == "say" and len(cue) == 1)
# Attacks and protests a report may name as a noun with their doer after "by" ("the shelling of Douma by government
# forces", "protests by students continued")
NOMINAL_ACTS = frozenset({"ASSAULT", "PROTEST"})
# Participles that open an aside on where or how someone spoke: "The minister, speaking in Brussels, said"
SPEAKING = frozenset({"speaking", "talking", "writing"})
# Acts of force and shows of force named as nouns, and the words of a force that qualify them rather than name who
# did them: "launched a military offensive", "conducted naval exercises"
FORCE_ACTS = ATTACK_NOUNS | lexicon.word_set("military_acts")
FORCE_QUALIFIERS = frozenset({"military", "army", "naval", "police", "air", "paramilitary"})


class Sentence:
    """What the coder reads of one sentence, once: its tokens, the triggers read as events (`hits`), the acts named as
    nouns (`nouns`, and of those the attacks and protests, `nominal`), its actor phrases (`chunks`, and `chunk_at`
    each token's), its named entities (`entities`, and the document's `entity_at`), its reporting verbs (`say`), its
    dates, the clause ends a search for roles stops at (`left_stops`, `right_stops`), the last subject of the
    sentences before (`last_subject`) and the country the story is set in (`setting`)."""

    def __init__(
        self, doc: Doc, sent: Span, index: int, hits: list[Hit], entity_at, entities, published, subject, setting
    ):
        self.doc, self.sent, self.index, self.published = doc, sent, index, published
        self.setting: str | None = setting  # the country the story is set in
        self.entities = entities  # the sentence's own
        self.entity_at = entity_at
        named_as_nouns = [is_nominal(doc, h, sent, entity_at, hits) for h in hits]
        self.nouns = [h for h, n in zip(hits, named_as_nouns, strict=True) if n and h.entry.type != "-"]
        self.nominal = [h for h in self.nouns if h.entry.type in NOMINAL_ACTS and h.entry.kind == ACT]
        hits = [h for h, n in zip(hits, named_as_nouns, strict=True) if not n]
        hits = [h for h in hits if not modifies_noun(doc, h, sent, hits)]
        hits = [h for h in hits if not move_of_a_market(doc, h, sent)]
        # The verb part of a gapped trigger is no actor; its object ("summoned the British ambassador") may be one.
        trigger_tokens = {i for h in hits for i in range(h.start, h.start + head_length(h))}
        w = words(doc)
        trigger_tokens |= {k for h in hits for k in object_complement(w, h)}
        trigger_tokens |= {k for h in hits for k in _act_noun_of_a_pattern(w, h)}
        # an attack's noun is no actor's word, though its first may name a force ("an Israeli air strike")
        trigger_tokens |= {k for h in self.nominal for k in range(h.start, h.end - 1)}
        self.start_char = sent.start_char
        self.text = text_of(doc)[self.start_char : sent.end_char].rstrip()
        self.dates: dict[bool, tuple] = {False: find_dates(self.text, published)}
        # People code by the role they held when the sentence's events happened ("Since September 2015 ... Assad").
        when = next((d.value for d in self.dates[False] if d.value and not d.report), published)
        self.chunks = find_chunks(doc, sent, entity_at, trigger_tokens, when)
        for chunk in self.chunks:
            self._place_the_country_s(chunk)
        self.chunk_at = {i: c for c in self.chunks for i in range(c.start, c.end)}
        self.say = {
            i
            for i in compress(range(sent.start, sent.end), map(SAY_LEMMAS.__contains__, w.lemma[sent.start : sent.end]))
            if i not in trigger_tokens
            and i not in entity_at
            and i not in self.chunk_at  # "authorities in India's Manipur state": a noun of an actor, no report
            and (i == sent.start or not w.title[i])
            and not (i > sent.start and i + 1 in trigger_tokens and names_a_manner(w, i))  # "a state visit"
            and not _raises_its_subject(w, i, sent)
            and not names_an_area(w, i, sent.end, entity_at)  # "Borno and Yobe states"
            and not names_a_document(w, i, self.chunk_at, sent)  # "A UN report accused Rwanda"
        }
        self.hits = hits
        self.last_subject = subject
        self.locations: dict[int, Location | None] = {}
        find_complements(doc, sent, self.hits)
        self.left_stops, self.right_stops = clause_stops(doc, sent, self.say, hits)

    def _place_the_country_s(self, chunk: Chunk) -> None:
        """Give "the country's army" the country "the country" points back to, as `resolve` reads it: the last
        state named before it in the sentence, else the one the story is set in."""
        w, k = words(self.doc), chunk.start
        if k - 2 < self.sent.start or w.lower[k] not in POSSESSIVE_MARKS or w.lower[k - 1] not in COUNTRY_NOUNS:
            return
        if w.lower[k - 2] != "the" or not chunk.actors or any(a.country for a in chunk.actors):
            return
        named = named_before(chunk, self.chunks, [], names_a_state)
        country = named.country if named is not None else self.setting
        if country is not None:
            chunk.actors = [of_country(a, country) for a in chunk.actors]

    @cached_property
    def relative_asides(self) -> frozenset[int]:
        """The tokens of the sentence's relative clauses set off by commas (", which has accused Ukraine,"), which
        say something of a phrase before them: a pronoun after one points back past it."""
        w, tokens = words(self.doc), set()
        for i in range(self.sent.start + 1, self.sent.end - 1):
            if w.lower[i] == "," and w.lower[i + 1] in RELATIVES:
                end = next((k for k in range(i + 2, self.sent.end) if w.lower[k] == ","), None)
                if end is not None:
                    tokens.update(range(i, end + 1))
        return frozenset(tokens)

    @cached_property
    def reporting(self) -> frozenset[int]:
        """The tokens that say who reports and where, not where the event was: from the comma before a reporting verb
        to the verb (", the defence ministry in Moscow said"), and from "according to" or an aside on speaking
        (", speaking in Brussels,") to the next comma."""
        w, end = words(self.doc), self.sent.end
        tokens: set[int] = set()
        lowers = w.lower[self.sent.start : end]
        if not self.say and "according" not in lowers and SPEAKING.isdisjoint(lowers):
            return frozenset()
        for i in self.say:
            if (comma := tail_comma(w, i, self.sent.start)) is not None:
                tokens.update(range(comma, i))
        for i in range(self.sent.start, end - 1):
            # "according to officials in Cairo"; "The minister, speaking in Brussels, said": where one speaks
            reporting = w.lower[i] == "according" and w.lower[i + 1] == "to"
            if reporting or w.lower[i] in SPEAKING and i > self.sent.start and w.lower[i - 1] == ",":
                tokens.update(range(i, next((k for k in range(i, end) if w.lower[k] == ","), end)))
        return frozenset(tokens)


def _raises_its_subject(w: Words, i: int, sent: Span) -> bool:
    """Whether a verb of saying is a passive before "to", whose subject is the doer of the verb after it: "Al
    Shabaab are reported to have struck", "the minister is said to have resigned"; the sentence reports their act,
    and says of no one that they spoke."""
    return (
        sent.start < i < sent.end - 1 and w.lower[i + 1] == "to" and w.lower[i - 1] in BE_FORMS and is_past_form(w, i)
    )


def _act_noun_of_a_pattern(w: Words, hit: Hit) -> range:
    """The act of force a gapped pattern ends in, with the words of a force that qualify it ("launched a military
    offensive", "conducted military exercises"): what was done and how, no actor. Not what the act was done to,
    whose owner it struck ("battered rebel strongholds")."""
    last = hit.end - 1
    if "~" not in hit.entry.pattern or w.lower[last] not in FORCE_ACTS:
        return range(0)
    first = last
    while first - 1 > hit.start and w.lower[first - 1] in FORCE_QUALIFIERS:
        first -= 1
    return range(first, hit.end)
