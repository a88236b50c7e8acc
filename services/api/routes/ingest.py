"""POST /articles: ingest one article."""

from fastapi import APIRouter, Depends, HTTPException, Response, status

from services.api.deps import EnqueueDep, SettingsDep, require_api_key
from services.api.schemas import ArticleIn, IngestOut
from services.db import session_scope
from services.queues import send_after_commit
from services.sources.ingest import add_article, input_from_record, input_problem

router = APIRouter(tags=["ingest"], dependencies=[Depends(require_api_key)])


@router.post("/articles", response_model=IngestOut, status_code=status.HTTP_201_CREATED)
def post_article(body: ArticleIn, settings: SettingsDep, enqueue: EnqueueDep, response: Response) -> IngestOut:
    """Add an article and queue it; an article already known (same URL or bytes) is returned with 200, and new
    content for a known URL revises that article and queues it again. An input that cannot be an article (no text,
    not a web address, an unreadable date, characters that are not text) is refused with 422 and its reason."""
    item = input_from_record(body.model_dump(exclude_none=True), origin="api")
    if problem := input_problem(item, settings.max_input_bytes) or item.note:
        raise HTTPException(422, detail=problem)
    with session_scope() as session:
        outcome = add_article(session, item, max_bytes=settings.max_input_bytes)
        if outcome.to_enqueue:
            send_after_commit(session, enqueue, [(outcome.entry_stage, outcome.article_id)])
    if not outcome.created:
        response.status_code = status.HTTP_200_OK
    return IngestOut(
        id=outcome.article_id,
        created=outcome.created,
        revised=outcome.revised,
        status=outcome.status.value,
        error=outcome.error,
    )
