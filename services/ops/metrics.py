"""Prometheus metrics: counters the workers keep in files that add up across processes, and gauges read at scrape.

Workers count what they do (prometheus-client's multiprocess mode, one file per process in the metrics directory);
the API's /metrics adds those files up and reads the queue and database figures of `newsflow status` at scrape time.
"""

from __future__ import annotations

import collections
import os
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, values
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from services.ops.health import PipelineHealth, SourceHealth
from services.status import Status

# The stage's task limit is 150 s; the buckets reach past it.
DURATION_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 180.0)
# The reason a step records when it refuses the article's input (the article's error column has the details).
REJECTED_INPUT = "rejected_input"
# Per source series carry the source's id and kind, never its URL: the id is short and stable.
SOURCE_LABELS = ["source", "kind"]


def step_outcome(status: Status | None, *, changed: bool) -> str:
    """What a step did to an article: passed, duplicate, skipped, failed, or stale (nothing: a redelivery)."""
    if status is None or not changed:
        return "stale"
    return {Status.FAILED: "failed", Status.SKIPPED: "skipped", Status.DUPLICATE: "duplicate"}.get(status, "passed")


class TaskMetrics:
    """A worker process's counters and histograms, written to the shared metrics directory."""

    def __init__(self, directory: str) -> None:
        # prometheus-client chooses file-backed values from this variable when it is first imported, and reads the
        # directory from it when a value is created; a worker may have imported it before reading the settings.
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
        values.ValueClass = values.MultiProcessValue()

        self.processed = Counter(
            "newsflow_articles_processed",
            "Articles a stage's step finished with, by outcome (passed, duplicate, skipped, failed, stale).",
            ["stage", "outcome"],
            registry=None,
        )
        self.failed = Counter(
            "newsflow_articles_failed",
            "Articles a stage failed, by reason: rejected_input, or the error class once retries ran out.",
            ["stage", "reason"],
            registry=None,
        )
        self.retries = Counter(
            "newsflow_task_retries", "Tasks retried after an infrastructure error, by error class.",
            ["stage", "reason"], registry=None,
        )  # fmt: skip
        self.duration = Histogram(
            "newsflow_stage_duration_seconds",
            "Wall time of one stage task (a message's batch of articles), retries and failures included.",
            ["stage"], buckets=DURATION_BUCKETS, registry=None,
        )  # fmt: skip

    def count_outcome(self, stage: str, outcome: str, articles: int = 1) -> None:
        """Count articles a step finished with an outcome; a refused input also counts as a failure of the stage."""
        self.processed.labels(stage, outcome).inc(articles)
        if outcome == "failed":
            self.failed.labels(stage, REJECTED_INPUT).inc(articles)

    def count_failure(self, stage: str, error: BaseException) -> None:
        """Count a task that failed for good (retries spent, or a bug)."""
        self.processed.labels(stage, "failed").inc()
        self.failed.labels(stage, type(error).__name__).inc()

    def count_retry(self, stage: str, error: BaseException) -> None:
        """Count a task put back for a retry."""
        self.retries.labels(stage, type(error).__name__).inc()

    def observe_duration(self, stage: str, seconds: float) -> None:
        """Record how long one task of a stage took."""
        self.duration.labels(stage).observe(seconds)


