"""The extract queue's task."""

from services import pipeline
from workers.app import StageTask, app, run_batch


@app.task(name="newsflow.extract", queue="extract", base=StageTask)
def extract_articles(*article_ids: int) -> None:
    """Extract the articles' event mentions and send them on to store."""
    run_batch(pipeline.extract_batch, article_ids, then="store")
