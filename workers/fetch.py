"""The fetch queue's task: one HTTP client per worker process, polite to every host."""

from functools import lru_cache

from services.fetch.download import client_from_settings
from services.fetch.hostlimit import HostBusy
from services.fetch.polite import PoliteFetcher
from services.fetch.step import make_fetch_batch
from services.settings import get_settings
from workers.app import StageTask, app, run_batch
from workers.politeness import host_limiter, robots_rules


@lru_cache
def _fetch_step():
    settings = get_settings()
    client = client_from_settings(settings)
    limiter = host_limiter()
    download = PoliteFetcher(
        client=client, limiter=limiter, robots=robots_rules(client, limiter), max_bytes=settings.fetch_max_bytes
    )
    return make_fetch_batch(download)


@app.task(name="newsflow.fetch", queue="fetch", base=StageTask)
def fetch_articles(*article_ids: int) -> None:
    """Download articles given by URL, each in its own transaction, and send them on to clean."""
    for article_id in article_ids:
        try:
            run_batch(_fetch_step(), [article_id])
        except HostBusy as busy:
            # Not a failure: the article waits for the host's turn on the queue instead of in a sleeping worker.
            fetch_articles.apply_async((article_id,), countdown=busy.retry_after, queue="fetch")
