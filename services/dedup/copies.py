"""Dedup stage logic: exact fingerprints, and near-duplicates by MinHash LSH verified on the shingles themselves.

The index is abstract (`NearDuplicateIndex`): Postgres in the pipeline, memory in `newsflow dedup`, so both make
the same decisions.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from datasketch import MinHash

_WORD = re.compile(r"\w+")

# Word bigrams: on heavily edited copies they keep twice the overlap of trigrams, while different articles on one
# story still share few (measured on the seeds and their synthetic copies; see the README's dedup section).
SHINGLE_WORDS = 2
NUM_PERM = 128
# 64 bands of 2 rows, and candidates must share at least two band keys: a pair with shingle Jaccard 0.25 (a heavily
# cut and edited copy) shares 4 on average and is a candidate with probability 0.92, an unrelated text at 0.05
# shares 0.16 and is one with probability 0.01. Only the best few are verified, which keeps the cost flat as the
# index grows; the verification below, not the index, decides.
BANDS, ROWS = 64, 2
MIN_SHARED_BANDS = 2
MAX_CANDIDATES = 10
# Two-row bands of common word pairs make some band keys shared by many unrelated articles, and the number of
# articles sharing a band key with a new one grows with the index. Only the latest few holders of each key are
# read, which keeps the cost per article flat as the index grows: a copy shares many keys with its original
# (16 of 64 at Jaccard 0.5), most of them rare, and copies follow their originals closely in time.
BUCKET_READ = 10
# A copy cut short: most of the newcomer is in the earlier article. Containment is taken one way only, the share of
# the newcomer inside the earlier article, so a longer report that quotes or embeds an earlier wire story adds its
# own reporting and is kept: a copy is an article that adds little to its original.
MIN_CONTAINMENT = 0.5
# Bigrams find copies through heavy edits, and so they also pass two rewrites of one wire story that share most of
# their word pairs but few of their phrases. A match is a copy only when most of the newcomer's word trigrams are in
# the earlier text (read through typing and OCR noise): what is left over is the newcomer's own reporting.
VERIFY_WORDS = 3
# Word pairs screen the candidates for that check (a candidate sharing half of all pairs, or this share of the
# newcomer's). Noise breaks more pairs than the phrases it leaves readable, so the screen sits below the check:
# heavy development copies found 0.82 with a screen at 0.5, 0.86 at 0.4, no more below.
MIN_JACCARD = 0.5
MIN_SHARED_PAIRS = 0.4
# A newcomer with this share of its word pairs in the earlier text has most of its phrases there too (the fewest
# among the development pairs: 0.65), and needs no check.
SURE_SHARED_PAIRS = 0.8
# Noise changes a letter inside a word (doubled, lost, "rn" for "m", "1" for "l", "0" for "o") or runs two words
# together. Short words and a word's last letter, where inflection lives ("arrest", "arrests"), are read as written.
MIN_REPAIRED_LETTERS = 4
OCR_CONFUSIONS = (("rn", "m"), ("m", "rn"), ("1", "l"), ("0", "o"))
MIN_SHINGLES = 20  # below this, texts are too short to call copies


def normalise_for_fingerprint(text: str) -> str:
    """The words of a text, case-folded and joined by single spaces: layout and punctuation do not count."""
    return " ".join(_WORD.findall(text.casefold()))


def text_fingerprint(text: str) -> str:
    """SHA-256 (hex) of the normalised text; equal fingerprints mean exact duplicates."""
    return hashlib.sha256(normalise_for_fingerprint(text).encode()).hexdigest()


@dataclass(frozen=True)
class Signature:
    """What the near-duplicate search needs of a text: its shingle hashes and its LSH band keys."""

    shingles: frozenset[int]
    bands: tuple[int, ...]


@dataclass(frozen=True)
class NearMatch:
    """An earlier article that a text copies, with how much they share."""

    article_id: int
    jaccard: float
    containment: float  # the share of the newcomer inside the earlier article: of its phrases, or of its word pairs

    @property
    def similarity(self) -> float:
        """The stronger of the two measures, the one that made the match."""
        return max(self.jaccard, self.containment)


class NearDuplicateIndex(Protocol):
    """Where signatures of earlier articles are kept, band by band. Writers are serialised by the caller."""

    def candidates(self, bands: Sequence[int]) -> dict[int, Collection[int]]:
        """Up to MAX_CANDIDATES articles sharing at least MIN_SHARED_BANDS band keys (most first, then lowest id),
        with their distinct shingles."""

    def text(self, article_id: int) -> str:
        """The text of an indexed article."""

    def add(self, article_id: int, signature: Signature, text: str) -> None:
        """Index an article that is not an exact copy."""


def _hash31(data: bytes) -> int:
    # 31 bits: fits Postgres' signed int4 as it is, and collisions stay rare at article sizes.
    return zlib.crc32(data) & 0x7FFFFFFF


# An odd 32-bit constant (the golden ratio's): multiplying by it spreads one word's hash before the next is mixed in.
_MIX = np.uint64(0x9E3779B1)
_MASK31 = np.uint64(0x7FFFFFFF)


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """31-bit hashes of the text's overlapping word n-grams (case-folded words, punctuation ignored)."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return frozenset({_hash31(" ".join(words).encode())}) if words else frozenset()
    # Each word is hashed once and the n-grams are mixed from those hashes in numpy: far cheaper than hashing
    # every n-gram's string.
    word_hashes = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    count = len(words) - size + 1
    mixed = word_hashes[:count].copy()
    for offset in range(1, size):
        mixed = ((mixed * _MIX) & np.uint64(0xFFFFFFFF)) ^ word_hashes[offset : offset + count]
    return frozenset((mixed & _MASK31).tolist())


