"""The dedup queue's task."""

from services.dedup.step import dedup_batch
from workers.app import StageTask, app, run_batch


@app.task(name="newsflow.dedup", queue="dedup", base=StageTask)
def dedup_articles(*article_ids: int) -> None:
    """Drop copies, and send the originals on to extract."""
    run_batch(dedup_batch, article_ids)
