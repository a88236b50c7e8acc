"""One step per stage: load the article by id, call the stage's logic, persist its result and status.

Every step locks the article row and re-checks its status first, so a redelivered message is harmless:
work already done is not done again, and an article whose step committed but whose onward message was
lost is sent on once more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, undefer

from services.clean import UnusableDocument, clean_document
from services.dedup import deduplicate
from services.dedup_index import PostgresExactIndex, PostgresIndex, PostgresStoryStore
from services.extract import EventCandidate, extract_events
from services.fetch import FetchedPage, FetchFailed
from services.models import Article, Event, EventMention
from services.status import Status
from services.store import merge_key
from services.stories import assign_story

ENGLISH = "en"
# Fields an event mention takes from its candidate as they are, and an event from its first mention.
CANDIDATE_FIELDS = (
    "type", "mode", "cameo", "quad_class", "event_date", "date_precision", "negated", "modality",
    "sentence_index", "sentence", "trigger", "trigger_start", "trigger_end", "confidence",
)  # fmt: skip
EVENT_FIELDS = (
    "type", "mode", "cameo", "quad_class", "source_text", "source_code", "target_text", "target_code",
    "location_name", "location_country", "latitude", "longitude",
)  # fmt: skip


@dataclass(frozen=True)
class StageSpec:
    """What a stage takes, what it leaves, and where it stamps its finishing time."""

    name: str
    accepts: frozenset[Status]
    produces: Status
    finished_at: str
    reads: tuple[str, ...] = ()  # deferred columns the stage needs, loaded with the claim (one round trip fewer)


FETCH = StageSpec("fetch", frozenset({Status.RECEIVED}), Status.FETCHED, "fetched_at", ("raw",))
CLEAN = StageSpec("clean", frozenset({Status.RECEIVED, Status.FETCHED}), Status.CLEANED, "cleaned_at", ("raw",))
DEDUP = StageSpec("dedup", frozenset({Status.CLEANED}), Status.UNIQUE, "deduped_at", ("text",))
EXTRACT = StageSpec("extract", frozenset({Status.UNIQUE}), Status.EXTRACTED, "extracted_at", ("text",))
STORE = StageSpec("store", frozenset({Status.EXTRACTED}), Status.STORED, "stored_at")


class _AlreadyDone(Exception):
    """The step ran to completion before; the onward message may have been lost, so send it again."""


def _claim(session: Session, article_id: int, stage: StageSpec) -> Article | None:
    """Lock the article if this stage has work to do on it, counting the attempt; None if the message is stale."""
    # One UPDATE locks the row, re-checks the status and counts the attempt. Under READ COMMITTED an UPDATE that
    # waited for a concurrent step re-reads the row and re-checks the status, as SELECT ... FOR UPDATE did.
    claim = (
        update(Article)
        .where(Article.id == article_id, Article.status.in_(stage.accepts))
        .values(attempts=Article.attempts + 1)
        .returning(Article)
        .options(*(undefer(getattr(Article, column)) for column in stage.reads))
    )
    article = session.scalars(claim, execution_options={"populate_existing": True}).one_or_none()
    if article is not None:
        return article
    status = session.scalar(select(Article.status).where(Article.id == article_id))
    if status is stage.produces:
        raise _AlreadyDone
    return None


def _finish(article: Article, stage: StageSpec) -> int:
    article.status = stage.produces
    setattr(article, stage.finished_at, datetime.now(UTC))
    return article.id


def _step(stage: StageSpec, work: Callable[[Session, Article], bool]) -> Callable[[Session, int], int | None]:
    """Wrap a stage's work in the claim/re-check/finish protocol; `work` returns False when it ended the article."""

    def step(session: Session, article_id: int) -> int | None:
        try:
            article = _claim(session, article_id, stage)
        except _AlreadyDone:
            return article_id
        if article is None or not work(session, article):
            return None
        return _finish(article, stage)

    step.__name__ = f"{stage.name}_step"
    step.__doc__ = f"Run the {stage.name} stage on one article; return its id if it goes on, else None."
    return step


def make_fetch_step(download: Callable[[str], FetchedPage]) -> Callable[[Session, int], int | None]:
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

    return _step(FETCH, fetch)


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


