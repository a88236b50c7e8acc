"""Where a sentence's clauses end, and which verb governs the action told after it: read once per sentence."""

from __future__ import annotations

from functools import cache
from itertools import compress

from spacy.tokens import Doc, Span

from services.extract import lexicon
from services.extract.actors import DETERMINERS, QUANTIFIERS
from services.extract.models import quad_class
from services.extract.nlp import GAP_STOPS, MODALS, Words, words
from services.extract.places import goes_on
from services.extract.readings import GOVERNORS, Hit, closes_a_tail, complement_at, tail_comma
from services.extract.roles import RELATIVES, SUBORDINATORS, apposition_start

# What an object is taken or held as, after it: CAMEO 181's verbs of abduction ("took them hostage"), and the
# verdicts of CAMEO 112 and 116 ("found the minister guilty", "held Russia responsible").
OBJECT_COMPLEMENTS = frozenset({"hostage", "captive", "guilty", "liable", "responsible", "accountable"})
# Prepositions that open an adverbial clause before a gerund ("resigned without returning to", "ended the
# strike by accepting an offer from"): what follows is that clause's object, not the main verb's.
GERUND_OPENERS = lexicon.word_set("gerund_openers")
# How many words may stand between two coordinated gerunds ("violating its airspace and bombing")
GERUND_GAP = 6
CLAIM_VERBS = frozenset({"claim", "contend", "argue"})
EXISTENTIAL_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "may"})
# The words at which `clause_stops` may end a clause: it passes over any other word at once
CLAUSE_STOP_WORDS = (
    frozenset({";", ",", "under", "and", "in", "as", "that", "according", "where", "there"})
    | SUBORDINATORS
    | RELATIVES
    | GERUND_OPENERS
)
# How far past ", and" a clause's verb may stand after its subject (", and the United States and the United
# Nations swiftly condemned")
CLAUSE_SUBJECT_REACH = 12
# GDELT's quad classes: verbal conflict, material conflict, and the verbal acts (cooperation and conflict)
VERBAL_CONFLICT, MATERIAL_CONFLICT = 3, 4
VERBAL_CLASSES = frozenset({1, VERBAL_CONFLICT})
# How far "that" may follow the verb whose report it opens: "told the jurors that", "said on Tuesday that"
REPORT_REACH = 4
BARE_COMPLEMENT_REACH = 6  # tokens from a demand's verb to the plain verb of what is demanded


def object_complement(w: Words, hit: Hit) -> range:
    """The words that end a gapped trigger and say what its object was made, after that object ("took three police
    officers hostage", "held them captive", "stoned a man to death"): a complement, not part of the object's phrase;
    none when there is none. "took 20 hostages" and "held the captives" end in the object itself. Right after the
    verb, "hostage" is what a passive's subject was taken as ("were taken hostage")."""
    last = hit.end - 1
    if "~" not in hit.entry.pattern:
        return range(0)
    if w.lower[last] in OBJECT_COMPLEMENTS:
        before = last - 1
        counted = w.num[before] or w.lower[before] in DETERMINERS or w.lower[before] in QUANTIFIERS
        return range(0) if counted else range(last, hit.end)
    if last - 1 > hit.start and w.lower[last - 1] == "to" and w.lower[last] == "death":
        return range(last - 1, hit.end)
    return range(0)


def _opens_gerund(w, i: int, end: int) -> bool:
    """Whether a preposition opens an adverbial clause with a gerund ("without returning", "by dumping")."""
    return w.lower[i] in GERUND_OPENERS and i + 1 < end and w.is_lower[i + 1] and w.lower[i + 1].endswith("ing")


