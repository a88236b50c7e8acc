"""Per-stage health of the pipeline, read from Postgres (the record) and Redis (the messages): pure queries.

Backlog, age and lag come from Postgres, where every article's status is: a stage's backlog is the articles whose
next step is that stage, queued or being worked on. Redis lists alone undercount (a prefetched message has left the
list) and forget everything on a flush, so the broker's own count, ready plus unacknowledged messages, is shown next
to it: the two differ when messages were lost (the reconciler's work) or an article was queued twice.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

import redis
from sqlalchemy import ColumnElement, and_, extract, func, select
from sqlalchemy.orm import Session

from services.models import Article, Event, EventMention
from services.ops.monitor import article_counts, queue_messages
from services.sources.stats import SourceStats, source_stats
from services.stages import GRAPH, STAGES, WAITING_STATUSES, waiting_stage
from services.status import Status

RECENT = timedelta(minutes=5)
HOUR = timedelta(hours=1)
# Workers that finished a task within this long count as consuming; the set lives in Redis, one sorted set a stage.
WORKER_SEEN_WINDOW = RECENT
WORKER_KEY_PREFIX = "newsflow:finished:"
WORKER_KEY_TTL = timedelta(days=1)

# When each stage finished with an article (the column its step stamps).
STAGE_STAMPS = {stage.name: getattr(Article, stage.stamp) for stage in GRAPH}


@dataclass(frozen=True)
class StageHealth:
    """One stage: its backlog, its broker messages, what it finished and failed recently, and who finished it."""

    stage: str
    state: str  # idle, busy, no workers or stalled: see stage_state
    waiting: int
    oldest_waiting_seconds: float | None
    stuck: int
    messages_ready: int
    messages_unacked: int
    processed_5m: int
    processed_1h: int
    failed_5m: int
    failed_1h: int
    throughput_per_minute: float  # over the last 5 minutes
    last_finished_seconds_ago: float | None  # None: nothing finished within the hour
    workers: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SourceHealth:
    """One polled source: how long since it was polled and since it gave a new article, its rate, its errors."""

    id: int
    kind: str
    location: str
    state: str  # paused, waiting (never polled), or what the last poll found: new, unchanged, not modified, error...
    last_polled_seconds_ago: float | None
    last_new_seconds_ago: float | None
    articles_last_day: int
    articles_per_day: float
    errors: int
    consecutive_errors: int
    last_error: str | None


def source_health(stats: SourceStats, now: datetime) -> SourceHealth:
    """A source's figures as `newsflow status` shows them, times as seconds before `now`."""
    return SourceHealth(
        id=stats.id,
        kind=stats.kind,
        location=stats.location,
        state="paused" if stats.paused else stats.last_outcome or "waiting",
        last_polled_seconds_ago=_ago(now, stats.last_polled_at),
        last_new_seconds_ago=_ago(now, stats.last_new_at),
        articles_last_day=stats.articles_last_day,
        articles_per_day=round(stats.articles_per_day, 3),
        errors=stats.error_count,
        consecutive_errors=stats.consecutive_errors,
        last_error=stats.last_error,
    )


def _ago(now: datetime, moment: datetime | None) -> float | None:
    return None if moment is None else round((now - moment).total_seconds(), 3)


@dataclass(frozen=True)
class PipelineHealth:
    """The whole pipeline at one moment."""

    at: str
    stage_timeout_seconds: int
    stages: list[StageHealth]
    articles: dict[str, int]
    stored_1h: int
    lag_p50_seconds: float | None  # received -> stored, articles stored in the last hour
    lag_p95_seconds: float | None
    events: int
    mentions: int
    sources: list[SourceHealth] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The JSON form, as `newsflow status --json` and `/status.json` give it."""
        return asdict(self)


def pipeline_health(session: Session, client: redis.Redis, *, stage_timeout: int) -> PipelineHealth:
    """Gather every figure of `newsflow status`, timed by the database's clock."""
    now = session.scalar(select(func.now()))
    backlog = _backlog(session, now - timedelta(seconds=stage_timeout))
    recent = _recent(session, now)
    messages = queue_messages(client)
    workers = consuming_workers(client, now.timestamp())
    stages = []
    for stage in STAGES:
        waiting, oldest, stuck = backlog.get(stage, (0, None, 0))
        done = recent[stage]
        last = done["last"]
        last_ago = (now - last).total_seconds() if last is not None else None
        stages.append(
            StageHealth(
                stage=stage,
                state=stage_state(waiting, stuck, last_ago, workers[stage], stage_timeout=stage_timeout),
                waiting=waiting,
                oldest_waiting_seconds=(now - oldest).total_seconds() if oldest is not None else None,
                stuck=stuck,
                messages_ready=messages[stage].ready,
                messages_unacked=messages[stage].unacked,
                processed_5m=done["processed_5m"],
                processed_1h=done["processed_1h"],
                failed_5m=done["failed_5m"],
                failed_1h=done["failed_1h"],
                throughput_per_minute=done["processed_5m"] / (RECENT.total_seconds() / 60),
                last_finished_seconds_ago=last_ago,
                workers=workers[stage],
            )
        )
    return PipelineHealth(
        at=now.isoformat(),
        stage_timeout_seconds=stage_timeout,
        stages=stages,
        articles=article_counts(session),
        stored_1h=recent["stored_1h"],
        lag_p50_seconds=recent["lag_p50"],
        lag_p95_seconds=recent["lag_p95"],
        events=session.scalar(select(func.count()).select_from(Event)),
        mentions=session.scalar(select(func.count()).select_from(EventMention)),
        sources=[source_health(stats, now) for stats in source_stats(session, now=now)],
    )


