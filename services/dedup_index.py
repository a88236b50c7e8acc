"""The dedup stage's indexes in Postgres, so every dedup worker on every machine sees the same ones."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, func, or_, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.orm import Session
from sqlalchemy.types import BigInteger, Integer, SmallInteger, Text

from services.dedup import MAX_CANDIDATES as MAX_NEAR_CANDIDATES
from services.dedup import MIN_SHARED_BANDS, MemoryIndex, Signature, top_candidates
from services.models import DedupShingles, Story, StoryTerm, TextFingerprint
from services.stories import MAX_CANDIDATES, StoryProfile, key_terms

# Any constant will do, as long as nothing else in the database takes advisory locks with it.
DEDUP_LOCK_KEY = 0x5702_1E5


def lock_dedup(session: Session) -> None:
    """Serialise the dedup stage's decisions until the caller's transaction ends.

    Two copies that reach two workers at the same instant must not both miss each other, and two first reports of
    one event must not open two stories. One lock covers both: it is taken after the costly part (signatures) is
    computed, and a batch holds it for a handful of round trips, so the serial part stays short.
    """
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": DEDUP_LOCK_KEY})


_CANDIDATES = text(
    """
    WITH hits AS (
        SELECT q.n, b.article_id, count(*) AS shared
        FROM unnest(:ns, :bands, :keys) AS q(n, band, key)
        JOIN lsh_buckets AS b ON b.band = q.band AND b.key = q.key
        GROUP BY q.n, b.article_id
        HAVING count(*) >= :min_shared
    ), ranked AS (
        SELECT n, article_id, shared, row_number() OVER (PARTITION BY n ORDER BY shared DESC, article_id) AS rank
        FROM hits
    )
    SELECT r.n, r.article_id, r.shared, s.shingles
    FROM ranked AS r JOIN dedup_shingles AS s ON s.article_id = r.article_id
    WHERE r.rank <= :limit
    """
).bindparams(
    bindparam("ns", type_=ARRAY(Integer)),
    bindparam("bands", type_=ARRAY(SmallInteger)),
    bindparam("keys", type_=ARRAY(BigInteger)),
)

_ADD_BUCKETS = text(
    """
    INSERT INTO lsh_buckets (band, key, article_id)
    SELECT band, key, id FROM unnest(:bands, :keys, :ids) AS q(band, key, id)
    ON CONFLICT DO NOTHING
    """
).bindparams(
    bindparam("bands", type_=ARRAY(SmallInteger)),
    bindparam("keys", type_=ARRAY(BigInteger)),
    bindparam("ids", type_=ARRAY(BigInteger)),
)


class PostgresIndex:
    """A NearDuplicateIndex in the `lsh_buckets` and `dedup_shingles` tables, within the caller's transaction.

    Built for batches: `prefetch` reads the candidates of many signatures in one query, `add` keeps new articles in
    memory (where later articles of the batch find them) and `flush` writes them in two statements.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._stored: dict[tuple[int, ...], dict[int, tuple[int, frozenset[int]]]] = {}
        self._batch = MemoryIndex()
        self._added: list[tuple[int, Signature]] = []

    def prefetch(self, band_lists: Sequence[Sequence[int]]) -> None:
        """Read the stored candidates of each list of band keys (call after taking the dedup lock)."""
        queries = [tuple(bands) for bands in band_lists if tuple(bands) not in self._stored]
        if not queries:
            return
        parameters: dict[str, list[int]] = {"ns": [], "bands": [], "keys": []}
        for n, bands in enumerate(queries):
            self._stored[bands] = {}
            parameters["ns"] += [n] * len(bands)
            parameters["bands"] += range(len(bands))
            parameters["keys"] += bands
        rows = self.session.execute(
            _CANDIDATES, {**parameters, "min_shared": MIN_SHARED_BANDS, "limit": MAX_NEAR_CANDIDATES}
        )
        for n, article_id, shared, shingles in rows:
            self._stored[queries[n]][article_id] = (shared, frozenset(shingles))

    def candidates(self, bands: Sequence[int]) -> dict[int, frozenset[int]]:
        """The articles, stored or added in this batch, sharing most band keys, with their shingles."""
        self.prefetch([bands])
        stored = self._stored[tuple(bands)]
        shared = {article_id: n for article_id, (n, _shingles) in stored.items()}
        shared.update(self._batch.shared_bands(bands))
        return {i: stored[i][1] if i in stored else self._batch.shingles(i) for i in top_candidates(shared)}

    def add(self, article_id: int, signature: Signature) -> None:
        """Index an original article (written by `flush`)."""
        self._batch.add(article_id, signature)
        self._added.append((article_id, signature))

    def flush(self) -> None:
        """Write the articles added since the last flush (again is harmless)."""
        if not self._added:
            return
        rows = [{"article_id": i, "shingles": sorted(sig.shingles)} for i, sig in self._added]
        self.session.execute(insert(DedupShingles).values(rows).on_conflict_do_nothing())
        buckets: dict[str, list[int]] = {"bands": [], "keys": [], "ids": []}
        for article_id, sig in self._added:
            buckets["bands"] += range(len(sig.bands))
            buckets["keys"] += sig.bands
            buckets["ids"] += [article_id] * len(sig.bands)
        self.session.execute(_ADD_BUCKETS, buckets)
        self._added.clear()


