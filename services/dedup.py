"""Dedup stage: the fingerprint that makes two texts exact duplicates of each other."""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+")


def normalise_for_fingerprint(text: str) -> str:
    """The words of a text, case-folded and joined by single spaces: layout and punctuation do not count."""
    return " ".join(_WORD.findall(text.casefold()))


def text_fingerprint(text: str) -> str:
    """SHA-256 (hex) of the normalised text; equal fingerprints mean exact duplicates."""
    return hashlib.sha256(normalise_for_fingerprint(text).encode()).hexdigest()
