"""The bench's generated corpus: reproducible, realistic enough for every stage to do its work, copies at the rate."""

from __future__ import annotations

import pytest

from services.bench.corpus import make_corpus
from services.clean import clean_document
from services.dedup.offline import dedup_records
from services.extract import extract_events


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another() -> None:
    first, again, other = (make_corpus(30, copies=0.2, seed=seed) for seed in (3, 3, 4))
    assert first == again
    assert [a.content for a in first] != [a.content for a in other]
    assert len({a.content for a in first}) == 30  # ingest keys on the bytes: no two articles alike


def test_pages_carry_furniture_that_clean_drops_and_bodies_with_events() -> None:
    corpus = make_corpus(60, copies=0.0, seed=5)
    kinds = {a.content_type for a in corpus}
    assert kinds == {"text/html", "text/plain"}
    for article in corpus:
        result = clean_document(article.content, content_type=article.content_type)
        assert result.language == "en"
        assert "All rights reserved" not in result.text and "Share this article" not in result.text
        assert extract_events(result.text), result.text[:200]


def test_wire_copies_come_at_the_rate_and_dedup_tells_them_from_originals() -> None:
    corpus = make_corpus(300, copies=0.25, seed=6)
    copies = {a.key for a in corpus if a.copy_of is not None}
    assert 0.18 < len(copies) / len(corpus) < 0.32
    records = [
        {"id": a.key, "text": clean_document(a.content, content_type=a.content_type).text, "published": a.published}
        for a in corpus
    ]
    decisions = list(dedup_records(records))
    found = {d["id"] for d in decisions if d["duplicate_of"] is not None}
    assert len(found & copies) >= 0.9 * len(copies)
    assert len(found - copies) <= 0.02 * len(corpus)  # originals are different reports, not near copies
    # Reports follow up a few recent stories each (their countries, town and spokesperson): not one story of all.
    assert len({d["story"] for d in decisions}) >= 5


def test_a_copy_rate_outside_zero_to_one_is_refused() -> None:
    with pytest.raises(ValueError, match="copy rate"):
        make_corpus(10, copies=1.0, seed=1)
