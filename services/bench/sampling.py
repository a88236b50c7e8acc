"""What the bench watches while the pipeline runs: worker CPU time and memory, and queue depths over time."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import psutil
import redis

from services.local.processes import worker_stage


def _tree(pid: int) -> list[psutil.Process]:
    """A worker's main process and its pool processes."""
    try:
        main = psutil.Process(pid)
        return [main, *main.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def worker_cpu_seconds(processes: Mapping[str, subprocess.Popen]) -> dict[str, tuple[float, float]]:
    """User plus system CPU seconds used so far by each stage's workers: (consumer processes, pool processes)."""
    totals: dict[str, tuple[float, float]] = {}
    for key, process in processes.items():
        consumer = pool = 0.0
        for member in _tree(process.pid):
            try:
                times = member.cpu_times()
            except psutil.NoSuchProcess:
                continue
            if member.pid == process.pid:
                consumer += times.user + times.system
            else:
                pool += times.user + times.system
        before = totals.get(worker_stage(key), (0.0, 0.0))
        totals[worker_stage(key)] = (before[0] + consumer, before[1] + pool)
    return totals


def database_cpu_seconds(database: str) -> dict[int, float]:
    """CPU seconds so far of each Postgres backend serving `database` on this machine, by process id."""
    # Backends name themselves "postgres: [CLUSTER: ]USER DATABASE HOST(PORT) STATE"; others are left out.
    seconds: dict[int, float] = {}
    for process in psutil.process_iter(["cmdline"]):
        words = " ".join(process.info["cmdline"] or []).split()
        if words[1:2] and words[1].endswith(":"):
            del words[1]
        if len(words) >= 3 and words[0] == "postgres:" and words[2] == database:
            try:
                times = process.cpu_times()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            seconds[process.pid] = times.user + times.system
    return seconds


@dataclass
class Sample:
    """Queue depths at one moment, seconds after the sampler started."""

    seconds: float
    depths: dict[str, int]


@dataclass
class Sampler:
    """A thread that records queue depths and the peak resident memory of every worker process."""

    redis_url: str
    queues: tuple[str, ...]
    processes: Mapping[str, subprocess.Popen]
    interval: float = 0.25
    samples: list[Sample] = field(default_factory=list)
    peak_rss: dict[str, int] = field(default_factory=dict)  # "stage pid" -> bytes
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> Sampler:
        self._thread = threading.Thread(target=self._run, name="bench-sampler", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._sample_memory()  # the last word, so a short run still has a figure

    def _run(self) -> None:
        client = redis.Redis.from_url(self.redis_url)
        started = time.monotonic()
        try:
            while not self._stop.is_set():
                pipe = client.pipeline(transaction=False)
                for queue in self.queues:
                    pipe.llen(queue)
                depths = dict(zip(self.queues, pipe.execute(), strict=True))
                self.samples.append(Sample(round(time.monotonic() - started, 3), depths))
                self._sample_memory()
                self._stop.wait(self.interval)
        finally:
            client.close()

    def _sample_memory(self) -> None:
        for key, process in self.processes.items():
            for member in _tree(process.pid):
                try:
                    rss = member.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
                label = f"{worker_stage(key)} {member.pid}"
                self.peak_rss[label] = max(rss, self.peak_rss.get(label, 0))
