"""Which clauses tell only the background of their sentence's news, and which triggers only elaborate an act."""

from __future__ import annotations

from services.extract import lexicon
from services.extract.actors import DETERMINERS
from services.extract.clauses import VERBAL_CONFLICT
from services.extract.codes import DESTROY_PROPERTY
from services.extract.models import quad_class
from services.extract.nlp import Words, words
from services.extract.readings import Hit
from services.extract.roles import BE_FORMS, FIGHT_NOUNS, HARM_VERBS, RELATIVES, before_the_verb, participle_joined_by
from services.extract.sentence import Sentence
from services.extract.sides import aside_antecedent, coordinated_participle

# Adverbial clauses ("as police cracked down", "when they blew themselves up") and relative ones ("rebels who entered
# the country") tell the circumstances of the news of their sentence's main clause: background, not news.
ADVERBIAL_SUBORDINATORS = lexicon.word_set("adverbial_subordinators")
# Words beside "as" in phrases where it opens no clause ("such as", "as well as", "as part of").
AS_PHRASES = lexicon.word_set("as_phrases")
ADVERBIAL, RELATIVE = "adverbial", "relative"
# Openers of a clause that tells how harm told before it came about: "were killed when militants attacked"
CAUSE_OPENERS = frozenset({"when", "after", "as"})
SUBJECT_REACH = 3  # "when suspected Maoist rebels": the subject's first word within three of the opener


def _opens_adverbial(w: Words, s: Sentence, i: int, hit_ends: set[int]) -> bool:
    if w.lower[i] not in ADVERBIAL_SUBORDINATORS:
        return False
    if w.lower[i] != "as":
        return True
    # "denounced as", "such as", "as well as", "as part of" open no clause
    after = w.lower[i + 1] if i + 1 < s.sent.end else ""
    return i not in hit_ends and w.lower[i - 1] not in AS_PHRASES and after not in AS_PHRASES


def clauses_behind(s: Sentence, hits: list[Hit]) -> dict[int, int]:
    """The hits (by id) in an adverbial clause, which runs to the next comma, or the verb of a relative clause,
    which may be followed by the main clause's verb ("Officials who attacked the plan resigned"); each with the
    word that opens its clause."""
    w = words(s.doc)
    hit_at = {h.start: h for h in hits}
    hit_ends = {h.end for h in hits}
    background: dict[int, int] = {}
    clause, opener = None, s.sent.start
    i = s.sent.start
    while i < s.sent.end:
        hit = hit_at.get(i)
        if hit is not None:
            if clause is not None:
                background[id(hit)] = opener
            elif hit.governor is not None and id(hit.governor) in background:
                background[id(hit)] = background[id(hit.governor)]
            if clause == RELATIVE:
                clause = None
            i = hit.end
            continue
        lower = w.lower[i]
        if lower in (",", ";"):
            clause = None
        elif (i > s.sent.start or lower != "as") and _opens_adverbial(w, s, i, hit_ends):
            # "After Russian troops shelled the town, Ukraine expelled ...": its background; but harm told with
            # no doer, then when or after what it happened, is told by that clause ("Two soldiers were killed
            # when militants hurled a grenade")
            told_how = lower in CAUSE_OPENERS and _actor_opens(s, i) and _harm_by_no_one_before(s, i)
            clause, opener = (None, opener) if told_how else (ADVERBIAL, i)
        elif i > s.sent.start and w.lower[i - 1] == "," and lower.endswith("ing") and i in s.say:
            # ", saying it was withholding aid" gives the reason for the main clause's act
            clause, opener = ADVERBIAL, i
        elif lower in RELATIVES and aside_antecedent(s, i) is not None:
            clause = None  # "..., which has repeatedly accused Israel of war crimes": an assertion of its own
        elif lower in RELATIVES or (lower == "that" and _follows_noun(s, i)):
            clause, opener = RELATIVE, i
        i += 1
    return background


def _actor_opens(s: Sentence, i: int) -> bool:
    """Whether the clause word i opens has an actor for its subject ("when militants", "after Iraqi police"):
    a blast or a fire is told by its own verb, no one's act."""
    chunk = next((c for c in s.chunks if i < c.start <= i + SUBJECT_REACH), None)
    return chunk is not None and any(a.country or a.sector for a in chunk.actors)


def _harm_by_no_one_before(s: Sentence, i: int) -> bool:
    """Whether the clause before word i tells harm in the passive with no one doing it ("were killed", "have
    been injured"), and nothing else before it opens a clause."""
    w = words(s.doc)
    for k in range(s.sent.start + 1, i):
        if w.lower[k] in (",", ";") or w.lower[k] in CAUSE_OPENERS:
            return False
        harmed = w.lemma[k] in HARM_VERBS and w.lower[k].endswith(("ed", "wn", "rt"))
        if harmed and any(w.lower[j] in BE_FORMS for j in range(max(s.sent.start, k - 2), k)):
            return not (k + 1 < s.sent.end and w.lower[k + 1] == "by")
    return False


def _follows_noun(s: Sentence, i: int) -> bool:
    """Whether a word comes after a determiner and a noun: "a plan that will not allow" opens a relative clause,
    "announced that" the verb's object."""
    w = words(s.doc)
    return i - 2 >= s.sent.start and w.lower[i - 2] in DETERMINERS and w.is_lower[i - 1]


def is_elaboration(s: Sentence, hit: Hit) -> bool:
    # ", killing 20 people" after an attack repeats that attack; it is not a second event, nor is the
    # "wounding" of ", killing or wounding 50", nor the "setting fire" of a riot: harm done in the act's course.
    # A participle of another kind is an act of its own ("sent troops into Georgia, accusing Tbilisi of
    # aggression", ", killing one and arresting 12").
    if _harm_of_an_earlier_attack(s, hit):
        return True
    joined = participle_joined_by(words(s.doc), hit.start, s.sent)
    if joined is None:
        return False
    if joined == "," and hit.entry.mode == "allow" and any(h.start < hit.start for h in s.hits):
        return True  # "lifted its blockade, allowing grain ships to leave": what the act makes possible
    if hit.entry.type != "ASSAULT" and not hit.entry.cameo.startswith(DESTROY_PROPERTY):
        return False
    if joined != ",":
        previous = coordinated_participle(s, hit)
        return previous is not None and is_elaboration(s, previous)
    return any(h.start < hit.start and quad_class(h.entry.cameo) >= VERBAL_CONFLICT for h in s.hits)


def _harm_of_an_earlier_attack(s: Sentence, hit: Hit) -> bool:
    """Whether an attack verb opens a relative clause after an earlier attack in the sentence, or after a fight
    named as a noun, and so tells that attack's or that fight's harm: "accused Russia of shelling a hospital that
    killed three doctors", "a deal to end fighting that has killed thousands"."""
    if hit.entry.type != "ASSAULT":
        return False
    j = before_the_verb(words(s.doc), s.sent.start, hit.start)
    w = words(s.doc)
    if w.lower[j] not in ("that", "which"):
        return False
    return w.lower[j - 1] in FIGHT_NOUNS or any(h.end <= j and h.entry.type == "ASSAULT" for h in s.hits)
