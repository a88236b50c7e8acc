"""docker-compose.yml stays valid and true to the code, checked without a Docker engine."""

import importlib
import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from typer.main import get_command

from services.cli import app as cli_app
from services.queues import POLL_QUEUE, RECONCILE_QUEUE
from services.stages import STAGES
from tests.commands import celery_worker

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def option(command: list[str], flag: str) -> str:
    return command[command.index(flag) + 1]


def worker_queue(service: dict) -> str:
    """The queue a `newsflow worker QUEUE` service consumes, as the Celery worker it starts is told."""
    return option(celery_worker(service["command"]), "-Q")


SECRETS = {"POSTGRES_PASSWORD": "pg-test", "REDIS_PASSWORD": "redis-test-only", "NEWSFLOW_API_KEY": "key-test-only"}


def compose_config(secrets: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`docker compose config` on the file, with these variables (and no .env) in its environment."""
    compose = pytest.importorskip("compose")
    # The bundled binary itself: the package's docker-compose wrapper exits 0 even on an invalid file.
    binary = Path(compose.__file__).with_name("docker-compose")
    environment = {key: value for key, value in os.environ.items() if key not in SECRETS}
    return subprocess.run(
        [str(binary), "-f", str(ROOT / "docker-compose.yml"), "config", "--format", "json"],
        env={**environment, **secrets},
        capture_output=True,
        text=True,
        check=False,
    )


def test_compose_v2_accepts_the_file() -> None:
    result = compose_config(SECRETS)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", sorted(SECRETS))
@pytest.mark.parametrize("value", [None, ""])
def test_compose_will_not_start_without_every_secret(missing: str, value: str | None) -> None:
    secrets = {key: v for key, v in SECRETS.items() if key != missing} | ({missing: value} if value is not None else {})
    result = compose_config(secrets)
    assert result.returncode != 0 and f"set {missing} in .env" in result.stderr


def test_redis_asks_for_its_password_and_every_url_carries_it() -> None:
    config = json.loads(compose_config(SECRETS).stdout)["services"]
    assert config["redis"]["command"][-2:] == ["--requirepass", "redis-test-only"]
    for name, service in config.items():
        if "REDIS_URL" in service.get("environment", {}):
            assert service["environment"]["REDIS_URL"] == "redis://:redis-test-only@redis:6379/0", name
            assert service["environment"]["NEWSFLOW_API_KEY"] == "key-test-only", name
    assert config["flower"]["ports"][0]["host_ip"] == "127.0.0.1"


def test_every_stage_has_a_service_named_after_its_queue() -> None:
    for stage in STAGES:
        assert worker_queue(SERVICES[stage]) == stage
        assert option(celery_worker(SERVICES[stage]["command"]), "-n").startswith(f"{stage}@")


def test_the_reconciler_has_its_own_worker() -> None:
    assert worker_queue(SERVICES[RECONCILE_QUEUE]) == RECONCILE_QUEUE


def test_every_celery_command_names_an_app_that_imports() -> None:
    celery_services = [s for s in SERVICES.values() if s.get("command", [None])[0] == "celery"]
    assert len(celery_services) == 2  # beat and flower; the workers run `newsflow worker`
    for service in celery_services:
        module = option(service["command"], "-A")
        assert hasattr(importlib.import_module(module), "app")


def test_every_newsflow_command_exists() -> None:
    known = set(get_command(cli_app).commands)
    used = {s["command"][1] for s in SERVICES.values() if s.get("command", [None])[0] == "newsflow"}
    assert used == {"migrate", "api", "worker"}
    assert used <= known


def test_the_poll_queue_has_its_worker_service() -> None:
    assert worker_queue(SERVICES[POLL_QUEUE]) == POLL_QUEUE


def test_beat_ticks_the_poll_queue() -> None:
    from workers.app import app

    schedule = app.conf.beat_schedule["poll-due-sources"]
    assert schedule["task"] == "newsflow.poll_due"
    assert schedule["options"]["queue"] == POLL_QUEUE
    assert "workers.poll" in app.conf.include


def test_workers_wait_for_migrations_and_stop_after_their_slowest_task() -> None:
    for stage in (*STAGES, POLL_QUEUE):
        service = SERVICES[stage]
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert service["stop_grace_period"] == "3m"


def test_the_api_and_every_worker_share_the_metrics_volume_at_the_metrics_dir() -> None:
    workers = [name for name, s in SERVICES.items() if s.get("command", [None])[:2] == ["newsflow", "worker"]]
    assert set(workers) == {*STAGES, RECONCILE_QUEUE, POLL_QUEUE}
    assert "metrics" in COMPOSE["volumes"]
    for name in ["api", *workers]:
        directory = SERVICES[name]["environment"]["NEWSFLOW_METRICS_DIR"]
        assert f"metrics:{directory}" in SERVICES[name]["volumes"], name


def test_only_the_api_and_flower_are_published_and_only_on_this_machine() -> None:
    # Postgres and Redis are reached over compose's network: published, they would take the ports of a host's own.
    published = {name: service["ports"] for name, service in SERVICES.items() if "ports" in service}
    assert set(published) == {"api", "flower"}
    for name, ports in published.items():
        assert all(port.startswith("127.0.0.1:") for port in ports), name