def clause_stops(doc: Doc, sent: Span, say_tokens: set[int], hits: list[Hit]) -> tuple[set[int], set[int]]:
    """Clause ends for the search left (subjects) and right (objects) of a trigger."""
    left, right = set(), set()
    w = words(doc)
    trigger_ends = {h.end for h in hits}
    trigger_starts = {h.start for h in hits}
    bare_verb_ends = {h.end for h in hits if h.end - h.start == 1}
    # Words that report what someone said or alleged: "Prosecutors allege that Simpson shot Flynn"
    reported_ends = {h.end for h in hits if is_verbal(h.entry.cameo)} | {i + 1 for i in say_tokens}
    # (only the words that may end a clause are visited)
    for i in compress(range(sent.start, sent.end), map(CLAUSE_STOP_WORDS.__contains__, w.lower[sent.start : sent.end])):
        lower = w.lower[i]
        if lower == ";":
            left.add(i)
            right.add(i)
        elif lower == "under" and i + 1 < sent.end and (w.lower[i + 1] in DETERMINERS or w.lower[i + 1] == "pressure"):
            # "released 553 prisoners under a deal with the Vatican", "under pressure from Washington": the terms
            # an act was done on, not whom it was done to
            right.add(i)
        elif goes_on(w, i) and i + 1 not in trigger_starts:
            # "resigned and fled to India": where one went next is no one the first act was aimed at
            right.add(i)
        elif lower == "and" and i + 1 in trigger_starts and i not in bare_verb_ends:
            # "condemned the launch and vowed to strengthen ties with Washington": a verb after its own object and
            # "and" opens the next act, whose objects are not the first one's ("attacked and killed" share theirs)
            right.add(i)
        elif lower == "in" and i + 2 < sent.end and w.lower[i + 1] == "response" and w.lower[i + 2] == "to":
            # "announced drills around Taiwan in response to the president's visit to the US": what it answers, not
            # whom it is aimed at
            right.add(i)
        elif lower == "as" and i in trigger_ends and i + 1 < sent.end and w.lower[i + 1] in DETERMINERS:
            continue  # "denounced as an ugly crime Serbia's ...": "as a" after the verb opens no clause
        elif lower in SUBORDINATORS or lower in RELATIVES or lower == "according" or _opens_gerund(w, i, sent.end):
            right.add(i)
        elif lower == "," and _joins_a_clause(w, i, sent.end, trigger_starts):
            # "barred women from universities, and the United States condemned the decision": the next clause has
            # a subject and a verb of its own, and its subject is no object of the first
            right.add(i)
        elif lower == "," and _closes_an_aside_with_an_act(doc, sent, i, hits):
            # "Russia, which will host the talks, attacked Ukraine": what the aside's verb is done to is in the aside
            right.add(i)
        elif lower == "," and i + 1 in trigger_starts and w.lower[i + 1].endswith("ing"):
            # "exchanged fire along the border, killing three soldiers": the participle's clause has its own object
            right.add(i)
        elif lower == "that" and i > sent.start and _reports(w, i, sent.start, reported_ends):
            left.add(i)  # the clause reported has its own subject, named or not
        if lower == "where":
            left.add(i)  # "a zone where the plates meet": a place's clause has its own subject, after "where"
        elif lower == "there" and i + 1 < sent.end and w.lower[i + 1] in EXISTENTIAL_VERBS:
            left.add(i)  # "the crowd dispersed and there was one arrest": what there was has no subject before it
    for i in say_tokens:
        left.add(i)
        # An attribution tail (", a Jordanian official confirmed") is no one's object.
        if (comma := tail_comma(w, i, sent.start)) is not None:
            right.add(comma)
        right.add(i)
    for hit in hits:
        # so is one whose verb is an act of speech that closes the sentence (", the minister warned.")
        if is_verbal(hit.entry.cameo) and closes_a_tail(w, hit, sent):
            right.add(tail_comma(w, hit.start, sent.start))
    return left, right


def _closes_an_aside_with_an_act(doc: Doc, sent: Span, comma: int, hits: list[Hit]) -> bool:
    """Whether a comma closes a relative clause set off by commas (", which will host the talks,") that holds a
    trigger; a participle's clause may run on into a list (", accusing it of supplying missiles, ammunition and
    mortars to insurgents")."""
    opened = apposition_start(doc, comma, sent)
    relative = opened is not None and words(doc).lower[opened + 1] in RELATIVES
    return relative and any(opened < h.start < comma for h in hits)


def _joins_a_clause(w: Words, comma: int, sent_end: int, trigger_starts: set[int]) -> bool:
    """Whether ", and" or ", but" opens a clause with its own verb a few words on, before any other comma."""
    if comma + 2 >= sent_end or w.lower[comma + 1] not in ("and", "but"):
        return False
    for k in range(comma + 2, min(sent_end, comma + CLAUSE_SUBJECT_REACH)):
        if w.lower[k] == ",":
            return False
        if k in trigger_starts:
            return k > comma + 2
    return False


