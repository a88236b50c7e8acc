"""The queue contract: operators, dashboards and autoscalers key on these names."""

STAGES: tuple[str, ...] = ("fetch", "clean", "dedup", "extract", "store")


def task_name(stage: str) -> str:
    """The stable Celery task name of a stage."""
    return f"newsflow.{stage}"


# The reconciler's own queue, beside the stages': it must not wait behind a stage's backlog.
RECONCILE_QUEUE = "reconcile"
# Not a stage: the queue of source polling, which feeds new articles into the fetch or clean queue.
POLL_QUEUE = "poll"
