"""Store stage: which canonical event a mention belongs to."""

from __future__ import annotations

import hashlib
from datetime import date


def merge_key(*, type: str, source_code: str | None, target_code: str | None, day: date | None) -> str:
    """The identity of a real-world event: its type, actors and day, hashed to a fixed width."""
    parts = (type, source_code or "-", target_code or "-", day.isoformat() if day else "-")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()
