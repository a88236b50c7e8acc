"""The bench's figures, from the article rows and the samples: a table for people, JSON for machines, a plot."""

from __future__ import annotations

import itertools
import json
import statistics
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import psutil
from rich.console import Console
from rich.table import Table

from services.bench.corpus import BENCH_STAGES, Failure
from services.stages import stage_named
from services.status import Status

if TYPE_CHECKING:
    from services.bench.corpus import BenchArticle
    from services.bench.inprocess import InProcessResult
    from services.bench.run import BenchOptions, PipelineRun
    from services.bench.scaling import Scaling

# Where each stage the bench runs stamps its finishing time on the article row.
STAGE_STAMPS = {stage: stage_named(stage).stamp for stage in BENCH_STAGES}
MB = 1024 * 1024
TENTHS = 10
MIN_SPAN = 1e-3  # seconds: articles that finished in one commit share a timestamp


@dataclass(frozen=True)
class StageFigures:
    """One stage in the pipeline and in process."""

    stage: str
    articles: int
    articles_per_s: float  # articles it finished ÷ the time between its first and last finish
    cpu_s_per_article: float  # CPU seconds of its worker processes, per article
    consumer_cpu_s_per_article: float  # the part spent by the Celery consumer (the pool's parent process)
    peak_rss_mb: float  # the largest of its worker processes
    in_process_articles_per_s: float
    in_process_cpu_s_per_article: float


@dataclass(frozen=True)
class BenchReport:
    """Everything `newsflow bench` measured in one run."""

    articles: int  # run on both sides
    inputs: int  # the articles, and the inputs neither side runs (counted in both sides' failures)
    corpus: list[str]  # the files and directories read; empty for a generated corpus
    copies: int
    workers_per_stage: int
    arrival_rate: float | None
    statuses: dict[str, int]
    # Inputs refused, failed or skipped, by reason ("failed at clean: no article text"), in the pipeline and in
    # process: the same inputs should end the same way on both sides.
    failures_by_reason: dict[str, int]
    in_process_failures_by_reason: dict[str, int]
    # What the stages decided, in the pipeline and in process: the two should agree closely (arrival order differs).
    mentions: int
    events: int
    in_process_duplicates: int
    in_process_mentions: int
    in_process_events: int
    seconds: float  # first ingest to last final status
    ingest_seconds: float  # how long ingesting the corpus took, within `seconds`
    articles_per_s: float
    in_process_articles_per_s: float
    efficiency: float  # pipeline articles/s ÷ in-process articles/s
    cpu_s_per_article: float  # all workers together
    database_cpu_s_per_article: float  # the Postgres backends serving the bench's database
    cores: int
    in_process_cpu_s_per_article: float
    latency_p50_s: float
    latency_p95_s: float
    latency_p99_s: float
    # Articles per second in each tenth of the run, in order of finishing: flat if the cost per article stays flat as
    # the tables and indexes grow (the first tenth shares the machine with the ingest when all arrive at once).
    articles_per_s_by_tenth: list[float]
    stages: list[StageFigures]
    peak_rss_mb: dict[str, float]  # "stage pid" -> MB
    queue_depths: list[dict]  # {"seconds", "depths": {queue: n}}
    # {"stage", "articles", "processes", "articles_per_s", "function_articles_per_s", "speedup", "function_speedup"}
    scaling: dict | None = None
    postgres: dict[str, str] | None = None  # the server's settings that matter as tables grow (autovacuum, …)

    @property
    def complete(self) -> bool:
        """Every article reached a final status."""
        finals = {s.value for s in Status if s.is_final}
        return sum(n for status, n in self.statuses.items() if status in finals) == self.articles


def _final_time(row):
    """When an article reached its final status: its last stage's stamp (the row's update time if it failed)."""
    if row.status is Status.STORED:
        return row.stored_at
    if row.status is Status.DUPLICATE:
        return row.deduped_at
    return row.updated_at


def rates_by_tenth(finals: list[datetime]) -> list[float]:
    """Articles per second in each tenth of the run, timed from the first final status on (so the time the first
    article takes through the stages is left out)."""
    if len(finals) < 2 * TENTHS:
        return []
    finals = sorted(finals)
    marks = [round(k * (len(finals) - 1) / TENTHS) for k in range(TENTHS + 1)]
    return [
        (end - start) / max((finals[end] - finals[start]).total_seconds(), MIN_SPAN)
        for start, end in itertools.pairwise(marks)
    ]


def by_reason(failures: list[Failure]) -> dict[str, int]:
    """Failures counted by status, stage and the reason up to its first colon (its kind, without one article's
    figures: "failed at clean: no article text"), most frequent first."""
    kinds = Counter(f"{f.status} at {f.stage}: {f.reason.split(':')[0]}" for f in failures)
    return dict(kinds.most_common())


