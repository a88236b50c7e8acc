"""The dedup evaluation data: the labelled corpus and the wire-copy generator built on it."""

import datetime as dt
import re
from collections import defaultdict

import pytest

from services.evaluation.copies import make_benchmark
from tests.data.dedup.evaluate import load_corpus

FIELDS = {"id", "story", "published", "title", "text", "topic"}


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return load_corpus()


@pytest.fixture(scope="module")
def stream(corpus: list[dict]) -> list[dict]:
    return make_benchmark(corpus, seed=7)


def body_words(copy_text: str) -> int:
    """Words between the headline (first paragraph) and the footer (last paragraph)."""
    return len(" ".join(copy_text.split("\n\n")[1:-1]).split())


def test_corpus_parses_with_unique_ids_and_expected_fields(corpus: list[dict]) -> None:
    assert 100 <= len(corpus) <= 140
    assert all(set(a) == FIELDS for a in corpus)
    ids = [a["id"] for a in corpus]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"a\d{3}", i) for i in ids)
    assert all(a["title"].strip() and a["topic"].strip() for a in corpus)


def test_article_texts_are_plain_paragraphs_of_the_right_length(corpus: list[dict]) -> None:
    for a in corpus:
        assert 250 <= len(a["text"].split()) <= 600, a["id"]
        paragraphs = a["text"].split("\n\n")
        assert len(paragraphs) >= 4 and all(p.strip() == p and p and "\n" not in p for p in paragraphs), a["id"]


def test_every_story_has_two_to_six_articles_within_four_days(corpus: list[dict]) -> None:
    stories: dict[str, list[dt.date]] = defaultdict(list)
    for a in corpus:
        stories[a["story"]].append(dt.date.fromisoformat(a["published"]))
    assert len(stories) >= 30
    for story, dates in stories.items():
        assert 2 <= len(dates) <= 6, story
        assert (max(dates) - min(dates)).days <= 4, story


def test_generator_is_deterministic_for_a_seed(corpus: list[dict], stream: list[dict]) -> None:
    assert make_benchmark(corpus, seed=7) == stream
    assert make_benchmark(corpus, seed=8) != stream


def test_each_copy_is_drawn_on_its_own_so_other_articles_leave_it_unchanged(corpus: list[dict]) -> None:
    copies = {r["id"]: r for r in make_benchmark(corpus, seed=7) if r["copy_of"]}
    without_first = {r["id"]: r for r in make_benchmark(corpus[1:], seed=7) if r["copy_of"]}
    assert without_first == {key: r for key, r in copies.items() if r["copy_of"] != corpus[0]["id"]}


def test_stream_holds_each_original_once_and_each_copy_after_it(corpus: list[dict], stream: list[dict]) -> None:
    assert len(stream) == 4 * len(corpus)
    position = {r["id"]: i for i, r in enumerate(stream)}
    assert len(position) == len(stream)
    originals = [r for r in stream if r["copy_of"] is None]
    assert {r["id"] for r in originals} == {a["id"] for a in corpus}
    assert all(r["level"] is None for r in originals)
    source = {a["id"]: a for a in corpus}
    for r in stream:
        if r["copy_of"] is not None:
            assert r["id"] == f"{r['copy_of']}-{r['level']}-1"
            assert position[r["copy_of"]] < position[r["id"]]
            assert r["story"] == source[r["copy_of"]]["story"]
    # Shuffled, not sorted: some copy arrives before an unrelated original.
    assert [r["id"] for r in originals] != sorted(r["id"] for r in originals)


def test_copies_are_cut_by_roughly_their_level(corpus: list[dict], stream: list[dict]) -> None:
    source = {a["id"]: len(a["text"].split()) for a in corpus}
    ratios: dict[str, list[float]] = defaultdict(list)
    for r in stream:
        if r["level"]:
            ratios[r["level"]].append(body_words(r["text"]) / source[r["copy_of"]])
    # Sentence-boundary cuts and word edits move each copy a little off the nominal share.
    assert all(0.95 <= x <= 1.06 for x in ratios["light"])
    assert all(0.68 <= x <= 0.92 for x in ratios["medium"])
    assert all(0.45 <= x <= 0.75 for x in ratios["heavy"])
    assert 0.55 <= sum(ratios["heavy"]) / len(ratios["heavy"]) <= 0.65


def test_light_copy_keeps_the_text_with_wire_framing(corpus: list[dict], stream: list[dict]) -> None:
    article = corpus[0]
    copy = next(r for r in stream if r["copy_of"] == article["id"] and r["level"] == "light")
    headline, first, *_ = copy["text"].split("\n\n")
    assert headline != article["text"].split("\n\n")[0]
    assert re.match(r"[A-ZÀ-Ý .'-]+ \([^)]+\) (—|-|--) ", first)
    assert copy["published"] >= article["published"]
