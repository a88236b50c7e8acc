"""The pipeline's steps on a real database: status flow, idempotency under redelivery, final statuses."""

import json
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from services.clean.step import clean_batch, clean_step
from services.cli import app as cli_app
from services.dedup.step import dedup_step
from services.extract.step import extract_batch, extract_step
from services.fetch.download import FetchUnavailable, fetch_url, make_client
from services.fetch.step import make_fetch_batch
from services.models import Article, Event, EventMention
from services.sources.ingest import ArticleInput, add_article, inputs_from_paths
from services.status import Status
from services.steps import one_at_a_time, record_failure
from services.store.step import store_step
from tests.conftest import SEEDS
from tests.pages import Page, Site, serve

DATA = Path(__file__).resolve().parent.parent / "data"

AFTER_FETCH = (clean_step, dedup_step, extract_step, store_step)
TEXT = (
    "Russia withdrew its troops from Syria on Sunday, officials said. "
    "France condemned the attack on the convoy near Aleppo."
)


def add(session: Session, item: ArticleInput) -> int:
    return add_article(session, item, max_bytes=1_000_000).article_id


def run_through(session: Session, article_id: int, steps=AFTER_FETCH) -> int | None:
    result: int | None = article_id
    for step in steps:
        result = step(session, article_id)
        if result is None:
            break
    return result


def test_the_seeds_flow_to_stored_with_events(db_session: Session) -> None:
    ids = [
        add_article(db_session, item, max_bytes=1_000_000).article_id
        for item in inputs_from_paths([SEEDS], max_bytes=1_000_000)
    ]
    for article_id in ids:
        assert run_through(db_session, article_id) == article_id
    articles = db_session.scalars(select(Article).where(Article.id.in_(ids))).all()
    assert {a.status for a in articles} == {Status.STORED}
    assert all(a.cleaned_at <= a.deduped_at <= a.extracted_at <= a.stored_at for a in articles)
    assert all(a.language == "en" for a in articles)
    assert db_session.scalar(select(func.count()).select_from(Event)) > 0
    unattached = (
        select(func.count())
        .select_from(EventMention)
        .where(EventMention.event_id.is_(None), EventMention.modality == "asserted")
    )
    assert db_session.scalar(unattached) == 0


def test_running_every_step_twice_leaves_the_same_rows(db_session: Session) -> None:
    article_id = add(db_session, ArticleInput("t", raw=TEXT.encode(), content_type="text/plain"))
    for step in AFTER_FETCH:
        assert step(db_session, article_id) == article_id
        # A redelivered message finds the step done and only sends the article on again.
        assert step(db_session, article_id) == article_id
    events = db_session.execute(select(Event.type, Event.mention_count, Event.article_count)).all()
    assert sorted(events) == [("ACCUSE", 1, 1), ("RETREAT", 1, 1)]
    assert db_session.get(Article, article_id).attempts == 4


def test_a_message_for_an_earlier_stage_is_ignored(db_session: Session) -> None:
    article_id = add(db_session, ArticleInput("t", raw=TEXT.encode(), content_type="text/plain"))
    run_through(db_session, article_id)
    assert clean_step(db_session, article_id) is None
    assert clean_step(db_session, 10**12) is None  # no such article


def test_a_batch_goes_on_with_its_fresh_and_redelivered_articles_and_drops_the_rest(db_session: Session) -> None:
    fresh, done, ended = (add(db_session, ArticleInput(n, raw=f"{TEXT} {n}".encode())) for n in "fde")
    clean_step(db_session, done)
    db_session.get(Article, ended).mark_failed("clean", "given up")
    # In any order, with an id repeated and one that does not exist: each article is claimed once.
    assert clean_batch(db_session, [ended, 10**12, done, fresh, fresh]) == sorted([fresh, done])
    assert {db_session.get(Article, i).attempts for i in (fresh, done)} == {1}


def test_an_exact_copy_is_a_duplicate_of_the_first(db_session: Session) -> None:
    first = add(db_session, ArticleInput("a", raw=TEXT.encode(), content_type="text/plain"))
    copy = add(db_session, ArticleInput("b", raw=b"  " + TEXT.upper().encode() + b"\n", content_type="text/plain"))
    assert run_through(db_session, first) == first
    assert run_through(db_session, copy) is None
    article = db_session.get(Article, copy)
    assert (article.status, article.duplicate_of_id, article.duplicate_method) == (Status.DUPLICATE, first, "exact")


def test_text_not_in_english_is_skipped_with_a_reason(db_session: Session) -> None:
    french = "Le gouvernement a annoncé dimanche le retrait des troupes russes de Syrie, selon les responsables."
    article_id = add(db_session, ArticleInput("fr", raw=french.encode(), content_type="text/plain"))
    assert run_through(db_session, article_id) is None
    article = db_session.get(Article, article_id)
    assert (article.status, article.error_stage, article.language) == (Status.SKIPPED, "extract", "fr")
    assert "English only" in article.error


