"""POST /failures/retry: the API key is required; the selected failed articles go back on their stage's queue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from services.api.app import create_app
from services.db import session_scope
from services.models import Article
from services.settings import get_settings
from services.status import Status
from tests.api.test_api import queued_ids

API_KEY = "test-key"
WRITE = {"X-API-Key": API_KEY}


@pytest.fixture
def client(service_env, clean_tables, redis_client, monkeypatch) -> Iterator[TestClient]:
    monkeypatch.setattr(get_settings(), "api_key", API_KEY)
    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.fixture
def failed() -> dict[str, int]:
    """Articles failed at clean (twice, two reasons), at extract, and at ingest; their ids by a short name."""
    rows = {
        "clean_timeout": Article(raw=b"a", status=Status.FAILED, error_stage="clean", error="TimeoutError: slow"),
        "clean_text": Article(raw=b"b", status=Status.FAILED, error_stage="clean", error="no article text: 3 chars"),
        "extract": Article(raw=b"c", status=Status.FAILED, error_stage="extract", error="OperationalError: gone"),
        "ingest": Article(raw=b"d", status=Status.FAILED, error_stage="ingest", error="binary input: PDF document"),
    }
    with session_scope() as session:
        session.add_all(rows.values())
        session.flush()
        return {name: article.id for name, article in rows.items()}


def status_of(article_id: int) -> tuple[Status, str | None]:
    with session_scope() as session:
        article = session.get(Article, article_id)
        return article.status, article.error


def test_retry_needs_the_api_key(client: TestClient, failed, redis_client, monkeypatch) -> None:
    assert client.post("/failures/retry").status_code == 401
    assert client.post("/failures/retry", headers={"X-API-Key": "wrong"}).status_code == 401
    monkeypatch.setattr(get_settings(), "api_key", None)
    assert client.post("/failures/retry", headers=WRITE).status_code == 503  # writes are off without a key
    assert status_of(failed["clean_timeout"])[0] is Status.FAILED and queued_ids(redis_client, "clean") == []


def test_retry_by_query_requeues_the_selected_articles(client: TestClient, failed, redis_client) -> None:
    response = client.post("/failures/retry", params={"stage": "clean", "reason": "Timeout"}, headers=WRITE)
    assert response.status_code == 200
    assert response.json() == {"retried": 1, "articles": [{"id": failed["clean_timeout"], "stage": "clean"}]}
    assert queued_ids(redis_client, "clean") == [failed["clean_timeout"]]
    assert status_of(failed["clean_timeout"]) == (Status.RECEIVED, None)
    assert status_of(failed["clean_text"])[0] is Status.FAILED


def test_retry_by_body_and_everything_but_ingest(client: TestClient, failed, redis_client) -> None:
    by_id = client.post("/failures/retry", json={"id": failed["extract"]}, headers=WRITE).json()
    assert by_id["articles"] == [{"id": failed["extract"], "stage": "extract"}]
    assert queued_ids(redis_client, "extract") == [failed["extract"]]
    assert status_of(failed["extract"]) == (Status.UNIQUE, None)
    everything = client.post("/failures/retry", headers=WRITE).json()
    assert {a["id"] for a in everything["articles"]} == {failed["clean_timeout"], failed["clean_text"]}
    assert status_of(failed["ingest"])[0] is Status.FAILED  # the same bytes would be refused again


@pytest.mark.parametrize(
    ("params", "body"),
    [({"stage": "ingest"}, None), ({"stage": "clean"}, {"id": 1}), (None, {"stage": "clean", "other": 1})],
)
def test_a_malformed_selection_is_refused(client: TestClient, failed, params, body) -> None:
    assert client.post("/failures/retry", params=params, json=body, headers=WRITE).status_code == 422
