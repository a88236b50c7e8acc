"""The fetch queue's task: one HTTP client per worker process."""

from functools import lru_cache, partial

from services import pipeline
from services.fetch import fetch_url, make_client
from services.settings import get_settings
from workers.app import StageTask, app, run_step


@lru_cache
def _fetch_step():
    settings = get_settings()
    client = make_client(
        connect_timeout=settings.fetch_connect_timeout,
        read_timeout=settings.fetch_read_timeout,
        max_redirects=settings.fetch_max_redirects,
        user_agent=settings.user_agent,
        allow_private=settings.fetch_allow_private_addresses,
    )
    return pipeline.make_fetch_step(partial(fetch_url, client=client, max_bytes=settings.fetch_max_bytes))


@app.task(name="newsflow.fetch", queue="fetch", base=StageTask)
def fetch_article(article_id: int) -> None:
    """Download an article given by URL and send it on to clean."""
    run_step(_fetch_step(), article_id, then="clean")