def stage_state(
    waiting: int, stuck: int, last_finished_ago: float | None, workers: list[str], *, stage_timeout: int
) -> str:
    """What a stage is doing: idle (nothing waiting), busy (work waiting, a worker finishing tasks), no workers (work
    waiting and no worker finished a task lately), or stalled (articles waiting past the timeout, and no worker, or
    nothing finished within the timeout)."""
    if waiting == 0:
        return "idle"
    if stuck > 0 and (not workers or last_finished_ago is None or last_finished_ago > stage_timeout):
        return "stalled"
    return "busy" if workers else "no workers"


def _backlog(session: Session, stuck_before: datetime) -> dict[str, tuple[int, datetime | None, int]]:
    """Per stage: articles waiting for it, the oldest one's last change, and how many have not moved in time."""
    has_content = Article.raw.is_not(None)
    rows = session.execute(
        select(
            Article.status,
            has_content,
            func.count(),
            func.min(Article.updated_at),
            func.count().filter(Article.updated_at < stuck_before),
        )
        .where(Article.status.in_(WAITING_STATUSES))  # IN, not NOT IN: the (status, updated_at) index serves it
        .group_by(Article.status, has_content)
    )
    backlog: dict[str, tuple[int, datetime | None, int]] = {}
    for status, content, count, oldest, stuck in rows:
        stage = waiting_stage(status, has_content=content)
        before_count, before_oldest, before_stuck = backlog.get(stage, (0, None, 0))
        backlog[stage] = (
            before_count + count,
            min(filter(None, (before_oldest, oldest)), default=None),
            before_stuck + stuck,
        )
    return backlog


def _recent(session: Session, now: datetime) -> dict:
    """Per stage: articles finished and failed in the last 5 minutes and hour, and its last finish; end-to-end lag."""
    since_5m, since_1h = now - RECENT, now - HOUR
    columns: list[ColumnElement] = []
    for stage, stamp in STAGE_STAMPS.items():
        failed_here = and_(Article.status == Status.FAILED, Article.error_stage == stage)
        columns += [
            func.count().filter(stamp >= since_5m).label(f"{stage}_processed_5m"),
            func.count().filter(stamp >= since_1h).label(f"{stage}_processed_1h"),
            func.count().filter(failed_here, Article.updated_at >= since_5m).label(f"{stage}_failed_5m"),
            func.count().filter(failed_here).label(f"{stage}_failed_1h"),
            func.max(stamp).label(f"{stage}_last"),
        ]
    lag = extract("epoch", Article.stored_at - Article.received_at)
    stored_recently = Article.stored_at >= since_1h
    columns += [
        func.count().filter(stored_recently).label("stored_1h"),
        func.percentile_cont(0.5).within_group(lag).filter(stored_recently).label("lag_p50"),
        func.percentile_cont(0.95).within_group(lag).filter(stored_recently).label("lag_p95"),
    ]
    # Any stage that finished or failed an article changed its row, so the last hour's rows hold every recent figure
    # (and ix_articles_updated_at finds them without reading the whole table).
    row = session.execute(select(*columns).where(Article.updated_at >= since_1h)).one()._asdict()
    keys = ("processed_5m", "processed_1h", "failed_5m", "failed_1h", "last")
    figures = {stage: {key: row[f"{stage}_{key}"] for key in keys} for stage in STAGES}
    return figures | {
        "stored_1h": row["stored_1h"],
        "lag_p50": _seconds(row["lag_p50"]),
        "lag_p95": _seconds(row["lag_p95"]),
    }


def _seconds(value) -> float | None:
    return None if value is None else round(float(value), 3)


def note_worker_finished(client: redis.Redis, stage: str, worker: str, at: float) -> None:
    """Record that a worker finished a task of a stage at a Unix time (liveness judged by work done)."""
    key = WORKER_KEY_PREFIX + stage
    pipe = client.pipeline(transaction=False)
    pipe.zadd(key, {worker: at})
    pipe.zremrangebyscore(key, "-inf", at - WORKER_KEY_TTL.total_seconds())
    pipe.execute()


def consuming_workers(client: redis.Redis, now: float) -> dict[str, list[str]]:
    """Per stage, the workers that finished a task within the last few minutes."""
    pipe = client.pipeline(transaction=False)
    for stage in STAGES:
        pipe.zrangebyscore(WORKER_KEY_PREFIX + stage, now - WORKER_SEEN_WINDOW.total_seconds(), "+inf")
    return {stage: sorted(name.decode() for name in names) for stage, names in zip(STAGES, pipe.execute(), strict=True)}


@dataclass(frozen=True)
class RecentFailure:
    """One failed article: where and why it failed, and when."""

    article_id: int
    stage: str
    reason: str
    at: str


def recent_failures(session: Session, *, limit: int = 20) -> list[RecentFailure]:
    """The latest failed articles, newest first."""
    rows = session.execute(
        select(Article.id, Article.error_stage, Article.error, Article.updated_at)
        .where(Article.status == Status.FAILED)
        .order_by(Article.updated_at.desc(), Article.id.desc())
        .limit(limit)
    )
    return [RecentFailure(id_, stage or "?", error or "", at.isoformat()) for id_, stage, error, at in rows]
