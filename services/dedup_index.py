"""The dedup stage's indexes in Postgres, so every dedup worker on every machine sees the same ones."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, func, or_, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.orm import Session
from sqlalchemy.types import BigInteger, SmallInteger, Text

from services.dedup import MAX_CANDIDATES as MAX_NEAR_CANDIDATES
from services.dedup import MIN_SHARED_BANDS, Signature
from services.models import DedupShingles, Story, StoryTerm, TextFingerprint
from services.stories import MAX_CANDIDATES, StoryProfile, key_terms

_LOCK = text(
    # Sorted, so two workers always take shared locks in the same order and cannot deadlock.
    "SELECT pg_advisory_xact_lock(key) FROM (SELECT DISTINCT unnest(:keys) AS key ORDER BY 1) AS sorted"
).bindparams(bindparam("keys", type_=ARRAY(BigInteger)))

_CANDIDATES = text(
    """
    SELECT s.article_id, s.shingles
    FROM (
        SELECT b.article_id, count(*) AS shared
        FROM lsh_buckets AS b
        JOIN unnest(:bands, :keys) AS q(band, key) ON b.band = q.band AND b.key = q.key
        GROUP BY b.article_id
        HAVING count(*) >= :min_shared
        ORDER BY count(*) DESC, b.article_id
        LIMIT :limit
    ) AS c
    JOIN dedup_shingles AS s ON s.article_id = c.article_id
    """
).bindparams(bindparam("bands", type_=ARRAY(SmallInteger)), bindparam("keys", type_=ARRAY(BigInteger)))


_ADD_BUCKETS = text(
    """
    INSERT INTO lsh_buckets (band, key, article_id)
    SELECT band, key, :id FROM unnest(:bands, :keys) AS q(band, key)
    ON CONFLICT DO NOTHING
    """
).bindparams(bindparam("bands", type_=ARRAY(SmallInteger)), bindparam("keys", type_=ARRAY(BigInteger)))


class PostgresIndex:
    """A NearDuplicateIndex in the `lsh_buckets` and `dedup_shingles` tables, within the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def lock(self, bands: Sequence[int]) -> None:
        """Transaction-scoped advisory locks on the band keys: a copy arriving at the same moment waits for us."""
        self.session.execute(_LOCK, {"keys": list(bands)})

    def candidates(self, bands: Sequence[int]) -> dict[int, frozenset[int]]:
        """The indexed articles sharing most band keys, with their shingles."""
        parameters = {"bands": list(range(len(bands))), "keys": list(bands)}
        rows = self.session.execute(
            _CANDIDATES, {**parameters, "min_shared": MIN_SHARED_BANDS, "limit": MAX_NEAR_CANDIDATES}
        )
        return {article_id: frozenset(shingles) for article_id, shingles in rows}

    def add(self, article_id: int, signature: Signature) -> None:
        """Index an original article (again is harmless)."""
        self.session.execute(
            insert(DedupShingles)
            .values(article_id=article_id, shingles=sorted(signature.shingles))
            .on_conflict_do_nothing()
        )
        # One statement for all bands: far cheaper than a row per round trip.
        self.session.execute(
            _ADD_BUCKETS, {"bands": list(range(len(signature.bands))), "keys": list(signature.bands), "id": article_id}
        )


class PostgresExactIndex:
    """An ExactIndex in the `text_fingerprints` table."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def first_with(self, fingerprint: str, article_id: int) -> int:
        """The first article with this fingerprint; concurrent callers converge on one."""
        # The primary key makes concurrent copies converge: the second insert waits for the first to commit,
        # then does nothing, and the select sees the first article.
        self.session.execute(
            insert(TextFingerprint).values(sha256=fingerprint, article_id=article_id).on_conflict_do_nothing()
        )
        return self.session.scalar(select(TextFingerprint.article_id).where(TextFingerprint.sha256 == fingerprint))


# Any constant will do, as long as nothing else in the database takes advisory locks with it.
STORY_LOCK_KEY = 0x5702_1E5


class PostgresStoryStore:
    """A StoryStore in the `stories` table."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def lock(self) -> None:
        """A transaction-scoped advisory lock that every story assignment takes."""
        self.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": STORY_LOCK_KEY})

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
