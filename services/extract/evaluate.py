"""Measure the coder on the PLOVER gold-standard sentences: precision, recall and F1 of (source, target, type).

Run as `python -m services.extract.evaluate [FILE] [--errors] [--held-out | --studied]`; FILE defaults to
tests/data/plover_gsr.jsonl. Every fifth record (the 5th, 10th, ...) is the held-out part, left unstudied while the
rules were written; the studied part is the rest.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from services.extract import extract_events
from services.extract.modality import ASSERTED

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "plover_gsr.jsonl"
# The gold standard uses an earlier PLOVER draft's type names.
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "DRC": "COD", "SER": "SRB", "TMP": "TLS"}

Triple = tuple[str, str, str]
# Every fifth record is held out from rule development, to show how far the rules carry to sentences not studied.
HOLD_OUT_EVERY = 5
HELD_OUT, STUDIED = "held-out", "studied"
SUBSETS = (HELD_OUT, STUDIED)


@dataclass
class Score:
    """Counts of matched, extra and missed triples."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of coded triples that are in the gold standard."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of gold triples that were coded."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """The evaluation: overall and per-type scores, and the sentences that went wrong."""

    overall: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=dict)
    gold_events: int = 0
    errors: list[tuple[str, set[Triple], set[Triple]]] = field(default_factory=list)

    @property
    def extra(self) -> int:
        """Coded triples with no gold counterpart (false events)."""
        return self.overall.fp


def _country(code: str) -> str:
    country = code[:3].upper() if code else ""
    return CAMEO_TO_ISO.get(country, country)


def gold_triples(record: dict) -> set[Triple]:
    """The (source country, target country, type) triples a gold record expects; compound actors expand."""
    triples = set()
    for event in record["expected"]:
        type_ = OLD_TYPES.get(event["code"], event["code"])
        sources = [_country(c) for c in event["source"].split("+")] if event["source"] else [""]
        targets = [_country(c) for c in event["target"].split("+")] if event["target"] else [""]
        triples |= {(s, t, type_) for s in sources for t in targets}
    return triples


def coded_triples(text: str) -> set[Triple]:
    """The triples of the events the coder asserts in a text."""
    return {
        (e.source.country or "" if e.source else "", e.target.country or "" if e.target else "", e.type)
        for e in extract_events(text)
        if e.modality == ASSERTED
    }


def evaluate(path: Path = DEFAULT_GOLD, subset: str | None = None) -> Report:
    """Code the gold sentences (all, or one SUBSETS part) and compare triples."""
    report = Report()
    for index, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if subset is not None and (index % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1) != (subset == HELD_OUT):
            continue
        record = json.loads(line)
        gold, coded = gold_triples(record), coded_triples(record["text"])
        report.gold_events += len(gold)
        for triple in gold | coded:
            score = report.by_type.setdefault(triple[2], Score())
            hit, want = triple in coded, triple in gold
            for s in (score, report.overall):
                s.tp += hit and want
                s.fp += hit and not want
                s.fn += want and not hit
        if gold != coded:
            report.errors.append((record["text"], gold, coded))
    return report


def format_report(report: Report) -> str:
    """The report as a plain-text table."""
    lines = [f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]
    for name, s in sorted(report.by_type.items()) + [("ALL", report.overall)]:
        lines.append(f"{name:<10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:4d} {s.fp:4d} {s.fn:4d}")
    share = report.extra / report.gold_events if report.gold_events else 0.0
    lines.append(f"gold triples {report.gold_events}, extra events {report.extra} ({share:.1%} of gold)")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    """Print the evaluation table; with --errors, also the sentences coded wrongly; with --held-out or --studied,
    only that part of the records."""
    paths = [a for a in argv if not a.startswith("--")]
    subset = next((name for name in SUBSETS if f"--{name}" in argv), None)
    report = evaluate(Path(paths[0]) if paths else DEFAULT_GOLD, subset)
    if "--errors" in argv:
        for text, gold, coded in report.errors:
            print(f"{text}\n  gold  {sorted(gold)}\n  coded {sorted(coded)}")
    print(format_report(report))


if __name__ == "__main__":
    main(sys.argv[1:])
