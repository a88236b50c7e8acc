"""The events page for readers, beside the operators' status page: three queries whatever the page's size."""

from collections import defaultdict
from collections.abc import Callable, Coroutine, Sequence
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.routing import APIRoute
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from services.api.deps import SessionDep
from services.api.events_page import EVENTS_PAGE, Evidence, render_events_page, render_invalid_filters
from services.api.routes.ops import UNAVAILABLE
from services.api.routes.read import MAX_ID, EventFiltersDep, Limit, keyset_page
from services.models import Article, Event, EventMention, Story

PAGE_SIZE = 50
STORIES_SHOWN = 20
MENTIONS_SHOWN = 5  # per event; `GET /events/{id}` has them all
INVALID = {422: {"description": "The form as filled in, with what cannot be read", "content": {"text/html": {}}}}


class FormRoute(APIRoute):
    """A route that a page's form calls: an empty field is a filter not given, and a value that cannot be read is
    told on the page rather than in JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handle_form(request: Request) -> Response:
            given = [(name, value.strip()) for name, value in request.query_params.multi_items() if value.strip()]
            request.scope["query_string"] = urlencode(given).encode()
            try:
                return await handle(Request(request.scope, request.receive))
            except RequestValidationError as invalid:
                problems = [f"{error['loc'][-1]}: {error['msg']}" for error in invalid.errors()]
                return HTMLResponse(render_invalid_filters(dict(given), problems), status_code=422)

        return handle_form


# Apart from the read API, whose spec is tested request by request: the page takes an empty field where the spec
# of the filters it shares with `GET /events` asks for a value.
router = APIRouter(tags=["pages"], responses=UNAVAILABLE, route_class=FormRoute)


@router.get(EVENTS_PAGE, response_class=HTMLResponse, responses=INVALID)
def events_page(
    request: Request,
    session: SessionDep,
    filters: EventFiltersDep,
    before: Annotated[int | None, Query(ge=1, le=MAX_ID, description="The previous page's oldest event")] = None,
    limit: Limit = PAGE_SIZE,
) -> HTMLResponse:
    """The latest events, newest first, with the sentences that report them and their articles, and the latest
    stories: an HTML page for people, filtered as `GET /events` is (an empty field of its form is no filter)."""
    # The page's ids first, then their rows, as `GET /events` reads them.
    ids = filters.where(select(Event.id).order_by(Event.id.desc()).limit(limit + 1))
    if before is not None:
        ids = ids.where(Event.id < before)
    found = session.scalars(select(Event).where(Event.id.in_(ids.scalar_subquery())).order_by(Event.id.desc())).all()
    page = keyset_page(found, limit)
    events, older_than = page["items"], page["next"]
    stories = session.scalars(select(Story).order_by(Story.id.desc()).limit(STORIES_SHOWN)).all()
    evidence = evidence_of(session, [event.id for event in events])
    return HTMLResponse(render_events_page(events, evidence, stories, dict(request.query_params), older_than))


def evidence_of(session: Session, event_ids: Sequence[int]) -> dict[int, list[Evidence]]:
    """The first mentions of each event, with their articles' titles, outlets and URLs: one query."""
    if not event_ids:
        return {}
    ranked = (
        select(
            EventMention.id,
            func.row_number().over(partition_by=EventMention.event_id, order_by=EventMention.id).label("rank"),
        )
        .where(EventMention.event_id.in_(event_ids))
        .subquery()
    )
    # The trigger's offsets are in the article's text, and the sentence is a piece of that text that starts between
    # (trigger end - sentence length) and the trigger's start: found there, it gives the trigger's place in it.
    length = func.char_length(EventMention.sentence)
    earliest = func.greatest(EventMention.trigger_end - length, 0)
    window = func.substr(Article.text, earliest + 1, EventMention.trigger_start - earliest + length)
    at = func.strpos(window, EventMention.sentence)
    query = (
        select(
            EventMention.event_id,
            EventMention.id.label("mention_id"),
            EventMention.sentence,
            EventMention.trigger,
            case((at > 0, EventMention.trigger_start - earliest - at + 1)).label("trigger_offset"),
            EventMention.modality,
            EventMention.confidence,
            Article.id.label("article_id"),
            Article.title.label("article_title"),
            Article.url.label("article_url"),
            func.coalesce(Article.source, Article.site_name).label("article_outlet"),
        )
        .join(ranked, ranked.c.id == EventMention.id)
        .join(Article, Article.id == EventMention.article_id)
        .where(ranked.c.rank <= MENTIONS_SHOWN)
        .order_by(EventMention.event_id, EventMention.id)
    )
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    for row in session.execute(query):
        evidence[row.event_id].append(Evidence(**row._mapping))
    return evidence
