"""The clean queue's task."""

from services.clean.step import clean_batch
from workers.app import StageTask, app, run_batch


@app.task(name="newsflow.clean", queue="clean", base=StageTask)
def clean_articles(*article_ids: int) -> None:
    """Clean articles and send them on to dedup."""
    run_batch(clean_batch, article_ids)
