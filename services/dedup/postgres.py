"""The dedup stage's indexes in Postgres, so every dedup worker on every machine sees the same ones."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime

from sqlalchemy import bindparam, delete, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.orm import Session
from sqlalchemy.types import BigInteger, DateTime, Integer, Text

from services.db import PLAN_BY_INDEX
from services.dedup.copies import BUCKET_READ, MemoryIndex, Signature, top_candidates
from services.dedup.stories import MAX_CANDIDATES, TERM_READ, MemoryStoryStore, StoryProfile, key_terms
from services.models import Article, DedupShingles, Story, TextFingerprint

# Any constant will do, as long as nothing else in the database takes advisory locks with it.
DEDUP_LOCK_KEY = 0x5702_1E5


def lock_dedup(session: Session) -> None:
    """Serialise the dedup stage's decisions until the caller's transaction ends.

    Two copies that reach two workers at the same instant must not both miss each other, and two first reports of
    one event must not open two stories. One lock covers both: it is taken after the costly part (signatures) is
    computed, and a batch holds it for a handful of round trips, so the serial part stays short.
    """
    session.execute(LOCK_DEDUP, {"key": DEDUP_LOCK_KEY})


# The story lookups read the latest holders of a term straight off the index, newest first: a common term is held by
# thousands of stories, and a bitmap scan would read every one before the LIMIT. Each statement is planned for
# its own parameters and the tables as they are now: a prepared statement's generic plan, picked while the tables
# were nearly empty, is kept until the next ANALYZE, and the fingerprint lookup's read 3 times the buffers at 10,000
# articles and about 30 times over a 100,000-article run (planning costs 0.1 ms a statement). Set here to spare a
# round trip.
LOCK_DEDUP = text(
    f"SELECT pg_advisory_xact_lock(:key), {PLAN_BY_INDEX}, set_config('plan_cache_mode', 'force_custom_plan', true)"
)


# A lookup reads one row per band key, whatever the number of articles indexed. The holders are counted by the
# caller: grouping hundreds of ids per article inside Postgres cost more than every other part of the lookup.
_HOLDERS = text(
    """
    SELECT q.band, q.key, k.holders
    FROM unnest(CAST(:bands AS int2[]), CAST(:keys AS int8[])) AS q(band, key)
    JOIN lsh_keys AS k ON k.band = q.band AND k.key = q.key
    """
)

_ARTICLE_TEXT = text("SELECT text FROM articles WHERE id = :id")

_CANDIDATE_SHINGLES = text(
    """
    SELECT s.article_id, s.shingles, a.story_id
    FROM unnest(CAST(:ids AS int8[])) AS q(id)
    JOIN dedup_shingles AS s ON s.article_id = q.id
    JOIN articles AS a ON a.id = q.id
    """
)

# A key keeps its BUCKET_READ highest holders, as a lookup of every holder, newest first, would read them.
_ADD_HOLDERS = text(
    """
    INSERT INTO lsh_keys AS k (band, key, holders)
    SELECT band, key, (array_agg(id ORDER BY id DESC))[1:CAST(:bucket_read AS int)]
    FROM unnest(CAST(:bands AS int2[]), CAST(:keys AS int8[]), CAST(:ids AS int8[])) AS q(band, key, id)
    GROUP BY band, key
    ON CONFLICT (band, key) DO UPDATE SET holders = ARRAY(
        SELECT DISTINCT h FROM unnest(k.holders || excluded.holders) AS h ORDER BY h DESC LIMIT :bucket_read
    )
    """
)

_ADD_SHINGLES = text(
    """
    INSERT INTO dedup_shingles (article_id, shingles, bands)
    SELECT id, CAST(shingles AS int4[]), CAST(bands AS int8[])
    FROM unnest(CAST(:ids AS int8[]), CAST(:shingles AS text[]), CAST(:bands AS text[])) AS q(id, shingles, bands)
    ON CONFLICT DO NOTHING
    """
)

_REMOVE_HOLDER = text(
    """
    UPDATE lsh_keys AS k SET holders = array_remove(k.holders, s.article_id)
    FROM dedup_shingles AS s, unnest(s.bands) WITH ORDINALITY AS b(key, band)
    WHERE s.article_id = :id AND k.band = b.band - 1 AND k.key = b.key
    """
)


def int_array(values: Iterable[int]) -> str:
    """A Postgres array literal of integers: psycopg adapts long Python lists element by element, far slower."""
    return "{" + ",".join(map(str, values)) + "}"


class PostgresIndex:
    """A NearDuplicateIndex in the `lsh_keys` and `dedup_shingles` tables, within the caller's transaction.

    Built for batches: `prefetch` reads the candidates of many signatures in one query, `add` keeps new articles in
    memory (where later articles of the batch find them) and `flush` writes them in two statements.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._stored: dict[tuple[int, ...], dict[int, int]] = {}  # band keys -> stored candidate -> keys shared
        self._shingles: dict[int, list[int]] = {}  # the distinct shingles of each stored candidate
        self._texts: dict[int, str] = {}  # the texts of this batch's articles, and of stored candidates checked
        self._batch = MemoryIndex()
        self._added: list[tuple[int, Signature]] = []
        self.story_of: dict[int, int | None] = {}  # the story of each stored candidate, read with it

    def prefetch(self, band_lists: Sequence[Sequence[int]]) -> None:
        """Read the stored candidates of each list of band keys (call after taking the dedup lock)."""
        queries = [tuple(bands) for bands in band_lists if tuple(bands) not in self._stored]
        if not queries:
            return
        probes = sorted({(band, key) for bands in queries for band, key in enumerate(bands)})
        found = self.session.execute(
            _HOLDERS, {"bands": int_array(b for b, _k in probes), "keys": int_array(k for _b, k in probes)}
        )
        holders = {(band, key): ids for band, key, ids in found}
        for bands in queries:
            shared: Counter[int] = Counter()
            for probe in enumerate(bands):
                shared.update(holders.get(probe, ()))
            self._stored[bands] = {i: shared[i] for i in top_candidates(shared)}
        # Each candidate's shingles are read once, however many articles of the batch find it.
        wanted = {i for bands in queries for i in self._stored[bands]} - self._shingles.keys()
        for article_id, shingles, story_id in self.session.execute(_CANDIDATE_SHINGLES, {"ids": int_array(wanted)}):
            self._shingles[article_id] = shingles
            self.story_of[article_id] = story_id
        for bands in queries:  # a holder whose article is gone is no candidate
            self._stored[bands] = {i: n for i, n in self._stored[bands].items() if i in self._shingles}

    def candidates(self, bands: Sequence[int]) -> dict[int, Collection[int]]:
        """The articles, stored or added in this batch, sharing most band keys, with their distinct shingles."""
        self.prefetch([bands])
        stored = self._stored[tuple(bands)]
        shared = {**stored, **self._batch.shared_bands(bands)}
        return {i: self._shingles[i] if i in stored else self._batch.shingles(i) for i in top_candidates(shared)}

    def text(self, article_id: int) -> str:
        """The text of a stored or batch article. Only a candidate that shares enough word pairs is read, one
        statement each: few articles have one, and screening a batch's candidates up front would compare each
        of them twice."""
        if article_id not in self._texts:
            self._texts[article_id] = self.session.execute(_ARTICLE_TEXT, {"id": article_id}).scalar() or ""
        return self._texts[article_id]

    def add(self, article_id: int, signature: Signature, text: str) -> None:
        """Index an article that is not an exact copy (written by `flush`)."""
        self._batch.add(article_id, signature, text)
        self._texts[article_id] = text
        self._added.append((article_id, signature))

    def flush(self) -> None:
        """Write the articles added since the last flush (again is harmless)."""
        if not self._added:
            return
        self.session.execute(
            _ADD_SHINGLES,
            {
                "ids": int_array(i for i, _sig in self._added),
                "shingles": [int_array(sorted(sig.shingles)) for _i, sig in self._added],
                "bands": [int_array(sig.bands) for _i, sig in self._added],
            },
        )
        holders: dict[str, list[int]] = {"bands": [], "keys": [], "ids": []}
        for article_id, sig in self._added:
            holders["bands"] += range(len(sig.bands))
            holders["keys"] += sig.bands
            holders["ids"] += [article_id] * len(sig.bands)
        self.session.execute(
            _ADD_HOLDERS, {**{name: int_array(values) for name, values in holders.items()}, "bucket_read": BUCKET_READ}
        )
        self._added.clear()


