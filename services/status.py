"""Where an article is in the pipeline."""

from __future__ import annotations

import enum


class Status(enum.StrEnum):
    """An article's status; the last four are final."""

    RECEIVED = "received"
    FETCHED = "fetched"
    CLEANED = "cleaned"
    UNIQUE = "unique"
    EXTRACTED = "extracted"
    STORED = "stored"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    SKIPPED = "skipped"

    @property
    def is_final(self) -> bool:
        """True when no stage will touch the article again."""
        return self in FINAL_STATUSES


FINAL_STATUSES = frozenset({Status.STORED, Status.DUPLICATE, Status.FAILED, Status.SKIPPED})
