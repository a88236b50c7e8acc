"""Messages between stages: they carry article ids to a stage's queue (named as the stage, see `services.stages`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


def task_name(stage: str) -> str:
    """The stable Celery task name of a stage."""
    return f"newsflow.{stage}"


# The reconciler's own queue, beside the stages': it must not wait behind a stage's backlog.
RECONCILE_QUEUE = "reconcile"
# Not a stage: the queue of source polling, which feeds new articles into the fetch or clean queue.
POLL_QUEUE = "poll"


class Enqueue(Protocol):
    """Sends article ids to a stage's queue (`workers.app.send_on`, wired in where Celery is)."""

    def __call__(self, stage: str, /, *article_ids: int) -> None: ...


def enqueue_all(enqueue: Enqueue, pairs: Iterable[tuple[str, int]]) -> None:
    """Send (stage, article id) pairs, each stage's ids together so they travel in as few messages as allowed."""
    by_stage: dict[str, list[int]] = {}
    for stage, article_id in pairs:
        by_stage.setdefault(stage, []).append(article_id)
    for stage, article_ids in by_stage.items():
        enqueue(stage, *article_ids)
