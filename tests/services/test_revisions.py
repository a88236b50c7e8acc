"""Canonical URLs and revisions: the same article under a tracking URL is one article; new content for a known URL
revises it and sends it through the stages again, replacing what they derived from the old content."""

from sqlalchemy import any_, func, select
from sqlalchemy.orm import Session

from services.models import Article, DedupShingles, EventMention, LshKey, Story, TextFingerprint
from services.sources.ingest import ArticleInput, add_article
from services.status import Status
from tests.conftest import SEEDS
from tests.services.test_pipeline import run_through

MAX_BYTES = 1_000_000
URL = "https://news.example/world/evacuation"
TEXTS = [path.read_text() for path in sorted(SEEDS.iterdir())]


def ingest(session: Session, url: str, text: str):
    return add_article(
        session, ArticleInput(url, url=url, raw=text.encode(), content_type="text/plain"), max_bytes=MAX_BYTES
    )


def test_tracking_parameters_fragment_and_case_do_not_make_a_second_article(db_session: Session) -> None:
    first = ingest(db_session, URL, TEXTS[0])
    again = add_article(
        db_session,
        ArticleInput("b", url="https://NEWS.example/world/evacuation?utm_source=rss#top"),
        max_bytes=MAX_BYTES,
    )
    assert (again.created, again.revised, again.article_id) == (False, False, first.article_id)
    assert db_session.get(Article, first.article_id).url == URL


def test_new_content_for_a_known_url_revises_the_article_and_reruns_the_stages(db_session: Session) -> None:
    first = ingest(db_session, URL, TEXTS[0])
    assert run_through(db_session, first.article_id) == first.article_id
    article = db_session.get(Article, first.article_id)
    old_story, old_text, old_mentions = article.story_id, article.text, _mentions(db_session, article.id)
    assert article.status is Status.STORED and old_mentions

    revised = ingest(db_session, URL + "?utm_campaign=x", TEXTS[3])
    assert (revised.created, revised.revised, revised.article_id, revised.status) == (
        False, True, first.article_id, Status.RECEIVED,
    )  # fmt: skip
    db_session.refresh(article)
    assert (article.revisions, article.status, article.story_id, article.text) == (1, Status.RECEIVED, None, None)
    assert db_session.get(Story, old_story).article_count == 0
    assert _keys_held(db_session, article.id) == 0

    assert run_through(db_session, article.id) == article.id
    db_session.flush()
    db_session.refresh(article)
    assert article.status is Status.STORED
    assert article.text != old_text and " ".join(article.text.split()[:20]) in " ".join(TEXTS[3].split())
    # The dedup indexes hold the new content once (the article is not a copy of its own old revision).
    assert (
        db_session.scalar(
            select(func.count()).select_from(TextFingerprint).where(TextFingerprint.article_id == article.id)
        )
        == 1
    )
    assert (
        db_session.scalar(select(func.count()).select_from(DedupShingles).where(DedupShingles.article_id == article.id))
        == 1
    )
    bands = db_session.scalar(select(DedupShingles.bands).where(DedupShingles.article_id == article.id))
    assert _keys_held(db_session, article.id) == len(set(enumerate(bands)))
    assert article.duplicate_of_id is None
    assert _mentions(db_session, article.id) != old_mentions


def _keys_held(session: Session, article_id: int) -> int:
    """How many LSH band keys list the article among their holders."""
    return session.scalar(select(func.count()).select_from(LshKey).where(any_(LshKey.holders) == article_id))


def test_the_same_bytes_again_are_no_revision(db_session: Session) -> None:
    first = ingest(db_session, URL, TEXTS[0])
    again = ingest(db_session, URL, TEXTS[0])
    assert (again.created, again.revised) == (False, False)
    assert db_session.get(Article, first.article_id).revisions == 0


def _mentions(session: Session, article_id: int) -> list[tuple]:
    rows = session.execute(
        select(EventMention.type, EventMention.sentence)
        .where(EventMention.article_id == article_id)
        .order_by(EventMention.id)
    )
    return [tuple(row) for row in rows]
