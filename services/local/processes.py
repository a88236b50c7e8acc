"""Start and stop `celery worker` processes, one per stage (demo, tests, benchmarks)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import psutil
import redis

from services.stages import STAGES


def worker_command(
    queues: str | Sequence[str],
    *,
    concurrency: int = 1,
    name: str | None = None,
    prefetch: int | None = None,
    loglevel: str = "INFO",
) -> list[str]:
    """The command line of a worker that consumes one stage's queue, or several queues (prefetch: the app's setting
    unless given)."""
    queues = [queues] if isinstance(queues, str) else list(dict.fromkeys(queues))  # a queue named twice is one
    return [
        sys.executable, "-m", "celery", "-A", "workers.app", "worker",
        "-Q", ",".join(queues), "-n", f"{name or '-'.join(queues)}@%h", "-c", str(concurrency),
        "--loglevel", loglevel, "--without-gossip", "--without-mingle",
        *(["--prefetch-multiplier", str(prefetch)] if prefetch else []),
    ]  # fmt: skip


def start_workers(
    *,
    env: Mapping[str, str],
    log_dir: Path,
    stages: Iterable[str] = STAGES,
    name_suffix: str = "",
    concurrency: int = 1,
    prefetch: int | None = None,
    loglevel: str = "INFO",
) -> dict[str, subprocess.Popen]:
    """Start one worker (of `concurrency` pool processes) per entry of `stages`, keyed `stage` (`stage#2`, … for
    repeats), logging to log_dir."""
    log_dir.mkdir(parents=True, exist_ok=True)
    processes: dict[str, subprocess.Popen] = {}
    for stage in stages:
        repeat = sum(1 for key in processes if worker_stage(key) == stage)
        key = f"{stage}#{repeat + 1}" if repeat else stage
        with open(log_dir / f"{key}.log", "ab") as log:
            processes[key] = subprocess.Popen(
                worker_command(
                    stage,
                    concurrency=concurrency,
                    name=key.replace("#", "-") + name_suffix,
                    prefetch=prefetch,
                    loglevel=loglevel,
                ),
                env={**os.environ, **env},
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl-C in the terminal reaches us, and we stop them in order
            )
    return processes


def worker_stage(key: str) -> str:
    """The stage a worker started by start_workers consumes."""
    return key.split("#", 1)[0]


def wait_until_consuming(redis_url: str, processes: Mapping[str, subprocess.Popen], *, timeout: float = 60) -> None:
    """Wait until every worker has bound its queue and started its pool processes; raise if one exits or is late."""
    client = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            dead = [key for key, p in processes.items() if p.poll() is not None]
            if dead:
                raise RuntimeError(f"workers exited at start: {dead}")
            # A consuming worker has registered its queue binding in Redis (kombu's `_kombu.binding.<queue>`).
            bound = all(client.exists(f"_kombu.binding.{worker_stage(key)}") for key in processes)
            if bound and all(psutil.Process(p.pid).children() for p in processes.values()):
                return
            time.sleep(0.2)
    finally:
        client.close()
    raise TimeoutError(f"workers did not start consuming within {timeout} s")


def stop_workers(processes: Mapping[str, subprocess.Popen], *, timeout: float = 20) -> None:
    """Ask each worker for a warm shutdown (finish the current task), then kill what is left after `timeout`
    seconds, counted for all of them together."""
    for process in processes.values():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
