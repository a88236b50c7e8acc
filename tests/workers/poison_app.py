"""The Celery app of the fault test's poison worker: the real app, whose clean stage raises for an article marked as
poison, as a bug met by one real input would.

The test needs an input that stays poisonous: a real one that makes a stage raise is a bug, and bugs get fixed.
Only the worker's pool processes are poisoned (at their start), so importing this module changes nothing.
"""

from __future__ import annotations

from typing import Any

from celery.signals import worker_process_init

from services.clean import CleanResult, step
from workers.app import app

POISON_MARK = "[newsflow fault test: poison]"
POISON_REASON = "the fault test poisoned this article"

__all__ = ["POISON_MARK", "POISON_REASON", "app"]


class PoisonedArticle(RuntimeError):
    """What the clean stage raises for an article marked as poison: an error no retry mends."""


@worker_process_init.connect
def _poison_the_clean_stage(**_: Any) -> None:
    clean_document = step.clean_document

    def poisonable_clean(raw: bytes, **options: Any) -> CleanResult:
        if POISON_MARK.encode() in raw:
            raise PoisonedArticle(POISON_REASON)
        return clean_document(raw, **options)

    step.clean_document = poisonable_clean
