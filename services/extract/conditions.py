"""Whether an act is told as done, or as conditional, foreseen, a purpose, an obligation or to come."""

from __future__ import annotations

from services.extract import lexicon
from services.extract.actors import CALENDAR, DETERMINERS, PEOPLE_SECTORS, PREPOSITIONS, Chunk
from services.extract.clauses import finite_after_and
from services.extract.defaults import HARMS
from services.extract.emit import ARMED_FORCES, REACTED_ACTS, emit
from services.extract.modality import ASSERTED, modality_of
from services.extract.models import Actor, EventCandidate
from services.extract.nlp import MODALS, is_past_form, is_s_form, words
from services.extract.pronouns import resolve
from services.extract.readings import QUOTES, Hit
from services.extract.roles import AUXILIARIES, source_before
from services.extract.sentence import Sentence
from services.extract.sides import written_roles

INVERTED_CONDITIONS = frozenset({"should", "were", "had"})
CONDITIONAL_MODALS = frozenset({"may", "might", "could"})
WARNING_MODALS = CONDITIONAL_MODALS | {"would", "will"}
HELPED_PHRASE_WORDS = 6  # "to help the country's overstretched police fight"
# Nouns for states of things and decisions, which endanger rather than threaten: "the war threatens", "the move
# could threaten".
ENDANGERING_NOUNS = lexicon.word_set("endangering_nouns")
CAUSES_BEFORE_TO = frozenset({"due", "owing"})  # "due to clashes"
WARNED_RESPONSES = lexicon.word_set("warned_responses")
# How far after a trigger a date to come still dates it ("meeting in the Lithuanian capital next week")
FUTURE_TIME_REACH = 6
# A clause of time in the present tells what is yet to come, on which the rest waits, as a condition does: "until
# the president is arrested", "once sanctions are lifted"; one opened by "after", "before" or "when" only where the
# sentence says so before it ("will reopen the border after Somalia withdraws"), for a headline tells the past in
# the present ("Kenya shuts border after Somalia attacks town"). No one has said they will do it: no intent.
TIME_CLAUSES_TO_COME = frozenset({"until", "till", "once"})
TIME_CLAUSES = TIME_CLAUSES_TO_COME | {"after", "before", "when"}
FUTURE_WORDS = frozenset({"will", "would", "'ll", "shall"})
TIME_CLAUSE_REACH = 8
PRESENT_BE = frozenset({"is", "are", "am"})
TIME_UNITS = frozenset({"week", "month", "year", "weekend", "spring", "summer", "autumn", "fall", "winter"})
# What a party is warned over: its own doings ("warned Washington over arms sales"), not a danger ("of floods")
GRIEVANCE_PREPOSITIONS = frozenset({"over"})
WARNED_REACH = 6  # tokens from "warned" to the "to" of what the warned must do
# tokens from "warned" to the "would" of the speaker's own act: "warned anti-government protesters that troops would"
OWN_ACT_REACH = 12
# An act named as a noun, before its sides or alone ("Talks between Iran and the EU will resume", "Clashes may erupt"),
# says whether it happened in the verb after it: how many words of it are read
VERB_AFTER_REACH = 3
CLOSING_QUOTES = frozenset({'"', "''", "”", "’’"})


def endangers(s: Sentence, hit: Hit) -> bool:
    """Whether "threaten" says an act or a state of things endangers something ("an assault on Rafah would
    threaten the peace treaty", "the crisis threatens millions"), not that anyone threatens: its subject is an
    event noun, right before the verb and its auxiliaries."""
    w = words(s.doc)
    if w.lemma[hit.start] != "threaten":
        return False
    i = hit.start - 1
    while i > s.sent.start and (w.lower[i] in AUXILIARIES or w.lower[i].endswith("ly")):
        i -= 1
    # past a place or a name the noun's phrase ends with: "an assault on Rafah would threaten"
    j = i
    while j > s.sent.start and w.title[j]:
        j -= 1
    if j < i and w.lower[j] in PREPOSITIONS:
        i = j - 1
    return w.lower[i] in REACTED_ACTS or w.lemma[i] in ENDANGERING_NOUNS


