"""The API's doors: a blank key opens nothing, and a write's body is neither read without the key nor past the cap."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from services.api.app import create_app
from services.api.guard import WriteGuard
from services.db import session_scope
from services.models import Article
from services.settings import Settings, get_settings

API_KEY = "test-key"
WRITES = [("POST", "/articles", {"text": "A text."}), ("POST", "/sources", {"location": "https://news.test/feed"}),
          ("POST", "/failures/retry", None)]  # fmt: skip
HUNDRED_MB = 100 * 1024 * 1024


@pytest.fixture
def client(service_env, clean_tables, redis_client, monkeypatch) -> Iterator[TestClient]:
    monkeypatch.setattr(get_settings(), "api_key", API_KEY)
    with TestClient(create_app()) as test_client:
        yield test_client


def article_count() -> int:
    with session_scope() as session:
        return session.scalar(select(func.count()).select_from(Article))


@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_a_blank_api_key_is_no_key(client: TestClient, monkeypatch, blank: str) -> None:
    monkeypatch.setattr(get_settings(), "api_key", blank)
    for method, path, body in WRITES:
        for given in ({"X-API-Key": blank}, {"X-API-Key": ""}, {}):
            response = client.request(method, path, json=body, headers=given)
            assert response.status_code == 503, (path, given, response.text)
            assert "NEWSFLOW_API_KEY" in response.json()["detail"]
    assert article_count() == 0


def test_a_blank_key_in_the_environment_is_read_as_unset(monkeypatch) -> None:
    monkeypatch.setenv("NEWSFLOW_API_KEY", "  ")
    assert Settings().api_key is None
    monkeypatch.setenv("NEWSFLOW_API_KEY", "s3cret")
    assert Settings().api_key == "s3cret"


def test_a_100_mb_body_without_the_key_is_refused(client: TestClient) -> None:
    response = client.post("/articles", content=b"x" * HUNDRED_MB, headers={"Content-Type": "application/json"})
    assert response.status_code == 401
    assert article_count() == 0


def test_a_body_past_the_input_cap_is_refused_not_stored(client: TestClient, monkeypatch) -> None:
    monkeypatch.setattr(get_settings(), "max_input_bytes", 1_000_000)
    big = {"text": "word " * 300_000}
    response = client.post("/articles", json=big, headers={"X-API-Key": API_KEY})
    assert response.status_code == 413 and "NEWSFLOW_MAX_INPUT_BYTES" in response.json()["detail"]
    huge = client.post("/articles", content=b"x" * HUNDRED_MB, headers={"X-API-Key": API_KEY})
    assert huge.status_code == 413
    assert article_count() == 0
    fits = client.post("/articles", json={"text": "word " * 1000}, headers={"X-API-Key": API_KEY})
    assert fits.status_code == 201


def call_streaming(app, *, headers: list[tuple[bytes, bytes]], chunks: int, chunk_size: int) -> tuple[int, int]:
    """POST /articles to the ASGI app with a body streamed in chunks (no Content-Length); the answer's status and
    how many chunks the app asked for."""
    asked, sent = 0, []

    async def receive():
        nonlocal asked
        asked += 1
        return {"type": "http.request", "body": b"x" * chunk_size, "more_body": asked < chunks}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/articles", "raw_path": b"/articles", "query_string": b"",
             "headers": headers, "http_version": "1.1", "scheme": "http", "server": ("test", 80), "client": None,
             "root_path": "", "asgi": {"version": "3.0"}}  # fmt: skip
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], asked


def test_the_key_is_checked_before_the_body_is_read_and_the_body_stops_at_the_cap(service_env, monkeypatch) -> None:
    monkeypatch.setattr(get_settings(), "api_key", API_KEY)
    monkeypatch.setattr(get_settings(), "max_input_bytes", 3 * 1024 * 1024)
    app = create_app()
    without_key = call_streaming(app, headers=[], chunks=100, chunk_size=1024 * 1024)
    assert without_key == (401, 0)
    with_key = call_streaming(app, headers=[(b"x-api-key", API_KEY.encode())], chunks=100, chunk_size=1024 * 1024)
    assert with_key == (413, 4)  # three chunks fit, the fourth passes the cap: the other 96 are never read


def test_every_route_that_asks_for_the_key_is_guarded() -> None:
    app = create_app()
    asks = {
        (path, method.upper())
        for path, operations in app.openapi()["paths"].items()
        for method, operation in operations.items()
        if any(parameter["name"].lower() == "x-api-key" for parameter in operation.get("parameters", []))
    }
    [guard] = [m for m in app.user_middleware if m.cls is WriteGuard]
    guarded = {(route.path, method) for route in guard.kwargs["routes"] for method in route.methods}
    assert asks and guarded == asks
