"""Read endpoints for downstream apps: events, stories, articles."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from pydantic import BeforeValidator
from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from services.api.deps import SessionDep
from services.api.routes.ops import UNAVAILABLE
from services.api.schemas import (
    ArticleDetailOut,
    ArticleOut,
    ArticlePage,
    ErrorOut,
    EventDetailOut,
    EventPage,
    StoryDetailOut,
    StoryPage,
)
from services.models import Article, Event, EventMention, Story
from services.status import Status

router = APIRouter(tags=["read"], responses=UNAVAILABLE)
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size")]
# Ids are Postgres bigints: anything outside that range can name no row.
MAX_ID = 2**63 - 1
ItemId = Annotated[int, Path(ge=1, le=MAX_ID)]


def _iso_datetime(value: object) -> object:
    # Pydantic also takes numbers as Unix times; the spec promises ISO 8601 and so does the API.
    return datetime.fromisoformat(value) if isinstance(value, str) else value


IsoDatetime = Annotated[datetime, BeforeValidator(_iso_datetime)]
NOT_FOUND = {404: {"model": ErrorOut, "description": "No row with that id"}}


def _get(session: Session, model: type, item_id: int):
    found = session.get(model, item_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no {model.__tablename__[:-1]} {item_id}")
    return found


def keyset_page(rows: Sequence, limit: int) -> dict:
    """A page from `limit + 1` rows: the first `limit`, and the last one's id as `next` if a row was left over."""
    return {"items": rows[:limit], "next": rows[limit - 1].id if len(rows) > limit else None}


@router.get("/articles", response_model=ArticlePage)
def list_articles(
    session: SessionDep,
    status: Annotated[Status | None, Query(description="Articles in this status, e.g. stored or failed")] = None,
    story: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Articles of this story")] = None,
    source: Annotated[str | None, Query(max_length=1000, description="Articles of this outlet, as given")] = None,
    since: Annotated[IsoDatetime | None, Query(description="Received at or after")] = None,
    until: Annotated[IsoDatetime | None, Query(description="Received before")] = None,
    after: Annotated[int | None, Query(ge=0, le=MAX_ID, description="The `next` of the previous page")] = None,
    limit: Limit = 100,
) -> ArticlePage:
    """Articles in id order (keyset pagination), filtered by status, story, source and arrival time."""
    query = select(Article).order_by(Article.id).limit(limit + 1)
    if status is not None:
        query = query.where(Article.status == status)
    if story is not None:
        query = query.where(Article.story_id == story)
    if source is not None:
        query = query.where(Article.source == source)
    if since is not None:
        query = query.where(Article.received_at >= since)
    if until is not None:
        query = query.where(Article.received_at < until)
    if after is not None:
        query = query.where(Article.id > after)
    return ArticlePage(**keyset_page(session.scalars(query).all(), limit))


@router.get("/articles/{article_id}", response_model=ArticleDetailOut, responses=NOT_FOUND)
def get_article(article_id: ItemId, session: SessionDep) -> Article:
    """One article's metadata, status and clean text."""
    return _get(session, Article, article_id)


@dataclass(frozen=True)
class EventFilters:
    """The filters of a listing of events, read from the query string (`GET /events` and the events page)."""

    since: Annotated[IsoDatetime | None, Query(description="First seen at or after")] = None
    until: Annotated[IsoDatetime | None, Query(description="First seen before")] = None
    type: Annotated[str | None, Query(pattern="^[A-Za-z]{1,16}$", description="PLOVER type, e.g. RETREAT")] = None
    actor: Annotated[
        str | None, Query(pattern="^[A-Za-z]{1,32}$", description="Source or target code prefix, e.g. RUS or RUSGOV")
    ] = None
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO alpha-3 of place or actor")] = None
    story: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Reported by an article of this story")] = None

    def where(self, query: Select) -> Select:
        """The query narrowed to the events that pass every filter given."""
        if self.since is not None:
            query = query.where(Event.first_seen >= self.since)
        if self.until is not None:
            query = query.where(Event.first_seen < self.until)
        if self.type is not None:
            query = query.where(Event.type == self.type.upper())
        if self.actor is not None:
            prefix = self.actor.upper() + "%"
            query = query.where(or_(Event.source_code.like(prefix), Event.target_code.like(prefix)))
        if self.country is not None:
            code = self.country.upper()
            query = query.where(
                or_(
                    Event.location_country == code,
                    Event.source_code.like(code + "%"),
                    Event.target_code.like(code + "%"),
                )
            )
        if self.story is not None:
            in_story = select(EventMention.event_id).join(Article, Article.id == EventMention.article_id)
            query = query.where(Event.id.in_(in_story.where(Article.story_id == self.story)))
        return query


EventFiltersDep = Annotated[EventFilters, Depends()]


@router.get("/events", response_model=EventPage)
def list_events(
    session: SessionDep,
    filters: EventFiltersDep,
    after: Annotated[int | None, Query(ge=0, le=MAX_ID, description="The `next` of the previous page")] = None,
    limit: Limit = 100,
) -> EventPage:
    """Events in id order (keyset pagination), filtered by time, type, actor, country and story."""
    # The page's ids first, then their rows: with the type given, the ids come from an index that holds every
    # column the other filters read, so no event outside the page is read from the table.
    query = filters.where(select(Event.id).order_by(Event.id).limit(limit + 1))
    if after is not None:
        query = query.where(Event.id > after)
    page = select(Event).where(Event.id.in_(query.scalar_subquery())).order_by(Event.id)
    return EventPage(**keyset_page(session.scalars(page).all(), limit))


@router.get("/events/{event_id}", response_model=EventDetailOut, responses=NOT_FOUND)
def get_event(event_id: ItemId, session: SessionDep) -> Event:
    """One event with its mentions and their evidence."""
    return _get(session, Event, event_id)


@router.get("/stories", response_model=StoryPage)
def list_stories(
    session: SessionDep,
    before: Annotated[int | None, Query(ge=1, le=MAX_ID, description="The `next` of the previous page")] = None,
    limit: Limit = 100,
) -> StoryPage:
    """Stories, newest first (keyset pagination by id)."""
    query = select(Story).order_by(Story.id.desc()).limit(limit + 1)
    if before is not None:
        query = query.where(Story.id < before)
    return StoryPage(**keyset_page(session.scalars(query).all(), limit))


@router.get("/stories/{story_id}", response_model=StoryDetailOut, responses=NOT_FOUND)
def get_story(story_id: ItemId, session: SessionDep) -> StoryDetailOut:
    """One story with its articles."""
    story = _get(session, Story, story_id)
    articles = session.scalars(select(Article).where(Article.story_id == story_id).order_by(Article.id)).all()
    return StoryDetailOut(
        id=story.id,
        title=story.title,
        first_seen=story.first_seen,
        last_seen=story.last_seen,
        article_count=story.article_count,
        articles=[ArticleOut.model_validate(a) for a in articles],
    )
