"""What the bench watches while the pipeline runs: worker CPU time and memory, and queue depths over time."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import psutil
import redis

from services.workerprocs import worker_stage


def _tree(pid: int) -> list[psutil.Process]:
    """A worker's main process and its pool processes."""
    try:
        main = psutil.Process(pid)
        return [main, *main.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def worker_cpu_seconds(processes: Mapping[str, subprocess.Popen]) -> dict[str, float]:
    """User plus system CPU seconds used so far by each stage's workers, pool processes included."""
    totals: dict[str, float] = {}
    for key, process in processes.items():
        seconds = 0.0
        for member in _tree(process.pid):
            try:
                times = member.cpu_times()
            except psutil.NoSuchProcess:
                continue
            seconds += times.user + times.system
        stage = worker_stage(key)
        totals[stage] = totals.get(stage, 0.0) + seconds
    return totals


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
