"""The store stage's step: each asserted mention merged into the event it reports."""

from __future__ import annotations

from sqlalchemy.orm import Session

from services.models import Article
from services.stages import stage_named
from services.steps import Step, one_at_a_time
from services.store.postgres import store_events


def _store(session: Session, articles: list[Article]) -> list[Article]:
    # Every run replaces what the articles fed before, so a re-processed article corrects its events.
    store_events(session, articles)
    return articles


store_batch = Step(stage_named("store"), _store)
store_step = one_at_a_time(store_batch)
