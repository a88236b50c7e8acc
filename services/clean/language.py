"""Language of an article's text: a cheap check for English first, the py3langid model otherwise."""

from __future__ import annotations

import re

import py3langid

MIN_TEXT_CHARS = 40
SAMPLE_CHARS = 1500
ENGLISH_SAMPLE_CHARS = 800
# Function words that make up a fifth or more of any English prose and rarely appear in other languages.
ENGLISH_WORDS = frozenset(
    ("the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "from", "at", "said")
    + ("has", "have", "were", "which")
)
ENGLISH_SHARE = 0.2
WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for text too short to tell."""
    if len(text) < MIN_TEXT_CHARS:
        return None
    sample = text[:SAMPLE_CHARS]
    words = WORD.findall(text[:ENGLISH_SAMPLE_CHARS].lower())
    # The model reads the sample byte by byte in Python; most articles are English and this says so for less.
    if len(words) >= 30 and sum(map(ENGLISH_WORDS.__contains__, words)) >= ENGLISH_SHARE * len(words):
        return "en"
    language, _score = py3langid.classify(sample)
    return language
