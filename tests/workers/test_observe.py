"""`newsflow status`, /metrics and the status page tell the truth about a running pipeline.

Real workers run the seeds and three articles that end early (a copy, an empty page, French text) while the store
worker is told to stop consuming, so a backlog stands still at store; every figure is then compared with counts
taken straight from Redis and Postgres, and again after the store worker resumes and everything is stored. The page
is read in a real headless Chromium (Debian's chromium and chromium-driver).
"""

from __future__ import annotations

import base64
import json
import re
import struct
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, select

from services.db import session_scope
from services.models import Article, Event, EventMention
from services.ops.monitor import wait_until_final
from services.sources.ingest import ArticleInput, ingest, inputs_from_paths
from services.sources.poll import record_success, utcnow
from services.sources.registry import add_source
from services.stages import STAGES
from services.status import FINAL_STATUSES, Status
from tests.browser import api_process, chromium
from tests.conftest import SEEDS
from tests.pages import Page, Site, serve
from tests.waiting import WAIT_SECONDS, wait_for
from tests.workers.test_end_to_end import ARTICLE_HTML, newsflow
from workers.app import app, send_on

STAMPS = {"fetch": Article.fetched_at, "clean": Article.cleaned_at, "dedup": Article.deduped_at,
          "extract": Article.extracted_at, "store": Article.stored_at}  # fmt: skip


@pytest.fixture
def api_url(service_env: dict[str, str], metrics_dir: Path, tmp_path: Path) -> Iterator[str]:
    """`newsflow api` in its own process, reading the workers' metrics directory."""
    with api_process({**service_env, "NEWSFLOW_METRICS_DIR": str(metrics_dir)}, tmp_path / "api.log") as url:
        yield url


@pytest.fixture
def browser(tmp_path: Path):
    with chromium(tmp_path / "chromium") as driver:
        yield driver


