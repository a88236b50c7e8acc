"""spaCy's tokenizer with its chunk cache filled for every chunk it can cache, and large enough for news."""

from __future__ import annotations

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

# How many chunks the cache holds; spaCy's default, 10,000, is the vocabulary of a few hundred articles. An entry
# is a few dozen bytes beside the word's lexeme, which spaCy keeps anyway.
CACHED_CHUNKS = 200_000
# A longer chunk (a URL, a run of markup) seldom comes again: it is not worth a second pass.
LONGEST_CACHED_CHUNK = 40


class CachedTokenizer:
    """spaCy's tokenizer, each whitespace-delimited chunk tokenized on its own the first time it is seen.

    spaCy caches how it splits a chunk, but saves nothing after a chunk that is a special case ("U.S.", "Mr.",
    "Dec.") in the same text (explosion/spaCy#13950), and news names one early: most chunks were split afresh in
    every article. Tokenized alone, a chunk is split exactly as in context, and saved. The tokens are unchanged.
    """

    def __init__(self, tokenizer: Tokenizer, cached_chunks: int = CACHED_CHUNKS) -> None:
        self.tokenizer = tokenizer
        self.tokenizer.max_cache_size = max(tokenizer.max_cache_size, cached_chunks)
        self._special = frozenset(tokenizer.rules)
        self._seen: set[str] = set()

    def __call__(self, text: str) -> Doc:
        if len(self._seen) < self.tokenizer.max_cache_size:
            # Set operations first, in C: most chunks of an article have been seen before.
            unseen = set(text.split()).difference(self._seen)
            self._fill_cache({chunk for chunk in unseen if len(chunk) <= LONGEST_CACHED_CHUNK})
        return self.tokenizer(text)

    def is_one_word(self, chunk: str) -> bool:
        """Whether a chunk between spaces is one token as written: letters alone, and no special case ("im" is
        "i'm"), which no rule splits."""
        return chunk.isalpha() and chunk not in self._special

    def _fill_cache(self, unseen: set[str]) -> None:
        # Words of letters alone that are no special case cannot make one: one call caches them all. A chunk with
        # punctuation may ("(U.S.", "Mr.,") and is tokenized on its own.
        words = [chunk for chunk in unseen if self.is_one_word(chunk)]
        if words:
            self.tokenizer(" ".join(words))
        for chunk in unseen.difference(words):
            self.tokenizer(chunk)
        self._seen |= unseen
