"""Failed articles: what failed and why, and putting them back on their stage's queue after a fix."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.models import Article
from services.stages import STAGES, stage_named
from services.status import Status


@dataclass(frozen=True)
class FailureGroup:
    """Failed articles that share a stage and a reason."""

    stage: str
    reason: str
    count: int
    example_id: int


def failure_groups(session: Session) -> list[FailureGroup]:
    """Failed articles grouped by stage and reason, largest group first."""
    rows = session.execute(
        select(Article.error_stage, Article.error, func.count(), func.min(Article.id))
        .where(Article.status == Status.FAILED)
        .group_by(Article.error_stage, Article.error)
        .order_by(func.count().desc(), Article.error_stage, Article.error)
    )
    return [FailureGroup(stage or "?", reason or "", count, example) for stage, reason, count, example in rows]


def reset_for_retry(
    session: Session, *, stage: str | None = None, reason: str | None = None, article_id: int | None = None
) -> list[tuple[str, int]]:
    """Return matching failed articles to their stage's input status; give the (stage, id) pairs to enqueue."""
    query = (
        select(Article)
        # Input refused at ingest is not retried: the same bytes would fail the same way.
        .where(Article.status == Status.FAILED, Article.error_stage.in_(STAGES))
        .order_by(Article.id)
    )
    if stage is not None:
        query = query.where(Article.error_stage == stage)
    if reason is not None:
        query = query.where(Article.error.contains(reason))
    if article_id is not None:
        query = query.where(Article.id == article_id)
    retried = []
    for article in session.scalars(query.with_for_update(skip_locked=True)):
        retried.append((article.error_stage, article.id))
        article.status = stage_named(article.error_stage).retry_status
        article.error_stage = article.error = None
    return retried
