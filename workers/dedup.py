"""The dedup queue's task."""

from services import pipeline
from workers.app import StageTask, app, run_step


@app.task(name="newsflow.dedup", queue="dedup", base=StageTask)
def dedup_article(article_id: int) -> None:
    """Drop an exact copy, or send the article on to extract."""
    run_step(pipeline.dedup_step, article_id, then="extract")
