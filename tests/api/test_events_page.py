"""The events page for readers, over the seeds run through every step and one event whose articles are hostile:
the same events as `GET /events` under the same filters, their sentences with the trigger marked, everything from
articles shown as text, and nothing loaded from another host, read in a real headless Chromium too."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from services.api.app import create_app
from services.api.routes.events_page import MENTIONS_SHOWN
from services.db import session_scope
from services.models import Article, Event, EventMention
from services.status import Status
from tests.browser import OFFLINE, api_process, chromium
from tests.conftest import _truncate, store_seeds
from tests.waiting import wait_for

HOSTILE_SENTENCE = "Rebels <script>window.injected = 1</script> withdrew, and then the army withdrew from Homs."
HOSTILE_TEXT = "Homs.\n\n" + HOSTILE_SENTENCE
HOSTILE_URL = "https://news.example.org/homs?id=1&lang=en"
HOSTILE_TITLE = '<img src=x onerror="window.injected = 2"> Homs'
# Elements that would load something, and attributes that name an address.
LOADING_TAGS = {"script", "link", "img", "iframe", "object", "embed", "audio", "video", "source", "base"}
ADDRESSES = {"href", "src", "action", "srcset", "poster", "data", "formaction"}


@pytest.fixture(scope="module")
def hostile_event(service_env, engine: Engine) -> Iterator[int]:
    """The seeds stored, and a RETREAT event reported by two articles whose every text is markup: one with an http
    URL and its clean text, one with a `javascript:` URL and no text."""
    store_seeds(engine)
    coding = {"type": "RETREAT", "mode": "withdraw", "cameo": "0874", "quad_class": 2, "date_precision": "day"}
    with session_scope() as session:
        linked = Article(url=HOSTILE_URL, title=HOSTILE_TITLE, source="Outlet <b>", text=HOSTILE_TEXT,
                         status=Status.STORED)  # fmt: skip
        scripted = Article(url="javascript:window.injected = 3", status=Status.STORED)
        retreat = Event(
            **coding, source_text="<b>Rebels</b>", source_code="SYRREB", location_name="Homs <i>",
            location_country="SYR", event_date=date(2026, 12, 1), mention_count=2, article_count=2, source_count=2,
            confidence=0.5,
        )  # fmt: skip
        session.add_all([linked, scripted, retreat])
        session.flush()
        second = HOSTILE_TEXT.rindex("withdrew")  # the army's, not the rebels'
        for article, start in ((linked, second), (scripted, 0)):
            session.add(
                EventMention(
                    **coding, article_id=article.id, event_id=retreat.id, modality="asserted", sentence_index=1,
                    sentence=HOSTILE_SENTENCE, trigger="withdrew", trigger_start=start,
                    trigger_end=start + len("withdrew"), confidence=0.5,
                )
            )  # fmt: skip
        retreat_id = retreat.id
    yield retreat_id
    _truncate(engine)


@pytest.fixture(scope="module")
def client(hostile_event: int) -> Iterator[TestClient]:
    with TestClient(create_app()) as test_client:
        yield test_client


def api_event_ids(client: TestClient, **filters) -> list[int]:
    """The ids `GET /events` gives for the filters, newest first."""
    page = client.get("/events", params={**filters, "limit": 1000})
    assert page.status_code == 200, page.text
    assert page.json()["next"] is None
    return sorted((e["id"] for e in page.json()["items"]), reverse=True)


def shown_event_ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr class="event" data-event="(\d+)">', page)]


def shown_mentions(page: str) -> dict[int, list[int]]:
    """Each event's mention ids, as the page lists them."""
    rows = re.findall(r'<tr class="evidence" data-event="(\d+)">(.*?)</tr>', page)
    return {int(event_id): [int(i) for i in re.findall(r'data-mention="(\d+)"', row)] for event_id, row in rows}


def older_link(page: str) -> str | None:
    found = re.search(r'<a id="older" href="([^"]+)"', page)
    return unescape(found.group(1)) if found else None


def test_the_latest_events_come_first_each_with_its_sentences_and_their_trigger_marked(
    client: TestClient, hostile_event: int
) -> None:
    response = client.get("/events.html")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    assert shown_event_ids(page) == api_event_ids(client) and len(shown_event_ids(page)) > 10
    mentions = shown_mentions(page)
    for event_id in shown_event_ids(page):
        detail = client.get(f"/events/{event_id}").json()
        listed = sorted(detail["mentions"], key=lambda m: m["id"])[:MENTIONS_SHOWN]
        assert mentions[event_id] == [m["id"] for m in listed]
        hidden = detail["mention_count"] - len(listed)
        assert (f'<a href="/events/{event_id}">{hidden} more</a>' in page) == (hidden > 0)
        if event_id == hostile_event:
            continue  # its sentences are checked below
        for mention in listed:
            text = client.get(f"/articles/{mention['article_id']}").json()["text"]
            sentence, start = mention["sentence"], mention["trigger_start"] - text.index(mention["sentence"])
            end = start + len(mention["trigger"])
            marked = f"{escape(sentence[:start])}<mark>{escape(sentence[start:end])}</mark>{escape(sentence[end:])}"
            assert marked in page
    assert any(len(ids) == MENTIONS_SHOWN for ids in mentions.values())  # the seeds' evacuation has more


