"""The status page: an HTML document with inline SVG charts, rendered on the server (no script, nothing fetched)."""

from __future__ import annotations

from html import escape

from services.api.html import document
from services.ops.failures import FailureGroup
from services.ops.health import PipelineHealth, RecentFailure, SourceHealth
from services.ops.history import History
from services.stages import STAGES

REFRESH_SECONDS = 30
# A colour a stage, in the stage table's order.
STAGE_COLOURS = dict(zip(STAGES, ("#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"), strict=False))
CHART_WIDTH, CHART_HEIGHT, MARGIN = 640, 200, 36
STYLE = """
.stalled { color: #b00; font-weight: bold; } .no-workers { color: #b60; font-weight: bold; } .busy { color: #080; }
.idle { color: #888; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; } figure { margin: 0; }
svg { background: #fafafa; border: 1px solid #ddd; } .legend span { margin-right: 1em; }
"""


def render_status_page(
    health: PipelineHealth, history: History, groups: list[FailureGroup], failures: list[RecentFailure]
) -> str:
    """The whole page for a health snapshot, the last hour's history and the failures."""
    legend = "".join(f'<span style="color:{c}">&#9632; {s}</span>' for s, c in STAGE_COLOURS.items())
    minutes = history.step.total_seconds() / 60
    charts = (
        _chart("waiting", "Articles waiting per stage", {s.stage: s.waiting for s in history.stages}),
        _chart(
            "throughput",
            f"Articles finished per stage, per {minutes:g} min",
            {s.stage: s.finished for s in history.stages},
        ),
    )
    body = f"""<h1>newsflow</h1>
<p>At {escape(health.at[:19])} UTC. Raw figures: <a href="/status.json">/status.json</a> (as
<code>newsflow status --json</code>), <a href="/metrics">/metrics</a> (Prometheus). The page reloads every
{REFRESH_SECONDS} s. For readers: the latest <a href="/events.html">events and stories</a>.</p>
{_stage_table(health)}
<p>End-to-end lag over the last hour (received to stored): p50 {_seconds(health.lag_p50_seconds)},
p95 {_seconds(health.lag_p95_seconds)}; {health.stored_1h} stored in the last hour.
Events {health.events} from {health.mentions} mentions.</p>
{_sources(health.sources)}
<h2>The last hour</h2>
<p class="legend">{legend}</p>
<div class="charts">{"".join(charts)}</div>
<h2>Failures by reason</h2>
{_failure_groups(groups)}
<h2>Recent failures</h2>
{_recent_failures(failures)}"""
    return document(
        "newsflow status", body, style=STYLE, head=f'<meta http-equiv="refresh" content="{REFRESH_SECONDS}">'
    )


def _stage_table(health: PipelineHealth) -> str:
    header = "".join(
        f"<th>{name}</th>"
        for name in ("stage", "state", "waiting", "oldest", "stuck", "messages ready", "unacked", "done 5 min",
                     "done 1 h", "failed 5 min", "failed 1 h", "per min", "last done", "workers")
    )  # fmt: skip
    rows = []
    for s in health.stages:
        cells = (
            s.waiting, _seconds(s.oldest_waiting_seconds), s.stuck, s.messages_ready, s.messages_unacked,
            s.processed_5m, s.processed_1h, s.failed_5m, s.failed_1h, f"{s.throughput_per_minute:.1f}",
            _seconds(s.last_finished_seconds_ago, " ago"),
        )  # fmt: skip
        rows.append(
            f'<tr data-stage="{s.stage}"><td>{s.stage}</td><td class="{s.state.replace(" ", "-")}">{s.state}</td>'
            + "".join(f"<td>{cell}</td>" for cell in cells)
            + f'<td class="text">{escape(", ".join(s.workers)) or "-"}</td></tr>'
        )
    return f'<table id="stages"><tr>{header}</tr>{"".join(rows)}</table>'


