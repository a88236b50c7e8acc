"""Memory of every container the Kubernetes manifests run, measured here with the manifests' own commands.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/13 \\
        python tests/bench/bench_worker_memory.py [--articles 1000] [--settle 5] [--deployment NAME]...

Each container of each Deployment in infra/k8s is started as its manifest says: its command (the image's `celery`,
`newsflow` and `python` taken from this environment, its volumes as temporary directories, its ports as free ones),
the ConfigMap's settings, a throwaway database (--database, made on DATABASE_URL's server, migrated, dropped at the
end) and REDIS_URL's Redis database, which is flushed at the start and the end: give it one of its own. A container
is measured as a process tree, its main process and every pool child: RSS, and PSS (psutil), which divides each
page among the processes that map it, as forked pool children share their parent's, and so comes near what the
container's memory cgroup is charged.

Idle: every Deployment on its own, started on an empty database, after `--settle` seconds. Busy: the peak, sampled
every half second, while it works; the stages in the pipeline's order, each over what the one before passed on:
fetch downloads the clean tests' real pages and the dedup corpus's reports (served on 127.0.0.1), and the seeds and
`--articles` generated articles (bench_dedup.py's, a fifth of them copies) are ingested with their content; then
poll reads a feed of as many entries as fetch downloaded, reconcile runs once, beat ticks, and the API and each
stage pod's metrics sidecar are read while they run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import redis
import yaml
from celery import Celery
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.db import session_scope  # noqa: E402
from services.models import Article, Source  # noqa: E402
from services.ops.reconcile import next_stage_expression  # noqa: E402
from services.settings import get_settings  # noqa: E402
from services.stages import STAGES  # noqa: E402
from tests.bench.bench_dedup import make_articles  # noqa: E402
from tests.bench.databases import drop_bench_database, fresh_database  # noqa: E402
from tests.feeds import RSS, Item, article_html, rss  # noqa: E402
from tests.pages import Page, Site, serve  # noqa: E402

K8S = ROOT / "infra" / "k8s"
MIB = 1 << 20
SAMPLE_SECONDS = 0.5
BIN = Path(sys.executable).parent
# Lets fetch and poll read the pages served here, all at once; neither changes what a process holds in memory.
LOCAL_FETCH = {
    "NEWSFLOW_FETCH_ALLOW_PRIVATE_ADDRESSES": "true",
    "NEWSFLOW_HOST_MAX_CONCURRENCY": "8",
    "NEWSFLOW_HOST_MIN_INTERVAL_SECONDS": "0",
    "NEWSFLOW_API_KEY": "bench-only",
}


def manifests() -> list[dict]:
    return [doc for path in sorted(K8S.glob("*.yaml")) for doc in yaml.safe_load_all(path.read_text()) if doc]


@dataclass
class Usage:
    """The peak of a container's process tree over the samples taken."""

    processes: int = 0
    rss: int = 0
    pss: int = 0

    def sample(self, pid: int) -> None:
        try:
            root = psutil.Process(pid)
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        rss = pss = 0
        for process in tree:
            try:
                memory = process.memory_full_info()
            except psutil.NoSuchProcess:
                continue
            rss, pss = rss + memory.rss, pss + memory.pss
        self.processes = max(self.processes, len(tree))
        self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)


@dataclass
class Container:
    deployment: str
    name: str
    command: list[str]
    env: dict[str, str]
    ports: dict[int, int]  # the manifest's port -> the one used here
    log: Path
    process: subprocess.Popen | None = None
    idle: Usage = field(default_factory=Usage)
    busy: Usage = field(default_factory=Usage)

    @property
    def role(self) -> str:
        """What the container runs, in short: `newsflow worker fetch -c 8`, `beat`, `newsflow api`, the exporter."""
        command = self.command
        if command[0].endswith("celery"):
            return command[3]
        if command[0].endswith("newsflow"):
            return " ".join(["newsflow", *command[1:]]) if command[1] == "worker" else f"newsflow {command[1]}"
        return command[2] if command[1] == "-m" else Path(command[1]).name


