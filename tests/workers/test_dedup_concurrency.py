"""Copies arriving at the same moment at several dedup workers still find each other."""

from __future__ import annotations

import random

from sqlalchemy import select

from services.db import session_scope
from services.local.processes import start_workers, stop_workers, wait_until_consuming
from services.models import Article
from services.ops.monitor import wait_until_final
from services.status import Status
from tests.conftest import RUN_ID, SEEDS
from workers.app import send_on

EXTRA_DEDUP_WORKERS = 3
# Few texts, many copies each: the workers' first picks are then almost surely copies of one text.
COPIES_PER_ORIGINAL = 20


def light_copy(text: str, rng: random.Random) -> str:
    """A wire copy: a headline and a dateline added, a few words changed."""
    words = text.split()
    for _ in range(max(1, len(words) // 50)):
        words[rng.randrange(len(words))] = rng.choice(["reportedly", "officials", "Tuesday"])
    return "Breaking headline\nLONDON (Wire) - " + " ".join(words)


def first_report(article_id: int, copy_of: dict[int, int]) -> int:
    while article_id in copy_of:
        article_id = copy_of[article_id]
    return article_id


def test_a_burst_of_copies_at_several_workers_keeps_one_original_per_text(
    workers, clean_tables, service_env, redis_client, redis_url, tmp_path_factory
) -> None:
    rng = random.Random(5)
    originals = [path.read_text() for path in sorted(SEEDS.iterdir())[:2]]
    groups = {
        index: [text] + [light_copy(text, rng) for _ in range(COPIES_PER_ORIGINAL)]
        for index, text in enumerate(originals)
    }
    with session_scope() as session:
        # Cleaned already, so the burst reaches the dedup queue all at once.
        rows = {
            index: [Article(text=text, status=Status.CLEANED, language="en") for text in texts]
            for index, texts in groups.items()
        }
        session.add_all([row for group in rows.values() for row in group])
        session.flush()
        ids = {index: [row.id for row in group] for index, group in rows.items()}
    extra = start_workers(
        env=service_env,
        log_dir=tmp_path_factory.mktemp("dedup-logs"),
        stages=["dedup"] * EXTRA_DEDUP_WORKERS,
        name_suffix=f"-{RUN_ID}",
    )
    try:
        wait_until_consuming(redis_url, extra)
        burst = [article_id for group in ids.values() for article_id in group]
        rng.shuffle(burst)
        for article_id in burst:
            send_on("dedup", article_id)
        final = wait_until_final(session_scope, burst, timeout=120)
    finally:
        stop_workers(extra)
    assert len(final) == len(burst)
    with session_scope() as session:
        for group in ids.values():
            articles = session.scalars(select(Article).where(Article.id.in_(group))).all()
            kept = [a for a in articles if a.status is not Status.DUPLICATE]
            assert len(kept) == 1, [(a.id, a.status, a.duplicate_of_id) for a in articles]
            copies = [a for a in articles if a.status is Status.DUPLICATE]
            # A copy names the original or a copy nearer to it; every chain ends at the one kept.
            copy_of = {a.id: a.duplicate_of_id for a in copies}
            assert {first_report(a.id, copy_of) for a in copies} == {kept[0].id}
            assert {a.duplicate_method for a in copies} <= {"near", "exact"}
