"""`newsflow run` brings the whole service up in one process tree, restarts a child that dies, and stops on Ctrl-C
with nothing lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import psutil
import pytest
from sqlalchemy import select

from services.db import session_scope
from services.models import Article
from services.ops.monitor import wait_until_final
from services.queues import POLL_QUEUE, RECONCILE_QUEUE
from services.sources.ingest import ingest, inputs_from_paths, split_refusals
from services.stages import STAGES
from services.status import Status
from tests.browser import free_port
from tests.conftest import SEEDS
from tests.waiting import wait_for
from workers.app import send_on

pytestmark = pytest.mark.system


def consumers(root: psutil.Process, queue: str) -> list[psutil.Process]:
    """The supervisor's living children that are the Celery worker of this queue."""
    found = []
    for child in root.children():
        try:
            command = child.cmdline()
        except (psutil.ZombieProcess, psutil.NoSuchProcess):  # one that died and is not yet reaped
            continue
        if "-Q" in command and command[command.index("-Q") + 1] == queue:
            found.append(child)
    return found


def test_run_serves_the_pipeline_restarts_a_dead_worker_and_stops_on_ctrl_c(
    service_env, clean_tables, redis_client, tmp_path: Path
) -> None:
    port = free_port()
    output = tmp_path / "run.log"
    with open(output, "wb") as log:
        process = subprocess.Popen(
            [str(Path(sys.executable).with_name("newsflow")), "run", "--port", str(port), "--state-dir",
             str(tmp_path / "state")],
            env={**os.environ, **service_env}, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    root = psutil.Process(process.pid)
    try:
        queues = (*STAGES, POLL_QUEUE, RECONCILE_QUEUE)
        wait_for(lambda: all(redis_client.exists(f"_kombu.binding.{q}") for q in queues), "every queue's worker")

        def api_answers() -> bool:
            try:
                return httpx.get(f"http://127.0.0.1:{port}/health").status_code == 200
            except httpx.TransportError:
                return False

        wait_for(api_answers, "the API")
        [clean] = consumers(root, "clean")
        clean.kill()  # a worker dies; the supervisor starts another
        wait_for(lambda: [p.pid for p in consumers(root, "clean")] not in ([], [clean.pid]), "a new clean worker")

        items, _ = split_refusals(inputs_from_paths([SEEDS], max_bytes=1_000_000))
        ids = [o.article_id for o in ingest(items, session_scope=session_scope, enqueue=send_on, max_bytes=1_000_000)]
        assert set(wait_until_final(session_scope, ids, timeout=120).values()) == {Status.STORED}
        family = [root, *root.children(recursive=True)]
    finally:
        process.send_signal(signal.SIGINT)
        returncode = process.wait(timeout=60)
    log_text = output.read_text(errors="replace")
    assert returncode == 0, log_text[-3000:]
    _, alive = psutil.wait_procs(family, timeout=5)
    assert not alive, [p.pid for p in alive]
    assert "clean " in log_text and "exited with status" in log_text and "newsflow: stopped" in log_text
    with session_scope() as session:
        assert set(session.scalars(select(Article.status))) == {Status.STORED}
