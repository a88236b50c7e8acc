"""The poll queue's tasks: beat's tick finds the due sources; one task polls one source."""

from functools import lru_cache, partial

import redis
from kombu.exceptions import OperationalError as BrokerUnavailable
from sqlalchemy.exc import OperationalError as DatabaseUnavailable

from services.db import after_commit, session_scope
from services.fetch.download import client_from_settings
from services.queues import POLL_QUEUE
from services.settings import get_settings
from services.sources.poll import PollContext, claim_due_sources, utcnow
from services.sources.poll import poll_source as poll
from services.sources.remote import read_remote
from workers.app import RetryingTask, app, send_on
from workers.politeness import host_limiter

# Only the infrastructure is retried; a source that fails to answer is recorded on its row and backs off.
INFRASTRUCTURE_ERRORS = (DatabaseUnavailable, redis.ConnectionError, BrokerUnavailable)


@lru_cache
def _context() -> PollContext:
    settings = get_settings()
    client = client_from_settings(settings)
    read = partial(
        read_remote,
        client=client,
        limiter=host_limiter(),
        max_bytes=settings.poll_max_bytes,
        max_children=settings.sitemap_max_children,
    )
    return PollContext(
        session_scope=session_scope,
        read=lambda source: read(source.location, etag=source.etag, last_modified=source.last_modified),
        enqueue=send_on,
        max_backoff=settings.source_max_backoff_seconds,
        settle_seconds=settings.folder_settle_seconds,
        max_input_bytes=settings.max_input_bytes,
        now=utcnow,
        drop_root=settings.drop_root,
    )


@app.task(name="newsflow.poll_due", queue=POLL_QUEUE, autoretry_for=INFRASTRUCTURE_ERRORS, max_retries=2)
def poll_due_sources() -> None:
    """Lease the sources that are due and queue one poll for each."""
    with session_scope() as session:
        due = claim_due_sources(session, now=utcnow())
        after_commit(session, lambda: [poll_source.apply_async((source_id,), queue=POLL_QUEUE) for source_id in due])


@app.task(name="newsflow.poll", queue=POLL_QUEUE, base=RetryingTask, autoretry_for=INFRASTRUCTURE_ERRORS)
def poll_source(source_id: int) -> None:
    """Poll one source; its new articles go on to fetch (URLs) or clean (files)."""
    poll(source_id, _context())
