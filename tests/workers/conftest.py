"""Real `celery worker` processes, one per stage, on the test database and Redis keyspace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from services.local.processes import start_workers, stop_workers, wait_until_consuming
from tests.conftest import RUN_ID


def child_pids(pid: int) -> list[int]:
    """The processes a process has started (a prefork worker's pool children)."""
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


@pytest.fixture(scope="session")
def metrics_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the session's workers write their metrics (prometheus-client's multiprocess files)."""
    return tmp_path_factory.mktemp("worker-metrics")


@pytest.fixture(scope="session")
def workers(
    service_env: dict[str, str], redis_url: str, metrics_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict]:
    """Five worker processes, one per stage queue, for the whole test session."""
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    log_dir = tmp_path_factory.mktemp("worker-logs")
    # The tests' stand-in web server is on loopback, which the fetch stage refuses by default.
    env = {**service_env, "NEWSFLOW_FETCH_ALLOW_PRIVATE_ADDRESSES": "true", "NEWSFLOW_METRICS_DIR": str(metrics_dir)}
    processes = start_workers(env=env, log_dir=log_dir, name_suffix=f"-{RUN_ID}")
    try:
        wait_until_consuming(redis_url, processes)
        yield processes
    finally:
        stop_workers(processes)
        client.close()
        for log in sorted(log_dir.glob("*.log")):
            print(f"--- {log.name}\n{log.read_text()[-3000:]}")