def metric_samples(api_url: str) -> dict[tuple[str, tuple], float]:
    """Every sample of /metrics, keyed by name and sorted labels."""
    text = httpx.get(f"{api_url}/metrics").text
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def counter(samples: dict, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def database_counts() -> dict:
    """The figures straight from Postgres."""
    with session_scope() as session:
        return {
            "statuses": dict(session.execute(select(Article.status, func.count()).group_by(Article.status)).all()),
            "finished": {
                stage: session.scalar(select(func.count()).where(column.is_not(None)))
                for stage, column in STAMPS.items()
            },  # fmt: skip
            "extracted_ids": sorted(session.scalars(select(Article.id).where(Article.status == Status.EXTRACTED))),
            "events": session.scalar(select(func.count()).select_from(Event)),
            "mentions": session.scalar(select(func.count()).select_from(EventMention)),
        }


def broker_messages(client: redis.Redis, queue: str) -> list[list[int]]:
    """The article ids of every message Redis holds for a queue: in any of its lists, or delivered and unacked."""
    bodies = [raw for key in client.keys(f"{queue}*") if client.type(key) == b"list"
              for raw in client.lrange(key, 0, -1)]  # fmt: skip
    bodies += [json.dumps(json.loads(raw)[0]) for raw in client.hvals("unacked")]
    messages = []
    for raw in bodies:
        envelope = json.loads(raw)
        if envelope["headers"]["task"] == f"newsflow.{queue}":
            messages.append(sorted(json.loads(base64.b64decode(envelope["body"]))[0]))
    return sorted(messages)


def consumer_of(queue: str) -> str:
    """The name of the worker consuming a queue, as it answers remote control."""
    active = app.control.inspect(timeout=5).active_queues() or {}
    names = [name for name, queues in active.items() if any(q["name"] == queue for q in queues)]
    assert len(names) == 1, active
    return names[0]


def png_facts(png: bytes) -> tuple[int, int, int]:
    """Width, height and the number of distinct byte values in the pixel data of a PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    data, offset = b"", 8
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind = png[offset + 4 : offset + 8]
        if kind == b"IDAT":
            data += png[offset + 8 : offset + 8 + length]
        offset += 12 + length
    return width, height, len(set(zlib.decompress(data)))


def ingest_articles(tmp_path: Path, url: str) -> list[int]:
    """The seeds, a copy of one of them, a page with no article in it, an article in French, and one by URL."""
    first_seed = sorted(SEEDS.glob("*.txt"))[0].read_text()
    extra = {
        "copy.txt": "  " + first_seed.upper() + "\n",
        "empty.html": "<html><body><nav>Home</nav></body></html>",
        "french.txt": "Le gouvernement a annoncé dimanche le retrait des troupes russes de Syrie, selon les autorités.",
    }
    for name, text in extra.items():
        (tmp_path / name).write_text(text)
    items = list(inputs_from_paths([SEEDS, *(tmp_path / name for name in extra)], max_bytes=1_000_000)) + [
        ArticleInput(url, url=url)
    ]
    outcomes = list(ingest(items, session_scope=session_scope, enqueue=send_on, max_bytes=5_000_000))
    assert all(o.created for o in outcomes)
    return [o.article_id for o in outcomes]


def settled() -> int:
    """Articles that are final or wait at store."""
    statuses = database_counts()["statuses"]
    return sum(n for status, n in statuses.items() if status in FINAL_STATUSES or status is Status.EXTRACTED)


def status_json(service_env: dict[str, str]) -> dict:
    result = newsflow("status", "--json", env=service_env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.system
def test_status_metrics_and_page_agree_with_the_queue_and_the_database(
    workers, clean_tables, service_env, redis_url, api_url, browser, tmp_path: Path
) -> None:
    client = redis.Redis.from_url(redis_url)
    before = metric_samples(api_url)
    store_worker = consumer_of("store")
    # The article given by URL is refused once (503, retried with backoff), then served.
    answers = iter([Page(b"busy", status=503, content_type="text/plain")])
    site = Site({"/story": lambda: next(answers, Page(ARTICLE_HTML.encode()))})
    with serve(site):
        assert app.control.cancel_consumer("store", destination=[store_worker], reply=True, timeout=5)
        try:
            ids = ingest_articles(tmp_path, site.url("/story"))
            # Everything moves until it is final or waits at store, where nothing consumes.
            wait_for(lambda: settled() == len(ids), "the backlog at store")
            db = database_counts()
            queued = broker_messages(client, "store")
            # The seeds travel together, as ingested; the article given by URL alone, as fetched.
            assert sorted(i for ids in queued for i in ids) == db["extracted_ids"]
            assert sorted(map(len, queued)) == [1, 5]

            status = status_json(service_env)
            stages = {s["stage"]: s for s in status["stages"]}
            assert stages["store"]["waiting"] == len(db["extracted_ids"])
            assert stages["store"]["messages_ready"] + stages["store"]["messages_unacked"] == len(queued)
            assert all(stages[s]["waiting"] == 0 and stages[s]["messages_ready"] == 0 for s in STAGES if s != "store")
            assert {s: stages[s]["processed_1h"] for s in STAGES} == db["finished"]
            assert {s: stages[s]["failed_1h"] for s in STAGES} == {**dict.fromkeys(STAGES, 0), "clean": 1}
            assert status["articles"] == {s.value: db["statuses"].get(s, 0) for s in Status}
            # Workers count by the work they finished: the one consuming each busy stage is listed.
            assert all(consumer_of(s) in stages[s]["workers"] for s in ("clean", "dedup", "extract"))
            assert stages["store"]["oldest_waiting_seconds"] > 0 and status["events"] == db["events"] == 0

            metrics = metric_samples(api_url)
            assert counter(metrics, "newsflow_queue_messages", queue="store", state="ready") + counter(
                metrics, "newsflow_queue_messages", queue="store", state="unacked"
            ) == len(queued)
            assert counter(metrics, "newsflow_stage_waiting_articles", stage="store") == len(db["extracted_ids"])

            def delta(name: str, **labels: str) -> float:
                return counter(metric_samples(api_url), name, **labels) - counter(before, name, **labels)

            processed = "newsflow_articles_processed_total"
            assert delta(processed, stage="clean", outcome="passed") == db["finished"]["clean"]
            assert delta(processed, stage="dedup", outcome="passed") == 7  # all but the copy
            assert delta(processed, stage="fetch", outcome="passed") == 1
            assert delta("newsflow_task_retries_total", stage="fetch", reason="FetchUnavailable") == 1
            assert delta("newsflow_articles_processed_total", stage="dedup", outcome="duplicate") == 1
            assert delta("newsflow_articles_processed_total", stage="extract", outcome="skipped") == 1
            assert delta("newsflow_articles_failed_total", stage="clean", reason="rejected_input") == 1
            # One task for the articles ingested together, one for the article fetched.
            assert delta("newsflow_stage_duration_seconds_count", stage="clean") == 2

            browser.get(api_url + "/")
            from selenium.webdriver.common.by import By

            row = browser.find_element(By.CSS_SELECTOR, 'tr[data-stage="store"]')
            assert row.find_elements(By.TAG_NAME, "td")[2].text == str(len(db["extracted_ids"]))
            assert "no article text" in browser.find_element(By.ID, "recent-failures").text
            line = browser.find_element(By.CSS_SELECTOR, 'svg#waiting polyline[data-stage="store"]')
            assert line.get_attribute("points").split()[-1].endswith(",36.0")  # the last point is the chart's top
            width, height, distinct = png_facts(browser.get_screenshot_as_png())
            assert (width, height) == tuple(browser.execute_script("return [innerWidth, innerHeight]"))
            assert distinct > 20, "the screenshot is blank"
            (tmp_path / "status-page.png").write_bytes(browser.get_screenshot_as_png())
        finally:
            app.control.add_consumer("store", destination=[store_worker], reply=True, timeout=5)

    assert len(wait_until_final(session_scope, ids, timeout=WAIT_SECONDS)) == len(ids)
    db = database_counts()
    status = status_json(service_env)
    assert (status["events"], status["mentions"]) == (db["events"], db["mentions"]) and db["events"] > 0
    assert status["stored_1h"] == db["statuses"][Status.STORED] == 6 and status["lag_p50_seconds"] > 0
    assert all(s["waiting"] == 0 and s["messages_ready"] + s["messages_unacked"] == 0 for s in status["stages"])
    assert Counter(broker_messages(client, stage) == [] for stage in STAGES) == Counter({True: 5})
    with session_scope() as session:  # a source as a poll that found something leaves it, for its series
        feed = add_source(session, location="https://news.example.org/feed.xml", interval_seconds=60)
        record_success(feed, now=utcnow(), outcome="new", reading=None)
    metrics = metric_samples(api_url)
    assert counter(metrics, "newsflow_events_stored") == db["events"]
    assert counter(metrics, "newsflow_event_mentions_stored") == db["mentions"]
    assert (
        counter(metrics, "newsflow_articles_processed_total", stage="store", outcome="passed")
        - counter(before, "newsflow_articles_processed_total", stage="store", outcome="passed")
        == db["finished"]["store"]
    )
    dashboard = (Path(__file__).resolve().parents[2] / "infra" / "grafana" / "newsflow.json").read_text()
    named = set(re.findall(r"\bnewsflow_[a-z0-9_]+", dashboard))
    exposed = {name for name, _labels in metrics}
    assert named and named <= exposed, f"not in /metrics: {sorted(named - exposed)}"
    client.close()
