"""Postgres or Redis not there: which one, where, and what to do, for commands and requests alike."""

from __future__ import annotations

from dataclasses import dataclass

import redis
from sqlalchemy.exc import DBAPIError

from services.db import database_message, hide_password, is_unavailable, is_unmigrated
from services.settings import Settings


@dataclass(frozen=True)
class Outage:
    """Postgres or Redis not there for a command or request: which, at which URL, in the driver's words, what to do."""

    service: str
    url: str  # the password hidden
    problem: str
    remedy: str

    def __str__(self) -> str:
        return f"cannot use {self.service} at {self.url}: {self.problem}. {self.remedy}"


def find_outage(exc: BaseException, settings: Settings) -> Outage | None:
    """The outage behind an error (it or an error it was raised from), or None if it is not one."""
    error: BaseException | None = exc
    while error is not None:
        if isinstance(error, DBAPIError) and (is_unavailable(error) or is_unmigrated(error)):
            remedy = (
                "Run `newsflow migrate` to create its tables."
                if is_unmigrated(error)
                else "Start it, or set DATABASE_URL to one that runs; `newsflow migrate` creates a missing database."
            )
            return Outage("Postgres", hide_password(settings.database_url), database_message(error), remedy)
        if isinstance(error, redis.ConnectionError | redis.TimeoutError):
            remedy = "Start it, or set REDIS_URL to one that runs."
            return Outage("Redis", hide_password(settings.redis_url), str(error).rstrip("."), remedy)
        error = error.__cause__  # the broker's errors wrap redis-py's
    return None
