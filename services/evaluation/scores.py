"""Counting scores the evaluations share: precision and recall from match counts, and the adjusted Rand index."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from math import comb


def share(part: float, whole: float) -> float | None:
    """part / whole, or None when there is nothing to divide (a figure that cannot be told, not a zero)."""
    return part / whole if whole else None


@dataclass
class Matches:
    """Counts of matched, extra and missed items."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, found: set, wanted: set) -> None:
        """Count one item's found set against its wanted set."""
        self.tp += len(found & wanted)
        self.fp += len(found - wanted)
        self.fn += len(wanted - found)

    @property
    def precision(self) -> float | None:
        """Share of found items that were wanted."""
        return share(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """Share of wanted items that were found."""
        return share(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return f1(self.precision, self.recall)


def f1(precision: float | None, recall: float | None) -> float:
    """The harmonic mean of precision and recall; 0 when either is 0 or cannot be told."""
    p, r = precision or 0.0, recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def adjusted_rand_index(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """The adjusted Rand index of two labelings of the same items (Hubert and Arabie, 1985)."""
    pairs = sum(comb(n, 2) for n in Counter(zip(truth, predicted, strict=True)).values())
    truth_pairs = sum(comb(n, 2) for n in Counter(truth).values())
    predicted_pairs = sum(comb(n, 2) for n in Counter(predicted).values())
    expected = truth_pairs * predicted_pairs / comb(len(truth), 2) if len(truth) > 1 else 0.0
    maximum = (truth_pairs + predicted_pairs) / 2
    return 1.0 if maximum == expected else (pairs - expected) / (maximum - expected)
