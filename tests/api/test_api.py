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
    # Sent again while it waits at its first stage: a message lost to Redis is made good; the step drops a repeat.
    assert queued_ids(redis_client, "fetch") == [first["id"], first["id"]]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"text": "   "}', "empty input"),
        (b'{"text": "A text.", "title": "a\\u0000b"}', "title holds a NUL character"),
        (b'{"text": "A text.", "source": "\\ud800"}', "source holds an unpaired surrogate"),
        (b'{"url": "https://news.test/a\\u0000"}', "url holds a NUL character"),
        (b'{"url": "ftp://news.test/a"}', "not a web address"),
        (b'{"url": "not-a-url"}', "not a web address"),
        (b'{"text": "A text.", "published": "the other day"}', "is not a date"),
        (b'{"text": "A text.", "title": 1e999}', "valid string"),
    ],
)
def test_an_input_that_cannot_be_an_article_is_refused_with_its_reason(
    client: TestClient, redis_client, body: bytes, reason: str
) -> None:
    response = client.post("/articles", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    assert reason in str(response.json()["detail"])
    assert client.post("/articles", json={"text": TEXT}).status_code == 201  # the API goes on
    assert len(queued_ids(redis_client, "clean")) == 1


@pytest.mark.parametrize("title", [b"[" * 5000 + b"]" * 5000, b"9" * 5000])
def test_a_body_json_cannot_read_is_a_bad_request(client: TestClient, title: bytes) -> None:
    body = b'{"text": "A text.", "title": ' + title + b"}"
    response = client.post("/articles", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400 and "parsing the body" in response.json()["detail"]


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
