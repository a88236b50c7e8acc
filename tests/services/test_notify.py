"""Downstream apps can follow new and updated events with LISTEN instead of polling."""

import psycopg
from sqlalchemy import make_url, select
from sqlalchemy.orm import Session

from services.clean.step import clean_step
from services.dedup.step import dedup_step
from services.extract.step import extract_step
from services.models import Event
from services.sources.ingest import ArticleInput, add_article
from services.store import postgres as event_store
from services.store.step import store_step

TEXT = "Russia withdrew its troops from Syria on Sunday, officials said. France condemned the attack near Aleppo."


def test_stored_events_are_announced_on_commit(engine, clean_tables, database_url: str) -> None:
    dsn = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as listener:
        listener.execute(f"LISTEN {event_store.EVENTS_CHANNEL}")
        with Session(engine) as session, session.begin():
            article_id = add_article(
                session, ArticleInput("t", raw=TEXT.encode(), content_type="text/plain"), max_bytes=10_000
            ).article_id
            for step in (clean_step, dedup_step, extract_step, store_step):
                step(session, article_id)
        with Session(engine) as session:
            event_ids = {str(i) for i in session.scalars(select(Event.id))}
        announced = {note.payload for note in listener.notifies(timeout=5, stop_after=len(event_ids))}
    assert event_ids and announced == event_ids
