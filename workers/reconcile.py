"""The reconcile queue's task: re-send articles whose message was lost (run by celery beat, or `newsflow reconcile`)."""

from __future__ import annotations

from services.ops.reconcile import resend_stuck
from services.queues import RECONCILE_QUEUE, task_name
from workers.app import app, send_on


@app.task(name=task_name(RECONCILE_QUEUE), queue=RECONCILE_QUEUE)
def reconcile() -> int:
    """Re-send stuck articles; a failed run (Postgres or Redis down) is not retried: beat sends the next one."""
    return len(resend_stuck(enqueue=send_on))
