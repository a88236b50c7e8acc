"""`newsflow status` as a user runs it: the table, and the live table stopped with Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from services.db import session_scope
from services.models import Article
from services.sources.poll import record_error, utcnow
from services.sources.registry import add_source
from services.status import Status

NEWSFLOW = str(Path(sys.executable).with_name("newsflow"))


def test_status_prints_a_row_per_stage_with_its_backlog(service_env, clean_tables, redis_client) -> None:
    with session_scope() as session:
        session.add_all([Article(raw=f"{i}".encode(), status=Status.UNIQUE) for i in range(3)])
    env = {**os.environ, **service_env, "COLUMNS": "200"}
    result = subprocess.run([NEWSFLOW, "status"], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    rows = {line.split("│")[1].strip(): line for line in result.stdout.splitlines() if line.count("│") > 10}
    assert set(rows) == {"fetch", "clean", "dedup", "extract", "store"}
    # Articles wait for extract and no worker has finished a task of it: the stage is not busy.
    assert [cell.strip() for cell in rows["extract"].split("│")[2:4]] == ["no workers", "3"]
    assert "articles: unique 3" in result.stdout


def test_status_watch_shows_changes_until_interrupted(service_env, clean_tables, redis_client) -> None:
    env = {**os.environ, **service_env, "COLUMNS": "200"}
    process = subprocess.Popen(
        [NEWSFLOW, "status", "--watch", "--interval", "0.2"], env=env, stdout=subprocess.PIPE, text=True
    )
    time.sleep(3)  # drawn once, on an empty database
    with session_scope() as session:
        session.add(Article(raw=b"late", status=Status.EXTRACTED))
    time.sleep(2)
    process.send_signal(signal.SIGINT)
    try:
        output, _ = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()  # not left behind to hold its connections while later tests reset the database
        raise
    assert process.returncode == 0
    assert "articles: extracted 1" in output  # the last drawing read the database again


def test_status_shows_each_source_in_the_table_and_the_json(service_env, clean_tables, redis_client) -> None:
    with session_scope() as session:
        feed = add_source(session, location="https://news.example.org/feed.xml", interval_seconds=60)
        record_error(feed, "HTTP 503 Service Unavailable", now=utcnow(), retry_after=None, max_backoff=600)
    env = {**os.environ, **service_env, "COLUMNS": "250"}
    table = subprocess.run([NEWSFLOW, "status"], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert table.returncode == 0, table.stderr
    row = next(line for line in table.stdout.splitlines() if "news.example.org" in line)
    cells = [cell.strip() for cell in row.split("│")[1:-1]]
    assert cells[:4] == [str(feed.id), "feed", "https://news.example.org/feed.xml", "error"]
    assert cells[4].endswith(" s ago") and cells[5] == "-"  # polled just now, never found a new article
    assert "1 (1 in a row), last: HTTP 503 Service Unavailable" in cells[8]

    result = subprocess.run([NEWSFLOW, "status", "--json"], env=env, capture_output=True, text=True, timeout=60)
    [source] = json.loads(result.stdout)["sources"]
    assert (source["id"], source["state"], source["errors"], source["consecutive_errors"]) == (feed.id, "error", 1, 1)
    assert source["last_polled_seconds_ago"] >= 0 and source["last_new_seconds_ago"] is None
    assert source["articles_per_day"] == 0 and source["last_error"] == "HTTP 503 Service Unavailable"


def test_status_fits_a_terminal_of_100_columns(service_env, clean_tables, redis_client) -> None:
    with session_scope() as session:
        add_source(session, location="https://news.example.org/a/rather/long/path/to/the/feed.xml", interval_seconds=60)
        session.add(Article(raw=b"x", status=Status.UNIQUE))
    env = {**os.environ, **service_env, "COLUMNS": "100"}
    result = subprocess.run([NEWSFLOW, "status"], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100
    # Nothing is cut: whole stage names and counts; the columns that gave way are named.
    stages = [line.split("│")[1].strip() for line in lines if line.startswith("│") and line.count("│") > 5]
    assert stages[:5] == ["fetch", "clean", "dedup", "extract", "store"]
    assert "…" not in result.stdout and "too narrow for" in result.stdout
    sources = lines[next(i for i, line in enumerate(lines) if "location" in line) + 2 :]
    location = "".join(line.split("│")[3].strip() for line in sources if line.startswith("│"))
    assert location == "https://news.example.org/a/rather/long/path/to/the/feed.xml"