class PostgresExactIndex:
    """An ExactIndex in the `text_fingerprints` table; `prefetch` records and reads a whole batch at once."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._first: dict[str, int] = {}
        self.story_of: dict[int, int | None] = {}  # the story of each first article, read with it

    def prefetch(self, fingerprints: dict[int, str]) -> None:
        """Record each fingerprint's first article (the lowest id of these, unless one is recorded already)."""
        firsts: dict[str, int] = {}
        for article_id, fingerprint in sorted(fingerprints.items()):
            firsts.setdefault(fingerprint, article_id)
        # The primary key makes concurrent copies converge: a second insert waits for the first to commit, then
        # does nothing, and the select sees the first article. Sorted, so concurrent batches cannot deadlock.
        rows = [{"sha256": fp, "article_id": firsts[fp]} for fp in sorted(firsts)]
        self.session.execute(insert(TextFingerprint).values(rows).on_conflict_do_nothing())
        found = (
            select(TextFingerprint.sha256, TextFingerprint.article_id, Article.story_id)
            .join(Article, Article.id == TextFingerprint.article_id)
            .where(TextFingerprint.sha256.in_(list(firsts)))
        )
        for fingerprint, article_id, story_id in self.session.execute(found):
            self._first[fingerprint] = article_id
            self.story_of[article_id] = story_id

    def first_with(self, fingerprint: str, article_id: int) -> int:
        """The first article with this fingerprint; concurrent callers converge on one."""
        if fingerprint not in self._first:
            self.prefetch({article_id: fingerprint})
        return self._first[fingerprint]


