"""Modality: whether a sentence asserts that an event happened, or negates, plans, supposes or only reports a claim."""

from __future__ import annotations

from spacy.tokens import Doc

from services.extract import lexicon
from services.extract.nlp import BE_FORMS, Words, is_past_form, words

ASSERTED, NEGATED, FUTURE, HYPOTHETICAL, CLAIMED = "asserted", "negated", "future", "hypothetical", "claimed"
# Strongest first: "would not withdraw" is negated before it is future.
PRECEDENCE = (NEGATED, HYPOTHETICAL, CLAIMED, FUTURE)
# Modals that only predict, so a sentence using them commits no one to anything.
PREDICTIONS = frozenset(
    {"expect", "predict", "speculate", "forecast", "scheduled", "schedule", "due to", "set to"}
    | {"think", "likely", "unlikely", "doubt"}
)
WINDOW = 8
# "without" negates only what follows it closely: "withdrew without firing a shot"
WITHOUT_REACH = 2
# Subjects of a verb's -s form: "he suspects that" voices a suspicion, "three suspects" are people
SINGULAR_SUBJECTS = frozenset({"he", "she", "it", "who", "police"})
# Words after which a cue word is a noun ("the plan", "its threat"); not "all" or "this", which may be subjects.
NOUN_MARKERS = lexicon.word_set("possessives") | {"the", "a", "an", "'s", "’s"}
PLAN_REACH = 2  # "the talks are due to", "is also due to"
# The first words of the cues: a word that is none, as its lemma or as written, opens no cue
CUE_OPENERS = frozenset(cue[0] for cue in lexicon.cues())


def cues_between(doc: Doc, start: int, end: int) -> dict[str, str]:
    """Cue kinds found among tokens [start, end), with the cue (lemmas joined by a space) that gave each."""
    table = lexicon.cues()
    w = words(doc)
    found: dict[str, str] = {}
    for i in range(start, end):
        lower, lemma = w.lower[i], w.lemma[i]
        if lemma not in CUE_OPENERS and lower not in CUE_OPENERS:
            continue  # most words
        # "May" in mid-sentence is the month, not the modal.
        if lower == "may" and w.title[i] and i > doc[i].sent.start:
            continue
        if i + 1 < end and (lemma, w.lemma[i + 1]) in table and not _cause_not_plan(w, i):
            kind = table[(lemma, w.lemma[i + 1])]
            found.setdefault(kind, f"{lemma} {w.lemma[i + 1]}")
        # "Officials who attacked the plan resigned": a noun, no cue; but "the claim that", "the alleged attack" still
        # only report a claim
        noun = i and w.lower[i - 1] in NOUN_MARKERS
        if lower == "suspect" and noun or lower == "suspects" and w.lower[i - 1] not in SINGULAR_SUBJECTS:
            continue  # "three suspects were arrested", "the suspect fled": people, no claim
        if lower == "without" and i < end - WITHOUT_REACH:
            continue  # "held without charge ... has been on hunger strike": "without" governs its own noun
        if lower == "likely" and i + 1 < len(doc) and is_past_form(w, i + 1):
            continue  # "chlorine was likely used", "troops likely shelled": a finding on the past, not a forecast
        for key in ((lemma,), (lower,)):
            if key in table and (not noun or table[key] == CLAIMED):
                found.setdefault(table[key], key[0])
    return found


def _cause_not_plan(w: Words, i: int) -> bool:
    """Whether "due to" is the preposition of a cause ("eight dead due to clan fighting", "closed due to protests"),
    not a predicate that plans what follows ("the leaders are due to meet"), which follows a form of "be"."""
    return w.lower[i] == "due" and not any(w.lower[k] in BE_FORMS for k in range(max(0, i - PLAN_REACH), i))


def modality_of(doc: Doc, window_start: int, trigger_start: int) -> tuple[str, dict[str, str]]:
    """The modality of a trigger from the cues between its subject (or clause start) and itself."""
    start = max(window_start, trigger_start - WINDOW)
    found = cues_between(doc, start, trigger_start)
    found.pop("say", None)
    for kind in PRECEDENCE:
        if kind in found:
            return kind, found
    return ASSERTED, found