class HealthCollector(Collector):
    """Gauges from one `newsflow status` snapshot; per source series for at most `max_sources` sources."""

    def __init__(self, health: PipelineHealth, *, max_sources: int) -> None:
        self.health = health
        self.max_sources = max_sources

    def collect(self) -> Iterator[Metric]:
        """The snapshot's figures as metric families."""
        health = self.health
        messages = GaugeMetricFamily(
            "newsflow_queue_messages",
            "Messages the broker holds per queue: ready (in any priority list) or unacked (delivered, not acked).",
            labels=["queue", "state"],
        )
        waiting = _stage_gauge("newsflow_stage_waiting_articles", "Articles whose next step is the stage (Postgres).")
        oldest = _stage_gauge("newsflow_stage_oldest_waiting_seconds", "Age of the oldest article waiting for a stage.")
        stuck = _stage_gauge("newsflow_stage_stuck_articles", "Articles waiting for a stage longer than its timeout.")
        workers = _stage_gauge("newsflow_stage_workers", "Workers that finished a task of the stage in the last 5 min.")
        processed = _stage_gauge("newsflow_stage_processed_last_hour", "Articles the stage finished in the last hour.")
        failed = _stage_gauge("newsflow_stage_failed_last_hour", "Articles the stage failed in the last hour.")
        for stage in health.stages:
            messages.add_metric([stage.stage, "ready"], stage.messages_ready)
            messages.add_metric([stage.stage, "unacked"], stage.messages_unacked)
            waiting.add_metric([stage.stage], stage.waiting)
            oldest.add_metric([stage.stage], stage.oldest_waiting_seconds or 0.0)
            stuck.add_metric([stage.stage], stage.stuck)
            workers.add_metric([stage.stage], len(stage.workers))
            processed.add_metric([stage.stage], stage.processed_1h)
            failed.add_metric([stage.stage], stage.failed_1h)
        yield from (messages, waiting, oldest, stuck, workers, processed, failed)
        articles = GaugeMetricFamily("newsflow_articles", "Articles by status.", labels=["status"])
        for status, count in health.articles.items():
            articles.add_metric([status], count)
        yield articles
        lag = GaugeMetricFamily(
            "newsflow_end_to_end_lag_seconds",
            "Received to stored, over the articles stored in the last hour (absent when none was).",
            labels=["quantile"],
        )
        for quantile, value in (("0.5", health.lag_p50_seconds), ("0.95", health.lag_p95_seconds)):
            if value is not None:
                lag.add_metric([quantile], value)
        yield lag
        yield GaugeMetricFamily("newsflow_events_stored", "Event rows in the database.", value=health.events)
        yield GaugeMetricFamily("newsflow_event_mentions_stored", "Event mention rows.", value=health.mentions)
        yield from source_metrics(health.sources, max_sources=self.max_sources)


def source_metrics(sources: list[SourceHealth], *, max_sources: int) -> Iterator[Metric]:
    """Sources by kind and state (every source), and per source figures labelled by id and kind (a bounded few)."""
    counts = GaugeMetricFamily(
        "newsflow_sources",
        "Sources by kind and state (paused, waiting, or what the last poll found).",
        labels=["kind", "state"],
    )
    for (kind, state), count in collections.Counter((s.kind, s.state) for s in sources).items():
        counts.add_metric([kind, state], count)
    yield counts
    since_poll = _source_gauge("newsflow_source_seconds_since_poll", "Seconds since the last poll (absent: never).")
    since_new = _source_gauge(
        "newsflow_source_seconds_since_new_article", "Seconds since a poll last found a new article (absent: never)."
    )
    per_day = _source_gauge("newsflow_source_articles_per_day", "Articles a day from the source over the last week.")
    errors = CounterMetricFamily("newsflow_source_errors", "Failed polls of the source.", labels=SOURCE_LABELS)
    failing = _source_gauge("newsflow_source_consecutive_errors", "Failed polls since the source's last good one.")
    # A series per source, so their number is capped: failing sources first, then the oldest.
    for source in sorted(sources, key=lambda s: (s.consecutive_errors == 0, s.id))[:max_sources]:
        labels = [str(source.id), source.kind]
        if source.last_polled_seconds_ago is not None:
            since_poll.add_metric(labels, source.last_polled_seconds_ago)
        if source.last_new_seconds_ago is not None:
            since_new.add_metric(labels, source.last_new_seconds_ago)
        per_day.add_metric(labels, source.articles_per_day)
        errors.add_metric(labels, source.errors)
        failing.add_metric(labels, source.consecutive_errors)
    yield from (since_poll, since_new, per_day, errors, failing)


def _source_gauge(name: str, documentation: str) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, labels=SOURCE_LABELS)


def _stage_gauge(name: str, documentation: str) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, labels=["stage"])


def render_metrics(health: PipelineHealth, *, metrics_dir: str | None, max_sources: int) -> bytes:
    """The Prometheus exposition of a snapshot's gauges plus, when configured, every worker's counters."""
    registry = CollectorRegistry(auto_describe=False)
    if metrics_dir:
        MultiProcessCollector(registry, path=metrics_dir)
    registry.register(HealthCollector(health, max_sources=max_sources))
    return generate_latest(registry)
