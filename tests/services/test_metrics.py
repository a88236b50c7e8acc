"""Worker metrics add up across processes; the scrape adds the status gauges."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from services.ops.health import PipelineHealth, SourceHealth, StageHealth
from services.ops.metrics import render_metrics, step_outcome
from services.stages import STAGES
from services.status import Status

WORKER = """
import sys
from services.ops.metrics import TaskMetrics
metrics = TaskMetrics(sys.argv[1])
metrics.count_outcome("clean", "passed")
metrics.count_outcome("clean", "failed")
metrics.count_failure("dedup", TimeoutError("slow"))
metrics.count_retry("dedup", ConnectionError("gone"))
metrics.observe_duration("clean", 0.2)
"""


def samples(text: str) -> dict[tuple[str, tuple], float]:
    """Every sample of an exposition, keyed by name and sorted labels."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def source(id: int, *, kind: str = "feed", consecutive_errors: int = 0, polled: float | None = 5.0) -> SourceHealth:
    return SourceHealth(
        id=id, kind=kind, location=f"https://example.org/{id}", state="error" if consecutive_errors else "new",
        last_polled_seconds_ago=polled, last_new_seconds_ago=None, articles_last_day=2, articles_per_day=1.5,
        errors=consecutive_errors + 1, consecutive_errors=consecutive_errors, last_error=None,
    )  # fmt: skip


def health(sources: list[SourceHealth] | None = None) -> PipelineHealth:
    stage = dict(state="busy", waiting=3, oldest_waiting_seconds=12.5, stuck=1, messages_ready=2, messages_unacked=1,
                 processed_5m=4, processed_1h=9, failed_5m=0, failed_1h=2, throughput_per_minute=0.8,
                 last_finished_seconds_ago=1.0, workers=["a@h", "b@h"])  # fmt: skip
    return PipelineHealth(
        at="2026-01-01T00:00:00+00:00", stage_timeout_seconds=600,
        stages=[StageHealth(stage=name, **stage) for name in STAGES],
        articles={status.value: 1 for status in Status}, stored_1h=9, lag_p50_seconds=2.0, lag_p95_seconds=None,
        events=7, mentions=11, sources=sources or [],
    )  # fmt: skip


def test_step_outcomes() -> None:
    assert step_outcome(Status.CLEANED, changed=True) == "passed"
    assert step_outcome(Status.STORED, changed=True) == "passed"
    assert step_outcome(Status.DUPLICATE, changed=True) == "duplicate"
    assert step_outcome(Status.FAILED, changed=True) == "failed"
    assert step_outcome(Status.CLEANED, changed=False) == "stale"  # a redelivered message: nothing done
    assert step_outcome(None, changed=False) == "stale"


def test_counters_of_several_worker_processes_add_up(tmp_path: Path) -> None:
    for _ in range(2):
        subprocess.run([sys.executable, "-c", WORKER, str(tmp_path)], check=True, env=os.environ.copy())
    assert len(list(tmp_path.glob("counter_*.db"))) == 2  # one file per process
    got = samples(render_metrics(health(), metrics_dir=str(tmp_path), max_sources=10).decode())
    assert got[("newsflow_articles_processed_total", (("outcome", "passed"), ("stage", "clean")))] == 2
    assert got[("newsflow_articles_failed_total", (("reason", "rejected_input"), ("stage", "clean")))] == 2
    assert got[("newsflow_articles_failed_total", (("reason", "TimeoutError"), ("stage", "dedup")))] == 2
    assert got[("newsflow_articles_processed_total", (("outcome", "failed"), ("stage", "dedup")))] == 2
    assert got[("newsflow_task_retries_total", (("reason", "ConnectionError"), ("stage", "dedup")))] == 2
    assert got[("newsflow_stage_duration_seconds_count", (("stage", "clean"),))] == 2
    assert got[("newsflow_stage_duration_seconds_bucket", (("le", "0.25"), ("stage", "clean")))] == 2


def test_the_scrape_reports_the_status_snapshot() -> None:
    got = samples(render_metrics(health(), metrics_dir=None, max_sources=10).decode())
    assert got[("newsflow_queue_messages", (("queue", "store"), ("state", "ready")))] == 2
    assert got[("newsflow_queue_messages", (("queue", "store"), ("state", "unacked")))] == 1
    assert got[("newsflow_stage_waiting_articles", (("stage", "dedup"),))] == 3
    assert got[("newsflow_stage_oldest_waiting_seconds", (("stage", "dedup"),))] == 12.5
    assert got[("newsflow_stage_stuck_articles", (("stage", "dedup"),))] == 1
    assert got[("newsflow_stage_workers", (("stage", "fetch"),))] == 2
    assert got[("newsflow_stage_failed_last_hour", (("stage", "fetch"),))] == 2
    assert got[("newsflow_articles", (("status", "skipped"),))] == 1
    assert got[("newsflow_end_to_end_lag_seconds", (("quantile", "0.5"),))] == 2.0
    assert ("newsflow_end_to_end_lag_seconds", (("quantile", "0.95"),)) not in got  # unknown is absent, not 0
    assert got[("newsflow_events_stored", ())] == 7 and got[("newsflow_event_mentions_stored", ())] == 11


def test_sources_have_series_of_their_own_up_to_the_cap_failing_first() -> None:
    sources = [source(1, polled=None), source(2, kind="sitemap"), source(3), source(4, consecutive_errors=3)]
    got = samples(render_metrics(health(sources), metrics_dir=None, max_sources=2).decode())
    per_source = {dict(labels)["source"] for name, labels in got if name == "newsflow_source_articles_per_day"}
    assert per_source == {"4", "1"}  # the failing source, then the oldest; at most two
    assert got[("newsflow_source_consecutive_errors", (("kind", "feed"), ("source", "4")))] == 3
    assert got[("newsflow_source_errors_total", (("kind", "feed"), ("source", "4")))] == 4
    assert got[("newsflow_source_articles_per_day", (("kind", "feed"), ("source", "1")))] == 1.5
    assert got[("newsflow_source_seconds_since_poll", (("kind", "feed"), ("source", "4")))] == 5.0
    assert ("newsflow_source_seconds_since_poll", (("kind", "feed"), ("source", "1"))) not in got  # never polled
    # Counted in full whatever the cap.
    assert got[("newsflow_sources", (("kind", "feed"), ("state", "new")))] == 2
    assert got[("newsflow_sources", (("kind", "sitemap"), ("state", "new")))] == 1
    assert got[("newsflow_sources", (("kind", "feed"), ("state", "error")))] == 1
