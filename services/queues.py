"""The queue contract: operators, dashboards and autoscalers key on these names."""

STAGES: tuple[str, ...] = ("fetch", "clean", "dedup", "extract", "store")


def task_name(stage: str) -> str:
    """The stable Celery task name of a stage."""
    return f"newsflow.{stage}"


# Not a stage: the queue of source polling, which feeds new articles into the fetch or clean queue.
POLL_QUEUE = "poll"
