"""The settings pointed at a Postgres or Redis that is not there: nothing listens on port 1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine

import services.db
from services.settings import get_settings

SECRET = "s3cret-password"
POSTGRES_DOWN = f"postgresql://postgres:{SECRET}@127.0.0.1:1/newsflow"
REDIS_DOWN = f"redis://:{SECRET}@127.0.0.1:1/0"


@contextmanager
def settings_with(**environment: str) -> Iterator[None]:
    """The settings read afresh with these variables (DATABASE_URL, REDIS_URL) set, and sessions opened on the
    database they name, for the duration."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environment.items():
            patch.delenv(f"NEWSFLOW_{name}", raising=False)  # it would win over the plain name
            patch.setenv(name, value)
        get_settings.cache_clear()
        # An engine of its own: the session's engine, which other tests hold, stays as it is.
        engine = create_engine(get_settings().database_url)
        patch.setattr(services.db, "get_engine", lambda: engine)
        try:
            yield
        finally:
            engine.dispose()
            get_settings.cache_clear()  # before the variables are put back: the next reader reads those