def test_the_trigger_is_marked_where_the_articles_offsets_put_it(client: TestClient, hostile_event: int) -> None:
    page = client.get("/events.html").text
    rebels, army = escape("Rebels <script>window.injected = 1</script> "), escape(", and then the army ")
    # The article's text places the trigger at the army's "withdrew"; with no text, the first "withdrew" is marked.
    assert f"{rebels}withdrew{army}<mark>withdrew</mark> from Homs." in page
    assert f"{rebels}<mark>withdrew</mark>{army}withdrew from Homs." in page
    assert shown_event_ids(page)[0] == hostile_event


def test_everything_from_articles_is_text_and_only_an_http_url_is_a_link(client: TestClient) -> None:
    page = client.get("/events.html").text
    assert "<script" not in page.lower() and "<img" not in page.lower() and "javascript:" not in page
    assert escape("<script>window.injected = 1</script>") in page and escape(HOSTILE_TITLE) in page
    assert "&lt;b&gt;Rebels&lt;/b&gt; <code>SYRREB</code>" in page and "Homs &lt;i&gt; <code>SYR</code>" in page
    assert "(Outlet &lt;b&gt;)" in page
    original = f'<a class="original" href="{escape(HOSTILE_URL)}" rel="noopener noreferrer">news.example.org</a>'
    assert page.count(original) == 1


class Addresses(HTMLParser):
    """Every element of a page that would load something, and every address an attribute names."""

    def __init__(self) -> None:
        super().__init__()
        self.loading: list[str] = []
        self.addresses: list[tuple[str, str, str]] = []  # tag, address, rel

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in LOADING_TAGS:
            self.loading.append(tag)
        attributes = dict(attrs)
        for name, value in attrs:
            if name in ADDRESSES:
                self.addresses.append((tag, value or "", attributes.get("rel") or ""))


def outside_addresses(addresses: list[tuple[str, str, str]], article_urls: set[str]) -> list[tuple[str, str, str]]:
    """The addresses that lead off this host, but for a link to an article's own URL that tells nothing of the page
    it was followed from."""
    return [
        (tag, address, rel)
        for tag, address, rel in addresses
        if not address.startswith(("/", "?", "#"))
        and not (tag.lower() == "a" and rel == "noopener noreferrer" and address in article_urls)
    ]


@pytest.mark.parametrize("query", ["", "?type=RETREAT", "?since=yesterday"])
def test_the_page_names_no_other_host_than_its_articles_own(client: TestClient, query: str) -> None:
    page = client.get("/events.html" + query).text
    parser = Addresses()
    parser.feed(page)
    assert parser.loading == [] and "url(" not in page and "@import" not in page
    assert parser.addresses and outside_addresses(parser.addresses, {HOSTILE_URL}) == []


@pytest.mark.parametrize(
    "filters",
    [
        {"type": "retreat"},
        {"country": "SYR"},
        {"actor": "RUSGOV"},
        {"type": "RETREAT", "country": "syr"},
        {"since": "2000-01-01T00:00:00Z"},
        {"until": "2000-01-01"},
        {"since": "2100-01-01T00:00:00+01:00"},
    ],
)
def test_the_filters_select_what_get_events_selects(client: TestClient, filters: dict[str, str]) -> None:
    response = client.get("/events.html", params=filters)
    assert response.status_code == 200
    expected = api_event_ids(client, **filters)
    assert shown_event_ids(response.text) == expected
    assert ('<p id="no-events">No events match.</p>' in response.text) == (expected == [])
    for name, value in filters.items():  # the form shows what was asked
        assert f'<input name="{name}" value="{escape(value)}"' in response.text


def test_empty_fields_of_the_form_are_no_filter(client: TestClient) -> None:
    response = client.get("/events.html?type=RETREAT&country=&actor=+&since=&until=&story=")
    assert response.status_code == 200
    assert shown_event_ids(response.text) == api_event_ids(client, type="RETREAT")


def test_a_story_links_to_its_events(client: TestClient) -> None:
    [story] = client.get("/stories").json()["items"]
    page = client.get("/events.html").text
    row = re.search(rf'<tr data-story="{story["id"]}">(.*?)</tr>', page).group(1)
    assert f"<td>{story['article_count']}</td>" in row and story["article_count"] == 5
    link = unescape(re.search(r'<a href="([^"]+)">events</a>', row).group(1))
    assert link == f"/events.html?story={story['id']}"
    assert shown_event_ids(client.get(link).text) == api_event_ids(client, story=story["id"])


def test_older_events_follow_in_pages_with_the_same_filters(client: TestClient) -> None:
    for filters, size in (({}, 4), ({"type": "RETREAT"}, 1)):
        seen, link = [], "/events.html?" + "&".join(f"{k}={v}" for k, v in {**filters, "limit": size}.items())
        while link:
            page = client.get(link).text
            shown = shown_event_ids(page)
            assert 0 < len(shown) <= size and all(f"{k}={v}" in link for k, v in filters.items())
            assert (">Newest events</a>" in page) == bool(seen)
            seen += shown
            link = older_link(page)
        assert seen == api_event_ids(client, **filters)


