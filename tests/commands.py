"""The Celery worker that a `newsflow worker QUEUE... -c N` line in compose or Kubernetes starts."""

from __future__ import annotations

from typer.main import get_command

from services.cli import app as cli_app
from services.local.processes import worker_command


def celery_worker(command: list[str]) -> list[str]:
    """The celery command line `newsflow worker` runs for these arguments, parsed by the command line itself."""
    assert command[:2] == ["newsflow", "worker"], command
    params = get_command(cli_app).commands["worker"].make_context("worker", list(command[2:])).params
    queues = [queue.value for queue in params["queues"]]
    return worker_command(queues, concurrency=params["concurrency"], loglevel=params["loglevel"])