def _percentile(values: list[float], share: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def build_report(
    options: BenchOptions,
    corpus: list[BenchArticle],
    baseline: InProcessResult,
    run: PipelineRun,
    scaling: Scaling | None = None,
    *,
    set_aside: list[Failure],
    postgres: dict[str, str] | None = None,
) -> BenchReport:
    """Put the figures of one run together; `set_aside` are the inputs neither side ran."""
    rows = run.rows
    failed = [
        Failure(row.status.value, row.error_stage or "?", row.error or "")
        for row in rows
        if row.status in (Status.FAILED, Status.SKIPPED)
    ]
    finals = [_final_time(row) for row in rows]
    first = min(row.received_at for row in rows)
    seconds = (max(finals) - first).total_seconds()
    latencies = sorted((final - row.received_at).total_seconds() for row, final in zip(rows, finals, strict=True))
    rss_by_process = {label: rss / MB for label, rss in run.sampler.peak_rss.items()}
    stages = []
    for stage, stamp in STAGE_STAMPS.items():
        stamps = sorted(getattr(row, stamp) for row in rows if getattr(row, stamp) is not None)
        span = (stamps[-1] - stamps[0]).total_seconds() if len(stamps) > 1 else 0.0
        timing = baseline.stages[stage]
        stages.append(
            StageFigures(
                stage=stage,
                articles=len(stamps),
                articles_per_s=len(stamps) / span if span else 0.0,
                cpu_s_per_article=sum(run.cpu_seconds[stage]) / len(stamps) if stamps else 0.0,
                consumer_cpu_s_per_article=run.cpu_seconds[stage][0] / len(stamps) if stamps else 0.0,
                peak_rss_mb=max((mb for label, mb in rss_by_process.items() if label.split()[0] == stage), default=0),
                in_process_articles_per_s=timing.articles / timing.wall_seconds if timing.wall_seconds else 0.0,
                in_process_cpu_s_per_article=timing.cpu_seconds / timing.articles if timing.articles else 0.0,
            )
        )
    rate = len(rows) / seconds if seconds else 0.0
    in_process_rate = len(corpus) / baseline.wall_seconds
    return BenchReport(
        articles=len(rows),
        inputs=len(rows) + len(set_aside),
        corpus=[str(path) for path in options.corpus],
        copies=sum(a.copy_of is not None for a in corpus),
        workers_per_stage=options.workers_per_stage,
        arrival_rate=options.rate,
        statuses={status.value: n for status, n in Counter(row.status for row in rows).items()},
        failures_by_reason=by_reason(set_aside + failed),
        in_process_failures_by_reason=by_reason(set_aside + baseline.failures),
        mentions=run.mentions,
        events=run.events,
        in_process_duplicates=baseline.duplicates,
        in_process_mentions=baseline.mentions,
        in_process_events=baseline.events,
        seconds=seconds,
        ingest_seconds=run.ingest_seconds,
        articles_per_s=rate,
        in_process_articles_per_s=in_process_rate,
        efficiency=rate / in_process_rate,
        cpu_s_per_article=sum(sum(seconds) for seconds in run.cpu_seconds.values()) / len(rows),
        database_cpu_s_per_article=run.database_cpu_seconds / len(rows),
        cores=psutil.cpu_count() or 1,
        in_process_cpu_s_per_article=sum(t.cpu_seconds for t in baseline.stages.values()) / len(corpus),
        latency_p50_s=_percentile(latencies, 0.50),
        latency_p95_s=_percentile(latencies, 0.95),
        latency_p99_s=_percentile(latencies, 0.99),
        articles_per_s_by_tenth=rates_by_tenth(finals),
        stages=stages,
        peak_rss_mb=rss_by_process,
        queue_depths=[{"seconds": s.seconds, "depths": s.depths} for s in run.sampler.samples],
        scaling=(
            {**asdict(scaling), "speedup": scaling.speedup, "function_speedup": scaling.function_speedup}
            if scaling
            else None
        ),
        postgres=postgres,
    )


def print_report(report: BenchReport, console: Console) -> None:
    """The human table: per stage, then the whole pipeline."""
    corpus = f"from {', '.join(report.corpus)}" if report.corpus else f"{report.copies} copies"
    table = Table(
        "stage", "articles", "art/s", "CPU ms/art", "in-process art/s", "in-process CPU ms/art", "peak RSS MB",
        title=f"{report.articles} articles {corpus}, {report.workers_per_stage} process(es) per stage",
    )  # fmt: skip
    for s in report.stages:
        table.add_row(
            s.stage, str(s.articles), f"{s.articles_per_s:.1f}", f"{1000 * s.cpu_s_per_article:.1f}",
            f"{s.in_process_articles_per_s:.1f}", f"{1000 * s.in_process_cpu_s_per_article:.1f}",
            f"{s.peak_rss_mb:.0f}",
        )  # fmt: skip
    table.add_section()
    table.add_row(
        "pipeline", str(report.articles), f"{report.articles_per_s:.1f}", f"{1000 * report.cpu_s_per_article:.1f}",
        f"{report.in_process_articles_per_s:.1f}", f"{1000 * report.in_process_cpu_s_per_article:.1f}",
        f"{max(report.peak_rss_mb.values(), default=0):.0f}",
    )  # fmt: skip
    console.print(table)
    statuses = ", ".join(f"{status} {n}" for status, n in sorted(report.statuses.items()))
    console.print(
        f"statuses: {statuses}; {report.mentions} mentions of {report.events} events (in process: "
        f"{report.in_process_duplicates} duplicates, {report.in_process_mentions} mentions, "
        f"{report.in_process_events} events)"
    )
    if report.failures_by_reason or report.in_process_failures_by_reason:
        console.print(_failures_table(report))
    arrival = f"arrivals at {report.arrival_rate:g}/s" if report.arrival_rate else "all ingested at once"
    console.print(
        f"end to end {report.articles_per_s:.1f} articles/s over {report.seconds:.1f} s ({arrival}); "
        f"latency ingest→final p50 {report.latency_p50_s:.2f} s, p95 {report.latency_p95_s:.2f} s, "
        f"p99 {report.latency_p99_s:.2f} s"
    )
    if tenths := report.articles_per_s_by_tenth:
        console.print(
            f"articles/s in each tenth of the run: {', '.join(f'{rate:.0f}' for rate in tenths)} "
            f"(last ÷ first {tenths[-1] / tenths[0]:.2f})"
        )
    console.print(
        f"[bold]efficiency {report.efficiency:.2f}[/bold] (pipeline ÷ the same stage functions in one process, "
        f"{report.in_process_articles_per_s:.1f} articles/s); CPU per article "
        f"{report.in_process_cpu_s_per_article / report.cpu_s_per_article:.2f} of the pipeline's is stage work"
    )

    total = report.cpu_s_per_article + report.database_cpu_s_per_article
    console.print(
        f"CPU per article: workers {1000 * report.cpu_s_per_article:.1f} ms + Postgres "
        f"{1000 * report.database_cpu_s_per_article:.1f} ms = {1000 * total:.1f} ms, so {report.cores} cores "
        f"allow at most {report.cores / total:.0f} articles/s"
    )
    if report.scaling:
        scaling = report.scaling
        stage_rates = _rates(scaling["processes"], scaling["articles_per_s"])
        function_rates = _rates(scaling["processes"], scaling["function_articles_per_s"])
        console.print(
            f"scaling of {scaling['stage']} alone over {scaling['articles']} articles: {stage_rates}; speedup "
            f"{scaling['speedup']:.2f} (its function alone in plain processes: {function_rates}; speedup "
            f"{scaling['function_speedup']:.2f})"
        )


def _failures_table(report: BenchReport) -> Table:
    pipeline, in_process = report.failures_by_reason, report.in_process_failures_by_reason
    table = Table(
        "reason", "pipeline", "in process",
        title=f"not stored, by reason ({report.inputs} inputs, {report.inputs - report.articles} run on neither side)",
    )  # fmt: skip
    for reason in {**pipeline, **in_process}:
        table.add_row(reason, str(pipeline.get(reason, 0)), str(in_process.get(reason, 0)))
    return table


def _rates(processes: list[int], per_s: list[float]) -> str:
    return ", ".join(f"{n} process(es) {rate:.1f}/s" for n, rate in zip(processes, per_s, strict=True))


def write_json(report: BenchReport, path: Path) -> None:
    """The whole report as one JSON object."""
    path.write_text(json.dumps({**asdict(report), "complete": report.complete}, indent=2) + "\n", encoding="utf-8")


def write_plot(report: BenchReport, path: Path) -> None:
    """Queue depths over time, one line per queue, as a PNG."""
    try:
        import matplotlib
    except ImportError as exc:
        raise RuntimeError("--plot needs matplotlib: pip install 'newsflow[bench]'") from exc
    matplotlib.use("Agg")  # files only; no display needed
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(8, 4), dpi=100)
    times = [sample["seconds"] for sample in report.queue_depths]
    for stage in STAGE_STAMPS:
        axes.plot(times, [sample["depths"].get(stage, 0) for sample in report.queue_depths], label=stage)
    axes.set_xlabel("seconds since the first ingest")
    axes.set_ylabel("messages waiting")
    axes.set_title(
        f"{report.articles} articles, {report.workers_per_stage} process(es) per stage: "
        f"{report.articles_per_s:.1f} articles/s"
    )
    axes.legend()
    figure.tight_layout()
    figure.savefig(path)
    pyplot.close(figure)
