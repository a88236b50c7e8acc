"""The dedup evaluation with the issue's targets as assertions (python -m tests.data.dedup.evaluate prints it)."""

import pytest

from tests.data.dedup.evaluate import LEVELS, evaluate, load_corpus, make_benchmark

MIN_RECALL = {"light": 0.99, "medium": 0.95, "heavy": 0.80}


@pytest.fixture(scope="module")
def scores() -> dict:
    corpus = load_corpus()
    return evaluate(make_benchmark(corpus, seed=7, copies_per_level=1), corpus)


@pytest.mark.parametrize("level", LEVELS)
def test_near_duplicates_meet_their_targets(scores: dict, level: str) -> None:
    assert scores[level]["precision"] >= 0.99
    assert scores[level]["recall"] >= MIN_RECALL[level]


def test_no_original_is_taken_for_a_copy(scores: dict) -> None:
    assert scores["originals_marked_copies"] == []


def test_stories_match_the_labels(scores: dict) -> None:
    assert scores["stories"]["ari"] >= 0.85
    assert scores["stories"]["same_kind_merges"] == []
