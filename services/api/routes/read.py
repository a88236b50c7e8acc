"""Read endpoints for downstream apps."""

from fastapi import APIRouter, HTTPException

from services.api.deps import SessionDep
from services.api.schemas import ArticleOut
from services.models import Article

router = APIRouter(tags=["read"])


@router.get("/articles/{article_id}", response_model=ArticleOut)
def get_article(article_id: int, session: SessionDep) -> Article:
    """One article's metadata and status."""
    article = session.get(Article, article_id)
    if article is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id}")
    return article
