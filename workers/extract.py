"""The extract queue's task."""

import logging
import time
from typing import Any

from celery import signals

from services import extract
from services.extract.step import extract_batch
from workers.app import StageTask, app, consumes, run_batch

logger = logging.getLogger(__name__)


@app.task(name="newsflow.extract", queue="extract", base=StageTask)
def extract_articles(*article_ids: int) -> None:
    """Extract the articles' event mentions and send them on to store."""
    run_batch(extract_batch, article_ids)


@signals.celeryd_after_setup.connect
def _warm_up(instance: Any, **_: Any) -> None:
    # Sent once logging is set up and before the pool forks: every pool process, and every one that replaces it,
    # starts with the models loaded.
    if consumes(instance, "extract"):
        started = time.perf_counter()
        extract.warm_up()
        logger.info("extract models loaded in %.1f s", time.perf_counter() - started)
