"""The whole pipeline with real worker processes, real Redis and real Postgres."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from services.db import session_scope
from services.extract import extract_events
from services.models import Article, Event, EventMention
from services.ops.monitor import wait_until_final
from services.sources.ingest import ArticleInput, ingest
from services.status import Status
from tests.conftest import SEEDS
from tests.pages import Page, Site, serve
from tests.warcs import crawl
from tests.workers.conftest import child_pids
from workers.app import send_on

FINAL_TIMEOUT = 90
ARTICLE_TEXT = (
    "Russia withdrew its troops from Syria on Sunday, officials said. "
    "France condemned the attack on the convoy near Aleppo."
)
ARTICLE_HTML = (
    f"<html><head><title>Withdrawal</title></head><body><article><p>{ARTICLE_TEXT}</p></article></body></html>"
)


def newsflow(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the `newsflow` command line as a user would, in its own process."""
    return subprocess.run(
        [str(Path(sys.executable).with_name("newsflow")), *args],
        env={**os.environ, **env, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def article_ids() -> list[int]:
    with session_scope() as session:
        return list(session.scalars(select(Article.id).order_by(Article.id)))


def test_the_seeds_are_ingested_processed_and_stored(workers, clean_tables, service_env) -> None:
    result = newsflow("ingest", str(SEEDS), env=service_env)
    assert result.returncode == 0, result.stderr
    assert "5 new article(s)" in result.stdout
    ids = article_ids()
    assert len(ids) == 5
    assert len(wait_until_final(session_scope, ids, timeout=FINAL_TIMEOUT)) == 5
    with session_scope() as session:
        articles = session.scalars(select(Article)).all()
        assert {a.status for a in articles} == {Status.STORED}
        assert all(a.received_at <= a.cleaned_at <= a.deduped_at <= a.extracted_at <= a.stored_at for a in articles)
        assert all(a.attempts == 4 for a in articles)  # one per stage after fetch: nothing ran twice
        mentions = session.scalar(select(func.count()).select_from(EventMention))
        expected = sum(len(extract_events(a.text)) for a in articles)
        assert mentions == expected > 0
        # The seeds report one withdrawal in several articles: one event row with mentions from each.
        shared = session.scalars(select(Event).where(Event.article_count >= 2)).all()
        assert shared, "no event is reported by two seeds"
        assert all(e.mention_count >= e.article_count for e in shared)


def test_ingesting_the_same_file_twice_finds_one_article(workers, clean_tables, service_env, tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(ARTICLE_TEXT)
    first = newsflow("ingest", str(path), env=service_env)
    second = newsflow("ingest", str(path), env=service_env)
    assert "1 new article(s)" in first.stdout
    assert "already ingested" in second.stdout and "0 new article(s)" in second.stdout
    ids = article_ids()
    assert len(ids) == 1
    assert wait_until_final(session_scope, ids, timeout=FINAL_TIMEOUT) == {ids[0]: Status.STORED}


def test_a_file_that_is_not_an_article_fails_and_the_run_goes_on(
    workers, clean_tables, service_env, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT)
    (tmp_path / "b.txt").write_bytes(b"%PDF-1.5\n\x00\x01\x02")
    (tmp_path / "c.txt").write_bytes("Ölpreise steigen".encode("utf-16-le")[::-1])
    (tmp_path / "d.txt").write_bytes(b"")
    result = newsflow("ingest", str(tmp_path), env=service_env)
    assert result.returncode == 1, result.stderr  # the run goes on, and a script still learns that not all went in
    assert "PDF document" in result.stdout and "3 stored as failed" in result.stdout
    ids = article_ids()
    assert len(ids) == 4
    final = wait_until_final(session_scope, ids, timeout=FINAL_TIMEOUT)
    assert sorted(final.values()) == sorted([Status.STORED, Status.FAILED, Status.FAILED, Status.FAILED])
    with session_scope() as session:
        failed = session.scalars(select(Article).where(Article.status == Status.FAILED)).all()
        assert all(a.error for a in failed)


def test_a_worker_killed_mid_task_does_not_lose_the_article_or_process_it_twice(workers, clean_tables) -> None:
    calls: list[float] = []

    def slow_then_fast() -> Page:
        calls.append(time.monotonic())
        return Page(ARTICLE_HTML.encode(), delay=30 if len(calls) == 1 else 0)

    with serve(Site({"/slow": slow_then_fast})) as site:
        outcomes = list(
            ingest([ArticleInput("t", url=site.url("/slow"))], session_scope=session_scope, enqueue=send_on,
                   max_bytes=1_000_000)
        )  # fmt: skip
        article_id = outcomes[0].article_id
        deadline = time.monotonic() + FINAL_TIMEOUT
        while not calls and time.monotonic() < deadline:
            time.sleep(0.05)
        assert calls, "the fetch worker never requested the page"
        # The fetch task is now waiting on the slow page: kill the pool process running it.
        [child] = child_pids(workers["fetch"].pid)
        os.kill(child, signal.SIGKILL)
        killed_at = time.monotonic()
        final = wait_until_final(session_scope, [article_id], timeout=FINAL_TIMEOUT)
    with session_scope() as session:
        failure = session.get(Article, article_id).error
    assert final == {article_id: Status.STORED}, failure
    assert len(calls) == 2  # redelivered once, fetched once more
    print(f"recovered {time.monotonic() - killed_at:.1f} s after the kill")
    with session_scope() as session:
        article = session.get(Article, article_id)
        assert article.attempts == 5  # fetch twice (killed, redelivered), then one attempt per later stage
        mentions = session.scalar(select(func.count()).select_from(EventMention))
        assert mentions == len(extract_events(article.text))
        assert session.scalar(select(func.count()).select_from(Article)) == 1


def test_a_failed_article_is_retried_after_a_fix(workers, clean_tables, service_env) -> None:
    with session_scope() as session:
        article = Article(text=ARTICLE_TEXT, language="en", status=Status.FAILED, error_stage="dedup",
                          error="OperationalError: the database was down (after 9 attempts)")  # fmt: skip
        session.add(article)
        session.flush()
        article_id = article.id
    listed = newsflow("failures", env=service_env)
    assert "the database was down" in listed.stdout
    result = newsflow("retry", "--stage", "dedup", env=service_env)
    assert "1 article(s) queued again" in result.stdout
    assert wait_until_final(session_scope, [article_id], timeout=FINAL_TIMEOUT) == {article_id: Status.STORED}


def test_a_page_dated_year_one_in_its_metadata_is_stored_without_that_date(workers, clean_tables, service_env) -> None:
    page = (
        '<html><head><meta property="article:published_time" content="0001-01-01T00:00:00Z">'
        f"<title>Withdrawal</title></head><body><article><p>{ARTICLE_TEXT}</p></article></body></html>"
    )
    outcome = next(
        ingest([ArticleInput("year-one.html", raw=page.encode(), content_type="text/html")],
               session_scope=session_scope, enqueue=send_on, max_bytes=1_000_000)
    )  # fmt: skip
    assert wait_until_final(session_scope, [outcome.article_id], timeout=FINAL_TIMEOUT) == {
        outcome.article_id: Status.STORED
    }
    with session_scope() as session:
        article = session.get(Article, outcome.article_id)
        assert (article.published_at, article.published_source) == (None, "dropped:html")
        assert article.error is None


def test_a_crawl_in_a_warc_file_goes_through_ingest_to_stored(workers, clean_tables, service_env, tmp_path) -> None:
    result = newsflow("ingest", str(crawl(tmp_path / "crawl.warc.gz")), env=service_env)
    assert result.returncode == 0, result.stderr
    assert "1 new article(s)" in result.stdout
    ids = article_ids()
    assert wait_until_final(session_scope, ids, timeout=FINAL_TIMEOUT) == {ids[0]: Status.STORED}
    with session_scope() as session:
        article = session.get(Article, ids[0])
        assert article.url == "https://news.example.org/world/withdrawal"
        assert article.title == "Withdrawal" and "Russia withdrew" in article.text
