"""infra/k8s stays true to the code: a Deployment per queue consuming exactly it, a ScaledObject per stage, memory
limits above what docs/operations.md measured, and the stage workers' counters served from their pods."""

import importlib
import math
import os
import re
import signal
import subprocess
import sys
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
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
from tests.browser import free_port
from tests.commands import celery_worker
from tests.waiting import wait_for
from workers.app import TASK_TIME_LIMIT, WORKER_SOFT_SHUTDOWN_TIMEOUT, StageTask, app

ROOT = Path(__file__).resolve().parent.parent
K8S = ROOT / "infra" / "k8s"
DOCUMENTS = [doc for path in sorted(K8S.glob("*.yaml")) for doc in yaml.safe_load_all(path.read_text()) if doc]
DEPLOYMENTS = {d["metadata"]["name"]: d for d in DOCUMENTS if d["kind"] == "Deployment"}
SCALED = {d["spec"]["scaleTargetRef"]["name"]: d for d in DOCUMENTS if d["kind"] == "ScaledObject"}
OPERATIONS = (ROOT / "docs" / "operations.md").read_text()
# A memory limit is at least the busy figure measured in docs/operations.md plus half of it (as stated there).
MEMORY_HEADROOM = 1.5


def containers(kind: str) -> list[dict]:
    specs = [d["spec"]["template"]["spec"] for d in DOCUMENTS if d["kind"] in (kind, "Job")]
    return [c for spec in specs for c in spec["containers"]]


def option(command: list[str], flag: str) -> str:
    return command[command.index(flag) + 1]


def pod(deployment: str) -> dict:
    return DEPLOYMENTS[deployment]["spec"]["template"]["spec"]


def container_named(deployment: str, name: str) -> dict:
    [container] = [c for c in pod(deployment)["containers"] if c["name"] == name]
    return container


def workers_by_queue() -> dict[str, list[str]]:
    consumed: dict[str, list[str]] = {}
    for name in DEPLOYMENTS:
        for container in pod(name)["containers"]:
            if container["command"][:2] == ["newsflow", "worker"]:
                consumed.setdefault(option(celery_worker(container["command"]), "-Q"), []).append(name)
    return consumed


def markdown_table(document: str, heading: str) -> list[dict[str, str]]:
    """The rows of the first table after a heading, keyed by the header's cells."""
    lines = document.split(f"\n{heading}\n", 1)[1].splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("|"))
    table = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        table.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    header, _separator, *rows = table
    return [dict(zip(header, row, strict=True)) for row in rows]


def mebibytes(quantity: str) -> int:
    number, unit = re.fullmatch(r"(\d+)(Mi|Gi)", quantity).groups()
    return int(number) * (1024 if unit == "Gi" else 1)


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
        if container["name"] == "metrics":  # the stage pods' sidecar reads only its pod's files and needs no secret
            assert command[:3] == ["python", "-m", "services.ops.exporter"] and "envFrom" not in container
            continue
        if command[0] == "celery":
            assert hasattr(importlib.import_module(option(command, "-A")), "app")
        else:
            assert command[0] == "newsflow" and command[1] in known
        assert {"secretRef": {"name": "newsflow-secrets"}} in container["envFrom"]
        assert "resources" in container or command[:2] == ["newsflow", "migrate"]
    assert not [d for d in DOCUMENTS if d["kind"] == "Secret"]  # created from the environment, never committed
    beat = DEPLOYMENTS["newsflow-beat"]["spec"]
    assert beat["replicas"] == 1 and beat["strategy"]["type"] == "Recreate"


def test_every_container_pulls_the_image_only_when_the_node_lacks_it() -> None:
    # newsflow:latest would default to Always, and a node cannot pull an image that was built and loaded locally.
    for container in containers("Deployment"):
        assert container["imagePullPolicy"] == "IfNotPresent", container["name"]


