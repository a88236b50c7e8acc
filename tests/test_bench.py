"""`newsflow bench` end to end: a small corpus through real worker processes, real Redis and a fresh database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy import create_engine, make_url, text

from services.bench.run import BenchError, BenchOptions, run_bench
from tests.conftest import RUN_ID

SMOKE_ARTICLES = 150
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
REAL_PAGES = 20


@pytest.fixture
def bench_database(postgres_server_url: str) -> Iterator[str]:
    """The name of the database the bench creates, dropped after the test."""
    name = f"newsflow_bench_test_{RUN_ID}"
    yield name
    admin = create_engine(make_url(postgres_server_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def run_bench_command(*args: str, database: str, tmp_path: Path, env: dict[str, str]) -> tuple[str, dict]:
    """`newsflow bench` in a process of its own: what it printed, and its JSON report."""
    report_path = tmp_path / "bench.json"
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("newsflow")), "bench", *args, "--database", database,
            "--json", str(report_path), "--log-dir", str(tmp_path / "logs"),
        ],
        env={**os.environ, **env, "COLUMNS": "200"}, capture_output=True, text=True, timeout=280, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout, json.loads(report_path.read_text())


@pytest.mark.system
def test_a_small_bench_runs_every_article_through_the_workers_and_reports_it(
    postgres_server_url: str, redis_url: str, redis_client: redis.Redis, bench_database: str, tmp_path: Path
) -> None:
    # Runs before the session's worker fixture starts (tests/workers), so no other worker takes its messages.
    plot_path = tmp_path / "queues.png"
    output, report = run_bench_command(
        "--articles", str(SMOKE_ARTICLES), "--copies", "0.2", "--plot", str(plot_path), database=bench_database,
        tmp_path=tmp_path, env={"DATABASE_URL": postgres_server_url, "REDIS_URL": redis_url},
    )  # fmt: skip
    assert "efficiency" in output
    assert report["complete"] and report["articles"] == SMOKE_ARTICLES
    # Every article is final, and the generated corpus holds nothing a stage should refuse.
    assert set(report["statuses"]) == {"stored", "duplicate"}
    assert 0 < report["statuses"]["duplicate"] <= report["copies"]
    # One worker per stage takes the articles in ingest order, so the workers decide as the functions did in process.
    assert report["statuses"]["duplicate"] == report["in_process_duplicates"]
    assert report["mentions"] == report["in_process_mentions"] > 0 and report["events"] > 0
    assert report["articles_per_s"] > 0 and report["in_process_articles_per_s"] > 0 and report["efficiency"] > 0
    assert 0 < report["latency_p50_s"] <= report["latency_p95_s"] <= report["latency_p99_s"] <= report["seconds"]
    assert set(report["postgres"]) == {"autovacuum", "shared_buffers"}
    tenths = report["articles_per_s_by_tenth"]
    assert len(tenths) == 10 and all(rate > 0 for rate in tenths)
    assert [s["stage"] for s in report["stages"]] == ["clean", "dedup", "extract", "store"]
    for stage in report["stages"]:
        assert stage["articles"] > 0 and stage["cpu_s_per_article"] > 0 and stage["peak_rss_mb"] > 0, stage
        assert stage["in_process_cpu_s_per_article"] > 0, stage
    assert report["stages"][0]["articles"] == SMOKE_ARTICLES
    assert report["queue_depths"] and max(max(s["depths"].values()) for s in report["queue_depths"]) > 0
    assert plot_path.read_bytes().startswith(PNG_MAGIC)


@pytest.mark.system
def test_a_bench_on_real_pages_counts_every_input_by_reason_on_both_sides(
    postgres_server_url: str,
    redis_url: str,
    redis_client: redis.Redis,
    bench_database: str,
    tmp_path: Path,
    dev_data: Path,
) -> None:
    pages = dev_data / "pages" / "html"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for page in sorted(pages.glob("*.html.gz"))[:REAL_PAGES]:
        shutil.copy(page, corpus)
    (corpus / "truncated.html.gz").write_bytes(next(pages.glob("*.html.gz")).read_bytes()[:500])
    (corpus / "links.jsonl").write_text(json.dumps({"url": "https://news.test/only-a-link"}) + "\n")
    output, report = run_bench_command(
        "--corpus", str(corpus), database=bench_database, tmp_path=tmp_path,
        env={"DATABASE_URL": postgres_server_url, "REDIS_URL": redis_url},
    )  # fmt: skip
    assert "not stored, by reason" in output
    assert report["complete"] and report["corpus"] == [str(corpus)]
    assert (report["articles"], report["inputs"]) == (REAL_PAGES, REAL_PAGES + 2)
    assert sum(report["statuses"].values()) == REAL_PAGES and report["statuses"]["stored"] > 0
    failures = report["failures_by_reason"]
    assert failures["refused at ingest: not a readable gzip file"] == 1
    assert failures["skipped at fetch: no content; the bench does not fetch"] == 1
    # The pages are in several languages, and one worker per stage takes them in ingest order: both sides end each
    # input the same way.
    assert any(reason.startswith("skipped at extract: language") for reason in failures)
    assert failures == report["in_process_failures_by_reason"]
    assert report["statuses"].get("duplicate", 0) == report["in_process_duplicates"]
    assert report["efficiency"] > 0


def test_the_bench_refuses_a_redis_database_with_messages_waiting(
    service_env: dict[str, str], redis_client: redis.Redis
) -> None:
    redis_client.lpush("clean", "a message from something else")
    try:
        with pytest.raises(BenchError, match="queues are not empty"):
            run_bench(BenchOptions(articles=10))
    finally:
        redis_client.delete("clean")


def test_a_corpus_with_no_article_to_run_is_refused(
    service_env: dict[str, str], bench_database: str, tmp_path: Path
) -> None:
    (tmp_path / "links.jsonl").write_text(json.dumps({"url": "https://news.test/only-a-link"}) + "\n")
    with pytest.raises(BenchError, match="no article to run in .*every input was set aside"):
        run_bench(BenchOptions(corpus=(tmp_path,), database=bench_database))
