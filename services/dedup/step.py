"""The dedup stage's step: copies become `duplicate`, originals join a story."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from services.dedup.copies import DedupDecision, signature, text_fingerprint
from services.dedup.decide import place_article
from services.dedup.postgres import PostgresExactIndex, PostgresIndex, PostgresStoryStore, lock_dedup
from services.dedup.stories import article_terms, key_terms, story_window
from services.models import Article
from services.stages import stage_named
from services.status import Status
from services.steps import Step, one_at_a_time


def _dedup(session: Session, claimed: list[Article]) -> list[Article]:
    """Decide the batch in id order: later articles see the earlier ones as if those had been committed first.

    The batch is read, decided and written in a few statements whatever its size.
    """
    texts = {article.id: article.text or "" for article in claimed}
    # The articles' own changes wait for the commit: the index and story statements below need not flush them.
    with session.no_autoflush:
        # The CPU-heavy part, before the lock: signatures and story terms.
        signatures = {article_id: signature(text) for article_id, text in texts.items()}
        terms = {article_id: article_terms(text) for article_id, text in texts.items()}
        lock_dedup(session)
        exact = PostgresExactIndex(session)
        exact.prefetch({article_id: text_fingerprint(text) for article_id, text in texts.items()})
        near = PostgresIndex(session)
        near.prefetch([sig.bands for sig in signatures.values()])
        stories = PostgresStoryStore(session)
        stories.prefetch([(tuple(key_terms(terms[a.id])), *story_window(a.published_at)) for a in claimed])
        # The stories of earlier originals, read with them (those of this batch are being decided now).
        stored_story_of = {i: s for i, s in {**exact.story_of, **near.story_of}.items() if i not in texts}

        def story_of(article_id: int) -> int | None:
            if article_id in stored_story_of:
                return stored_story_of[article_id]
            original = session.get(Article, article_id)  # an original of this batch, or one stored without its story
            return original.story_id if original is not None else None

        originals = []
        for article in claimed:
            placed = place_article(
                article.id, texts[article.id], title=article.title, seen=article.published_at, exact=exact,
                near=near, stories=stories, story_of=story_of, sig=signatures[article.id], terms=terms[article.id],
            )  # fmt: skip
            if placed.story is not None:
                article.story_id = placed.story
            if placed.decision.duplicate_of is None:
                article.contains_id = placed.decision.contains
                originals.append(article)
            else:
                _mark_duplicate(article, placed.decision)
        near.flush()
        stories.flush()
    return originals


def _mark_duplicate(article: Article, decision: DedupDecision) -> None:
    article.status = Status.DUPLICATE
    article.duplicate_of_id = decision.duplicate_of
    article.duplicate_method = decision.method
    article.duplicate_similarity = decision.similarity
    article.deduped_at = datetime.now(UTC)


dedup_batch = Step(stage_named("dedup"), _dedup)
dedup_step = one_at_a_time(dedup_batch)
