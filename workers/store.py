"""The store queue's task."""

from services.store.step import store_batch
from workers.app import StageTask, app, run_batch


@app.task(name="newsflow.store", queue="store", base=StageTask)
def store_articles(*article_ids: int) -> None:
    """Merge the articles' event mentions into events."""
    run_batch(store_batch, article_ids)
