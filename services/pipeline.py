"""One step per stage: load a message's articles by id, call the stage's logic, persist results and statuses.

Every step locks the article rows and re-checks their status first, so a redelivered message is harmless:
work already done is not done again, and an article whose step committed but whose onward message was
lost is sent on once more. A step takes a batch of ids and runs in the caller's one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, undefer

from services.clean import UnusableDocument, clean_document
from services.db import copy_rows
from services.dedup import DedupDecision, deduplicate, signature, text_fingerprint
from services.dedup_index import PostgresExactIndex, PostgresIndex, PostgresStoryStore, lock_dedup
from services.event_store import store_events
from services.extract import EventCandidate, extract_events
from services.fetch import FetchedPage, FetchFailed
from services.models import Article, EventMention
from services.stages import Stage, stage_named
from services.status import Status
from services.stories import article_terms, assign_story, key_terms, story_window

ENGLISH = "en"
# Fields an event mention takes from its candidate as they are.
CANDIDATE_FIELDS = (
    "type", "mode", "cameo", "quad_class", "event_date", "date_precision", "negated", "modality",
    "sentence_index", "sentence", "trigger", "trigger_start", "trigger_end", "confidence",
)  # fmt: skip


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
    ready = (
        select(Article)
        .where(Article.id.in_(article_ids), Article.status.in_(stage.accepts))
        .order_by(Article.id)
        .with_for_update(key_share=True)
        .options(*(undefer(getattr(Article, column)) for column in stage.reads))
    )
    claimed = list(session.scalars(ready, execution_options={"populate_existing": True}))
    unclaimed = set(article_ids) - {article.id for article in claimed}
    done = (
        session.scalars(select(Article.id).where(Article.id.in_(unclaimed), Article.status == stage.produces)).all()
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


def _each(work: Callable[[Session, Article], bool]) -> Work:
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


def make_fetch_batch(download: Callable[[str], FetchedPage]) -> Step:
    """The fetch step, downloading with `download` (FetchUnavailable from it propagates, to be retried)."""

    def fetch(session: Session, article: Article) -> bool:
        if article.raw is not None:
            return True  # the content came with the article
        # The row stays locked during the download, so a redelivered message cannot fetch it twice.
        try:
            page = download(article.url or "")
        except FetchFailed as exc:
            article.mark_failed("fetch", str(exc))
            return False
        article.raw, article.content_type = page.body, page.content_type
        return True

    return Step(stage_named("fetch"), _each(fetch))


def _clean(session: Session, article: Article) -> bool:
    try:
        result = clean_document(
            article.raw or b"", content_type=article.content_type or "text/plain", url=article.url, given=article.given
        )
    except UnusableDocument as exc:
        article.mark_failed("clean", str(exc))
        return False
    article.text = result.text
    article.dropped = [{"text": span.text, "reason": span.reason} for span in result.dropped]
    article.title = result.title
    article.author = result.author
    article.site_name = result.site_name
    article.language = result.language
    article.published_at = result.published
    article.published_precision = result.published_precision
    article.published_source = result.published_source
    return True


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
        originals = []
        for article in claimed:
            decision = deduplicate(article.id, texts[article.id], exact=exact, near=near, sig=signatures[article.id])
            _record_dedup(session, article, decision, stories, terms[article.id], stored_story_of)
            if decision.duplicate_of is None:
                originals.append(article)
        near.flush()
        stories.flush()
    return originals


def _record_dedup(
    session: Session,
    article: Article,
    decision: DedupDecision,
    stories: PostgresStoryStore,
    terms: dict[str, float],
    stored_story_of: dict[int, int | None],
) -> None:
    seen = article.published_at  # an unknown date stays unknown: no arrival time passed off as it
    if decision.duplicate_of is None:
        article.story_id = assign_story(article.text or "", title=article.title, seen=seen, store=stories, terms=terms)
        return
    if decision.duplicate_of in stored_story_of:
        story_id = stored_story_of[decision.duplicate_of]
    else:  # an original of this batch, or one stored without its story read
        original = session.get(Article, decision.duplicate_of)
        story_id = original.story_id if original is not None else None
    if story_id is not None:
        article.story_id = story_id  # a copy adds to its original's story, not to its profile
        stories.join(story_id, None, seen)
    article.status = Status.DUPLICATE
    article.duplicate_of_id = decision.duplicate_of
    article.duplicate_method = decision.method
    article.duplicate_similarity = decision.similarity
    article.deduped_at = datetime.now(UTC)


def _extract(session: Session, articles: list[Article]) -> list[Article]:
    readable = []
    for article in articles:
        if article.language in (ENGLISH, None):
            readable.append(article)
        else:
            article.mark_skipped("extract", f"language {article.language!r}: the event coder reads English only")
    if not readable:
        return []
    # A re-run replaces the mentions of an earlier one.
    session.execute(delete(EventMention).where(EventMention.article_id.in_([a.id for a in readable])))
    rows = [
        {"article_id": article.id, **mention_fields(candidate)}
        for article in readable
        for candidate in extract_events(article.text or "", published=published_day(article))
    ]
    copy_rows(session, EventMention.__table__, rows)  # without tracking each mention as an object in the session
    return readable


def published_day(article: Article) -> date | None:
    """The day an article was published, the date the extract stage resolves relative dates against."""
    return article.published_at.date() if article.published_at else None


def mention_fields(candidate: EventCandidate) -> dict:
    """The columns of an event mention, from the extract stage's candidate."""
    source, target, place = candidate.source, candidate.target, candidate.location
    return {
        **{name: getattr(candidate, name) for name in CANDIDATE_FIELDS},
        "source_text": source.text if source else None,
        "source_code": source.code if source else None,
        "target_text": target.text if target else None,
        "target_code": target.code if target else None,
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
    }


def _store(session: Session, articles: list[Article]) -> list[Article]:
    # Every run replaces what the articles fed before, so a re-processed article corrects its events.
    store_events(session, articles)
    return articles


clean_batch = Step(stage_named("clean"), _each(_clean))
dedup_batch = Step(stage_named("dedup"), _dedup)
extract_batch = Step(stage_named("extract"), _extract)
store_batch = Step(stage_named("store"), _store)
clean_step = one_at_a_time(clean_batch)
dedup_step = one_at_a_time(dedup_batch)
extract_step = one_at_a_time(extract_batch)
store_step = one_at_a_time(store_batch)


def record_failure(session: Session, article_id: int, stage: str, reason: str) -> None:
    """Give an article that is not yet final a `failed` status (used once a task's retries are spent)."""
    article = session.get(Article, article_id, with_for_update=True, populate_existing=True)
    if article is not None and not article.status.is_final:
        article.mark_failed(stage, reason)