class PostgresExactIndex:
    """An ExactIndex in the `text_fingerprints` table; `prefetch` records and reads a whole batch at once."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._first: dict[str, int] = {}

    def prefetch(self, fingerprints: dict[int, str]) -> None:
        """Record each fingerprint's first article (the lowest id of these, unless one is recorded already)."""
        firsts: dict[str, int] = {}
        for article_id, fingerprint in sorted(fingerprints.items()):
            firsts.setdefault(fingerprint, article_id)
        # The primary key makes concurrent copies converge: a second insert waits for the first to commit, then
        # does nothing, and the select sees the first article. Sorted, so concurrent batches cannot deadlock.
        rows = [{"sha256": fp, "article_id": firsts[fp]} for fp in sorted(firsts)]
        self.session.execute(insert(TextFingerprint).values(rows).on_conflict_do_nothing())
        found = select(TextFingerprint.sha256, TextFingerprint.article_id).where(
            TextFingerprint.sha256.in_(list(firsts))
        )
        self._first.update({fp: article_id for fp, article_id in self.session.execute(found)})

    def first_with(self, fingerprint: str, article_id: int) -> int:
        """The first article with this fingerprint; concurrent callers converge on one."""
        if fingerprint not in self._first:
            self.prefetch({article_id: fingerprint})
        return self._first[fingerprint]


class PostgresStoryStore:
    """A StoryStore in the `stories` table."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def candidates(self, terms: list[str], since: datetime | None, until: datetime | None) -> list[StoryProfile]:
        """Stories that share most key terms (ties by id), last seen in the interval or of unknown date."""
        shared = func.count().label("shared")
        query = (
            select(Story.id, Story.terms, Story.last_seen, Story.article_count)
            .join(StoryTerm, StoryTerm.story_id == Story.id)
            .where(StoryTerm.term.in_(terms))
            .group_by(Story.id)
            .order_by(shared.desc(), Story.id)
            .limit(MAX_CANDIDATES)
        )
        if since is not None:
            query = query.where(or_(Story.last_seen.is_(None), Story.last_seen.between(since, until)))
        return [StoryProfile(*row) for row in self.session.execute(query)]

    def create(self, terms: dict[str, float], seen: datetime | None, title: str | None) -> int:
        """Open a story with one article."""
        story = Story(title=title, first_seen=seen, last_seen=seen, article_count=1, terms=terms)
        self.session.add(story)
        self.session.flush()
        self._index(story.id, terms)
        return story.id

    def join(self, story_id: int, profile: dict[str, float] | None, seen: datetime | None) -> None:
        """Count one more article in a story, with its new profile if it changed."""
        values: dict = {
            "article_count": Story.article_count + 1,
            # GREATEST and LEAST ignore NULL: an article of unknown date leaves the story's times as they are.
            "last_seen": func.greatest(Story.last_seen, seen),
            "first_seen": func.least(Story.first_seen, seen),
        }
        if profile is not None:
            values["terms"] = profile
            self._index(story_id, profile)
        self.session.execute(update(Story).where(Story.id == story_id).values(**values))

    def _index(self, story_id: int, profile: dict[str, float]) -> None:
        # Only the key terms that changed are rewritten; a story's top terms settle after a few articles.
        self.session.execute(_REINDEX_STORY, {"id": story_id, "terms": key_terms(profile)})


_REINDEX_STORY = text(
    """
    WITH gone AS (DELETE FROM story_terms WHERE story_id = :id AND term <> ALL(:terms))
    INSERT INTO story_terms (term, story_id) SELECT unnest(:terms), :id ON CONFLICT DO NOTHING
    """
).bindparams(bindparam("terms", type_=ARRAY(Text)))