def _sources(sources: list[SourceHealth]) -> str:
    if not sources:
        return ""
    header = "".join(
        f'<th class="text">{name}</th>' if name in ("kind", "location", "state", "last error") else f"<th>{name}</th>"
        for name in ("source", "kind", "location", "state", "last polled", "last new", "last day", "per day",
                     "errors", "in a row", "last error")
    )  # fmt: skip
    rows = "".join(
        f'<tr data-source="{s.id}"><td>{s.id}</td><td class="text">{escape(s.kind)}</td>'
        f'<td class="text">{escape(s.location)}</td><td class="text">{escape(s.state)}</td>'
        f"<td>{_seconds(s.last_polled_seconds_ago, ' ago')}</td><td>{_seconds(s.last_new_seconds_ago, ' ago')}</td>"
        f"<td>{s.articles_last_day}</td><td>{s.articles_per_day:.1f}</td><td>{s.errors}</td>"
        f'<td>{s.consecutive_errors}</td><td class="text">{escape(s.last_error or "-")}</td></tr>'
        for s in sources
    )
    return f'<h2>Sources</h2>\n<table id="sources"><tr>{header}</tr>{rows}</table>'


def _chart(chart_id: str, title: str, series: dict[str, list[int]]) -> str:
    """A line chart of one series per stage over the window, oldest point on the left."""
    top = max((max(values, default=0) for values in series.values()), default=0) or 1
    points = max((len(values) for values in series.values()), default=1)
    width, height = CHART_WIDTH - 2 * MARGIN, CHART_HEIGHT - 2 * MARGIN

    def xy(i: int, value: int) -> str:
        x = MARGIN + width * i / max(points - 1, 1)
        y = MARGIN + height * (1 - value / top)
        return f"{x:.1f},{y:.1f}"

    lines = "".join(
        f'<polyline data-stage="{stage}" fill="none" stroke="{STAGE_COLOURS[stage]}" stroke-width="2" '
        f'points="{" ".join(xy(i, v) for i, v in enumerate(values))}"/>'
        for stage, values in series.items()
    )
    bottom, right = MARGIN + height, MARGIN + width
    axes = (
        f'<line x1="{MARGIN}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#999"/>'
        f'<line x1="{MARGIN}" y1="{MARGIN}" x2="{MARGIN}" y2="{bottom}" stroke="#999"/>'
        f'<text x="{MARGIN - 4}" y="{MARGIN + 4}" text-anchor="end" font-size="11">{top}</text>'
        f'<text x="{MARGIN - 4}" y="{bottom}" text-anchor="end" font-size="11">0</text>'
        f'<text x="{MARGIN}" y="{bottom + 16}" font-size="11">-60 min</text>'
        f'<text x="{right}" y="{bottom + 16}" text-anchor="end" font-size="11">now</text>'
    )
    return (
        f"<figure><figcaption>{escape(title)}</figcaption>"
        f'<svg id="{chart_id}" width="{CHART_WIDTH}" height="{CHART_HEIGHT}" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}"'
        f' xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}">{axes}{lines}</svg></figure>'
    )


def _failure_groups(groups: list[FailureGroup]) -> str:
    if not groups:
        return "<p>No failed articles.</p>"
    rows = "".join(
        f"<tr><td>{escape(g.stage)}</td><td>{g.count}</td><td>{g.example_id}</td>"
        f'<td class="text">{escape(g.reason)}</td></tr>'
        for g in groups
    )
    header = '<tr><th>stage</th><th>articles</th><th>example</th><th class="text">reason</th></tr>'
    return f'<table id="failure-groups">{header}{rows}</table>'


def _recent_failures(failures: list[RecentFailure]) -> str:
    if not failures:
        return "<p>None.</p>"
    rows = "".join(
        f'<tr><td>{f.article_id}</td><td class="text">{escape(f.stage)}</td><td class="text">{escape(f.at[:19])}</td>'
        f'<td class="text">{escape(f.reason)}</td></tr>'
        for f in failures
    )
    header = "<tr><th>article</th>" + "".join(f'<th class="text">{name}</th>' for name in ("stage", "when", "reason"))
    return f'<table id="recent-failures">{header}</tr>{rows}</table>'


def _seconds(value: float | None, suffix: str = "") -> str:
    return "-" if value is None else f"{value:.1f} s{suffix}"