def only_foresees(s: Sentence, hit: Hit) -> bool:
    """Whether a warning foretells what will happen rather than what its speaker will do: "warned that 50,000
    jobs are at risk", "warned of famine" are no threat (CAMEO 130 threatens the speaker's own act), where
    "warned Israel of a crushing response" and "warned residents to leave" are."""
    w = words(s.doc)
    if w.lemma[hit.start] != "warn" and w.lemma[hit.end - 1] != "warn":
        return False  # "warned", or "issued a warning"
    rest = range(hit.end, s.sent.end)
    if any(w.lemma[i] in WARNED_RESPONSES or w.lower[i] in WARNED_RESPONSES for i in rest):
        return False
    if _warns_of_its_own_act(s, hit) or _warns_a_party_over_a_grievance(s, hit):
        return False
    # "warned people in northern Gaza to move south", "warned Russia against any attack": the verb, its object,
    # then what they must or must not do
    ultimatum = {w.lower[i] for i in range(hit.end, min(s.sent.end, hit.end + WARNED_REACH))}
    if not ultimatum & {"to", "against"}:
        return True
    # an -ing form is a noun ("issued a warning to Israel") unless the one warned follows it (", warning Manila
    # against further provocations")
    return w.lower[hit.start].endswith("ing") and s.chunk_at.get(hit.end) is None


def _warns_a_party_over_a_grievance(s: Sentence, hit: Hit) -> bool:
    """Whether a warning is addressed to a party of a country, over what it does ("China warned the United States
    over arms sales to Taiwan"): CAMEO files WARN under 130, and only a danger foretold ("warned residents of floods",
    "warned that jobs are at risk") is no threat."""
    w = words(s.doc)
    warned = s.chunk_at.get(hit.end)
    if warned is None or warned.start != hit.end or warned.end >= s.sent.end:
        return False
    party = any(a.country and a.sector not in PEOPLE_SECTORS for a in warned.actors)
    return party and w.lower[warned.end] in GRIEVANCE_PREPOSITIONS


def _warns_of_its_own_act(s: Sentence, hit: Hit) -> bool:
    """Whether a warning's clause is the speaker's own act to come: "warned (that) it would close the Strait",
    "warned protesters that troops would open fire", "warned that churches would be shut down"."""
    w = words(s.doc)
    i = hit.end + (hit.end < s.sent.end and w.lower[hit.end] == "that")
    if i + 1 < s.sent.end and w.lower[i] in ("it", "they", "we") and w.lower[i + 1] in ("would", "will"):
        return True
    if _on_condition_of_another(s, hit):
        return True
    end = min(s.sent.end, hit.end + OWN_ACT_REACH)
    modal = next((k for k in range(hit.end, end) if w.lower[k] in ("would", "will")), None)
    if modal is None:
        return False
    # the state's own forces, unnamed, will act: the speaker's ("the army would crush any attempt")
    subject = s.chunk_at.get(modal - 1)
    forces = subject is not None and all(a.country is None and a.sector in ARMED_FORCES for a in subject.actors)
    clause = range(modal + 1, s.sent.end)
    harm = any(h.start in clause and h.entry.type in HARMS for h in s.hits)
    if forces and subject.actors and (harm or any(w.lemma[k] in WARNED_RESPONSES for k in clause)):
        return True
    # "would be shut down", "will be prosecuted": coercion to come, by the authority that warns
    return (
        modal + 2 < s.sent.end
        and w.lower[modal + 1] == "be"
        and any(h.start == modal + 2 and h.entry.type in HARMS for h in s.hits)
    )


def _on_condition_of_another(s: Sentence, hit: Hit) -> bool:
    """Whether a warning says what will happen if a named party acts: "warned Hezbollah that Israel could do in
    Beirut what it did in Gaza if the group widened the war", "warned that not a drop of oil would flow if the
    United States imposed sanctions". A consequence made to hang on another's act is a threat (CAMEO 13)."""
    w = words(s.doc)
    modal = next((k for k in range(hit.end, s.sent.end) if w.lower[k] in WARNING_MODALS), None)
    if modal is None:
        return False
    for k in range(modal + 1, s.sent.end - 1):
        if w.lower[k] in ("if", "unless"):
            subject = s.chunk_at.get(k + 1)
            return subject is not None and subject.prep is None and any(a.country for a in subject.actors)
    return False


def opens_a_cause(s: Sentence, to: int) -> bool:
    """Whether "to" ends a preposition of cause, or a verb's that tells what something caused: "due to clan
    fighting", "owing to clashes", "the dispute led to clashes" (not "to avoid clashes")."""
    w = words(s.doc)
    return (
        w.lower[to] == "to" and to > s.sent.start and (w.lower[to - 1] in CAUSES_BEFORE_TO or w.lemma[to - 1] == "lead")
    )


def modality_after(s: Sentence, end: int) -> tuple[str, dict[str, str]]:
    """The modality of an act named as a noun, told by the verb after the noun or its sides, from `end`: "Talks
    between Iran and the EU will resume", "Clashes may erupt"."""
    return modality_of(s.doc, end, min(s.sent.end, end + VERB_AFTER_REACH))


