"""An extract worker loads its models before it forks its pool, so no article waits for them."""

from __future__ import annotations

from services.local.processes import start_workers, stop_workers, wait_until_consuming
from tests.conftest import RUN_ID


def test_an_extract_worker_loads_its_models_before_its_pool_starts(
    service_env, redis_client, redis_url, tmp_path_factory
) -> None:
    log_dir = tmp_path_factory.mktemp("warm-up-logs")
    worker = start_workers(env=service_env, log_dir=log_dir, stages=["extract"], name_suffix=f"-warm-{RUN_ID}")
    try:
        wait_until_consuming(redis_url, worker)
    finally:
        stop_workers(worker)
    log = (log_dir / "extract.log").read_text()
    assert "extract models loaded in" in log, log
    assert log.index("extract models loaded in") < log.index("ready."), log
