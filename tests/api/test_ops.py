"""/status.json, /metrics and the status page on the test database and Redis."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from services.api.app import create_app
from services.db import session_scope
from services.models import Article
from services.status import Status

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
    assert (dedup["waiting"], dedup["messages_ready"], dedup["state"]) == (2, 1, "busy")
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
    assert "no article text" in page and HOSTILE not in page  # a reason is text, never markup
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing fetched from elsewhere
