"""Held-out quality floors: `newsflow eval all --split held-out` on the real labelled data, each figure held to a
floor a little under what today's code measures. A floor moves up as a stage improves; it never moves down without
a reason in the commit. Skipped, with the reason, where the development data is not on the machine."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from services.evaluation.data import HELD_OUT
from services.evaluation.run import evaluate

# Each figure, by its path into `newsflow eval --json`, and the least it may be.
FLOORS: dict[tuple[str, ...], float] = {
    ("clean", "pages", "newsflow clean", "all", "with_kept"): 0.965,
    ("clean", "pages", "newsflow clean", "all", "without_gone"): 0.90,
    ("clean", "pages", "newsflow clean", "en", "with_kept"): 0.96,
    ("clean", "pages", "newsflow clean", "en", "without_gone"): 0.92,
    ("clean", "pages", "newsflow clean", "not en", "with_kept"): 0.965,
    ("clean", "pages", "newsflow clean", "not en", "without_gone"): 0.895,
    ("clean", "plain_text", "words_kept"): 0.995,
    ("dedup", "newsflow dedup", "copy_precision"): 0.99,
    ("dedup", "newsflow dedup", "recall_light"): 0.99,
    ("dedup", "newsflow dedup", "recall_medium"): 0.95,
    ("dedup", "newsflow dedup", "recall_heavy"): 0.85,
    ("dedup", "newsflow dedup", "story_ari"): 0.78,
    ("extract", "petr2_gsr", "newsflow coder", "f1"): 0.32,
    ("extract", "plover_gsr", "newsflow coder", "f1"): 0.70,  # the event coder's target; 0.69 before it held by 0.03
    # 0.78 before decision 0015 kept background force; 0.77 before 0016 reported acts whose doers go unnamed
    ("extract", "plover_gsr", "newsflow coder", "precision"): 0.75,
    ("extract", "plover_gsr", "newsflow coder", "type_recall"): 0.75,
}
# Counts of harm, and the most they may be: they move down as the stages improve.
CEILINGS: dict[tuple[str, ...], float] = {
    ("clean", "plain_text", "emptied"): 0,
    ("clean", "plain_text", "lost_over_10_percent"): 0,
    ("dedup", "newsflow dedup", "distinct_reports_dropped"): 0,
    ("dedup", "newsflow dedup", "worst", "distinct_reports_dropped"): 0,
}


def figure(result: dict, path: tuple[str, ...]) -> float:
    value = result
    for key in path:
        value = value[key]
    return value


def misses(result: dict) -> list[str]:
    """Every figure under its floor or over its ceiling, named by its path; a figure the evaluation could not tell
    (None: nothing to count) misses its bound too."""
    found = []
    for bounds, side, crossed in (
        (FLOORS, "below the floor", float.__lt__),
        (CEILINGS, "over the ceiling", float.__gt__),
    ):
        for path, bound in bounds.items():
            value = figure(result, path)
            if value is None or crossed(float(value), float(bound)):
                found.append(f"{'/'.join(path)}: {value} {side} {bound}")
    return found


def with_figure(result: dict, path: tuple[str, ...], value: float) -> dict:
    """A copy of the figures with one of them changed."""
    changed = copy.deepcopy(result)
    *parents, last = path
    figure(changed, tuple(parents))[last] = value
    return changed


@pytest.fixture(scope="module")
def held_out(dev_data: Path) -> dict:
    return evaluate(root=dev_data, split=HELD_OUT)


def test_every_held_out_figure_is_within_its_bound(held_out: dict) -> None:
    assert misses(held_out) == []


@pytest.mark.parametrize("path", list(FLOORS), ids="/".join)
def test_a_figure_under_its_floor_fails(held_out: dict, path: tuple[str, ...]) -> None:
    [miss] = misses(with_figure(held_out, path, FLOORS[path] - 0.01))
    assert miss.startswith("/".join(path)) and "below the floor" in miss


@pytest.mark.parametrize("path", list(CEILINGS), ids="/".join)
def test_a_count_over_its_ceiling_fails(held_out: dict, path: tuple[str, ...]) -> None:
    [miss] = misses(with_figure(held_out, path, CEILINGS[path] + 1))
    assert miss.startswith("/".join(path)) and "over the ceiling" in miss


def test_the_data_is_read_where_it_lies_never_from_the_project() -> None:
    project = Path(__file__).resolve().parents[1]
    for folder in ("services", "tests", "seeds", "docs"):
        assert not [p for p in (project / folder).rglob("*.jsonl") if "gsr" in p.name or "ecbplus" in p.name]
