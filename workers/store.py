"""The store queue's task."""

from services import pipeline
from workers.app import StageTask, app, run_batch


@app.task(name="newsflow.store", queue="store", base=StageTask)
def store_articles(*article_ids: int) -> None:
    """Merge the articles' event mentions into events."""
    run_batch(pipeline.store_batch, article_ids)
