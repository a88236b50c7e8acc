"""Reports of one event arriving at the same moment at several store workers still make one event."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from services.db import session_scope
from services.local.processes import start_workers, stop_workers, wait_until_consuming
from services.models import Article, Event, EventMention
from services.ops.monitor import wait_until_final
from services.status import Status
from tests.conftest import RUN_ID
from workers.app import send_on

STORE_WORKERS = 4
ARTICLES = 40
OUTLETS = ["Wire", "Paper", "Radio", "Daily", "Weekly"]
DAY = date(2024, 12, 8)
# Ways the reports code one evacuation: the country or its capital, a city or the country it lies in, a day apart.
ACTORS = [("Russia", "RUS"), ("Moscow", "RUSGOV"), ("Russian troops", "RUSMIL")]
PLACES = [("Damascus", "SYR", 33.51, 36.29), ("Syria", "SYR", None, None), (None, None, None, None)]


def report(article_id: int, rng: random.Random) -> EventMention:
    source_text, source_code = rng.choice(ACTORS)
    place, country, lat, lon = rng.choice(PLACES)
    return EventMention(
        article_id=article_id, type="RETREAT", mode="withdraw", cameo="0874", quad_class=2,
        source_text=source_text, source_code=source_code, target_text="Syria", target_code="SYR",
        location_name=place, location_country=country, latitude=lat, longitude=lon,
        event_date=DAY + timedelta(days=rng.choice([-1, 0, 1])), date_precision="day", negated=False,
        modality="asserted", sentence_index=0, sentence=f"{source_text} evacuated its embassy staff.",
        trigger="evacuated", trigger_start=0, trigger_end=9, confidence=0.6,
    )  # fmt: skip


def test_a_burst_of_reports_at_several_store_workers_makes_one_event(
    clean_tables, service_env, redis_client, redis_url, tmp_path_factory
) -> None:
    rng = random.Random(11)
    with session_scope() as session:
        articles = [
            Article(
                text="(report)",
                language="en",
                source=OUTLETS[i % len(OUTLETS)],
                status=Status.EXTRACTED,
                published_at=datetime(2024, 12, 9, tzinfo=UTC),
            )  # fmt: skip
            for i in range(ARTICLES)
        ]
        session.add_all(articles)
        session.flush()
        session.add_all(report(a.id, rng) for a in articles for _ in range(2))
        ids = [a.id for a in articles]
    workers = start_workers(
        env=service_env,
        log_dir=tmp_path_factory.mktemp("store-logs"),
        stages=["store"] * STORE_WORKERS,
        name_suffix=f"-{RUN_ID}",
    )
    try:
        wait_until_consuming(redis_url, workers)
        for article_id in ids:
            send_on("store", article_id)
        final = wait_until_final(session_scope, ids, timeout=120)
    finally:
        stop_workers(workers)
    assert len(final) == ARTICLES
    with session_scope() as session:
        assert set(session.scalars(select(Article.status))) == {Status.STORED}
        [event] = session.scalars(select(Event)).all()
        assert (event.mention_count, event.article_count, event.source_count) == (2 * ARTICLES, ARTICLES, 5)
        assert event.source_code in ("RUSGOV", "RUSMIL") and event.location_name == "Damascus"  # the most specific
