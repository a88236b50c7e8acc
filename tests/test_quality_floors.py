"""Held-out quality floors: `newsflow eval all --split held-out` on the real labelled data, each figure held to a
floor a little under what today's code measures. A floor moves up as a stage improves; it never moves down without
a reason in the commit. Skipped, with the reason, where the development data is not on the machine."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from services.evaluation.data import HELD_OUT
from services.evaluation.run import evaluate

# (path into the figures, floor); a path ending in "!max" holds a figure at or under a ceiling instead.
FLOORS: dict[tuple[str, ...], float] = {
    ("clean", "pages", "newsflow clean", "all", "with_kept"): 0.92,
    ("clean", "pages", "newsflow clean", "all", "without_gone"): 0.89,
    ("clean", "pages", "newsflow clean", "en", "with_kept"): 0.91,
    ("clean", "pages", "newsflow clean", "en", "without_gone"): 0.92,
    ("clean", "plain_text", "words_kept"): 0.99,
    ("clean", "plain_text", "emptied", "!max"): 0,
    ("dedup", "newsflow dedup", "copy_precision"): 0.97,
    ("dedup", "newsflow dedup", "recall_light"): 0.99,
    ("dedup", "newsflow dedup", "recall_medium"): 0.95,
    ("dedup", "newsflow dedup", "recall_heavy"): 0.90,
    ("dedup", "newsflow dedup", "distinct_reports_dropped", "!max"): 3,
    ("dedup", "newsflow dedup", "story_ari"): 0.84,
    ("extract", "petr2_gsr", "newsflow coder", "f1"): 0.25,
    ("extract", "plover_gsr", "newsflow coder", "f1"): 0.68,
    ("extract", "plover_gsr", "newsflow coder", "precision"): 0.78,
}


def figure(result: dict, path: tuple[str, ...]) -> float:
    value = result
    for key in path:
        if key != "!max":
            value = value[key]
    return value


def misses(result: dict, floors: dict[tuple[str, ...], float]) -> list[str]:
    """Every figure on the wrong side of its floor (or ceiling), named by its path."""
    found = []
    for path, bound in floors.items():
        value, ceiling = figure(result, path), path[-1] == "!max"
        if value is None or (value > bound if ceiling else value < bound):
            found.append(f"{'/'.join(path)}: {value} {'above the ceiling' if ceiling else 'below the floor'} {bound}")
    return found


@pytest.fixture(scope="module")
def held_out(dev_data: Path) -> dict:
    return evaluate(root=dev_data, split=HELD_OUT)


def test_every_held_out_figure_is_at_or_above_its_floor(held_out: dict) -> None:
    assert misses(held_out, FLOORS) == []


@pytest.mark.parametrize("path", list(FLOORS), ids="/".join)
def test_a_figure_past_its_floor_fails(held_out: dict, path: tuple[str, ...]) -> None:
    lowered = copy.deepcopy(held_out)
    target = lowered
    *parents, last = [key for key in path if key != "!max"]
    for key in parents:
        target = target[key]
    target[last] = FLOORS[path] + 1 if path[-1] == "!max" else FLOORS[path] - 0.01
    assert misses(lowered, FLOORS) == [misses(lowered, {path: FLOORS[path]})[0]]


def test_the_floors_name_figures_the_evaluation_reports(held_out: dict) -> None:
    for path in FLOORS:
        assert isinstance(figure(held_out, path), int | float), path


def test_the_data_is_read_where_it_lies_never_from_the_project() -> None:
    project = Path(__file__).resolve().parents[1]
    for folder in ("services", "tests", "seeds", "docs"):
        assert not [p for p in (project / folder).rglob("*.jsonl") if "gsr" in p.name or "ecbplus" in p.name]
