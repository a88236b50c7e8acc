"""The HTTP API on the test database and Redis: ingest queues the article; reads return it."""

import base64
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from services.api.app import create_app
from services.settings import get_settings

TEXT = "Russia withdrew its troops from Syria on Sunday, officials said in Moscow on Monday."


API_KEY = "test-key"


@pytest.fixture
def client(service_env, clean_tables, redis_client, monkeypatch) -> Iterator[TestClient]:
    monkeypatch.setattr(get_settings(), "api_key", API_KEY)
    with TestClient(create_app(), headers={"X-API-Key": API_KEY}) as test_client:
        yield test_client


def queued_ids(redis_client, queue: str) -> list[int]:
    """Article ids in the messages waiting on a queue, as a worker would decode them."""
    ids = []
    for raw in redis_client.lrange(queue, 0, -1):
        envelope = json.loads(raw)
        assert envelope["properties"]["body_encoding"] == "base64"
        args, _kwargs, _embed = json.loads(base64.b64decode(envelope["body"]))
        assert envelope["headers"]["task"] == f"newsflow.{queue}"
        ids += args
    return ids


def test_posting_an_article_stores_it_and_queues_its_id(client: TestClient, redis_client) -> None:
    response = client.post("/articles", json={"text": TEXT, "title": "Withdrawal", "published": "2024-12-15"})
    assert response.status_code == 201
    body = response.json()
    assert (body["created"], body["status"], body["error"]) == (True, "received", None)
    assert queued_ids(redis_client, "clean") == [body["id"]]
    article = client.get(f"/articles/{body['id']}").json()
    assert (article["status"], article["title"]) == ("received", None)


def test_posting_the_same_article_again_returns_the_first(client: TestClient, redis_client) -> None:
    first = client.post("/articles", json={"url": "https://news.example/a"}).json()
    again = client.post("/articles", json={"url": "https://news.example/a"})
    assert again.status_code == 200
    assert again.json()["id"] == first["id"] and again.json()["created"] is False
    assert queued_ids(redis_client, "fetch") == [first["id"]]


def test_an_unusable_article_is_stored_failed_and_not_queued(client: TestClient, redis_client) -> None:
    response = client.post("/articles", json={"text": "   "})
    assert response.status_code == 201
    assert response.json()["status"] == "failed" and "empty input" in response.json()["error"]
    assert queued_ids(redis_client, "clean") == []


@pytest.mark.parametrize("body", [{}, {"title": "only"}, {"html": "<p>x</p>", "text": "x"}, {"text": "x", "extra": 1}])
def test_malformed_requests_are_rejected(client: TestClient, body: dict) -> None:
    assert client.post("/articles", json=body).status_code == 422


def test_unknown_article_is_404(client: TestClient) -> None:
    assert client.get("/articles/999999").status_code == 404


def test_health_and_ready(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    assert client.get("/ready").json() == {"status": "ready"}


def test_writes_need_the_api_key(client: TestClient, monkeypatch) -> None:
    body = {"text": TEXT}
    assert client.post("/articles", json=body, headers={"X-API-Key": "wrong"}).status_code == 401
    assert client.post("/articles", json=body, headers={"X-API-Key": ""}).status_code == 401
    monkeypatch.setattr(get_settings(), "api_key", None)
    assert client.post("/articles", json=body).status_code == 503
    assert client.get("/health").status_code == 200  # reads need no key