class Pod:
    """One Deployment's containers, started here as its manifest describes them."""

    def __init__(self, deployment: dict, config: dict[str, dict[str, str]], base_env: dict[str, str], work: Path):
        self.name = deployment["metadata"]["name"]
        spec = deployment["spec"]["template"]["spec"]
        work.mkdir(parents=True)
        volumes: dict[str, Path] = {}
        for volume in spec.get("volumes", []):
            volumes[volume["name"]] = directory = work / volume["name"]
            directory.mkdir()
            for key, value in config.get(volume.get("configMap", {}).get("name"), {}).items():
                (directory / key).write_text(value)
        self.containers = []
        for spec_container in spec["containers"]:
            paths = {m["mountPath"]: str(volumes[m["name"]]) for m in spec_container.get("volumeMounts", [])}
            paths["/tmp"] = str(work)  # beat's schedule file
            ports = {p["containerPort"]: free_port() for p in spec_container.get("ports", [])}
            env = dict(base_env)
            for source in spec_container.get("envFrom", []):
                env |= config.get(source.get("configMapRef", {}).get("name"), {})
            env |= {item["name"]: local_path(item["value"], paths) for item in spec_container.get("env", [])}
            command = [local_path(arg, paths) for arg in spec_container["command"]]
            command = [str(ports.get(int(arg), arg)) if arg.isdigit() else arg for arg in command]
            command[0] = sys.executable if command[0] == "python" else str(BIN / command[0])
            log = work / f"{spec_container['name']}.log"
            self.containers.append(Container(self.name, spec_container["name"], command, env, ports, log))

    @contextmanager
    def running(self) -> Iterator[Pod]:
        try:
            for container in self.containers:
                with container.log.open("ab") as log:
                    container.process = subprocess.Popen(
                        container.command, env=container.env, stdout=log, stderr=subprocess.STDOUT,
                        stdin=subprocess.DEVNULL, start_new_session=True,
                    )  # fmt: skip
            for container in self.containers:
                wait_until_ready(container)
            yield self
        finally:
            for container in self.containers:
                stop(container.process)

    def sample(self, phase: str) -> None:
        for container in self.containers:
            getattr(container, phase).sample(container.process.pid)


def local_path(value: str, paths: dict[str, str]) -> str:
    """A path in the container as the temporary directory that stands in for its volume here."""
    for mount, local in paths.items():
        if value == mount or value.startswith(mount + "/"):
            return local + value[len(mount) :]
    return value


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_ready(container: Container, timeout: float = 120) -> None:
    """Until a worker logs `ready.`, beat starts, or an HTTP server answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if container.process.poll() is not None:
            raise RuntimeError(f"{container.deployment}/{container.name} exited: {container.log.read_text()[-2000:]}")
        log = container.log.read_text(errors="replace")
        if container.ports:
            try:
                port = next(iter(container.ports.values()))
                path = "/health" if container.role == "newsflow api" else "/metrics"
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2).read()
                return
            except OSError:
                pass
        elif " ready." in log or "beat: Starting" in log:
            return
        time.sleep(0.2)
    raise TimeoutError(f"{container.deployment}/{container.name} not ready within {timeout} s")


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        process.wait()


def read_http_ports(pod: Pod) -> None:
    """Read what the pod serves (the API's pages, a sidecar's metrics), as a scrape would."""
    for container in pod.containers:
        for port in container.ports.values():
            paths = ["/", "/status.json", "/metrics", "/articles"] if container.role == "newsflow api" else ["/metrics"]
            for path in paths:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30).read()


def backlog(stage: str) -> int:
    with session_scope() as session:
        return session.scalar(select(func.count()).where(next_stage_expression() == stage))


def polled() -> bool:
    with session_scope() as session:
        return bool(session.scalar(select(func.count()).where(Source.last_polled_at.is_not(None))))


def work_until(pod: Pod, done: Callable[[], bool], *, timeout: float, at_least: float = 0.0) -> float:
    """Sample the pod's busy memory until `done()` (and at least `at_least` seconds); return the seconds it took."""
    started = time.monotonic()
    while True:
        pod.sample("busy")
        read_http_ports(pod)
        elapsed = time.monotonic() - started
        if elapsed >= at_least and done():
            return elapsed
        if elapsed > timeout:
            raise TimeoutError(f"{pod.name}: its work did not finish within {timeout} s")
        time.sleep(SAMPLE_SECONDS)


def newsflow(*args: str, env: dict[str, str]) -> None:
    subprocess.run([str(BIN / "newsflow"), *args], env=env, check=True, capture_output=True)


