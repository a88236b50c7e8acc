"""Sources: list them with their figures; add, pause, resume and remove them (writes need the API key)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Response, status
from pydantic import BaseModel, ConfigDict, Field

from services.api.deps import SessionDep, SettingsDep, require_api_key
from services.sources.registry import InvalidSource, add_source, find_source, guess_kind, remove_source, set_paused
from services.sources.stats import SourceStats, source_stats

# Responses are the service's SourceStats dataclass: the API shows a source exactly as its figures describe it.
router = APIRouter(tags=["sources"])
WRITE = [Depends(require_api_key)]


class SourceIn(BaseModel):
    """A source to add: a feed or sitemap URL, or a drop folder's path on the server (when the operator allows it)."""

    model_config = ConfigDict(extra="forbid")

    location: str = Field(max_length=4096)
    kind: Literal["feed", "sitemap", "folder"] | None = Field(None, description="Guessed when not given")
    name: str | None = Field(None, description="The outlet's name, given to its articles")
    interval_seconds: int | None = Field(None, ge=1, description="Seconds between polls")


def _out(session, source_id: int) -> SourceStats:
    found = source_stats(session, source_id=source_id)
    if not found:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no source {source_id}")
    return found[0]


@router.get("/sources", response_model=list[SourceStats])
def list_sources(session: SessionDep) -> list[SourceStats]:
    """Every source, in the order they were added."""
    return source_stats(session)


@router.post("/sources", response_model=SourceStats, status_code=status.HTTP_201_CREATED, dependencies=WRITE)
def post_source(body: SourceIn, session: SessionDep, settings: SettingsDep) -> SourceStats:
    """Add a source, due for its first poll at once; 422 with the reason if it cannot be added."""
    interval = body.interval_seconds or settings.source_default_interval_seconds
    kind = body.kind or guess_kind(body.location)
    if kind == "folder" and not settings.api_folder_sources:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            detail="drop folders cannot be added through the API unless NEWSFLOW_API_FOLDER_SOURCES is set",
        )
    try:
        source = add_source(
            session,
            location=body.location,
            kind=kind,
            name=body.name,
            interval_seconds=interval,
            drop_root=settings.drop_root,
        )
    except InvalidSource as exc:
        raise HTTPException(422, detail=str(exc)) from exc
    return _out(session, source.id)


def _change(session, source_id: int, change: str) -> SourceStats | None:
    source = find_source(session, source_id)
    if source is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no source {source_id}")
    if change == "remove":
        remove_source(session, source)
        return None
    set_paused(session, source, paused=change == "pause")
    session.flush()
    return _out(session, source_id)


@router.post("/sources/{source_id}/pause", response_model=SourceStats, dependencies=WRITE)
def pause_source(source_id: int, session: SessionDep) -> SourceStats | None:
    """Stop polling a source until it is resumed."""
    return _change(session, source_id, "pause")


@router.post("/sources/{source_id}/resume", response_model=SourceStats, dependencies=WRITE)
def resume_source(source_id: int, session: SessionDep) -> SourceStats | None:
    """Poll a paused source again, at once."""
    return _change(session, source_id, "resume")


@router.delete("/sources/{source_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=WRITE)
def delete_source(source_id: int, session: SessionDep) -> Response:
    """Remove a source and its seen entries; the articles it brought stay."""
    _change(session, source_id, "remove")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
