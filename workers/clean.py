"""The clean queue's task."""

from services import pipeline
from workers.app import StageTask, app, run_step


@app.task(name="newsflow.clean", queue="clean", base=StageTask)
def clean_article(article_id: int) -> None:
    """Clean one article and send it on to dedup."""
    run_step(pipeline.clean_step, article_id, then="dedup")
