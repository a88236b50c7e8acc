"""The extract stage's step: the events each English article reports, stored as its mentions."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete
from sqlalchemy.orm import Session

from services.db import copy_rows
from services.extract import EventCandidate, extract_events
from services.models import Article, EventMention
from services.stages import stage_named
from services.steps import Step, one_at_a_time

ENGLISH = "en"
# Fields an event mention takes from its candidate as they are.
CANDIDATE_FIELDS = (
    "type", "mode", "cameo", "quad_class", "event_date", "date_precision", "negated", "modality",
    "sentence_index", "sentence", "trigger", "trigger_start", "trigger_end", "confidence",
)  # fmt: skip


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


extract_batch = Step(stage_named("extract"), _extract)
extract_step = one_at_a_time(extract_batch)