# Drawing the permutations costs more than hashing an article; every signature uses the same ones.
_PROTOTYPE = MinHash(num_perm=NUM_PERM, hashfunc=int)


def signature(text: str) -> Signature:
    """The text's shingles and LSH band keys."""
    shingles = shingle_hashes(text)
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=_PROTOTYPE.permutations, scheme=_PROTOTYPE.scheme)
    minhash.update_batch(np.fromiter(shingles, dtype=np.uint64, count=len(shingles)))
    values = minhash.hashvalues[: BANDS * ROWS].astype(np.uint64).reshape(BANDS, ROWS)
    # A band key mixes the band number in, so equal rows in different bands do not collide.
    bands = tuple(
        int.from_bytes(hashlib.blake2b(bytes([band]) + row.tobytes(), digest_size=8).digest(), "little", signed=True)
        for band, row in enumerate(values)
    )
    return Signature(shingles, bands)


def _one_letter_lost(word: str) -> Iterator[str]:
    return (word[:i] + word[i + 1 :] for i in range(len(word) - 1))


def _read_through_noise(words: list[str], earlier: list[str], known: set[str], unknown: set[str]) -> list[str]:
    """The newcomer's words, each `unknown` one (absent from the earlier text, whose words are `known`) read as the
    earlier word its noise came from, if any."""
    run_together = {first + second: (first, second) for first, second in zip(earlier, earlier[1:], strict=False)}
    repaired: dict[str, tuple[str, ...]] = {}
    lost_letter: dict[str, str] | None = None
    for word in unknown:
        if word in run_together:
            repaired[word] = run_together[word]
            continue
        forms = (*_one_letter_lost(word), *(word.replace(a, b) for a, b in OCR_CONFUSIONS))
        if (form := next((form for form in forms if form in known), None)) is None:
            if lost_letter is None:  # built once, and only when a word may have lost a letter
                lost_letter = {shorter: long for long in known for shorter in _one_letter_lost(long)}
            form = lost_letter.get(word)
        if form is not None:
            repaired[word] = (form,)
    return [read for word in words for read in repaired.get(word, (word,))]


def _phrases(words: list[str]) -> set[tuple[str, ...]]:
    return set(zip(*(words[i:] for i in range(VERIFY_WORDS)), strict=False))


def phrase_containment(newcomer: str, earlier: str) -> float:
    """The share of the newcomer's word trigrams (case-folded, noise repaired) that the earlier text has."""
    earlier_words, words = _WORD.findall(earlier.casefold()), _WORD.findall(newcomer.casefold())
    theirs, mine = _phrases(earlier_words), _phrases(words)
    as_written = _share_in(mine, theirs)
    if not mine or as_written >= MIN_CONTAINMENT:
        return as_written  # a copy as written: no repair needed
    known = set(earlier_words)
    unknown = {word for word in words if word not in known and len(word) >= MIN_REPAIRED_LETTERS}
    # Repair is the costly part: skip it when even every phrase with a word to repair could not make a copy.
    repairable = sum(not unknown.isdisjoint(phrase) for phrase in mine - theirs)
    if len(mine & theirs) + repairable < MIN_CONTAINMENT * len(mine):
        return as_written
    return _share_in(_phrases(_read_through_noise(words, earlier_words, known, unknown)), theirs)


def _share_in(mine: set, theirs: set) -> float:
    """The share of `mine` that `theirs` holds (0 when `mine` is empty)."""
    return len(mine & theirs) / len(mine) if mine else 0.0


def compare(newcomer: frozenset[int], earlier: Collection[int]) -> tuple[float, float, float]:
    """Jaccard similarity of two shingle sets, the containment of the newcomer in the earlier article (the share of
    the newcomer's shingles that the earlier one has), and the share of the earlier article inside the newcomer.

    `earlier` holds distinct shingles, as a set or as the array the index stores: the union's size follows from
    the intersection's, and neither a set of the array nor the union itself need be built (each costs more than
    the intersection, for every candidate of every article).
    """
    shared = len(newcomer.intersection(earlier))
    return shared / (len(newcomer) + len(earlier) - shared), shared / len(newcomer), shared / len(earlier)


def screened(jaccard: float, containment: float) -> bool:
    """Whether an earlier article shares enough word pairs with the newcomer to be checked phrase by phrase."""
    return jaccard >= MIN_JACCARD or containment >= MIN_SHARED_PAIRS