@pytest.mark.parametrize(
    ("name", "value"),
    [("since", "yesterday"), ("until", "12/01/2026"), ("type", "<script>"), ("country", "SYRIA"), ("actor", "RUS-1"),
     ("story", "x"), ("story", "0"), ("before", "0"), ("limit", "0"), ("limit", "1001")],
)  # fmt: skip
def test_a_filter_that_cannot_be_read_is_refused_on_the_page_with_the_reason(
    client: TestClient, name: str, value: str
) -> None:
    response = client.get("/events.html", params={name: value, "type": "RETREAT"} if name != "type" else {name: value})
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    problems = re.search(r'<div id="problems".*?</div>', response.text, re.S).group(0)
    assert f"<li>{name}: " in problems
    if name not in ("before", "limit"):  # the page's own parameters are not in the form
        assert f'<input name="{name}" value="{escape(value)}"' in response.text
    if name != "before":  # the JSON API refuses it too
        assert client.get("/events", params={name: value}).status_code == 422
    assert "<script>" not in response.text


def test_the_page_reads_the_database_three_times_whatever_its_size(client: TestClient, engine: Engine) -> None:
    statements: list[str] = []

    def count(_connection, _cursor, statement: str, *_args) -> None:
        statements.append(statement)

    events = len(api_event_ids(client))
    event.listen(engine, "before_cursor_execute", count)
    try:
        for size in (1, 50):
            statements.clear()
            page = client.get("/events.html", params={"limit": size}).text
            assert len(shown_event_ids(page)) == min(size, events) and len(statements) == 3
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_the_status_page_and_the_events_page_link_to_each_other(client: TestClient) -> None:
    assert 'href="/events.html"' in client.get("/").text
    assert '<a href="/">Status</a>' in client.get("/events.html").text


@pytest.mark.system  # `newsflow api` and a browser in processes of their own
def test_the_events_page_reads_and_filters_in_chromium_with_no_host_but_this_one(
    service_env, hostile_event: int, tmp_path: Path
) -> None:
    with api_process(service_env, tmp_path / "api.log") as url, chromium(tmp_path / "chromium", OFFLINE) as browser:
        from selenium.webdriver.common.by import By

        def shown() -> list[int]:
            return [int(row.get_attribute("data-event")) for row in browser.find_elements(By.CSS_SELECTOR, "tr.event")]

        def loaded() -> bool:
            return browser.execute_script("return document.readyState") == "complete"

        def api_ids(**filters: str) -> list[int]:
            items = httpx.get(url + "/events", params={**filters, "limit": 1000}).json()["items"]
            return sorted((e["id"] for e in items), reverse=True)

        browser.get(url + "/events.html")
        assert browser.title == "newsflow events" and shown() == api_ids()
        sentences = browser.find_elements(By.CSS_SELECTOR, "q.sentence")
        assert len(sentences) >= len(shown()) and all(s.is_displayed() and s.text for s in sentences)
        marks = browser.find_elements(By.CSS_SELECTOR, "q.sentence mark")
        assert len(marks) == len(sentences) and all(m.is_displayed() and m.text for m in marks)
        # The hostile sentence, title and URL are on the page as text, and nothing in them ran.
        assert any("<script>window.injected = 1</script> withdrew" in s.text for s in sentences)
        assert HOSTILE_TITLE in browser.find_element(By.ID, "events").text
        assert browser.execute_script("return window.injected === undefined")

        browser.find_element(By.NAME, "type").send_keys("retreat")
        browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
        wait_for(lambda: "type=retreat" in browser.current_url and loaded(), "the filtered page")
        assert shown() == api_ids(type="RETREAT") and hostile_event in shown() and len(shown()) < len(api_ids())
        types = {cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "tr.event td.type")}
        assert types == {"RETREAT"} and browser.find_element(By.NAME, "type").get_attribute("value") == "retreat"

        # Every request the page made went to this service; no element names an address elsewhere.
        requests = browser.execute_script(
            "return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]"
            ".map(entry => entry.name)"
        )
        assert requests and all(request.startswith(url + "/") for request in requests)
        addresses = browser.execute_script(
            "return [...document.querySelectorAll('*')].flatMap(element => [...element.attributes]"
            f".filter(a => {sorted(ADDRESSES)}.includes(a.name)).map(a => [element.tagName, a.value,"
            " element.getAttribute('rel') || '']))"
        )
        assert addresses and outside_addresses([tuple(a) for a in addresses], {HOSTILE_URL}) == []
        assert browser.find_elements(By.CSS_SELECTOR, ", ".join(sorted(LOADING_TAGS))) == []

        browser.find_element(By.LINK_TEXT, "Status").click()
        wait_for(lambda: browser.find_elements(By.ID, "stages") and loaded(), "the status page")
        browser.find_element(By.CSS_SELECTOR, 'a[href="/events.html"]').click()
        wait_for(lambda: browser.find_elements(By.ID, "events") and loaded(), "the events page again")
        assert shown() == api_ids()