def _dedup(session: Session, article: Article) -> bool:
    text = article.text or ""
    decision = deduplicate(article.id, text, exact=PostgresExactIndex(session), near=PostgresIndex(session))
    stories = PostgresStoryStore(session)
    seen = article.published_at  # an unknown date stays unknown: no arrival time passed off as it
    if decision.duplicate_of is None:
        article.story_id = assign_story(text, title=article.title, seen=seen, store=stories)
        return True
    original = session.get(Article, decision.duplicate_of)
    if original is not None and original.story_id is not None:
        article.story_id = original.story_id  # a copy adds to its original's story, not to its profile
        stories.join(original.story_id, None, seen)
    article.status = Status.DUPLICATE
    article.duplicate_of_id = decision.duplicate_of
    article.duplicate_method = decision.method
    article.duplicate_similarity = decision.similarity
    article.deduped_at = datetime.now(UTC)
    return False


def _extract(session: Session, article: Article) -> bool:
    if article.language not in (ENGLISH, None):
        article.mark_skipped("extract", f"language {article.language!r}: the event coder reads English only")
        return False
    session.execute(delete(EventMention).where(EventMention.article_id == article.id))
    published = article.published_at.date() if article.published_at else None
    rows = [
        {"article_id": article.id, **mention_fields(candidate)}
        for candidate in extract_events(article.text or "", published=published)
    ]
    if rows:  # one INSERT for all of them, without tracking each as an object in the session
        session.execute(insert(EventMention), rows)
    return True


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


def _store(session: Session, article: Article) -> bool:
    mentions = session.scalars(
        select(EventMention).where(
            EventMention.article_id == article.id,
            EventMention.event_id.is_(None),
            EventMention.modality == "asserted",  # negated, planned or claimed events are kept as mentions only
        )
    ).all()
    article_day = article.published_at.date() if article.published_at else None
    keyed = [
        (
            merge_key(
                type=m.type, source_code=m.source_code, target_code=m.target_code, day=m.event_date or article_day
            ),
            m,
        )
        for m in mentions
    ]
    # Sorted keys give every store worker the same lock order on events, so they cannot deadlock.
    for key, mention in sorted(keyed, key=lambda pair: pair[0]):
        mention.event_id = _upsert_event(session, key, mention, article_day)
    touched = {m.event_id for m in mentions}
    if touched:
        session.flush()
        recount_events(session, touched)
        notify_events(session, touched)
    return True


EVENTS_CHANNEL = "newsflow_events"


def notify_events(session: Session, event_ids: set[int]) -> None:
    """NOTIFY each new or updated event's id on EVENTS_CHANNEL; Postgres delivers them when the transaction commits."""
    session.execute(
        text("SELECT pg_notify(:channel, id::text) FROM unnest(CAST(:ids AS bigint[])) AS id ORDER BY id"),
        {"channel": EVENTS_CHANNEL, "ids": sorted(event_ids)},
    )


def _upsert_event(session: Session, key: str, mention: EventMention, day: date | None) -> int:
    statement = insert(Event).values(
        merge_key=key,
        **{name: getattr(mention, name) for name in EVENT_FIELDS},
        event_date=mention.event_date or day,
        date_precision=mention.date_precision if mention.event_date else ("day" if day else "unknown"),
        confidence=mention.confidence,
    )
    statement = statement.on_conflict_do_update(
        index_elements=[Event.merge_key], set_={"last_seen": func.now()}
    ).returning(Event.id)
    return session.execute(statement).scalar_one()


def recount_events(session: Session, event_ids: set[int]) -> None:
    """Recompute mention and article counts and confidence of events from their mentions."""
    counts = (
        select(
            EventMention.event_id,
            func.count().label("mentions"),
            func.count(EventMention.article_id.distinct()).label("articles"),
            # Independent reports raise confidence: 1 - product of (1 - confidence).
            (1 - func.exp(func.sum(func.ln(1 - func.least(EventMention.confidence, 0.99))))).label("confidence"),
        )
        .where(EventMention.event_id.in_(event_ids))
        .group_by(EventMention.event_id)
        .subquery()
    )
    session.execute(
        update(Event)
        .where(Event.id == counts.c.event_id)
        .values(mention_count=counts.c.mentions, article_count=counts.c.articles, confidence=counts.c.confidence)
    )


clean_step = _step(CLEAN, _clean)
dedup_step = _step(DEDUP, _dedup)
extract_step = _step(EXTRACT, _extract)
store_step = _step(STORE, _store)


def record_failure(session: Session, article_id: int, stage: str, reason: str) -> None:
    """Give an article that is not yet final a `failed` status (used once a task's retries are spent)."""
    article = session.get(Article, article_id, with_for_update=True, populate_existing=True)
    if article is not None and not article.status.is_final:
        article.mark_failed(stage, reason)
