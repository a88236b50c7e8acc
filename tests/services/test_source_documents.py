"""Feeds and sitemaps into entries; canonical URLs and the keys an entry is known by."""

import gzip

import pytest

from services.sources.entries import (
    Entry,
    MalformedDocument,
    entry_keys,
    given_for,
    storable_entry,
    without_forbidden_characters,
)
from services.sources.feeds import parse_feed
from services.sources.remote import _gunzip
from services.sources.sitemaps import is_sitemap, parse_sitemap
from services.urls import canonical_url
from tests.feeds import Item, atom, news_sitemap, rss, sitemap_index

ITEMS = [
    Item("https://news.test/a?utm_source=rss", "Troops withdraw", guid="urn:a", summary="<b>Troops</b> left."),
    Item("https://news.test/b", "Talks resume"),
]


@pytest.mark.parametrize("document", [rss, atom], ids=["rss", "atom"])
def test_a_feed_gives_link_id_title_date_and_summary(document) -> None:
    entries = parse_feed(document(ITEMS))
    assert [e.link for e in entries] == [i.link for i in ITEMS]
    assert [e.title for e in entries] == ["Troops withdraw", "Talks resume"]
    assert entries[0].entry_id == "urn:a"
    assert entries[0].published == "2026-11-24T09:30:00+00:00"
    assert "Troops" in entries[0].summary


def test_malformed_xml_is_refused_with_the_parser_s_reason() -> None:
    with pytest.raises(MalformedDocument, match="malformed feed"):
        parse_feed(b"<rss><channel><item><title>cut off")


def test_an_html_page_is_not_a_feed() -> None:
    with pytest.raises(MalformedDocument):
        parse_feed(b"<html><body><p>Welcome to our site</p></body></html>")


def test_a_news_sitemap_gives_titles_and_publication_dates() -> None:
    body = news_sitemap(ITEMS)
    assert is_sitemap(body) and not is_sitemap(rss(ITEMS))
    sitemap = parse_sitemap(body)
    assert [(e.link, e.title, e.published) for e in sitemap.entries] == [
        (i.link, i.title, i.published.isoformat()) for i in ITEMS
    ]
    assert sitemap.children == []


def test_a_sitemap_index_lists_its_children_newest_first() -> None:
    body = sitemap_index([("https://news.test/old.xml", "2026-01-01"), ("https://news.test/new.xml", "2026-11-24")])
    assert parse_sitemap(body).children == ["https://news.test/new.xml", "https://news.test/old.xml"]


def test_a_broken_sitemap_and_an_entity_bomb_are_refused() -> None:
    with pytest.raises(MalformedDocument, match="malformed XML"):
        parse_sitemap(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>x</url>')
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.test/&b;</loc></url></urlset>'
    )
    entries = parse_sitemap(bomb).entries
    assert all("aaaaaaaaaa" not in e.link for e in entries)  # entities are not expanded


def test_canonical_urls_drop_tracking_and_fragments_and_resolve_relative_links() -> None:
    assert canonical_url("https://News.Test/a?utm_source=rss&id=3#top") == "https://news.test/a?id=3"
    assert canonical_url("/b", base_url="https://news.test/feed.xml") == "https://news.test/b"
    assert canonical_url("mailto:desk@news.test") is None
    assert canonical_url("javascript:void(0)") is None


@pytest.mark.parametrize(
    "parameter", ["story", "storyid", "article", "sid", "nid", "news_id", "item", "doc", "v", "p", "page", "artikel"]
)
def test_query_parameters_that_name_the_article_are_kept(parameter: str) -> None:
    first = canonical_url(f"https://news.test/view.php?{parameter}=101&utm_source=rss")
    assert first == f"https://news.test/view.php?{parameter}=101"
    assert canonical_url(f"https://news.test/view.php?{parameter}=202") != first


def test_only_tracking_parameters_go_and_the_rest_keep_their_spelling_in_a_stable_order() -> None:
    tracked = "https://news.test/view.php?utm_medium=x&story=101&fbclid=a&gclid=b&mc_cid=c&utm_campaign=d#top"
    assert canonical_url(tracked) == "https://news.test/view.php?story=101"
    assert canonical_url("https://news.test/a?b=2&a=1") == canonical_url("https://news.test/a?a=1&b=2")
    assert canonical_url("https://news.test/index.php?12345") == "https://news.test/index.php?12345"
    assert canonical_url("https://news.test?q=caf%C3%A9") == "https://news.test/?q=caf%C3%A9"


def test_an_entry_is_known_by_its_canonical_url_and_its_own_id() -> None:
    entry = Entry(link="https://news.test/a?utm_medium=x", entry_id="urn:a")
    assert entry_keys(entry, "https://news.test/a") == ["url:https://news.test/a", "id:urn:a"]
    same_link_as_id = Entry(link="https://news.test/b", entry_id="https://news.test/b")
    assert entry_keys(same_link_as_id, "https://news.test/b") == ["url:https://news.test/b"]


def test_an_article_keeps_what_the_entry_said() -> None:
    entry = Entry(link="https://news.test/a", title="T", published="2026-11-24", summary="S" * 5000)
    given = given_for(entry, link=entry.link, source_name="Test")
    assert given["link"] == entry.link and given["title"] == "T" and given["published"] == "2026-11-24"
    assert given["source"] == "Test" and len(given["summary"]) == 2000


def test_a_gzipped_sitemap_is_unpacked_within_the_size_limit() -> None:
    body = news_sitemap(ITEMS)
    assert _gunzip(gzip.compress(body), max_bytes=len(body)) == body
    from services.sources.remote import PollFailed

    with pytest.raises(PollFailed, match="too large"):
        _gunzip(gzip.compress(body), max_bytes=len(body) - 1)


def test_characters_xml_forbids_are_dropped_and_an_entry_whose_link_holds_one_is_left_out() -> None:
    sitemap = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.test/a&#0;b\x01</loc></url></urlset>'
    assert [e.link for e in parse_sitemap(sitemap).entries] == ["https://x.test/ab"]
    utf16 = "<rss/>".encode("utf-16-le")
    assert without_forbidden_characters(utf16) == utf16
    assert storable_entry(Entry(link="https://x.test/a\x00")) is None
    cleaned = storable_entry(Entry(link="https://x.test/a", entry_id="urn:\ud800", title="a\x00b\tc", summary="\x07d"))
    assert (cleaned.entry_id, cleaned.title, cleaned.summary) == (None, "ab\tc", "d")
