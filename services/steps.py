"""The protocol every stage's step keeps: load a message's articles by id, do the stage's work, persist results and
statuses, in the caller's one transaction.

Every step locks the article rows and re-checks their status first, so a redelivered message is harmless:
work already done is not done again, and an article whose step committed but whose onward message was
lost is sent on once more. Each stage's own work lives in its folder (`services/<stage>/step.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from services.models import Article
from services.stages import Stage

# Where a step leaves the articles it claimed, in its session's `info`, for the caller to count outcomes.
CLAIMED = "newsflow.claimed"
# A stage's work on the articles it claimed: returns those it did not end (fail, skip or drop).
Work = Callable[[Session, list[Article]], list[Article]]


def _claim(session: Session, article_ids: Sequence[int], stage: Stage) -> tuple[list[Article], list[int]]:
    """Lock the articles this stage has work to do on; also return the ids it already finished (their onward message
    may have been lost, so they are sent on again). Other ids are stale messages."""
    # Rows are locked in id order, so two workers given overlapping batches queue instead of deadlocking. Under
    # READ COMMITTED a lock that waited for a concurrent step re-reads the row and re-checks its status. The lock is
    # FOR NO KEY UPDATE (no stage changes an article's id): the foreign-key checks of other batches (a copy naming
    # its original, a mention its article) pass it, where under FOR UPDATE they waited, and two batches that each
    # held what the other's checks wanted deadlocked.
    # The status is matched as an expression, which no index serves, so the rows are found by id. With stale
    # statistics (autovacuum behind, or a backlog just ingested) the planner took the status index and read every
    # article in that status, dead row versions too: 60,000 index entries for a batch of 100 ids.
    status = Article.status.concat("")
    ready = (
        select(Article)
        .where(Article.id.in_(article_ids), status.in_(stage.accepts))
        .order_by(Article.id)
        .with_for_update(key_share=True)
        .options(*(undefer(getattr(Article, column)) for column in stage.reads))
    )
    claimed = list(session.scalars(ready, execution_options={"populate_existing": True}))
    unclaimed = set(article_ids) - {article.id for article in claimed}
    done = (
        session.scalars(select(Article.id).where(Article.id.in_(unclaimed), status == stage.produces)).all()
        if unclaimed
        else []
    )
    return claimed, list(done)


def _finish(article: Article, stage: Stage) -> int:
    article.status = stage.produces
    setattr(article, stage.stamp, datetime.now(UTC))
    return article.id


@dataclass(frozen=True)
class Step:
    """A stage's work wrapped in the claim/re-check/finish protocol: called with a session and a batch of article
    ids (a message's), in the caller's one transaction, it returns the ids that go on to the next stage."""

    stage: Stage
    work: Work

    def __call__(self, session: Session, article_ids: Sequence[int]) -> list[int]:
        claimed, done = _claim(session, article_ids, self.stage)
        session.info[CLAIMED] = claimed  # held for the caller: the session itself keeps unchanged rows only weakly
        onward = [_finish(article, self.stage) for article in self.work(session, claimed)] if claimed else []
        for article in claimed:
            # Counted last, so that it goes out with the stage's results in one UPDATE per article: another UPDATE
            # (at the claim, or flushed before a query of the work) would leave a second row version, and an
            # entry in each of the table's indexes, for every article at every stage.
            article.attempts += 1
        return sorted(done + onward)


def each(work: Callable[[Session, Article], bool]) -> Work:
    """Batch work from work on one article, which returns False when it ended the article."""

    def batch(session: Session, articles: list[Article]) -> list[Article]:
        return [article for article in articles if work(session, article)]

    return batch


def one_at_a_time(step: Step) -> Callable[[Session, int], int | None]:
    """A step on a single article: its id if it goes on, else None."""

    def single(session: Session, article_id: int) -> int | None:
        return next(iter(step(session, [article_id])), None)

    single.__name__ = f"{step.stage.name}_step"
    return single


def record_failure(session: Session, article_id: int, stage: str, reason: str) -> None:
    """Give an article that is not yet final a `failed` status (used once a task's retries are spent)."""
    article = session.get(Article, article_id, with_for_update=True, populate_existing=True)
    if article is not None and not article.status.is_final:
        article.mark_failed(stage, reason)
