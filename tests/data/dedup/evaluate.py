"""Evaluate the dedup stage on the wire-copy benchmark: near-duplicate precision and recall per edit level,
and story grouping (adjusted Rand index against the labelled stories, and same-kind events merged in one week).

    python -m tests.data.dedup.evaluate [--seed 7] [--copies-per-level 1] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from services.dedup.offline import dedup_records
from services.evaluation.copies import make_benchmark
from services.evaluation.scores import adjusted_rand_index

HERE = Path(__file__).resolve().parent
LEVELS = ("light", "medium", "heavy")


def load_corpus(limit: int | None = None) -> list[dict]:
    """The labelled originals (optionally the first `limit` stories' worth)."""
    corpus = [json.loads(line) for line in (HERE / "corpus.jsonl").read_text().splitlines() if line.strip()]
    if limit:
        keep = sorted({a["story"] for a in corpus})[:limit]
        corpus = [a for a in corpus if a["story"] in keep]
    return corpus


def evaluate(records: list[dict], corpus: list[dict]) -> dict:
    """Scores of the dedup decisions on benchmark records."""
    decisions = {
        d["id"]: d
        for d in dedup_records({"id": r["id"], "text": r["text"], "published": r["published"]} for r in records)
    }
    scores: dict = {}
    # A flag is right when it points at the original (or at another copy of the same original).
    origin = {r["id"]: r["copy_of"] or r["id"] for r in records}
    for level in LEVELS:
        copies = [r for r in records if r["level"] == level]
        found = sum(1 for r in copies if origin.get(decisions[r["id"]]["duplicate_of"]) == r["copy_of"])
        scores[level] = {"copies": len(copies), "recall": found / len(copies) if copies else 1.0}
    flagged = [r for r in records if decisions[r["id"]]["duplicate_of"] is not None]
    right = sum(1 for r in flagged if origin[decisions[r["id"]]["duplicate_of"]] == origin[r["id"]])
    scores["precision"] = right / len(flagged) if flagged else 1.0
    for level in LEVELS:
        level_flags = [r for r in flagged if r["level"] == level]
        level_right = sum(1 for r in level_flags if origin[decisions[r["id"]]["duplicate_of"]] == origin[r["id"]])
        scores[level]["precision"] = level_right / len(level_flags) if level_flags else 1.0
    originals_flagged = [r["id"] for r in flagged if r["level"] is None]
    scores["originals_marked_copies"] = originals_flagged
    scores["stories"] = story_scores(corpus, decisions)
    return scores


def story_scores(corpus: list[dict], decisions: dict) -> dict:
    """ARI of the originals' stories, and predicted stories that merge two same-kind events within a week."""
    truth = [a["story"] for a in corpus]
    predicted = [decisions[a["id"]]["story"] for a in corpus]
    merged = []
    for story in set(predicted):
        members = [a for a in corpus if decisions[a["id"]]["story"] == story]
        for a in members:
            for b in members:
                days = abs((date.fromisoformat(a["published"]) - date.fromisoformat(b["published"])).days)
                if a["story"] < b["story"] and a["topic"] == b["topic"] and days <= 7:
                    merged.append((a["story"], b["story"]))
    return {
        "articles": len(corpus),
        "true_stories": len(set(truth)),
        "predicted_stories": len(set(predicted)),
        "ari": adjusted_rand_index(truth, predicted),
        "same_kind_merges": sorted(set(merged)),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation as a table and as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--copies-per-level", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None, help="only the first N stories")
    args = parser.parse_args(argv)
    corpus = load_corpus(args.limit)
    records = make_benchmark(corpus, seed=args.seed, copies_per_level=args.copies_per_level)
    scores = evaluate(records, corpus)
    print(f"{len(corpus)} originals, {len(records) - len(corpus)} copies")
    print("| level | copies | precision | recall |\n|---|---|---|---|")
    for level in LEVELS:
        s = scores[level]
        print(f"| {level} | {s['copies']} | {s['precision']:.3f} | {s['recall']:.3f} |")
    stories = scores["stories"]
    print(
        f"overall precision {scores['precision']:.3f}; "
        f"originals wrongly marked copies: {scores['originals_marked_copies'] or 'none'}"
    )
    print(
        f"stories: ARI {stories['ari']:.3f} "
        f"({stories['predicted_stories']} predicted, {stories['true_stories']} true); "
        f"same-kind events merged within a week: {stories['same_kind_merges'] or 'none'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
