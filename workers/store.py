"""The store queue's task."""

from services import pipeline
from workers.app import StageTask, app, run_step


@app.task(name="newsflow.store", queue="store", base=StageTask)
def store_article(article_id: int) -> None:
    """Merge the article's event mentions into events."""
    run_step(pipeline.store_step, article_id, then=None)
