"""The store stage's database side: lock the merge buckets, find candidate events, attach, recount, announce."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

from sqlalchemy import Date, Text, bindparam, cast, delete, func, literal, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.models import Article, ArticleEvent, Event, EventMention
from services.status import Status
from services.store import (
    DATE_WINDOW,
    EVENT_CODING_FIELDS,
    LOCK_NAMESPACE,
    Candidate,
    Coding,
    MentionCoding,
    ReportedMention,
    choose_event,
    coding_of,
    compatible_types,
    lock_countries,
    lock_keys,
    summarise_event,
)

EVENTS_CHANNEL = "newsflow_events"
ASSERTED = "asserted"  # negated, planned or claimed events are kept as mentions only


def store_article_events(session: Session, article: Article) -> set[int]:
    """Replace the events an article's mentions feed: merge each asserted mention into its event, recount every
    event the article fed before or feeds now, delete those left without mentions; return the ids touched."""
    mentions = session.scalars(
        select(EventMention).where(EventMention.article_id == article.id).order_by(EventMention.id)
    ).all()
    # Events fed last time, whether or not a re-run of the extract stage has replaced those mentions since.
    before = set(session.scalars(select(ArticleEvent.event_id).where(ArticleEvent.article_id == article.id)))
    before |= {m.event_id for m in mentions if m.event_id is not None}
    asserted = [m for m in mentions if m.modality == ASSERTED]
    codings = [_mention_coding(m, article) for m in asserted]
    _lock(session, [*codings, *_event_codings(session, before)])
    for mention in mentions:
        mention.event_id = None
    session.flush()
    fed: set[int] = set()
    for mention, coding in zip(asserted, codings, strict=True):
        event_id = choose_event(coding, _candidates(session, coding, article.story_id, fed))
        if event_id is None:
            event_id = _open_event(session, mention, coding)
        mention.event_id = event_id
        fed.add(event_id)
    session.flush()
    session.execute(delete(ArticleEvent).where(ArticleEvent.article_id == article.id))
    if fed:
        session.execute(insert(ArticleEvent), [{"article_id": article.id, "event_id": e} for e in sorted(fed)])
    touched = before | fed
    if touched:
        recount_events(session, touched, updated=fed)
        notify_events(session, touched)
    return touched


def _mention_coding(mention: EventMention, article: Article) -> Coding:
    # An undated sentence in a dated article is placed on its publication day (with precision "unknown").
    published = article.published_at.astimezone(UTC).date() if article.published_at else None
    return coding_of(
        {
            **{name: getattr(mention, name) for name in EVENT_CODING_FIELDS},
            "event_date": mention.event_date or published,
        }
    )


def _event_codings(session: Session, event_ids: set[int]) -> list[Coding]:
    if not event_ids:
        return []
    columns = [getattr(Event, name) for name in EVENT_CODING_FIELDS]
    rows = session.execute(select(*columns).where(Event.id.in_(event_ids))).mappings()
    return [coding_of(row) for row in rows]


def _lock(session: Session, codings: list[Coding]) -> None:
    """Take the advisory locks of every bucket these codings touch, in one sorted pass (so workers cannot deadlock)."""
    keys = sorted(set().union(*(lock_keys(c) for c in codings))) if codings else []
    if keys:
        # unnest returns the sorted array in order, so the locks are taken in that order.
        session.execute(
            text("SELECT pg_advisory_xact_lock(:namespace, key) FROM unnest(CAST(:keys AS integer[])) AS key"),
            {"namespace": LOCK_NAMESPACE, "keys": keys},
        ).all()


def _candidates(session: Session, coding: Coding, story_id: int | None, fed: set[int]) -> list[Candidate]:
    """Events the mention may report: a compatible type, a date in the window, and a country or actor in common
    (for a mention that names none, every event in the window: `choose_event` keeps those that name none either)."""
    columns = [getattr(Event, name) for name in EVENT_CODING_FIELDS]
    query = select(Event.id, *columns).where(Event.type.in_(compatible_types(coding.type)))
    if coding.day is None:
        query = query.where(Event.event_date.is_(None))
    else:
        query = query.where(Event.event_date.between(coding.day - DATE_WINDOW, coding.day + DATE_WINDOW))
    named = [c for c in lock_countries(coding) if c != "-"]
    if named:
        query = query.where(
            or_(
                Event.location_country.in_(named),
                *(Event.source_code.startswith(c, autoescape=True) for c in named),
                *(Event.target_code.startswith(c, autoescape=True) for c in named),
            )
        )
    if story_id is not None:
        in_story = (
            select(literal(True))
            .select_from(ArticleEvent)
            .join(Article, Article.id == ArticleEvent.article_id)
            .where(ArticleEvent.event_id == Event.id, Article.story_id == story_id)
            .exists()
        )
        query = query.add_columns(in_story.label("same_story"))
    candidates = []
    for row in session.execute(query).mappings():
        same_story = bool(row.get("same_story")) or row["id"] in fed
        candidates.append(Candidate(row["id"], coding_of(row), same_story))
    return candidates


def _open_event(session: Session, mention: EventMention, coding: Coding) -> int:
    values = {name: getattr(mention, name) for name in EVENT_CODING_FIELDS} | {"event_date": coding.day}
    statement = insert(Event).values(**values, confidence=mention.confidence).returning(Event.id)
    return session.execute(statement).scalar_one()


PUBLISHED_DAY = cast(func.timezone("UTC", Article.published_at), Date)
REPORT_COLUMNS = [
    func.coalesce(EventMention.event_date, PUBLISHED_DAY).label(f.name)
    if f.name == "event_date"
    else getattr(EventMention, f.name)
    for f in fields(MentionCoding)
]


def recount_events(session: Session, event_ids: set[int], *, updated: set[int] = frozenset()) -> None:
    """Recompute events from their mentions (best fields, counts, confidence), skipping mentions of duplicate
    articles; delete events left without a mention; `updated` events get a new `last_seen`."""
    # Row locks in id order: two workers recounting the same events queue instead of deadlocking.
    session.execute(select(Event.id).where(Event.id.in_(event_ids)).order_by(Event.id).with_for_update()).all()
    rows = session.execute(
        select(
            EventMention.event_id,
            EventMention.article_id,
            # An outlet is one independent source; an article with no outlet known counts as its own.
            func.lower(func.coalesce(Article.source, Article.site_name, "article " + cast(Article.id, Text))).label(
                "outlet"
            ),
            *REPORT_COLUMNS,
        )
        .join(Article, Article.id == EventMention.article_id)
        .where(EventMention.event_id.in_(event_ids), Article.status != Status.DUPLICATE)
        .order_by(EventMention.event_id, EventMention.id)
    ).mappings()
    reports: dict[int, list[ReportedMention]] = {}
    for row in rows:
        coding = MentionCoding(**{f.name: row[f.name] for f in fields(MentionCoding)})
        reports.setdefault(row["event_id"], []).append(ReportedMention(row["article_id"], row["outlet"], coding))
    now = datetime.now(UTC)
    changes = [
        {"event": event_id, **summarise_event(found), **({"last_seen": now} if event_id in updated else {})}
        for event_id, found in reports.items()
    ]
    for change in changes:
        event_id = change.pop("event")
        session.execute(update(Event).where(Event.id == bindparam("event")).values(**change), {"event": event_id})
    empty = event_ids - reports.keys()
    if empty:
        session.execute(delete(Event).where(Event.id.in_(empty)))


def notify_events(session: Session, event_ids: set[int]) -> None:
    """NOTIFY each new, updated or deleted event's id on EVENTS_CHANNEL; Postgres delivers them on commit."""
    session.execute(
        text("SELECT pg_notify(:channel, id::text) FROM unnest(CAST(:ids AS bigint[])) AS id ORDER BY id"),
        {"channel": EVENTS_CHANNEL, "ids": sorted(event_ids)},
    )
