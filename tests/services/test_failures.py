"""Failure groups and resetting failed articles for a retry."""

from sqlalchemy.orm import Session

from services.models import Article
from services.ops.failures import failure_groups, reset_for_retry
from services.status import Status


def failed(stage: str, reason: str, **fields) -> Article:
    return Article(status=Status.FAILED, error_stage=stage, error=reason, **fields)


def test_groups_and_retries(db_session: Session) -> None:
    rows = [
        failed("dedup", "OperationalError: server closed the connection (after 9 attempts)", text="t1"),
        failed("dedup", "OperationalError: server closed the connection (after 9 attempts)", text="t2"),
        failed("fetch", "HTTP 503 from example.org (after 9 attempts)", url="https://example.org/a"),
        failed("ingest", "binary input: PDF document, not text", raw=b"%PDF"),
    ]
    db_session.add_all(rows)
    db_session.flush()
    groups = failure_groups(db_session)
    assert [(g.stage, g.count) for g in groups] == [("dedup", 2), ("fetch", 1), ("ingest", 1)]

    assert reset_for_retry(db_session, stage="fetch", reason="nothing like this") == []
    assert reset_for_retry(db_session, reason="server closed") == [("dedup", rows[0].id), ("dedup", rows[1].id)]
    assert {rows[0].status, rows[1].status} == {Status.CLEANED}
    assert rows[0].error is None and rows[0].error_stage is None
    assert reset_for_retry(db_session) == [("fetch", rows[2].id)]
    assert rows[2].status is Status.RECEIVED
    assert rows[3].status is Status.FAILED  # refused at ingest: the same bytes would fail again
