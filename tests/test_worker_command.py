"""`newsflow worker STAGE...` is the Celery worker of those queues, as compose and Kubernetes run it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from services.db import session_scope
from services.local.processes import wait_until_consuming
from services.models import Article
from services.sources.ingest import ArticleInput, ingest
from services.status import Status
from tests.waiting import wait_for
from workers.app import send_on

pytestmark = pytest.mark.system

TEXT = (
    "Russia withdrew its troops from Syria on Sunday, officials said. "
    "France condemned the attack on the convoy near Aleppo, the foreign ministry said."
)


def test_one_worker_takes_the_stages_it_is_given_and_stops_on_sigterm(
    service_env, clean_tables, redis_client, redis_url, tmp_path: Path
) -> None:
    with open(tmp_path / "worker.log", "wb") as log:
        process = subprocess.Popen(
            [str(Path(sys.executable).with_name("newsflow")), "worker", "clean", "dedup", "-c", "1"],
            env={**os.environ, **service_env}, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_until_consuming(redis_url, {"clean": process, "dedup": process})
        outcome = next(
            ingest([ArticleInput("brief.txt", raw=TEXT.encode(), content_type="text/plain")],
                   session_scope=session_scope, enqueue=send_on, max_bytes=1_000_000)
        )  # fmt: skip

        def waiting_at_extract() -> bool:
            # The worker commits the status before it hands the id on, so both are awaited.
            with session_scope() as session:
                unique = session.get(Article, outcome.article_id).status is Status.UNIQUE
            return unique and redis_client.llen("extract") == 1  # nobody takes the extract queue

        wait_for(waiting_at_extract, "the article through clean and dedup, waiting at extract")
    finally:
        process.send_signal(signal.SIGTERM)
        returncode = process.wait(timeout=30)
    assert returncode == 0, (tmp_path / "worker.log").read_text()[-2000:]