def site_routes(site: Site) -> tuple[list[str], bytes]:
    """Serve the clean tests' real pages and the dedup corpus's reports; return their URLs and a feed of as many."""
    urls = []
    for path in sorted((ROOT / "tests/data/clean/html").glob("*.html")):
        site.routes[f"/page/{path.name}"] = Page(path.read_bytes())
        urls.append(site.url(f"/page/{path.name}"))
    for line in (ROOT / "tests/data/dedup/corpus.jsonl").read_text().splitlines():
        report = json.loads(line)
        site.routes[f"/report/{report['id']}"] = Page(article_html(report["title"], report["text"]))
        urls.append(site.url(f"/report/{report['id']}"))
    feed = rss([Item(site.url(f"/polled/{n}"), f"Polled story {n}") for n in range(len(urls))])
    return urls, feed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="newsflow_k8s_measure")
    parser.add_argument("--articles", type=int, default=1000, help="generated articles ingested with their content")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds a started pod idles before it is measured")
    parser.add_argument("--deployment", action="append", help="measure only these (default: every Deployment)")
    args = parser.parse_args()

    documents = manifests()
    config = {d["metadata"]["name"]: d["data"] for d in documents if d["kind"] == "ConfigMap"}
    deployments = [d for d in documents if d["kind"] == "Deployment"]
    # The stages first, in the pipeline's order: each works through what the one before passed on.
    order = {f"newsflow-{stage}": n for n, stage in enumerate(STAGES)}
    deployments.sort(key=lambda d: order.get(d["metadata"]["name"], len(order)))
    if args.deployment:
        deployments = [d for d in deployments if d["metadata"]["name"] in args.deployment]

    redis_url = get_settings().redis_url
    broker = redis.Redis.from_url(redis_url)
    sender = Celery(broker=redis_url)
    work = Path(tempfile.mkdtemp(prefix="newsflow-memory-"))
    with ExitStack() as cleanup:
        cleanup.callback(shutil.rmtree, work, ignore_errors=True)
        cleanup.callback(broker.flushdb)
        cleanup.callback(drop_bench_database, args.database)
        site = cleanup.enter_context(serve(Site()))
        urls, feed = site_routes(site)
        site.routes["/feed.xml"] = Page(feed, content_type=RSS)

        def base_env() -> dict[str, str]:
            # This environment without newsflow's own settings, which come from the manifests and the bench.
            env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSFLOW_", "PROMETHEUS_", "REMAP_"))}
            return env | LOCAL_FETCH | {"DATABASE_URL": get_settings().database_url, "REDIS_URL": redis_url}

        pods = {}
        fresh_database(args.database)
        for deployment in deployments:  # idle: each alone, on an empty database and queue
            broker.flushdb()
            name = deployment["metadata"]["name"]
            pods[name] = Pod(deployment, config, base_env(), work / "idle" / name)
            with pods[name].running() as pod:
                time.sleep(args.settle)
                pod.sample("idle")
            print(f"{name}: idle measured", file=sys.stderr)

        fresh_database(args.database)
        broker.flushdb()
        env = base_env()
        newsflow("ingest", *(f"--url={url}" for url in urls), env=env)
        generated = work / "generated.jsonl"
        texts = make_articles(args.articles, 0.2, random.Random(7))
        generated.write_text("".join(json.dumps({"title": t.split(".")[0][:80], "text": t}) + "\n" for t in texts))
        newsflow("ingest", str(ROOT / "seeds"), str(generated), env=env)
        timings = {}
        for deployment in deployments:  # busy: the pipeline's work, one Deployment at a time
            name = deployment["metadata"]["name"]
            stage = name.removeprefix("newsflow-")
            busy_pod = Pod(deployment, config, base_env(), work / "busy" / name)
            for idle, busy in zip(pods[name].containers, busy_pod.containers, strict=True):
                busy.idle = idle.idle
            with busy_pod.running() as pod:
                if stage in STAGES:
                    timings[name] = work_until(pod, lambda stage=stage: backlog(stage) == 0, timeout=600)
                elif stage == "poll":
                    newsflow("sources", "add", site.url("/feed.xml"), env=env)
                    sender.send_task("newsflow.poll_due", queue="poll")
                    timings[name] = work_until(pod, polled, timeout=120, at_least=2)
                elif stage == "reconcile":
                    sender.send_task("newsflow.reconcile", queue="reconcile")
                    timings[name] = work_until(pod, lambda: True, timeout=60, at_least=3)
                else:  # beat ticks; the API is read
                    timings[name] = work_until(pod, lambda: True, timeout=60, at_least=12)
            pods[name] = pod
            print(f"{name}: busy measured ({timings[name]:.1f} s)", file=sys.stderr)

        with session_scope() as session:
            statuses = session.execute(select(Article.status, func.count()).group_by(Article.status)).all()
        print("articles by status:", {status.value: count for status, count in statuses}, file=sys.stderr)
        print(f"Python {sys.version.split()[0]}, {psutil.cpu_count()} cores; MiB, process tree peaks")
        print("| Deployment | container | command | processes | idle RSS | idle PSS | busy RSS | busy PSS | busy for |")
        print("|---|---|---|---|---|---|---|---|---|")
        for name, pod in pods.items():
            for c in pod.containers:
                print(
                    f"| {name} | {c.name} | `{c.role}` | {c.busy.processes} | {c.idle.rss / MIB:.0f} | "
                    f"{c.idle.pss / MIB:.0f} | {c.busy.rss / MIB:.0f} | {c.busy.pss / MIB:.0f} | "
                    f"{timings.get(name, 0):.0f} s |"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
