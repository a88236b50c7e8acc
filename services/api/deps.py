"""Dependencies of the API's routes: a session in one transaction, and the queue sender."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from services.db import session_scope
from services.settings import Settings, get_settings


def get_session() -> Iterator[Session]:
    """A session whose transaction commits when the request's handler returns."""
    with session_scope() as session:
        yield session


def get_enqueue() -> Callable[[str, int], None]:
    """The function that puts an article id on a stage's queue."""
    from workers.app import send_on  # the API is where the Celery sender is wired in

    return send_on


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
EnqueueDep = Annotated[Callable[[str, int], None], Depends(get_enqueue)]
