"""Helpers of the database layer, on the real database."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.db import among
from services.models import Article
from services.sources.ingest import ArticleInput, add_article

MORE_THAN_A_STATEMENT_BINDS = 70_000  # Postgres takes at most 65,535 parameters in one statement


def test_among_matches_ids_past_the_parameter_limit(db_session: Session) -> None:
    text = b"Russia withdrew its troops from Syria on Sunday."
    item = ArticleInput(origin="a.txt", raw=text, content_type="text/plain")
    article_id = add_article(db_session, item, max_bytes=1_000_000).article_id
    ids = [*range(-MORE_THAN_A_STATEMENT_BINDS, 0), article_id]
    assert db_session.scalar(select(func.count()).where(among(Article.id, ids))) == 1


def test_a_send_waits_for_the_commit_and_a_rollback_sends_nothing(service_env) -> None:
    from services.db import session_scope
    from services.queues import send_after_commit

    sent: list[tuple[str, tuple[int, ...]]] = []

    def record(stage: str, *article_ids: int) -> None:
        sent.append((stage, article_ids))

    with pytest.raises(RuntimeError), session_scope() as session:
        send_after_commit(session, record, [("clean", 1)])
        raise RuntimeError("the transaction fails")
    assert sent == []
    with session_scope() as session:
        send_after_commit(session, record, [("clean", 1), ("clean", 2), ("dedup", 3)])
        assert sent == []  # not before the commit
    assert sent == [("clean", (1, 2)), ("dedup", (3,))]
    with session_scope() as session:
        pass
    assert len(sent) == 2  # each action runs once
