"""infra/k8s stays true to the code: a Deployment per queue consuming exactly it, a ScaledObject per stage."""

import importlib
from collections import Counter
from pathlib import Path

import yaml
from sqlalchemy import select, text
from sqlalchemy.orm import Session
from typer.main import get_command

from services.cli import app as cli_app
from services.models import Article
from services.ops.reconcile import next_stage_expression
from services.queues import POLL_QUEUE, RECONCILE_QUEUE
from services.stages import STAGES
from services.status import Status
from workers.app import TASK_TIME_LIMIT, WORKER_SOFT_SHUTDOWN_TIMEOUT

K8S = Path(__file__).resolve().parent.parent / "infra" / "k8s"
DOCUMENTS = [doc for path in sorted(K8S.glob("*.yaml")) for doc in yaml.safe_load_all(path.read_text()) if doc]
DEPLOYMENTS = {d["metadata"]["name"]: d for d in DOCUMENTS if d["kind"] == "Deployment"}
SCALED = {d["spec"]["scaleTargetRef"]["name"]: d for d in DOCUMENTS if d["kind"] == "ScaledObject"}


def containers(kind: str) -> list[dict]:
    specs = [d["spec"]["template"]["spec"] for d in DOCUMENTS if d["kind"] in (kind, "Job")]
    return [c for spec in specs for c in spec["containers"]]


def option(command: list[str], flag: str) -> str:
    return command[command.index(flag) + 1]


def workers_by_queue() -> dict[str, list[str]]:
    consumed: dict[str, list[str]] = {}
    for name, deployment in DEPLOYMENTS.items():
        [container] = deployment["spec"]["template"]["spec"]["containers"]
        if container["command"][3:4] == ["worker"]:
            consumed.setdefault(option(container["command"], "-Q"), []).append(name)
    return consumed


def test_every_queue_has_one_deployment_consuming_exactly_it() -> None:
    assert workers_by_queue() == {queue: [f"newsflow-{queue}"] for queue in (*STAGES, RECONCILE_QUEUE, POLL_QUEUE)}


def test_every_stage_scales_on_its_redis_list_and_postgres_backlog() -> None:
    assert set(SCALED) == {f"newsflow-{stage}" for stage in STAGES}
    for stage in STAGES:
        triggers = {t["type"]: t["metadata"] for t in SCALED[f"newsflow-{stage}"]["spec"]["triggers"]}
        assert triggers["redis"]["listName"] == stage
        assert triggers["postgresql"]["connectionFromEnv"] == "DATABASE_URL"


def test_the_postgres_triggers_count_what_each_stage_has_yet_to_do(db_session: Session) -> None:
    # One article in every status, received both with content and by URL.
    db_session.add_all([Article(status=status, raw=b"x") for status in Status])
    db_session.add(Article(status=Status.RECEIVED, url="https://example.org/k8s"))
    db_session.flush()
    expected = Counter(db_session.scalars(select(next_stage_expression())))
    for stage in STAGES:
        [trigger] = [t for t in SCALED[f"newsflow-{stage}"]["spec"]["triggers"] if t["type"] == "postgresql"]
        assert db_session.scalar(text(trigger["metadata"]["query"])) == expected[stage], stage


def test_pods_outlast_the_soft_shutdown_which_outlasts_the_slowest_task() -> None:
    for name, deployment in DEPLOYMENTS.items():
        if name.removeprefix("newsflow-") in (*STAGES, RECONCILE_QUEUE, POLL_QUEUE):
            grace = deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
            assert grace > WORKER_SOFT_SHUTDOWN_TIMEOUT > TASK_TIME_LIMIT, name
    config = next(d for d in DOCUMENTS if d["kind"] == "ConfigMap")
    assert config["data"]["REMAP_SIGTERM"] == "SIGQUIT"  # SIGTERM starts the soft shutdown


def test_commands_match_the_code_and_secrets_come_from_the_environment() -> None:
    known = set(get_command(cli_app).commands)
    for container in containers("Deployment"):
        command = container["command"]
        if command[0] == "celery":
            assert hasattr(importlib.import_module(option(command, "-A")), "app")
        else:
            assert command[0] == "newsflow" and command[1] in known
        assert {"secretRef": {"name": "newsflow-secrets"}} in container["envFrom"]
        assert "resources" in container or command[:2] == ["newsflow", "migrate"]
    assert not [d for d in DOCUMENTS if d["kind"] == "Secret"]  # created from the environment, never committed
    beat = DEPLOYMENTS["newsflow-beat"]["spec"]
    assert beat["replicas"] == 1 and beat["strategy"]["type"] == "Recreate"
