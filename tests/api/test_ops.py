"""/status.json, /metrics and the status page on the test database and Redis."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from services.api.app import create_app
from services.db import session_scope
from services.models import Article
from services.sources.poll import record_error, record_success, utcnow
from services.sources.registry import add_source
from services.status import Status
from tests.outages import SECRET

HOSTILE = '<script>alert("x")</script>'


@pytest.fixture
def client(service_env, clean_tables, redis_client) -> Iterator[TestClient]:
    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.fixture
def articles(clean_tables) -> None:
    with session_scope() as session:
        session.add_all([
            Article(raw=b"a", status=Status.CLEANED),
            Article(raw=b"b", status=Status.CLEANED),
            Article(raw=b"c", status=Status.FAILED, error_stage="clean", error=f"no article text {HOSTILE}"),
        ])  # fmt: skip


def test_status_json_has_every_stage_and_the_backlog(client: TestClient, articles, redis_client) -> None:
    redis_client.rpush("dedup", b"{}")  # what the broker holds is counted, whatever it is
    body = client.get("/status.json").json()
    dedup = next(stage for stage in body["stages"] if stage["stage"] == "dedup")
    assert (dedup["waiting"], dedup["messages_ready"], dedup["state"]) == (2, 1, "no workers")
    assert [stage["stage"] for stage in body["stages"]] == ["fetch", "clean", "dedup", "extract", "store"]
    assert body["articles"]["failed"] == 1 and body["events"] == 0


def test_metrics_are_prometheus_text_with_the_status_gauges(client: TestClient, articles) -> None:
    response = client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    families = {family.name: family for family in text_string_to_metric_families(response.text)}
    waiting = {s.labels["stage"]: s.value for s in families["newsflow_stage_waiting_articles"].samples}
    assert waiting == {"fetch": 0, "clean": 0, "dedup": 2, "extract": 0, "store": 0}
    assert {s.labels["status"]: s.value for s in families["newsflow_articles"].samples}["failed"] == 1


def test_the_status_page_shows_stages_charts_and_escaped_failures(client: TestClient, articles) -> None:
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    assert '<svg id="waiting"' in page and '<svg id="throughput"' in page
    assert page.count('<tr data-stage="') == 5 and 'href="/status.json"' in page and 'href="/metrics"' in page
    # Articles wait for dedup and no worker of it finished a task.
    assert '<tr data-stage="dedup"><td>dedup</td><td class="no-workers">no workers</td>' in page
    assert "no article text" in page and HOSTILE not in page  # a reason is text, never markup
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing fetched from elsewhere


@pytest.mark.parametrize("path", ["/ready", "/", "/status.json", "/metrics", "/events", "/stories"])
def test_a_request_that_needs_postgres_while_it_is_down_answers_503_with_the_reason(postgres_down, path) -> None:
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        response = client.get(path)
    assert response.status_code == 503
    reason = response.json()["detail"]
    assert reason.startswith("Postgres is unavailable: ") and "Connection refused" in reason
    assert SECRET not in reason


@pytest.mark.parametrize("path", ["/ready", "/", "/status.json", "/metrics"])
def test_a_request_that_needs_redis_while_it_is_down_answers_503_with_the_reason(redis_down, clean_tables, path):
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        response = client.get(path)
    assert response.status_code == 503
    assert response.json()["detail"].startswith("Redis is unavailable: Error 111 connecting to 127.0.0.1:1")


@pytest.fixture
def sources(clean_tables) -> tuple[int, int]:
    with session_scope() as session:
        good = add_source(session, location="https://news.example.org/feed.xml", interval_seconds=60)
        record_success(good, now=utcnow(), outcome="new", reading=None)
        bad = add_source(session, location=f"https://bad.example.org/{HOSTILE}", kind="sitemap", interval_seconds=60)
        record_error(bad, f"HTTP 500 {HOSTILE}", now=utcnow(), retry_after=None, max_backoff=600)
        return good.id, bad.id


def test_metrics_have_per_source_series_labelled_by_id_and_kind(client: TestClient, sources) -> None:
    good, bad = sources
    families = {family.name: family for family in text_string_to_metric_families(client.get("/metrics").text)}
    errors = {(s.labels["source"], s.labels["kind"]): s.value for s in families["newsflow_source_errors"].samples}
    assert errors == {(str(good), "feed"): 0, (str(bad), "sitemap"): 1}
    since_new = {s.labels["source"] for s in families["newsflow_source_seconds_since_new_article"].samples}
    assert since_new == {str(good)}  # the failing source never found an article: no series, not zero
    assert all(s.value >= 0 for s in families["newsflow_source_seconds_since_poll"].samples)
    counts = {(s.labels["kind"], s.labels["state"]): s.value for s in families["newsflow_sources"].samples}
    assert counts == {("feed", "new"): 1, ("sitemap", "error"): 1}


def test_the_status_page_lists_the_sources_escaped(client: TestClient, sources) -> None:
    good, bad = sources
    page = client.get("/").text
    assert (
        '<table id="sources">' in page and f'<tr data-source="{good}">' in page and f'<tr data-source="{bad}">' in page
    )
    assert "HTTP 500" in page and HOSTILE not in page
