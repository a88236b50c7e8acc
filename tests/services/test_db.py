"""Helpers of the database layer, on the real database."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.db import among
from services.ingest import ArticleInput, add_article
from services.models import Article

MORE_THAN_A_STATEMENT_BINDS = 70_000  # Postgres takes at most 65,535 parameters in one statement


def test_among_matches_ids_past_the_parameter_limit(db_session: Session) -> None:
    text = b"Russia withdrew its troops from Syria on Sunday."
    item = ArticleInput(origin="a.txt", raw=text, content_type="text/plain")
    article_id = add_article(db_session, item, max_bytes=1_000_000).article_id
    ids = [*range(-MORE_THAN_A_STATEMENT_BINDS, 0), article_id]
    assert db_session.scalar(select(func.count()).where(among(Article.id, ids))) == 1