def set_to_come(s: Sentence, hit: Hit, *, noun: bool = False) -> bool:
    """Whether a trigger in the present or an -ing form is dated to come in its own phrase: "meeting in Vilnius
    next week", "visits Beijing tomorrow"; noun: a noun's own date counts ("Chavez's visit next week")."""
    w = words(s.doc)
    if is_past_form(w, hit.start):
        return False  # "met last week"
    before = w.lower[hit.start - 1] if hit.start > s.sent.start else ""
    if not noun and (before in DETERMINERS or before == "to"):
        # "a meeting next week", "an invitation to attend a meeting next week": a noun or an infinitive, whose
        # date is its governor's business
        return False
    if noun and hit.end < s.sent.end and w.lower[hit.end] == "ahead":
        return True  # "More protests ahead in Greece"
    # inside the pattern's own gap too: "beginning next week for talks"
    for k in range(hit.start + 1, min(s.sent.end, hit.end + FUTURE_TIME_REACH)):
        if w.lower[k] in (",", ";") or w.lower[k] in AUXILIARIES:
            return False
        if (
            w.lower[k] == "tomorrow"
            or w.lower[k] == "next"
            and k + 1 < s.sent.end
            and (w.lower[k + 1] in TIME_UNITS or w.lower[k + 1] in CALENDAR)
        ):
            return True
    return False


def in_a_time_clause_to_come(s: Sentence, hit: Hit) -> bool:
    """Whether a trigger is the verb of a clause of time that tells what is yet to come, a condition of the
    sentence's other acts: in the present after TIME_CLAUSES_TO_COME ("until the president is arrested"), or in
    the past after what the sentence plans ("vowed to fight until the regime fell"); after "after", "before" or
    "when", in the present where the sentence says it will ("will reopen the border after Somalia withdraws")."""
    w = words(s.doc)
    word, before = w.lower[hit.start], w.lower[hit.start - 1] if hit.start > s.sent.start else ""
    third_person = is_s_form(w, hit.start) and not is_past_form(w, hit.start)
    present = before in PRESENT_BE or third_person
    for k in range(hit.start - 1, max(s.sent.start, hit.start - TIME_CLAUSE_REACH) - 1, -1):
        if w.lower[k] in (",", ";", "to") or w.lower[k] in MODALS:
            return False
        if w.lower[k] in TIME_CLAUSES and not (k + 1 < hit.start and w.lower[k + 1] == "again"):
            planned = any(w.lower[j] in MODALS or w.lower[j] == "to" for j in range(s.sent.start, k))
            if w.lower[k] in TIME_CLAUSES_TO_COME:
                # a plain form is present here ("until troops withdraw"); a past one is rare after "until"
                return present or word == w.lemma[hit.start] or planned
            # a plain form may be a past one ("after a shell hit the school"): "-s" or "is" only
            return present and any(w.lower[j] in FUTURE_WORDS for j in range(s.sent.start, k))
    return False


def condition_subject(s: Sentence, hit: Hit) -> list[Actor]:
    """Whom a threat or an offer is made to: the subject of its "if" or "unless" clause."""
    w = words(s.doc)
    for i in range(hit.end, s.sent.end):
        if w.lower[i] in ("if", "unless"):
            chunk = next((c for c in s.chunks if c.start > i and not c.pronoun), None)
            if chunk is not None and chunk.start - i <= 3:
                return chunk.actors
            return []
    return []


def is_conditional(s: Sentence, source: Chunk | None) -> bool:
    """A subject right after "if" or "unless" ("unless Baghdad accepted"), or after an opening "should", "were"
    or "had", is in a condition, not a report ("until": `in_a_time_clause_to_come`)."""
    if source is None:
        return False
    j = source.start - 1
    while j >= s.sent.start and words(s.doc).lower[j] in DETERMINERS:
        j -= 1
    if j < s.sent.start:
        return False
    # "Should Hamas release the hostages, ...", "Were Iran to attack, ...": a condition by inversion
    inverted = j == s.sent.start and words(s.doc).lower[j] in INVERTED_CONDITIONS
    return inverted or words(s.doc).lower[j] in ("if", "unless", "whether")


def asks(s: Sentence, hit: Hit) -> bool:
    """Whether a trigger is in the question a sentence closes with: a question asserts nothing. A headline's
    statement before a colon stands ("Putin Threatens Europe With War: What Is Behind the Escalation?")."""
    w = words(s.doc)
    last = s.sent.end - 1
    while last > s.sent.start and (w.lower[last] in CLOSING_QUOTES or not w.lower[last].strip()):
        last -= 1
    if w.lower[last] != "?":
        return False
    return not any(w.lower[k] in (":", ";") for k in range(hit.end, last))