@dataclass(frozen=True)
class NearMatches:
    """What a text makes of the earlier articles: the one it copies, or else the one it embeds, if any."""

    copy: NearMatch | None = None
    embeds: int | None = None  # an earlier article most of which is inside this longer one


def find_near_matches(text: str, sig: Signature, index: NearDuplicateIndex) -> NearMatches:
    """The earlier article this text copies, and else the earlier article it embeds most of.

    Candidates are checked phrase by phrase in order of the word pairs they share with the text, and the first that
    passes is the copy: a copy's own original, or a copy of it, shares the most.
    """
    if len(sig.shingles) < MIN_SHINGLES:
        return NearMatches()
    measured = [
        (article_id, *compare(sig.shingles, shingles))
        for article_id, shingles in index.candidates(sig.bands).items()
        if len(shingles) >= MIN_SHINGLES
    ]
    measured.sort(key=lambda m: (-max(m[1], m[2]), m[0]))
    for article_id, jaccard, containment, _embedded in measured:
        if containment >= SURE_SHARED_PAIRS:
            return NearMatches(NearMatch(article_id, jaccard, containment))
        if screened(jaccard, containment) and (phrases := phrase_containment(text, index.text(article_id))) >= (
            MIN_CONTAINMENT
        ):
            return NearMatches(NearMatch(article_id, jaccard, phrases))
    embedding = [(-embedded, article_id) for article_id, _j, _c, embedded in measured if embedded >= MIN_CONTAINMENT]
    return NearMatches(embeds=min(embedding)[1] if embedding else None)


class ExactIndex(Protocol):
    """Where the first article of each exact fingerprint is remembered."""

    def first_with(self, fingerprint: str, article_id: int) -> int:
        """The first article with this fingerprint, recording this one as it if there is none yet."""


@dataclass(frozen=True)
class DedupDecision:
    """Whether a text copies an earlier article: `duplicate_of` is None for an original, and `contains` names the
    earlier article an original embeds, if any."""

    duplicate_of: int | None = None
    similarity: float | None = None
    method: str | None = None
    contains: int | None = None


def deduplicate(
    article_id: int, text: str, *, exact: ExactIndex, near: NearDuplicateIndex, sig: Signature | None = None
) -> DedupDecision:
    """Decide whether an article copies an earlier one, exactly or nearly; index it unless it is an exact copy.

    A near copy is indexed too: a copy of a rewrite may share too little with the first text to be a copy of it,
    and names the rewrite it copies. `sig` is the text's signature when the caller has computed it already.
    """
    first = exact.first_with(text_fingerprint(text), article_id)
    if first != article_id:
        return DedupDecision(first, 1.0, "exact")
    sig = sig or signature(text)
    found = find_near_matches(text, sig, near)
    near.add(article_id, sig, text)
    if found.copy is not None and found.copy.article_id != article_id:
        return DedupDecision(found.copy.article_id, found.copy.similarity, "near")
    return DedupDecision(contains=found.embeds)


def top_candidates(shared: dict[int, int]) -> list[int]:
    """The articles that share at least MIN_SHARED_BANDS band keys, most first (then lowest id), at most
    MAX_CANDIDATES of them."""
    ranked = sorted((-n, i) for i, n in shared.items() if n >= MIN_SHARED_BANDS)
    return [i for _n, i in ranked[:MAX_CANDIDATES]]


class MemoryExactIndex(dict):
    """An ExactIndex in memory, for offline runs."""

    def first_with(self, fingerprint: str, article_id: int) -> int:
        """The first article recorded with this fingerprint."""
        return self.setdefault(fingerprint, article_id)


class MemoryIndex:
    """A NearDuplicateIndex in memory, for offline runs."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[int, int], list[int]] = {}
        self._shingles: dict[int, frozenset[int]] = {}
        self._texts: dict[int, str] = {}

    def candidates(self, bands: Sequence[int]) -> dict[int, Collection[int]]:
        """The articles sharing most band keys, ranked as the Postgres index ranks them."""
        return {i: self._shingles[i] for i in top_candidates(self.shared_bands(bands))}

    def shared_bands(self, bands: Sequence[int]) -> Counter[int]:
        """How many of these band keys each indexed article shares (of each key's latest BUCKET_READ holders)."""
        return Counter(i for band, key in enumerate(bands) for i in self._buckets.get((band, key), ())[-BUCKET_READ:])

    def shingles(self, article_id: int) -> frozenset[int]:
        """The shingles of an indexed article."""
        return self._shingles[article_id]

    def text(self, article_id: int) -> str:
        """The text of an indexed article."""
        return self._texts[article_id]

    def add(self, article_id: int, signature: Signature, text: str) -> None:
        """Index an article that is not an exact copy."""
        self._shingles[article_id] = signature.shingles
        self._texts[article_id] = text
        for band, key in enumerate(signature.bands):
            self._buckets.setdefault((band, key), []).append(article_id)
