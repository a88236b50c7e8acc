"""The extract queue's task."""

from services import pipeline
from workers.app import StageTask, app, run_step


@app.task(name="newsflow.extract", queue="extract", base=StageTask)
def extract_article(article_id: int) -> None:
    """Extract the article's events and send it on to store."""
    run_step(pipeline.extract_step, article_id, then="store")
