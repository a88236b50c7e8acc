"""Dependencies of the API's routes: a session in one transaction, and the queue sender."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, HTTPException, status
from sqlalchemy.orm import Session

from services.db import session_scope
from services.queues import Enqueue, installed_enqueue
from services.settings import Settings, get_settings


def get_session() -> Iterator[Session]:
    """A session whose transaction commits when the request's handler returns."""
    with session_scope() as session:
        yield session


def get_enqueue() -> Enqueue:
    """The function that puts an article id on a stage's queue."""
    return installed_enqueue()


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
EnqueueDep = Annotated[Enqueue, Depends(get_enqueue)]


def api_key_refusal(settings: Settings, given: str | None) -> tuple[int, str] | None:
    """Why a write request with this X-API-Key may not go on (status code, reason); None if it may."""
    if not (settings.api_key or "").strip():  # a blank key is no key
        return status.HTTP_503_SERVICE_UNAVAILABLE, "writes are disabled: set NEWSFLOW_API_KEY"
    if given is None or not secrets.compare_digest(given.encode(), settings.api_key.encode()):
        return status.HTTP_401_UNAUTHORIZED, "a valid X-API-Key header is required"
    return None


def require_api_key(settings: SettingsDep, x_api_key: Annotated[str | None, Header()] = None) -> None:
    """Let a write request through only with the configured API key."""
    if refusal := api_key_refusal(settings, x_api_key):
        raise HTTPException(*refusal)