_STORY_CANDIDATES = text(
    """
    WITH hits AS (
        SELECT q.n, t.story_id, count(*) AS shared
        FROM unnest(:ns, :terms) AS q(n, term)
        JOIN unnest(:windows, :since, :until) AS w(n, since, until) ON w.n = q.n
        CROSS JOIN LATERAL (
            SELECT t.story_id FROM story_terms AS t JOIN stories AS s ON s.id = t.story_id
            WHERE t.term = q.term
              AND (w.since IS NULL OR s.last_seen IS NULL OR s.last_seen BETWEEN w.since AND w.until)
            ORDER BY t.story_id DESC LIMIT :term_read
        ) AS t
        GROUP BY q.n, t.story_id
    ), ranked AS (
        SELECT n, shared, story_id, row_number() OVER (PARTITION BY n ORDER BY shared DESC, story_id) AS rank
        FROM hits
    )
    SELECT n, shared, story_id FROM ranked WHERE rank <= :limit
    """
).bindparams(
    bindparam("ns", type_=ARRAY(Integer)),
    bindparam("terms", type_=ARRAY(Text)),
    bindparam("windows", type_=ARRAY(Integer)),
    bindparam("since", type_=ARRAY(DateTime(timezone=True))),
    bindparam("until", type_=ARRAY(DateTime(timezone=True))),
)

StoryQuery = tuple[tuple[str, ...], datetime | None, datetime | None]


