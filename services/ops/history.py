"""Each stage's backlog and finishes minute by minute over the last hour, rebuilt from the articles' timestamps.

Nothing samples the queues: an article entered a stage when the one before it finished (or when it was received),
and left it at the stage's stamp, or at its last change when it ended there (failed, skipped, duplicate).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from services.models import Article
from services.ops.health import STAGE_STAMPS
from services.stages import GRAPH, STAGES, WAITING_STATUSES, waiting_stage
from services.status import FINAL_STATUSES


@dataclass(frozen=True)
class StageSeries:
    """One stage's figures at the end of each minute: articles waiting, and articles it finished in that minute."""

    stage: str
    waiting: list[int]
    finished: list[int]


@dataclass(frozen=True)
class History:
    """Per-stage series over a window, one point per step, ending at `end`."""

    end: datetime
    step: timedelta
    stages: list[StageSeries]


def stage_intervals(article) -> list[tuple[str, datetime, datetime | None, bool]]:
    """The stages an article has been at: (stage, entered, left, finished it), left None while it is still there."""
    stamps = {stage.name: getattr(article, stage.stamp) for stage in GRAPH}
    final = article.status in FINAL_STATUSES
    current = None if final else waiting_stage(article.status, has_content=not article.came_by_url)
    entered = article.received_at
    intervals = []
    for stage in STAGES:
        if stage == current:
            return [*intervals, (stage, entered, None, False)]
        if (left := stamps[stage]) is not None:
            intervals.append((stage, entered, left, True))
            entered = left
    if article.error_stage in STAGES:  # failed or skipped there, at its last change
        intervals.append((article.error_stage, entered, article.updated_at, False))
    return intervals


def stage_history(session: Session, *, window: timedelta = timedelta(hours=1), points: int = 60) -> History:
    """Waiting and finished per stage at `points` moments over the last `window`, by the database's clock."""
    end = session.scalar(select(func.now()))
    start, step = end - window, window / points
    rows = session.execute(
        select(
            Article.status,
            Article.error_stage,
            Article.raw.is_(None).label("came_by_url"),
            Article.received_at,
            *STAGE_STAMPS.values(),
            Article.updated_at,
        ).where(
            or_(Article.updated_at >= start, Article.status.in_(WAITING_STATUSES)),
            Article.error_stage.is_distinct_from("ingest"),  # refused at ingest: never queued
        )
    )
    # Moment i is start + (i + 1) * step; an article counts at the moments in [entered, left), added up by a
    # difference array so a long backlog costs no more than a short one.
    changes = {stage: [0] * (points + 1) for stage in STAGES}
    finished = {stage: [0] * points for stage in STAGES}
    for article in rows:
        for stage, entered, left, done in stage_intervals(article):
            first = max(0, math.ceil((entered - start) / step - 1))
            last = points if left is None else min(points, max(0, math.ceil((left - start) / step - 1)))
            if first < last:
                changes[stage][first] += 1
                changes[stage][last] -= 1
            if done and start < left <= end:
                finished[stage][min(math.ceil((left - start) / step) - 1, points - 1)] += 1
    series = [StageSeries(stage, list(accumulate(changes[stage][:points])), finished[stage]) for stage in STAGES]
    return History(end, step, series)
