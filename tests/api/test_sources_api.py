"""Sources on the HTTP API: anyone may list them; adding, pausing, resuming and removing need the API key."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from services.api.app import create_app
from services.settings import get_settings

API_KEY = "test-key"


@pytest.fixture
def client(service_env, clean_tables, monkeypatch) -> Iterator[TestClient]:
    monkeypatch.setattr(get_settings(), "api_key", API_KEY)
    with TestClient(create_app()) as test_client:
        yield test_client


WRITE = {"X-API-Key": API_KEY}


def test_a_source_is_added_listed_paused_resumed_and_removed(client: TestClient) -> None:
    added = client.post("/sources", json={"location": "https://news.test/feed.xml", "name": "Test"}, headers=WRITE)
    assert added.status_code == 201
    body = added.json()
    assert (body["kind"], body["name"], body["paused"], body["articles_total"]) == ("feed", "Test", False, 0)
    assert body["interval_seconds"] == get_settings().source_default_interval_seconds
    assert [s["id"] for s in client.get("/sources").json()] == [body["id"]]
    paused = client.post(f"/sources/{body['id']}/pause", headers=WRITE).json()
    resumed = client.post(f"/sources/{body['id']}/resume", headers=WRITE).json()
    assert paused["paused"] is True and resumed["paused"] is False
    assert client.delete(f"/sources/{body['id']}", headers=WRITE).status_code == 204
    assert client.get("/sources").json() == []
    assert client.delete(f"/sources/{body['id']}", headers=WRITE).status_code == 404


def test_writes_need_the_api_key(client: TestClient) -> None:
    refused = client.post("/sources", json={"location": "https://news.test/feed.xml"})
    assert refused.status_code == 401
    assert client.get("/sources").json() == []


def test_a_source_that_cannot_be_added_gets_the_reason(client: TestClient) -> None:
    bad = client.post("/sources", json={"location": "ftp://news.test/feed", "kind": "feed"}, headers=WRITE)
    assert bad.status_code == 422 and "http(s) URL" in bad.json()["detail"]
    client.post("/sources", json={"location": "https://news.test/feed.xml"}, headers=WRITE)
    again = client.post("/sources", json={"location": "https://news.test/feed.xml"}, headers=WRITE)
    assert again.status_code == 422 and "already a source" in again.json()["detail"]


def test_drop_folders_come_through_the_api_only_when_allowed_and_only_under_the_root(
    client: TestClient, tmp_path, monkeypatch
) -> None:
    root, inside = tmp_path / "drop", tmp_path / "drop" / "wire"
    inside.mkdir(parents=True)
    (root / "escape").symlink_to("/etc")
    monkeypatch.setattr(get_settings(), "drop_root", root)
    for location in ("/etc", str(inside)):
        refused = client.post("/sources", json={"location": location}, headers=WRITE)
        assert refused.status_code == 403 and "NEWSFLOW_API_FOLDER_SOURCES" in refused.json()["detail"]
    monkeypatch.setattr(get_settings(), "api_folder_sources", True)
    for location in ("/etc", str(root / "escape"), str(root / ".." / "..")):
        outside = client.post("/sources", json={"location": location, "kind": "folder"}, headers=WRITE)
        assert outside.status_code == 422 and "outside the drop root" in outside.json()["detail"], location
    added = client.post("/sources", json={"location": str(inside)}, headers=WRITE)
    assert added.status_code == 201 and added.json()["kind"] == "folder"
    assert [s["location"] for s in client.get("/sources").json()] == [str(inside.resolve())]