def _reports(w: Words, that: int, sent_start: int, reported_ends: set[int]) -> bool:
    """Whether "that" opens what a verb of saying or claiming reports, right after it or past its object or a time
    ("told jurors that", "said on Tuesday that")."""
    for k in range(that, max(sent_start, that - REPORT_REACH) - 1, -1):
        if k in reported_ends or k > sent_start and w.lemma[k - 1] in CLAIM_VERBS:
            return True
        if k < that and w.lower[k] in GAP_STOPS:
            return False
    return False


@cache
def is_verbal(cameo: str) -> bool:
    """Whether a CAMEO code is a verbal act (statements, appeals, accusations, demands, threats, rejections)."""
    return quad_class(cameo) in VERBAL_CLASSES


def find_complements(doc: Doc, sent: Span, hits: list[Hit]) -> None:
    """Attach actions to the verb that governs them: "threatened to cut", "urged Iraq to allow", "accused X of"."""
    for hit in hits:
        if hit.entry.kind not in GOVERNORS:
            continue
        kind = hit.entry.kind
        hit.complement = complement_at(words(doc), hit, sent.end)
        if hit.complement is None and kind == "request":
            hit.complement = _bare_complement_at(words(doc), hit, hits, sent.end)
        if hit.complement is None:
            continue
        for other in hits:
            if other is not hit and other.governor is None and hit.complement < other.start <= hit.complement + 6:
                if other.entry.kind in GOVERNORS and other.entry.kind != "commit" and kind not in ("request", "accuse"):
                    continue  # "refused to threaten" keeps its own event; "demanded that X refuse" does not
                if finite_after_and(words(doc), other.start):
                    break  # "accused Beijing of dangerous manoeuvres and summoned its envoy": the subject's next act
                if any(words(doc).lower[k] in (",", ";") for k in range(hit.complement, other.start)):
                    break  # "pledged to ensure security, rebuffing calls for": the clause governed ended at its comma
                other.governor = hit
                _govern_coordinated_gerunds(doc, sent, hit, other, hits)
                break


def _bare_complement_at(w: Words, demand: Hit, hits: list[Hit], sent_end: int) -> int | None:
    """Where a demand's clause with no "that" opens: at the plain form of a verb after whom it is made to, which
    says what they must do ("demands Rwanda pull out its forces", "urged Israel's army halt"): the word before it."""
    for other in hits:
        if other.start <= demand.end or other.start > demand.end + BARE_COMPLEMENT_REACH or other.end >= sent_end:
            continue
        between = w.lower[demand.end : other.start]
        word = w.lower[other.start]
        if any(t in (",", ";", "to", "that") or t in SUBORDINATORS or t in MODALS for t in between):
            return None
        # a verb goes on to its object or particle; a noun may end the sentence ("seek a TV ban.")
        if w.alpha[other.start] and w.is_lower[other.start] and word == w.lemma[other.start] and w.alpha[other.end]:
            return other.start - 1
        return None
    return None


def _govern_coordinated_gerunds(doc: Doc, sent: Span, governor: Hit, first: Hit, hits: list[Hit]) -> None:
    """Gerunds coordinated with a governed one are governed too: "accused of shooting and killing a girl"; so are
    bare verbs coordinated with a governed bare verb: "demanded that Maduro step down and hand over power"."""
    w = words(doc)
    last = first
    for other in hits:
        if other.start < last.end or other.governor is not None:
            continue
        word = w.lower[other.start]
        bare = w.lemma[first.start] == w.lower[first.start] and w.lemma[other.start] == word
        joined = w.lower[other.start - 1] in ("and", "or") and (word.endswith("ing") or bare)
        if not joined or "," in w.lower[last.end : other.start] or other.start - last.end > GERUND_GAP:
            break
        other.governor, last = governor, other


def finite_after_and(w: Words, i: int) -> bool:
    """A verb after "and" in a tense of its own ("and summoned", "and sent"), not a form that shares the governing
    verb's complement ("to allow inspectors and release", "of attacking and killing")."""
    word = w.lower[i]
    return w.lower[i - 1] == "and" and w.lemma[i] != word and not word.endswith("ing")
