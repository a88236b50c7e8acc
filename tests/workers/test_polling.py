"""Continuous ingestion with real processes: celery beat ticks, a poll worker polls, the stage workers do the rest."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy import select

from services.db import session_scope
from services.local.processes import start_workers, stop_workers, wait_until_consuming
from services.models import Article, Source
from services.ops.monitor import wait_until_final
from services.settings import Settings
from services.sources.stats import source_stats
from services.status import Status
from tests.conftest import RUN_ID
from tests.feeds import RSS, Item, article_html, rss
from tests.pages import Page, Site, serve
from tests.waiting import WAIT_SECONDS, wait_for
from tests.workers.test_end_to_end import newsflow

# The host limit the workers run with: the settings' defaults, which every worker process shares.
HOST_INTERVAL = Settings().host_min_interval_seconds
HOST_CONCURRENCY = Settings().host_max_concurrency
# Arrival times at the test server are read after the request crosses the loopback; allow for that much jitter.
CLOCK_SLACK = 0.05
STORIES = [
    ("Troops withdraw", "Russia withdrew its troops from Syria on Sunday, officials in Moscow said on Monday."),
    ("Talks resume", "Negotiators from Ukraine and Russia resumed talks in Istanbul on Tuesday after a pause."),
    ("Ceasefire holds", "A ceasefire between Israel and Hamas held overnight, the United Nations said in Geneva."),
    ("Aid arrives", "The first aid convoy reached Gaza on Wednesday, Egyptian officials said in Cairo."),
    ("Envoy expelled", "France expelled an Iranian envoy on Thursday over a plot, the foreign ministry in Paris said."),
]


@pytest.fixture(scope="module")
def poller(workers, service_env, redis_url, tmp_path_factory) -> Iterator[dict]:
    """A poll worker, two more fetch workers (so the host limit has something to hold back) and celery beat."""
    log_dir = tmp_path_factory.mktemp("poll-logs")
    env = {
        **service_env,
        "NEWSFLOW_FETCH_ALLOW_PRIVATE_ADDRESSES": "true",
        "NEWSFLOW_POLL_TICK_SECONDS": "1",
        "NEWSFLOW_FOLDER_SETTLE_SECONDS": "0",
        "NEWSFLOW_DROP_ROOT": str(tmp_path_factory.getbasetemp()),  # every test's tmp_path is under it
    }
    processes = start_workers(
        env=env, log_dir=log_dir, stages=["poll", "fetch", "fetch"], name_suffix=f"-polling-{RUN_ID}"
    )
    client = redis.Redis.from_url(redis_url)
    with open(log_dir / "beat.log", "ab") as log:
        beat = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "workers.app",
                "beat",
                "--loglevel",
                "INFO",
                "--schedule",
                str(log_dir / "beat-schedule"),
            ],  # fmt: skip
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    processes["beat"] = beat
    try:
        wait_until_consuming(redis_url, {k: p for k, p in processes.items() if k != "beat"})
        yield env
    finally:
        stop_workers(processes)
        client.close()
        for log in sorted(log_dir.glob("*.log")):
            print(f"--- {log.name}\n{log.read_text()[-3000:]}")


def articles() -> list[Article]:
    with session_scope() as session:
        return list(session.scalars(select(Article).order_by(Article.id)))


def source_row(location: str) -> Source:
    with session_scope() as session:
        return session.scalars(select(Source).where(Source.location == location)).one()


def polls_of(site: Site, path: str) -> int:
    return site.requests.count(path)


def publish(site: Site, stories: list[tuple[str, str]]) -> None:
    """Put the stories on the site as pages and list them in its feed."""
    for n, (title, text) in enumerate(stories):
        site.routes[f"/news/{n}"] = Page(article_html(title, text))
    site.routes["/feed.xml"] = Page(
        rss([Item(site.url(f"/news/{n}?utm_source=rss"), title) for n, (title, _) in enumerate(stories)]),
        content_type=RSS,
    )


def test_a_feed_keeps_being_ingested_as_entries_appear_once_each_within_the_host_limit(
    poller, clean_tables, service_env
) -> None:
    with serve(Site()) as site:
        publish(site, STORIES[:3])
        added = newsflow("sources", "add", site.url("/feed.xml"), "--interval", "1", env=service_env)
        assert added.returncode == 0, added.stderr
        wait_for(lambda: len(articles()) == 3, "the feed's first three articles")
        assert len(wait_until_final(session_scope, [a.id for a in articles()], timeout=WAIT_SECONDS)) == 3
        publish(site, STORIES)  # two more entries appear
        wait_for(lambda: len(articles()) == 5, "the two new entries")
        ids = [a.id for a in articles()]
        assert len(wait_until_final(session_scope, ids, timeout=WAIT_SECONDS)) == 5
        seen = polls_of(site, "/feed.xml")
        wait_for(lambda: polls_of(site, "/feed.xml") >= seen + 3, "three more polls")  # more polls find nothing new
        stored = articles()
        assert [a.id for a in stored] == ids
        assert {a.status for a in stored} == {Status.STORED}
        assert sorted(a.title for a in stored) == sorted(title for title, _ in STORIES)
        assert all(site.requests.count(f"/news/{n}") == 1 for n in range(len(STORIES)))  # each page fetched once
        # Poll and fetch workers together, five processes: no two requests to the host closer than the limit.
        gaps = [b - a for a, b in zip(site.arrivals, site.arrivals[1:], strict=False)]
        assert min(gaps) >= HOST_INTERVAL - CLOCK_SLACK, sorted(gaps)[:3]
        listing = newsflow("sources", "list", env=service_env)
        assert listing.returncode == 0 and site.url("/feed.xml") in listing.stdout
        with session_scope() as session:
            (stats,) = source_stats(session)
        assert (stats.articles_total, stats.articles_last_day, stats.error_count) == (5, 5, 0)


def test_a_broken_feed_fails_alone_with_its_reason(poller, clean_tables, service_env) -> None:
    with serve(Site()) as broken, serve(Site()) as good:
        broken.routes["/feed.xml"] = Page(b"<rss><channel><item><title>cut off", content_type=RSS)
        publish(good, STORIES[:2])
        for site in (broken, good):
            result = newsflow("sources", "add", site.url("/feed.xml"), "--interval", "1", env=service_env)
            assert result.returncode == 0, result.stderr
        wait_for(
            lambda: len(articles()) == 2 and source_row(broken.url("/feed.xml")).error_count >= 1,
            "the good feed's articles and the broken feed's error",
        )
        assert len(wait_until_final(session_scope, [a.id for a in articles()], timeout=WAIT_SECONDS)) == 2
        failing = source_row(broken.url("/feed.xml"))
        assert failing.last_outcome == "error" and "malformed feed" in failing.last_error
        assert failing.backoff_seconds >= 2  # it backs off; the good feed keeps its interval
        assert source_row(good.url("/feed.xml")).consecutive_errors == 0
        listing = newsflow("sources", "list", env=service_env)  # while the broken feed still answers
        assert "malformed" in listing.stdout  # the reason, wrapped in its table cell


def test_files_dropped_in_a_folder_are_ingested_once(poller, clean_tables, service_env, tmp_path: Path) -> None:
    added = newsflow("sources", "add", str(tmp_path), "--interval", "1", "--name", "Wire", env=poller)
    assert added.returncode == 0, added.stderr
    (tmp_path / "one.txt").write_text(STORIES[0][1])
    (tmp_path / "two.html").write_bytes(article_html(*STORIES[1]))
    wait_for(
        lambda: len(list((tmp_path / "processed").glob("*"))) == 2 if (tmp_path / "processed").exists() else False,
        "both files processed",
    )
    ids = [a.id for a in articles()]
    assert len(ids) == 2
    assert wait_until_final(session_scope, ids, timeout=WAIT_SECONDS) == dict.fromkeys(ids, Status.STORED)
    assert not [p for p in tmp_path.iterdir() if p.is_file()]