def test_text_with_nothing_left_after_cleaning_fails(db_session: Session) -> None:
    article_id = add(
        db_session, ArticleInput("t", raw=b"<html><body><nav>Home</nav></body></html>", content_type="text/html")
    )
    assert run_through(db_session, article_id) is None
    article = db_session.get(Article, article_id)
    assert (article.status, article.error_stage) == (Status.FAILED, "clean")
    assert "no article text" in article.error


def test_fetch_downloads_an_article_given_by_url(db_session: Session, tmp_path: Path) -> None:
    html = f"<html><head><title>Withdrawal</title></head><body><article><p>{TEXT}</p></article></body></html>"
    routes = {"/a": Page(html.encode()), "/gone": Page(b"", status=404), "/busy": Page(b"", status=503)}
    with (
        serve(Site(routes)) as site,
        make_client(connect_timeout=1, read_timeout=1, max_redirects=2, user_agent="t", allow_private=True) as client,
    ):
        download = partial(fetch_url, client=client, max_bytes=100_000)
        fetch_step = one_at_a_time(make_fetch_batch(download))
        ok = add(db_session, ArticleInput("a", url=site.url("/a")))
        gone = add(db_session, ArticleInput("g", url=site.url("/gone")))
        busy = add(db_session, ArticleInput("b", url=site.url("/busy")))
        assert run_through(db_session, ok, (fetch_step, *AFTER_FETCH)) == ok
        assert fetch_step(db_session, gone) is None
        with pytest.raises(FetchUnavailable):
            fetch_step(db_session, busy)
    stored = db_session.get(Article, ok)
    assert (stored.status, stored.title, stored.content_type) == (Status.STORED, "Withdrawal", "text/html")
    assert stored.fetched_at is not None
    failed = db_session.get(Article, gone)
    assert (failed.status, failed.error_stage, failed.error) == (
        Status.FAILED,
        "fetch",
        f"HTTP 404 for {site.url('/gone')}",
    )
    assert db_session.get(Article, busy).status is Status.RECEIVED  # left for the retry


def test_record_failure_gives_a_final_status_once(db_session: Session) -> None:
    article_id = add(db_session, ArticleInput("t", raw=TEXT.encode(), content_type="text/plain"))
    record_failure(db_session, article_id, "clean", "OperationalError: gone (after 9 attempts)")
    record_failure(db_session, article_id, "dedup", "later")
    article = db_session.get(Article, article_id)
    assert (article.status, article.error_stage, article.error) == (
        Status.FAILED, "clean", "OperationalError: gone (after 9 attempts)"
    )  # fmt: skip


def test_the_pipeline_cleans_as_newsflow_clean_prints(db_session: Session) -> None:
    html_page = sorted((DATA / "clean" / "html").glob("*.html"))[0]
    for path in [*sorted(SEEDS.iterdir()), html_page]:
        [outcome] = [
            add_article(db_session, item, max_bytes=1_000_000)
            for item in inputs_from_paths([path], max_bytes=1_000_000)
        ]
        assert clean_step(db_session, outcome.article_id) == outcome.article_id
        article = db_session.get(Article, outcome.article_id)
        result = CliRunner().invoke(cli_app, ["clean", "--json", str(path)])
        printed = json.loads(result.output)
        stored = {
            "text": article.text,
            "title": article.title,
            "author": article.author,
            "published": article.published_at.isoformat() if article.published_at else None,
            "published_precision": article.published_precision,
            "published_source": article.published_source,
            "language": article.language,
            "dropped": article.dropped,
        }
        assert stored == {key: printed[key] for key in stored}


def test_a_claimed_article_can_be_named_as_an_original_by_another_batch(engine, clean_tables) -> None:
    # The dedup stage marks a copy with its original while another stage holds the original: the copy's foreign-key
    # check must not wait for that stage (two such batches, each waiting on the other, deadlocked).
    with Session(engine) as setup, setup.begin():
        original, copy = (add(setup, ArticleInput(f"{name}.txt", raw=TEXT.encode() + name.encode())) for name in "ab")
        setup.get(Article, original).status = Status.UNIQUE
    with Session(engine) as holder, holder.begin():
        assert extract_batch(holder, [original]) == [original]  # the original stays locked until rollback
        with Session(engine) as dedup, dedup.begin():
            dedup.execute(text("SET LOCAL lock_timeout = '2s'"))
            dedup.get(Article, copy).duplicate_of_id = original
            dedup.flush()
        holder.rollback()
