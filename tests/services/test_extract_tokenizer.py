"""The coder's tokenizer splits text exactly as spaCy's does, while keeping far more of it in spaCy's cache."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from services.extract.nlp import MINOR_PLACE, _entity_patterns, _lower_words, pipeline
from services.extract.tokenizer import CACHED_CHUNKS, CachedTokenizer

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

WRITTEN = [
    # A special case early, so that spaCy itself would cache nothing after it
    "The U.S. envoy met Mr. Petrov on Dec. 3 at 10 a.m., and they didn't agree.\nTalks resume (in Geneva) today.",
    "“It’s over,” she said. Officials can't confirm it; the U.N.'s report is due.\n\n  Spaces   and\ttabs stay.",
    "Prices rose 3.5% to $1,200 in the E.U. on 12/01/2024 — see https://example.org/a?b=c for details!!",
    "x" * 500 + " a run of letters no one writes, then words",
    "",
]


def tokens(doc) -> list[tuple[str, str]]:
    return [(token.text, token.whitespace_) for token in doc]


@pytest.mark.parametrize("text", WRITTEN)
def test_cached_tokenizer_splits_written_text_as_spacy_does(text: str) -> None:
    cached = CachedTokenizer(spacy.blank("en").tokenizer)
    plain = spacy.blank("en").tokenizer
    # Twice: the second time from the cache the first call filled
    assert tokens(cached(text)) == tokens(plain(text))
    assert tokens(cached(text)) == tokens(plain(text))


def test_cached_tokenizer_splits_the_seed_articles_as_spacy_does() -> None:
    cached = CachedTokenizer(spacy.blank("en").tokenizer)
    plain = spacy.blank("en").tokenizer
    for path in sorted(SEEDS.glob("*.txt")) * 2:
        text = path.read_text(encoding="utf-8")
        assert tokens(cached(text)) == tokens(plain(text)), path.name


def test_cached_tokenizer_holds_a_news_vocabulary() -> None:
    tokenizer = spacy.blank("en").tokenizer
    assert tokenizer.max_cache_size < CACHED_CHUNKS
    assert CachedTokenizer(tokenizer).tokenizer.max_cache_size == CACHED_CHUNKS


def test_small_towns_are_looked_up_by_the_words_the_tokenizer_gives_their_names() -> None:
    # the name ruler splits thousands of town names without the tokenizer; each must split as text splits
    nlp = pipeline()
    towns = [p["pattern"] for p in _entity_patterns() if p["label"] == MINOR_PLACE]
    assert len(towns) > 10_000
    assert _lower_words(nlp, "Königstein im Taunus") == ("königstein", "i", "m", "taunus")
    for name in towns:
        assert _lower_words(nlp, name) == tuple(t.lower_ for t in nlp.tokenizer(name)), name
