"""The event coder on coded news sentences, beside a coder that knows only the trigger words.

A sentence is scored by its (source country, target country, event) triples: the PLOVER type for the PLOVER
records, the two-digit CAMEO root for the PETRARCH2 validation sentences. Only asserted events count, as a reader
of the events table would take them. Type recall ignores the actors: the share of gold event types coded at all;
types absent is its other side, the share of coded types that the sentence does not have. Each event type (CAMEO
root for PETRARCH2) also has its own triple figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from services.evaluation.scores import Matches, share
from services.extract import extract_events
from services.extract.actors import code_entity
from services.extract.modality import ASSERTED
from services.extract.nlp import find_triggers, pipeline

NEWSFLOW, TRIGGERS = "newsflow coder", "trigger words only"
PETR2, PLOVER = "petr2_gsr", "plover_gsr"
# The PLOVER records use an earlier draft's type names.
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# CAMEO country codes that differ from ISO 3166-1 alpha-3; "---" is an actor with no country.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "DRC": "COD", "SER": "SRB", "TMP": "TLS"}

Triple = tuple[str, str, str]
# A coded event as scored: source country, target country, PLOVER type, CAMEO code.
Coded = tuple[str, str, str, str]


def country(code: str) -> str:
    """The ISO country of a CAMEO actor code ("USAGOV" -> "USA", "JAPMIL" -> "JPN"); "" for none."""
    root = code[:3].upper()
    return "" if root in ("", "---") else CAMEO_TO_ISO.get(root, root)


def gold_triples(record: dict, dataset: str) -> set[Triple]:
    """The triples a gold record expects; '+'-joined actors expand to one triple each."""
    triples = set()
    for event in record["expected"]:
        kind = event["code"][:2] if dataset == PETR2 else OLD_TYPES.get(event["code"], event["code"])
        sources = [country(c) for c in event["source"].split("+")] if event["source"] else [""]
        targets = [country(c) for c in event["target"].split("+")] if event["target"] else [""]
        triples |= {(s, t, kind) for s in sources for t in targets}
    return triples


def newsflow_coded(text: str) -> list[Coded]:
    """The asserted events the coder finds in a sentence."""
    return [
        (e.source and e.source.country or "", e.target and e.target.country or "", e.type, e.cameo)
        for e in extract_events(text)
        if e.modality == ASSERTED
    ]


def trigger_coded(text: str) -> list[Coded]:
    """Every trigger word of the lexicon is an event; its source is the nearest actor before it in the sentence,
    its target the first actor after it: what word order alone gives, with no grammar."""
    doc = pipeline()(text)
    actors = [(entity, code_entity(entity, None, None, False)[1] or "") for entity in doc.ents]
    coded = []
    for start, end, trigger in find_triggers(doc):
        sentence = doc[start].sent
        before = [c for entity, c in actors if sentence.start <= entity.start and entity.end <= start]
        after = [c for entity, c in actors if end <= entity.start and entity.end <= sentence.end]
        coded.append((before[-1] if before else "", after[0] if after else "", trigger.type, trigger.cameo))
    return coded


CODERS: dict[str, Callable[[str], list[Coded]]] = {NEWSFLOW: newsflow_coded, TRIGGERS: trigger_coded}


@dataclass
class CoderCounts:
    """Triples and types matched over sentences, and how many events were coded against how many expected."""

    triples: Matches
    types: Matches
    sentences: int = 0
    coded_events: int = 0
    gold_events: int = 0
    by_type: defaultdict[str, Matches] = field(default_factory=lambda: defaultdict(Matches))

    def add(self, found: set[Triple], gold: set[Triple], gold_events: int) -> None:
        """One sentence's coded triples against its gold ones."""
        self.triples.add(found, gold)
        self.types.add({kind for _, _, kind in found}, {kind for _, _, kind in gold})
        for kind in {kind for _, _, kind in found | gold}:
            self.by_type[kind].add({t for t in found if t[2] == kind}, {t for t in gold if t[2] == kind})
        self.sentences += 1
        self.coded_events += len(found)
        self.gold_events += gold_events

    def figures(self) -> dict:
        """Triple precision, recall and F1; type recall and types absent; events coded and expected per sentence;
        the triple figures of each type."""
        return {
            "sentences": self.sentences,
            "precision": self.triples.precision,
            "recall": self.triples.recall,
            "f1": self.triples.f1,
            "type_recall": self.types.recall,
            "types_absent": None if self.types.precision is None else 1 - self.types.precision,
            "events_per_sentence": share(self.coded_events, self.sentences),
            "gold_events_per_sentence": share(self.gold_events, self.sentences),
            "by_type": {
                kind: {
                    "gold": m.tp + m.fn,
                    "coded": m.tp + m.fp,
                    "precision": m.precision,
                    "recall": m.recall,
                    "f1": m.f1,
                }
                for kind, m in sorted(self.by_type.items())
            },  # fmt: skip
        }


def evaluate_coder(
    records: Iterable[dict], dataset: str, *, advance: Callable[[], None] = lambda: None
) -> dict[str, dict]:
    """Every coder's figures on the records of one dataset."""
    counts = {name: CoderCounts(Matches(), Matches()) for name in CODERS}
    for record in records:
        gold = gold_triples(record, dataset)
        for name, coder in CODERS.items():
            coded = coder(record["text"])
            found = {(s, t, cameo[:2] if dataset == PETR2 else type_) for s, t, type_, cameo in coded}
            counts[name].add(found, gold, len(record["expected"]))
        advance()
    return {name: tally.figures() for name, tally in counts.items()}
