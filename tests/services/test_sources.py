"""Polling sources against the local test server and the test database: once per entry, politely, with reasons."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.fetch.download import make_client
from services.fetch.hostlimit import HostLimiter
from services.models import Article, Source, SourceEntry
from services.sources.entries import Entry
from services.sources.folder import CLAIMED, FAILED, PROCESSED, FolderRefused, claim_files, ingest_claimed_file
from services.sources.poll import PollContext, claim_due_sources, poll_source, record_entries
from services.sources.registry import InvalidSource, add_source, find_source, remove_source, set_paused
from services.sources.remote import read_remote
from services.sources.stats import source_stats
from services.status import Status
from tests.feeds import RSS, XML, Item, news_sitemap, rss, sitemap_index
from tests.pages import Page, Site, serve

ARTICLE_TEXT = "Russia withdrew its troops from Syria on Sunday, officials said in Moscow on Monday."


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site()) as served:
        yield served


@pytest.fixture
def queued() -> list[tuple[str, int]]:
    return []


@pytest.fixture
def context(db_session: Session, redis_client, queued, tmp_path: Path) -> PollContext:
    """A poll context on the test transaction, with a quick host limit and a short read timeout."""

    @contextmanager
    def scope() -> Iterator[Session]:
        yield db_session
        db_session.flush()
        # What a commit runs after it, without ending the test's transaction (rolled back at the end).
        db_session.dispatch.after_commit(db_session)

    client = make_client(
        connect_timeout=2, read_timeout=0.5, max_redirects=3, user_agent="newsflow-test", allow_private=True
    )
    limiter = HostLimiter(redis_client, max_concurrency=2, min_interval=0.01, max_wait=2.0, lease=30)
    read = partial(read_remote, client=client, limiter=limiter, max_bytes=20_000, max_children=5)
    return PollContext(
        session_scope=scope,
        read=lambda source: read(source.location, etag=source.etag, last_modified=source.last_modified),
        enqueue=lambda stage, *article_ids: queued.extend((stage, i) for i in article_ids),
        max_backoff=3600,
        settle_seconds=0.0,
        max_input_bytes=1_000_000,
        now=lambda: datetime.now(UTC),
        drop_root=tmp_path,
    )


def source_at(db_session: Session, location: str, **options) -> Source:
    return add_source(db_session, location=location, interval_seconds=options.pop("interval_seconds", 60), **options)


def articles(db_session: Session) -> list[Article]:
    return list(db_session.scalars(select(Article).order_by(Article.id)))


def conditional(site: Site, body: bytes, etag: str) -> callable:
    """A route that answers 304 to a request that sends back its ETag."""

    def route() -> Page:
        if site.headers[-1].get("If-None-Match") == etag:
            return Page(status=304, content_type=RSS)
        return Page(body, content_type=RSS, headers={"ETag": etag})

    return route


def test_new_entries_are_ingested_once_and_go_to_the_fetch_queue(db_session, context, site, queued) -> None:
    items = [Item(site.url("/a"), "Troops withdraw", guid="urn:a", summary="They left."), Item(site.url("/b"), "Talks")]
    site.routes["/feed.xml"] = Page(rss(items), content_type=RSS)
    source = source_at(db_session, site.url("/feed.xml"), name="Test News")
    first = poll_source(source.id, context)
    assert first.outcome == "new" and len(first.new_articles) == 2
    assert queued == [("fetch", article_id) for article_id in first.new_articles]
    stored = articles(db_session)
    assert [a.url for a in stored] == [site.url("/a"), site.url("/b")]
    assert stored[0].given == {
        "link": site.url("/a"),
        "title": "Troops withdraw",
        "published": "2026-11-24T09:30:00+00:00",
        "summary": "They left.",
        "source": "Test News",
    }
    assert stored[0].source == "Test News" and stored[0].status is Status.RECEIVED
    # Again, and again with tracking parameters added and the guid kept: nothing new.
    again = poll_source(source.id, context)
    items[0] = Item(site.url("/a?utm_source=rss"), "Troops withdraw (updated)", guid="urn:a")
    site.routes["/feed.xml"] = Page(rss([*items, Item(site.url("/c"), "New")]), content_type=RSS)
    third = poll_source(source.id, context)
    assert again.outcome == "unchanged" and again.new_articles == []
    assert third.outcome == "new" and len(third.new_articles) == 1
    assert [a.url for a in articles(db_session)] == [site.url("/a"), site.url("/b"), site.url("/c")]
    assert len(queued) == 3


def test_a_changed_link_with_the_same_id_is_the_same_entry(db_session, context, site) -> None:
    site.routes["/feed.xml"] = Page(rss([Item(site.url("/a"), "A", guid="urn:a")]), content_type=RSS)
    source = source_at(db_session, site.url("/feed.xml"))
    poll_source(source.id, context)
    site.routes["/feed.xml"] = Page(rss([Item(site.url("/a-renamed"), "A", guid="urn:a")]), content_type=RSS)
    assert poll_source(source.id, context).outcome == "unchanged"
    assert len(articles(db_session)) == 1


def test_the_etag_is_sent_back_and_a_304_changes_nothing(db_session, context, site) -> None:
    site.routes["/feed.xml"] = conditional(site, rss([Item(site.url("/a"), "A")]), etag='"v1"')
    source = source_at(db_session, site.url("/feed.xml"))
    assert poll_source(source.id, context).outcome == "new"
    assert poll_source(source.id, context).outcome == "not modified"
    assert site.headers[-1]["If-None-Match"] == '"v1"'
    row = db_session.get(Source, source.id)
    assert row.etag == '"v1"' and row.consecutive_errors == 0 and row.last_outcome == "not modified"


def test_a_429_with_retry_after_backs_off_as_long_as_asked_and_pauses_the_host(
    db_session, context, site, redis_client
) -> None:
    site.routes["/feed.xml"] = Page(b"slow down", status=429, content_type="text/plain", headers={"Retry-After": "600"})
    source = source_at(db_session, site.url("/feed.xml"), interval_seconds=60)
    before = datetime.now(UTC)
    result = poll_source(source.id, context)
    row = db_session.get(Source, source.id)
    assert result.outcome == "error" and "HTTP 429" in result.error
    assert row.backoff_seconds == 600 and row.next_poll_at >= before + timedelta(seconds=600)
    assert (row.error_count, row.consecutive_errors, row.last_outcome) == (1, 1, "error")
    host_turn = redis_client.pttl(f"newsflow:host:127.0.0.1:{site.base_url.rsplit(':', 1)[1]}:turn")
    assert host_turn > 500_000  # every worker now leaves the host alone for the same time


def test_errors_back_off_by_doubling_up_to_the_cap_and_a_success_forgives_them(db_session, context, site) -> None:
    site.routes["/feed.xml"] = Page(b"oops", status=500, content_type="text/plain")
    source = source_at(db_session, site.url("/feed.xml"), interval_seconds=60)
    backoffs = []
    for _ in range(7):
        poll_source(source.id, context)
        backoffs.append(db_session.get(Source, source.id).backoff_seconds)
    assert backoffs == [120, 240, 480, 960, 1920, 3600, 3600]
    site.routes["/feed.xml"] = Page(rss([]), content_type=RSS)
    assert poll_source(source.id, context).outcome == "unchanged"
    row = db_session.get(Source, source.id)
    assert (row.consecutive_errors, row.backoff_seconds, row.error_count) == (0, 0, 7)


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (Page(b"<rss><channel><item><title>cut", content_type=RSS), "malformed feed"),
        (Page(b"<html><body>a shop</body></html>"), "not a feed"),
        (Page(b"x" * 30_000, content_type=RSS), "too large"),
        (Page(rss([]), content_type=RSS, delay=1.5), "ReadTimeout"),
        (Page(b"gone", status=404, content_type="text/plain"), "HTTP 404"),
    ],
    ids=["malformed", "html", "oversized", "slow", "missing"],
)
def test_a_broken_source_fails_alone_with_its_reason(db_session, context, site, page, reason) -> None:
    site.routes["/broken.xml"] = page
    site.routes["/good.xml"] = Page(rss([Item(site.url("/a"), "A")]), content_type=RSS)
    broken = source_at(db_session, site.url("/broken.xml"))
    good = source_at(db_session, site.url("/good.xml"))
    results = {source.id: poll_source(source.id, context) for source in (broken, good)}
    assert results[broken.id].outcome == "error" and reason in results[broken.id].error
    assert reason in db_session.get(Source, broken.id).last_error
    assert results[good.id].outcome == "new" and len(articles(db_session)) == 1


def test_redirects_are_followed_and_links_resolved_against_the_final_url(db_session, context, site) -> None:
    site.routes["/old-feed"] = Page(status=301, headers={"Location": "/news/feed.xml"})
    site.routes["/news/feed.xml"] = Page(rss([Item("story-1", "Relative link")]), content_type=RSS)
    source = source_at(db_session, site.url("/old-feed"))
    assert poll_source(source.id, context).outcome == "new"
    assert [a.url for a in articles(db_session)] == [site.url("/news/story-1")]


def test_a_sitemap_index_is_read_through_its_news_sitemaps(db_session, context, site) -> None:
    site.routes["/sitemap.xml"] = Page(
        sitemap_index([(site.url("/news-1.xml"), "2026-11-24"), ("/news-2.xml", "2026-11-23")]), content_type=XML
    )
    site.routes["/news-1.xml"] = Page(news_sitemap([Item(site.url("/a"), "Troops withdraw")]), content_type=XML)
    site.routes["/news-2.xml"] = Page(news_sitemap([Item(site.url("/b"), "Talks resume")]), content_type=XML)
    source = source_at(db_session, site.url("/sitemap.xml"))
    assert source.kind == "sitemap"
    assert poll_source(source.id, context).outcome == "new"
    stored = articles(db_session)
    assert [(a.url, a.given["title"]) for a in stored] == [
        (site.url("/a"), "Troops withdraw"),
        (site.url("/b"), "Talks resume"),
    ]


def test_due_sources_are_leased_once_and_paused_ones_skipped(db_session, site) -> None:
    due = source_at(db_session, site.url("/a.xml"))
    paused = source_at(db_session, site.url("/b.xml"))
    set_paused(db_session, paused, paused=True)
    db_session.flush()
    now = datetime.now(UTC) + timedelta(seconds=1)
    assert claim_due_sources(db_session, now=now) == [due.id]
    assert claim_due_sources(db_session, now=now) == []  # leased: a second tick does not poll it again


def test_sources_are_validated_when_added(db_session, tmp_path: Path) -> None:
    with pytest.raises(InvalidSource, match="not a directory"):
        add_source(db_session, location=str(tmp_path / "missing"), interval_seconds=60, drop_root=tmp_path)
    with pytest.raises(InvalidSource, match="http"):
        add_source(db_session, location="ftp://news.test/feed", kind="feed", interval_seconds=60)
    with pytest.raises(InvalidSource, match="interval"):
        add_source(db_session, location="https://news.test/feed", interval_seconds=0)
    add_source(db_session, location="https://news.test/feed", interval_seconds=60)
    with pytest.raises(InvalidSource, match="already a source"):
        add_source(db_session, location="https://news.test/feed", interval_seconds=60)
    folder = add_source(db_session, location=str(tmp_path), interval_seconds=60, drop_root=tmp_path)
    assert folder.kind == "folder" and find_source(db_session, str(tmp_path)).id == folder.id


def test_stats_count_new_articles_and_errors(db_session, context, site) -> None:
    site.routes["/feed.xml"] = Page(rss([Item(site.url("/a"), "A"), Item(site.url("/b"), "B")]), content_type=RSS)
    site.routes["/broken.xml"] = Page(b"no", status=503, content_type="text/plain")
    good = source_at(db_session, site.url("/feed.xml"))
    broken = source_at(db_session, site.url("/broken.xml"))
    for source in (good, broken):
        poll_source(source.id, context)
    stats = {s.id: s for s in source_stats(db_session)}
    assert (stats[good.id].articles_total, stats[good.id].articles_last_day) == (2, 2)
    assert stats[good.id].articles_per_day == 2.0  # a source younger than a day counts as one day old
    assert stats[good.id].last_new_at is not None and stats[good.id].error_count == 0
    assert stats[broken.id].error_count == 1 and "HTTP 503" in stats[broken.id].last_error


def test_dropped_files_are_ingested_once_and_filed_away(db_session, context, tmp_path: Path, queued) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE_TEXT)
    (tmp_path / "records.jsonl").write_text('{"text": "A second article about the talks in Geneva."}\n{"bad": 1}\n')
    (tmp_path / "half-written.txt.part").write_text("still being written")
    source = source_at(db_session, str(tmp_path), name="Wire", drop_root=tmp_path)
    result = poll_source(source.id, context)
    assert result.outcome == "new" and len(result.new_articles) == 2
    assert sorted(p.name for p in (tmp_path / PROCESSED).iterdir()) == ["one.txt"]
    assert sorted(p.name for p in (tmp_path / FAILED).iterdir()) == ["records.jsonl", "records.jsonl.reason"]
    assert "unknown fields" in (tmp_path / FAILED / "records.jsonl.reason").read_text()
    assert (tmp_path / "half-written.txt.part").exists() and not list((tmp_path / CLAIMED).iterdir())
    stored = articles(db_session)
    assert {a.status for a in stored} == {Status.RECEIVED, Status.FAILED} and len(stored) == 3
    assert all(a.source == "Wire" for a in stored)
    assert {stage for stage, _ in queued} == {"clean"}
    # The same bytes dropped again: filed away, not ingested twice.
    (tmp_path / "one.txt").write_text(ARTICLE_TEXT)
    assert poll_source(source.id, context).outcome == "unchanged"
    assert len(articles(db_session)) == 3
    filed = sorted(p.name for p in (tmp_path / PROCESSED).iterdir())
    assert len(filed) == 2 and filed[0].endswith(".one.txt") and filed[1] == "one.txt"


def test_pollers_racing_on_one_folder_claim_each_file_once(tmp_path: Path) -> None:
    for n in range(200):
        (tmp_path / f"{n:03}.txt").write_text(f"article {n}")
    claimed: list[list[Path]] = [[] for _ in range(4)]
    start = threading.Barrier(4)

    def poller(n: int) -> None:
        start.wait()
        claimed[n] = claim_files(tmp_path, settle_seconds=0)

    threads = [threading.Thread(target=poller, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    names = sorted(p.name.split(".", 2)[2] for paths in claimed for p in paths)
    assert names == [f"{n:03}.txt" for n in range(200)]


def test_a_file_younger_than_the_settle_time_waits(tmp_path: Path) -> None:
    (tmp_path / "fresh.txt").write_text("just written")
    assert claim_files(tmp_path, settle_seconds=60) == []
    old = time.time() - 120
    os.utime(tmp_path / "fresh.txt", (old, old))
    assert [p.name.split(".", 2)[2] for p in claim_files(tmp_path, settle_seconds=60)] == ["fresh.txt"]


def test_removing_a_source_forgets_its_entries_and_keeps_its_articles(db_session, context, site) -> None:
    site.routes["/feed.xml"] = Page(rss([Item(site.url("/a"), "A")]), content_type=RSS)
    source = source_at(db_session, site.url("/feed.xml"))
    poll_source(source.id, context)
    remove_source(db_session, find_source(db_session, source.id))
    assert db_session.scalar(select(func.count()).select_from(SourceEntry)) == 0
    assert len(articles(db_session)) == 1


def test_a_link_in_a_drop_folder_is_never_followed(db_session, context, tmp_path: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "environ.txt").write_text("DATABASE_URL=postgresql://secret@db/newsflow")
    (tmp_path / "environ.txt").symlink_to(outside / "environ.txt")
    (tmp_path / "one.txt").write_text(ARTICLE_TEXT)
    source = source_at(db_session, str(tmp_path), drop_root=tmp_path)
    result = poll_source(source.id, context)
    assert result.outcome == "new" and len(result.new_articles) == 1
    assert (tmp_path / "environ.txt").is_symlink()  # left where it is, untouched
    assert not any(b"secret" in (a.raw or b"") for a in articles(db_session))


def test_a_link_swapped_in_after_the_claim_is_refused_unread(db_session, context, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("not for the poller")
    (tmp_path / "one.txt").write_text(ARTICLE_TEXT)
    [claimed] = claim_files(tmp_path, settle_seconds=0)[:1]
    claimed.unlink()
    claimed.symlink_to(tmp_path / "secret.txt")
    source = source_at(db_session, str(tmp_path), drop_root=tmp_path)
    with pytest.raises(FolderRefused, match="not read"):
        ingest_claimed_file(db_session, source, claimed, max_bytes=1_000_000)


def test_a_drop_folder_outside_the_root_or_linked_out_of_it_is_not_polled(
    db_session, context, tmp_path: Path, tmp_path_factory
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "private.txt").write_text(ARTICLE_TEXT)
    wire = tmp_path / "wire"
    wire.mkdir()
    source = source_at(db_session, str(wire), drop_root=tmp_path)
    wire.rmdir()
    wire.symlink_to(outside)  # the folder replaced by a link out of the root after it was added
    result = poll_source(source.id, context)
    assert result.outcome == "error" and "outside the drop root" in result.error
    assert (outside / "private.txt").exists() and articles(db_session) == []
    with pytest.raises(InvalidSource, match="NEWSFLOW_DROP_ROOT"):
        add_source(db_session, location=str(tmp_path), interval_seconds=60)  # no root: no drop folders at all


def test_a_subfolder_that_is_a_link_stops_the_poll(db_session, context, tmp_path: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (tmp_path / CLAIMED).symlink_to(outside)
    (tmp_path / "one.txt").write_text(ARTICLE_TEXT)
    source = source_at(db_session, str(tmp_path), drop_root=tmp_path)
    result = poll_source(source.id, context)
    assert result.outcome == "error" and "a link?" in result.error
    assert list(outside.iterdir()) == [] and (tmp_path / "one.txt").exists()


def test_an_oversized_dropped_file_is_refused_unread_and_filed_with_its_reason(
    db_session, context, tmp_path: Path
) -> None:
    (tmp_path / "huge.txt").write_bytes(b"word " * 300_000)
    source = source_at(db_session, str(tmp_path), drop_root=tmp_path)
    assert poll_source(source.id, context).outcome == "unchanged"
    assert articles(db_session) == []
    assert "too large: 1500000 bytes" in (tmp_path / FAILED / "huge.txt.reason").read_text()
    assert (tmp_path / FAILED / "huge.txt").stat().st_size == 1_500_000  # nothing lost


def test_a_feed_body_that_names_a_local_file_is_read_as_data(db_session, context, site, tmp_path_factory) -> None:
    local = tmp_path_factory.mktemp("server") / "feed.xml"
    local.write_bytes(rss([Item("https://news.test/from-a-local-file", "Read off the server's disk")]))
    for path, body in {"/named.xml": str(local).encode(), "/zero.xml": b"/dev/zero"}.items():
        site.routes[path] = Page(body, content_type=RSS)
        result = poll_source(source_at(db_session, site.url(path)).id, context)
        assert result.outcome == "error" and "feed" in result.error, path  # the path itself is no feed
    assert articles(db_session) == []


def test_entries_told_apart_only_by_their_query_are_distinct_articles(db_session, context, site, queued) -> None:
    items = [Item(site.url(f"/view.php?story={n}&utm_source=rss"), f"Story {n}") for n in range(101, 106)]
    site.routes["/feed.xml"] = Page(rss(items), content_type=RSS)
    result = poll_source(source_at(db_session, site.url("/feed.xml")).id, context)
    assert len(result.new_articles) == 5
    assert [a.url for a in articles(db_session)] == [site.url(f"/view.php?story={n}") for n in range(101, 106)]


def test_entries_with_characters_that_are_not_text_fail_alone(db_session, context, site) -> None:
    def item(link: str, title: str) -> str:
        return f"<item><title>{title}</title><link>{link}</link></item>"

    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        + item(site.url("/nul-ref"), "Talks &#0;resume")
        + item(site.url("/surrogate"), "Troops &#xD800;withdraw")
        + item(site.url("/raw-nul"), "Envoy \x00expelled")
        + item(site.url("/bad-link&#0;"), "A link that is not one")
        + item(site.url("/good"), "Ceasefire holds")
        + "</channel></rss>"
    ).encode()
    site.routes["/feed.xml"] = Page(body, content_type=RSS)
    result = poll_source(source_at(db_session, site.url("/feed.xml")).id, context)
    stored = {a.url: a.given.get("title") for a in articles(db_session)}
    assert result.outcome == "new"
    assert stored == {
        site.url("/nul-ref"): "Talks resume",
        site.url("/surrogate"): "Troops withdraw",
        site.url("/raw-nul"): "Envoy expelled",
        site.url("/bad-link"): "A link that is not one",
        site.url("/good"): "Ceasefire holds",
    }


def test_a_dropped_file_with_a_bad_record_fails_alone(db_session, context, tmp_path: Path, queued) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT)
    (tmp_path / "bad.jsonl").write_text('{"text": "A text.", "title": "nul \\u0000 here"}\n')
    (tmp_path / "z.txt").write_text("A second article about the talks in Geneva on Monday.")
    source = source_at(db_session, str(tmp_path), drop_root=tmp_path)
    result = poll_source(source.id, context)
    assert result.outcome == "new" and len(result.new_articles) == 2
    assert sorted(p.name for p in (tmp_path / PROCESSED).iterdir()) == ["a.txt", "z.txt"]
    assert "title holds a NUL character" in (tmp_path / FAILED / "bad.jsonl.reason").read_text()


def test_a_feed_of_66_000_keys_is_recorded_within_the_parameters_of_a_statement(db_session, site) -> None:
    entries = [Entry(link=f"https://news.test/story/{n}", entry_id=f"urn:story:{n}") for n in range(33_000)]
    source = source_at(db_session, site.url("/huge.xml"))
    queued = record_entries(db_session, source, entries, base_url=site.url("/huge.xml"))
    assert len(queued) == 33_000
    assert (
        db_session.scalar(select(func.count()).select_from(SourceEntry)) == 66_000
    )  # past the 65,535 one statement binds
    assert record_entries(db_session, source, entries, base_url=site.url("/huge.xml")) == []