def allowed_doers(s: Sentence, hit: Hit) -> list[Actor] | None:
    """Who does an act another allows, named between the allowing and the act's "to" ("allowed Russia to send
    troops", "gave permission to Russia to help"): the one allowed (CAMEO 080 allows another); None when no act
    of allowing comes before in the clause."""
    w = words(s.doc)
    if hit.start - 1 <= s.sent.start or w.lower[hit.start - 1] != "to":
        return None
    allowing = [h for h in s.hits if h.end < hit.start and h.entry.mode == "allow"]
    if not allowing or any(i in s.right_stops for i in range(allowing[-1].end, hit.start)):
        return None
    allowed = s.chunk_at.get(hit.start - 2)
    if allowed is None or allowed.start < allowing[-1].end or allowed.prep not in (None, "to"):
        return None
    return resolve(s, allowed)


def doers_of_purpose(s: Sentence, hit: Hit, object_: Chunk) -> list[Actor] | None:
    """Who acts in an infinitive of purpose after another act's object: the subject of that act (None when no
    act comes before)."""
    # the object may be inside the act's own pattern ("summoned the ambassador to protest")
    before = [h for h in s.hits if h is not hit and h.start < object_.start and h.end <= hit.start]
    before = [h for h in before if object_.end < hit.start]
    if not before or any(i in s.right_stops for i in range(before[-1].end, hit.start)):
        return None
    return resolve(s, written_roles(s, before[-1])[0])


def _helps_the_one_before(s: Sentence, end: int) -> bool:
    """Whether the phrase ending at `end` is the object of "to help" ("to help the country's police")."""
    w = words(s.doc)
    stop = max(s.sent.start + 1, end - HELPED_PHRASE_WORDS)
    if "help" not in w.lower[stop + 1 : end + 1]:
        return False  # most phrases: no word of the window is read
    for k in range(end, stop, -1):
        if w.lower[k] in (",", ";") or any(h.start <= k < h.end for h in s.hits):
            return False
        if w.lower[k] == "help" and w.lower[k - 1] == "to":
            return True
    return False


def is_purpose(s: Sentence, hit: Hit) -> bool:
    """An infinitive ("sent troops to protect", "to encourage refugees to return") plans, it does not report."""
    w, j = words(s.doc), hit.start - 1
    while j > s.sent.start and w.lower[j] in QUOTES:
        j -= 1  # "to unite and ``mobilize''"
    if j > s.sent.start and w.lower[j] in ("and", "or"):
        # "to land and evacuate": the second verb shares the first one's "to"; "to cut ties and expelled" does not
        if finite_after_and(w, hit.start):
            return False
        return any(w.lower[k] == "to" for k in range(max(s.sent.start, j - 4), j))
    if j > s.sent.start + 1 and w.lower[j] in ("be", "been") and w.lower[j - 1] == "to":
        return True  # "a call for peacekeepers to be deployed"
    if j > s.sent.start + 1 and w.lower[j] == "help" and w.lower[j - 1] == "to":
        j -= 1  # "sent troops to help fight the rebels": to fight them
    if _helps_the_one_before(s, j):
        return True  # "arrived to help the country's police fight armed gangs": what the help is for
    if j <= s.sent.start or w.lower[j] != "to" or w.lower[hit.start].endswith("ing"):
        return False  # "resorted to throwing stones" is not an infinitive
    if opens_a_cause(s, j):
        return False  # "died due to clashes", "led to clashes": the cause, no purpose
    # the verb before "to", or before its object: "prompting Madrid to recall its ambassador"
    object_ = s.chunk_at.get(j - 1)
    k = object_.start - 1 if object_ is not None and object_.start > s.sent.start else j - 1
    # past when and how: "voted unanimously on Saturday to demand"
    while k > s.sent.start and (w.lower[k] in CALENDAR or w.lower[k] == "on" or w.lower[k].endswith("ly")):
        k -= 1
    verb = s.doc[k]
    return lexicon.cues().get((verb.lemma_,)) != "aspect" and not (
        k - 1 >= s.sent.start and (w.lemma[k - 1], verb.lemma_) in lexicon.cues()
    )


def obligation(s: Sentence, hit: Hit) -> list[EventCandidate]:
    """ "X said Y must ...": a demand by the speaker X on Y."""
    doc, sent = s.doc, s.sent
    obliged = source_before(doc, sent, hit.start, s.chunk_at, s.left_stops)
    if obliged is None or obliged.pronoun or not s.say:
        return []
    say = max((i for i in s.say if i < obliged.start), default=None)
    if say is None:
        say = min(i for i in s.say if i > hit.start) if any(i > hit.start for i in s.say) else None
        speaker = source_before(doc, sent, say, s.chunk_at, set()) if say is not None else None
    else:
        speaker = source_before(doc, sent, say, s.chunk_at, set())
    if speaker is None or speaker is obliged or speaker.pronoun:
        return []
    return emit(s, hit, "REQUEST", None, "100", ASSERTED, speaker.actors, obliged.actors)
