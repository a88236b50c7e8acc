"""POST /failures/retry: failed articles back on their stage's queue, as `newsflow retry` does (API key needed)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Query
from pydantic import BaseModel, ConfigDict, Field

from services.api.deps import EnqueueDep, require_api_key
from services.db import session_scope
from services.ops.failures import reset_for_retry
from services.queues import send_after_commit
from services.stages import STAGES

router = APIRouter(tags=["failures"], dependencies=[Depends(require_api_key)])
RetryStage = Literal[STAGES]  # the stages' names (input refused at ingest is never retried)


class RetrySelection(BaseModel):
    """Which failed articles to retry; every field narrows the selection, none selects every failed article."""

    model_config = ConfigDict(extra="forbid")

    stage: RetryStage | None = Field(None, description="Only articles that failed at this stage")
    reason: str | None = Field(None, min_length=1, description="Only articles whose reason contains this text")
    id: int | None = Field(None, description="Only this article")


class RetriedArticle(BaseModel):
    """An article put back on a stage's queue."""

    id: int
    stage: str


class RetryOut(BaseModel):
    """The articles queued again, in id order."""

    retried: int
    articles: list[RetriedArticle]


@router.post("/failures/retry", response_model=RetryOut)
def retry_failures(
    enqueue: EnqueueDep,
    body: Annotated[RetrySelection | None, Body()] = None,
    stage: Annotated[RetryStage | None, Query(description="Only articles that failed at this stage")] = None,
    reason: Annotated[str | None, Query(min_length=1, description="Only articles whose reason contains this")] = None,
    article_id: Annotated[int | None, Query(alias="id", description="Only this article")] = None,
) -> RetryOut:
    """Reset the selected failed articles to their stage's input status and queue them again."""
    query = {"stage": stage, "reason": reason, "id": article_id}
    if body is not None and any(value is not None for value in query.values()):
        raise HTTPException(422, detail="give the selection in the body or in the query, not both")
    selection = body or RetrySelection(**query)
    with session_scope() as session:
        retried = reset_for_retry(session, stage=selection.stage, reason=selection.reason, article_id=selection.id)
        send_after_commit(session, enqueue, retried)
    return RetryOut(retried=len(retried), articles=[RetriedArticle(id=i, stage=s) for s, i in retried])
