"""The near-duplicate index in Postgres, so every dedup worker on every machine sees one index."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.orm import Session
from sqlalchemy.types import BigInteger, SmallInteger

from services.dedup import Signature
from services.models import DedupShingles, LshBucket

_LOCK = text(
    # Sorted, so two workers always take shared locks in the same order and cannot deadlock.
    "SELECT pg_advisory_xact_lock(key) FROM (SELECT DISTINCT unnest(:keys) AS key ORDER BY 1) AS sorted"
).bindparams(bindparam("keys", type_=ARRAY(BigInteger)))

_CANDIDATES = text(
    """
    SELECT s.article_id, s.shingles
    FROM dedup_shingles AS s
    WHERE s.article_id IN (
        SELECT b.article_id
        FROM lsh_buckets AS b
        JOIN unnest(:bands, :keys) AS q(band, key) ON b.band = q.band AND b.key = q.key
    )
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
        """Indexed articles that share a band key, with their shingles."""
        rows = self.session.execute(_CANDIDATES, {"bands": list(range(len(bands))), "keys": list(bands)})
        return {article_id: frozenset(shingles) for article_id, shingles in rows}

    def add(self, article_id: int, signature: Signature) -> None:
        """Index an original article (again is harmless)."""
        self.session.execute(
            insert(DedupShingles)
            .values(article_id=article_id, shingles=sorted(signature.shingles))
            .on_conflict_do_nothing()
        )
        self.session.execute(
            insert(LshBucket).on_conflict_do_nothing(),
            [{"band": band, "key": key, "article_id": article_id} for band, key in enumerate(signature.bands)],
        )
