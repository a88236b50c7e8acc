"""`newsflow run`: the whole service on one machine, as supervised child processes in the foreground.

One Celery worker per stage, the poll and reconcile workers, celery beat and the API. Each child's output is
printed line by line behind its name. A child that dies is started again after a pause that grows while it keeps
dying. On Ctrl-C or SIGTERM every child gets SIGTERM: a worker finishes its running tasks and stops, and a task it
had not acknowledged goes back to its queue (the app acknowledges late). A child still running after the grace
period is killed.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from services.local.processes import stop_workers, worker_command
from services.queues import POLL_QUEUE, RECONCILE_QUEUE
from services.stages import STAGES

# A child that lived this long was healthy: its next death starts the backoff again.
HEALTHY_SECONDS = 30.0
MAX_RESTART_DELAY = 30.0
GRACE_SECONDS = 30.0


@dataclass
class Child:
    """One supervised process: its name, command line, the process now running, and its restarts."""

    name: str
    command: list[str]
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    restarts: int = 0
    delay: float = 1.0
    restart_at: float | None = None
    readers: list[threading.Thread] = field(default_factory=list)


def children(*, concurrency: int, api: bool, host: str, port: int, state_dir: Path) -> list[Child]:
    """The processes of the whole service: a worker per stage, poll, reconcile, beat and (unless told not) the API."""
    workers = [Child(queue, worker_command(queue, concurrency=concurrency)) for queue in (*STAGES, POLL_QUEUE)]
    workers.append(Child(RECONCILE_QUEUE, worker_command(RECONCILE_QUEUE)))
    beat = [sys.executable, "-m", "celery", "-A", "workers.app", "beat", "--loglevel", "INFO",
            "--schedule", str(state_dir / "celerybeat-schedule")]  # fmt: skip
    processes = [*workers, Child("beat", beat)]
    if api:
        serve = [sys.executable, "-m", "uvicorn", "services.api.app:create_app", "--factory",
                 "--host", host, "--port", str(port)]  # fmt: skip
        processes.append(Child("api", serve))
    return processes


class Supervisor:
    """Starts the children, prefixes their output, restarts the ones that die, and stops them all on a signal."""

    def __init__(self, processes: list[Child], *, write: Callable[[str], None]) -> None:
        self.children = processes
        self.write = write
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._width = max(len(child.name) for child in processes)

    def run(self) -> None:
        """Run until SIGINT or SIGTERM, then stop every child."""
        previous = {sig: signal.signal(sig, lambda *_: self.stopping.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            for child in self.children:
                self._start(child)
            while not self.stopping.wait(0.5):
                self._watch()
        finally:
            self._stop_all()
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _start(self, child: Child) -> None:
        child.process = subprocess.Popen(
            child.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C reaches the supervisor only; it stops the children in order
        )  # fmt: skip
        child.started_at, child.restart_at = time.monotonic(), None
        reader = threading.Thread(target=self._relay, args=(child, child.process), daemon=True)
        reader.start()
        child.readers.append(reader)

    def _relay(self, child: Child, process: subprocess.Popen) -> None:
        assert process.stdout is not None
        for raw in process.stdout:
            line = raw.decode("utf-8", "replace").rstrip()
            self._say(child.name, line)

    def _say(self, name: str, line: str) -> None:
        with self._lock:
            self.write(f"{name:<{self._width}} | {line}")

    def _watch(self) -> None:
        now = time.monotonic()
        for child in self.children:
            assert child.process is not None
            if child.restart_at is not None:
                if now >= child.restart_at:
                    child.restarts += 1
                    self._say(child.name, f"restarting (restart {child.restarts})")
                    self._start(child)
                continue
            code = child.process.poll()
            if code is None:
                continue
            lived = now - child.started_at
            child.delay = 1.0 if lived > HEALTHY_SECONDS else min(child.delay * 2, MAX_RESTART_DELAY)
            child.restart_at = now + child.delay
            self._say(child.name, f"exited with status {code}; starting it again in {child.delay:.0f} s")

    def _stop_all(self) -> None:
        stop_workers({c.name: c.process for c in self.children if c.process is not None}, timeout=GRACE_SECONDS)
        for child in self.children:
            for reader in child.readers:
                reader.join(timeout=5)