def test_memory_limits_come_from_the_measured_figures() -> None:
    measured = {(row["Deployment"], row["container"]): row for row in markdown_table(OPERATIONS, "### Memory")}
    in_manifests = {(name, c["name"]) for name in DEPLOYMENTS for c in pod(name)["containers"]}
    assert set(measured) == in_manifests  # every container measured, and nothing measured that is gone
    for (name, container_name), row in measured.items():
        container = container_named(name, container_name)
        command = container["command"]
        if command[:2] == ["newsflow", "worker"]:  # measured with this concurrency: a main process and its pool
            assert int(row["processes"]) == int(option(celery_worker(command), "-c")) + 1, name
        memory = container["resources"]
        limit = mebibytes(memory["limits"]["memory"])
        assert mebibytes(memory["requests"]["memory"]) == limit, name  # memory cannot be throttled
        assert limit >= MEMORY_HEADROOM * float(row["busy PSS"]) >= float(row["idle PSS"]), (name, container_name)


def stage_queues() -> set[str]:
    """The queues whose tasks count into the metrics directory: the stages' (StageTask), not poll or reconcile."""
    app.loader.import_default_modules()  # the task modules a worker imports (the app's `include`)
    return {task.stage for task in app.tasks.values() if isinstance(task, StageTask)}


@pytest.mark.filterwarnings("ignore::celery.exceptions.CDeprecationWarning")  # task modules' queue=
def test_stage_workers_count_into_an_empty_dir_their_pod_serves() -> None:
    counted = {name for name in DEPLOYMENTS if any(v.get("emptyDir") is not None for v in pod(name).get("volumes", []))}
    assert counted == {f"newsflow-{queue}" for queue in stage_queues()}
    for name in counted:
        volumes = {v["name"]: v for v in pod(name)["volumes"]}
        worker, sidecar = container_named(name, "worker"), container_named(name, "metrics")
        for container in (worker, sidecar):
            [directory] = [e["value"] for e in container["env"] if e["name"] == "NEWSFLOW_METRICS_DIR"]
            [mount] = [m for m in container["volumeMounts"] if m["mountPath"] == directory]
            assert volumes[mount["name"]]["emptyDir"] == {}, name  # the same pod-lived directory for both
        [port] = sidecar["ports"]
        assert sidecar["command"][-1] == str(port["containerPort"]), name
        annotations = DEPLOYMENTS[name]["spec"]["template"]["metadata"]["annotations"]
        assert annotations["prometheus.io/port"] == str(port["containerPort"]), name
    # The API's own /metrics: the pipeline's gauges; its pod has no worker's directory to read.
    assert not any(e["name"] == "NEWSFLOW_METRICS_DIR" for e in container_named("newsflow-api", "api").get("env", []))


@pytest.mark.system
def test_the_metrics_sidecar_serves_what_a_worker_counted_and_stops_on_sigterm(tmp_path: Path) -> None:
    sidecar = container_named("newsflow-clean", "metrics")
    directory = tmp_path / "metrics"
    directory.mkdir()
    env = {**os.environ, "NEWSFLOW_METRICS_DIR": str(directory)}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    # A worker's pool process counting, as workers.app does: in a process of its own (the mode is process-wide).
    counting = (
        "from services.ops.metrics import TaskMetrics; TaskMetrics(sys.argv[1]).count_outcome('clean', 'passed', 3)"
    )
    subprocess.run([sys.executable, "-c", f"import sys; {counting}", str(directory)], env=env, check=True)
    port, log = free_port(), tmp_path / "exporter.log"
    with log.open("wb") as output:
        command = [sys.executable, *sidecar["command"][1:-1], str(port)]  # the sidecar's own, on a free port
        exporter = subprocess.Popen(command, env=env, stderr=output)
    try:

        def scraped() -> str:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
                    return response.read().decode()
            except OSError:
                assert exporter.poll() is None, log.read_text()
                return ""

        wait_for(scraped, "the metrics sidecar to answer", timeout=30)
        assert 'newsflow_articles_processed_total{outcome="passed",stage="clean"} 3.0' in scraped()
    finally:
        exporter.send_signal(signal.SIGTERM)
        returncode = exporter.wait(timeout=10)
    assert returncode == 0


def test_dedup_does_not_scale_past_what_its_lock_allows() -> None:
    # The most dedup gains from more replicas, measured: a batch's time over its time under the advisory lock.
    [row] = markdown_table(OPERATIONS, "### The dedup lock")
    gain = float(row["most replicas can gain"].rstrip(" ×"))
    assert SCALED["newsflow-dedup"]["spec"]["maxReplicaCount"] <= math.ceil(gain)