class PostgresStoryStore:
    """A StoryStore in the `stories` table, built for batches like PostgresIndex.

    `prefetch` reads the candidates of many articles in one query; stories opened or joined in the batch are kept
    in memory (where later articles of the batch see them as they are now) and written by `flush`.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._stored: dict[StoryQuery, list[tuple[int, StoryProfile]]] = {}
        self._batch = MemoryStoryStore()  # stories opened or joined in this batch, as they are now
        self._first_seen: dict[int, datetime | None] = {}
        self._copies: dict[int, list[datetime | None]] = {}  # stories joined by copies only: their dates
        self._reprofiled: set[int] = set()  # stories opened, or whose profile changed, in this batch

    def prefetch(self, queries: Sequence[StoryQuery]) -> None:
        """Read the stored candidates of each (key terms, since, until) query."""
        queries = [q for q in dict.fromkeys(queries) if q not in self._stored]
        if not queries:
            return
        parameters: dict[str, list] = {"ns": [], "terms": [], "windows": [], "since": [], "until": []}
        for n, (terms, since, until) in enumerate(queries):
            self._stored[(terms, since, until)] = []
            parameters["ns"] += [n] * len(terms)
            parameters["terms"] += terms
            parameters["windows"].append(n)
            parameters["since"].append(since)
            parameters["until"].append(until)
        # Twice as many as are used: stories changed in this batch are ranked again from memory.
        found = self.session.execute(
            _STORY_CANDIDATES, {**parameters, "limit": 2 * MAX_CANDIDATES, "term_read": TERM_READ}
        ).all()
        # Many articles of a batch share candidates: each story's profile is read once.
        ids = {story_id for _n, _shared, story_id in found}
        profiles = {
            row[0]: StoryProfile(*row)
            for row in self.session.execute(
                select(Story.id, Story.terms, Story.last_seen, Story.article_count).where(Story.id.in_(ids))
            )
        }
        for n, shared, story_id in found:
            self._stored[queries[n]].append((shared, profiles[story_id]))

    def candidates(self, terms: list[str], since: datetime | None, until: datetime | None) -> list[StoryProfile]:
        """Stories that share most key terms (ties by id), last seen in the interval or of unknown date."""
        query = (tuple(terms), since, until)
        self.prefetch([query])
        current = self._batch.stories
        shared = {story.story_id: n for n, story in self._stored[query] if story.story_id not in current}
        profiles = {story.story_id: self._with_copies(story) for _n, story in self._stored[query]}
        for story_id, n in self._batch.shared_terms(terms, since, until).items():
            shared[story_id], profiles[story_id] = n, current[story_id]
        ranked = sorted((-n, story_id) for story_id, n in shared.items())[:MAX_CANDIDATES]
        return [profiles[story_id] for _n, story_id in ranked]

    def create(self, terms: dict[str, float], seen: datetime | None, title: str | None) -> int:
        """Open a story with one article."""
        values = {"title": title, "first_seen": seen, "last_seen": seen, "article_count": 1, "terms": terms}
        story_id = self.session.execute(insert(Story).values(values).returning(Story.id)).scalar_one()
        self._batch.put(StoryProfile(story_id, terms, seen, 1))
        self._first_seen[story_id] = seen
        self._reprofiled.add(story_id)  # its key terms are indexed at flush
        return story_id

    def join(self, story_id: int, profile: dict[str, float] | None, seen: datetime | None) -> None:
        """Count one more article in a story, with its new profile if it changed."""
        if story_id not in self._batch.stories:
            story = self._stored_story(story_id)
            if story is None:  # a copy joining a story this batch has not read: only its count and dates change
                self._copies.setdefault(story_id, []).append(seen)
                return
            self._first_seen[story_id] = min(filter(None, self._copies.pop(story_id, [])), default=None)
            self._batch.put(story)
        self._first_seen[story_id] = _earliest(self._first_seen.get(story_id), seen)
        self._batch.join(story_id, profile, seen)
        if profile is not None:
            self._reprofiled.add(story_id)

    def flush(self) -> None:
        """Write the stories changed since the last flush (counts, dates, profiles) and their key terms."""
        changes = []  # (id, count or None to add, added, new terms or None, first seen, last seen)
        for story_id, dates in self._copies.items():
            known = [d for d in dates if d is not None]
            changes.append((story_id, None, len(dates), None, min(known, default=None), max(known, default=None)))
        for story in self._batch.stories.values():
            terms = json.dumps(story.terms) if story.story_id in self._reprofiled else None
            first = self._first_seen.get(story.story_id)
            changes.append((story.story_id, story.articles, 0, terms, first, story.last_seen))
        reprofiled = [story for story in self._batch.stories.values() if story.story_id in self._reprofiled]
        if changes:
            columns = map(list, zip(*changes, strict=True))
            names = ("ids", "counts", "added", "terms", "firsts", "lasts")
            self.session.execute(_UPDATE_STORIES, dict(zip(names, columns, strict=True)))
        if reprofiled:
            # Only the key terms that changed are rewritten; a story's top terms settle after a few articles.
            pairs = [(story.story_id, term) for story in reprofiled for term in key_terms(story.terms)]
            self.session.execute(
                _REINDEX_STORIES,
                {
                    "story_ids": [story.story_id for story in reprofiled],
                    "ids": [i for i, _t in pairs],
                    "terms": [t for _i, t in pairs],
                },
            )
        self._copies.clear()
        self._reprofiled.clear()
        self._batch = MemoryStoryStore()

    def _stored_story(self, story_id: int) -> StoryProfile | None:
        for found in self._stored.values():
            for _n, story in found:
                if story.story_id == story_id:
                    return self._with_copies(story)
        return None

    def _with_copies(self, story: StoryProfile) -> StoryProfile:
        """A stored story with the copies that joined it earlier in this batch counted in."""
        dates = self._copies.get(story.story_id)
        if dates is None:
            return story
        last_seen = max(filter(None, (*dates, story.last_seen)), default=None)
        return StoryProfile(story.story_id, story.terms, last_seen, story.articles + len(dates))


def _earliest(a: datetime | None, b: datetime | None) -> datetime | None:
    return min(filter(None, (a, b)), default=None)


_UPDATE_STORIES = text(
    """
    UPDATE stories AS s SET
        article_count = COALESCE(q.count, s.article_count + q.added),
        terms = COALESCE(CAST(q.terms AS jsonb), s.terms),
        -- GREATEST and LEAST ignore NULL: an article of unknown date leaves the story's times as they are.
        last_seen = GREATEST(s.last_seen, q.last_seen),
        first_seen = LEAST(s.first_seen, q.first_seen)
    FROM unnest(:ids, :counts, :added, :terms, :firsts, :lasts) AS q(id, count, added, terms, first_seen, last_seen)
    WHERE s.id = q.id
    """
).bindparams(
    bindparam("ids", type_=ARRAY(BigInteger)),
    bindparam("counts", type_=ARRAY(Integer)),
    bindparam("added", type_=ARRAY(Integer)),
    bindparam("terms", type_=ARRAY(Text)),
    bindparam("firsts", type_=ARRAY(DateTime(timezone=True))),
    bindparam("lasts", type_=ARRAY(DateTime(timezone=True))),
)

_REINDEX_STORIES = text(
    """
    WITH wanted AS (SELECT * FROM unnest(:ids, :terms) AS w(story_id, term)),
    gone AS (
        DELETE FROM story_terms AS t
        WHERE t.story_id = ANY(:story_ids)
          AND NOT EXISTS (SELECT 1 FROM wanted AS w WHERE w.story_id = t.story_id AND w.term = t.term)
    )
    INSERT INTO story_terms (term, story_id) SELECT term, story_id FROM wanted ON CONFLICT DO NOTHING
    """
).bindparams(
    bindparam("story_ids", type_=ARRAY(BigInteger)),
    bindparam("ids", type_=ARRAY(BigInteger)),
    bindparam("terms", type_=ARRAY(Text)),
)


def forget_article(session: Session, article_id: int) -> None:
    """Take an article out of the dedup indexes and its story, before its new revision is deduplicated again.

    A key it held reads one holder fewer until the next article takes that key: its older holders are not kept.
    """
    lock_dedup(session)  # the index rows it changes are those a dedup batch writes
    session.execute(_REMOVE_HOLDER, {"id": article_id})
    for table in (DedupShingles, TextFingerprint):
        session.execute(delete(table).where(table.article_id == article_id))
    story_id = session.scalar(select(Article.story_id).where(Article.id == article_id))
    if story_id is not None:
        session.execute(update(Story).where(Story.id == story_id).values(article_count=Story.article_count - 1))
