"""The read API over the seeds run through every step: events with evidence, filters, pages, stories."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from services.api.app import create_app
from tests.conftest import _truncate, store_seeds


@pytest.fixture(scope="module")
def client(service_env, engine) -> Iterator[TestClient]:
    store_seeds(engine)
    with TestClient(create_app()) as test_client:
        yield test_client
    _truncate(engine)


def all_events(client: TestClient, **filters) -> list[dict]:
    """Every event matching the filters, following the pages."""
    events, after = [], None
    while True:
        params = {**filters, "limit": 3, **({"after": after} if after else {})}
        page = client.get("/events", params=params).json()
        events += page["items"]
        if page["next"] is None:
            return events
        after = page["next"]


def test_pages_cover_every_event_once(client: TestClient) -> None:
    events = all_events(client)
    ids = [e["id"] for e in events]
    assert ids == sorted(set(ids)) and len(ids) > 3


def test_the_evacuation_is_one_event_reported_by_several_seeds(client: TestClient) -> None:
    retreats = all_events(client, type="retreat", actor="RUS")
    assert retreats and all(e["type"] == "RETREAT" for e in retreats)
    shared = max(retreats, key=lambda e: e["article_count"])
    assert shared["article_count"] >= 2
    detail = client.get(f"/events/{shared['id']}").json()
    assert len(detail["mentions"]) == shared["mention_count"]
    for mention in detail["mentions"]:
        assert mention["sentence"][mention["trigger_start"] - mention["trigger_start"] :]  # evidence is there
        assert len({m["article_id"] for m in detail["mentions"]}) == shared["article_count"]


def test_filters_narrow_the_events(client: TestClient) -> None:
    everything = all_events(client)
    for event in all_events(client, country="SYR"):
        codes = (event["location_country"] or "", event["source_code"] or "", event["target_code"] or "")
        assert any(code.startswith("SYR") for code in codes)
    assert all_events(client, since="2100-01-01T00:00:00Z") == []
    assert len(all_events(client, until="2100-01-01T00:00:00Z")) == len(everything)


def test_the_seeds_are_one_story_with_five_articles(client: TestClient) -> None:
    [story] = client.get("/stories").json()["items"]
    detail = client.get(f"/stories/{story['id']}").json()
    assert story["article_count"] == 5 and len(detail["articles"]) == 5
    assert {e["id"] for e in all_events(client, story=story["id"])} == {e["id"] for e in all_events(client)}


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert client.get("/events/999999").status_code == 404
    assert client.get("/stories/999999").status_code == 404
    assert client.get("/articles/999999").status_code == 404


def all_articles(client: TestClient, **filters) -> list[dict]:
    """Every article matching the filters, following the pages."""
    articles, after = [], None
    while True:
        page = client.get("/articles", params={**filters, "limit": 2, **({"after": after} if after else {})})
        assert page.status_code == 200, page.text
        articles += page.json()["items"]
        if page.json()["next"] is None:
            return articles
        after = page.json()["next"]


def test_articles_are_listed_in_pages_and_filtered(client: TestClient) -> None:
    articles = all_articles(client)
    assert [a["id"] for a in articles] == sorted({a["id"] for a in articles}) and len(articles) == 5
    assert all("text" not in article for article in articles)  # the list carries metadata only
    [story] = client.get("/stories").json()["items"]
    assert all_articles(client, story=story["id"]) == articles
    assert all_articles(client, status="stored") == articles
    assert all_articles(client, status="failed") == []
    assert all_articles(client, since="2100-01-01T00:00:00Z") == []
    assert all_articles(client, until="2100-01-01T00:00:00Z") == articles
    assert all_articles(client, source="No Such Outlet") == []
    assert client.get("/articles", params={"status": "lost"}).status_code == 422


def test_an_article_is_read_with_its_clean_text(client: TestClient) -> None:
    first = all_articles(client)[0]
    detail = client.get(f"/articles/{first['id']}").json()
    assert detail["text"] and "Damascus" in detail["text"] and detail["title"] == first["title"]


def test_a_wrong_method_is_told_every_method_of_the_path(client: TestClient) -> None:
    # GET and POST /articles are two routes; the answer names both.
    answer = client.request("PUT", "/articles")
    assert answer.status_code == 405 and answer.headers["allow"] == "GET, POST"
