"""`newsflow export` at size: seconds and peak memory per table and format, over 1,000,000 events.

    python tests/bench/bench_export.py [--events 1000000] [--database newsflow_bench_export]

The database is filled as bench_store.py fills it (events, one mention each, articles, stories, in SQL). Each export
runs as the command a user runs, in its own process, writing to a file; its wall time and peak resident memory come
from the process's own accounting. Memory is also measured on a tenth of the events (`--until` at the tenth
event's time): constant memory means the same peak for a tenth and for all. Baseline, same run: Postgres's own
`COPY (SELECT * FROM reader.events ORDER BY id) TO STDOUT (FORMAT csv)` through psql, the fastest dump there is.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.bench_store import fill  # noqa: E402
from tests.bench.databases import drop_bench_database, fresh_database  # noqa: E402

NEWSFLOW = str(Path(sys.executable).with_name("newsflow"))
RUNS = [("events", fmt) for fmt in ("jsonl", "csv", "parquet", "plover", "gdelt")] + [
    ("mentions", "parquet"),
    ("articles", "csv"),
    ("stories", "jsonl"),
]


def timed(command: list[str], *, stdout=subprocess.DEVNULL) -> tuple[float, float]:
    """Wall seconds and peak resident MB of a command run to its end."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--database", default="newsflow_bench_export")
    options = parser.parse_args()

    url = fresh_database(options.database)
    started = time.perf_counter()
    fill(url, options.events)
    print(f"filled {options.events} events in {time.perf_counter() - started:.0f} s", flush=True)
    engine = create_engine(url)
    with engine.connect() as c:
        tenth = c.scalar(text("SELECT percentile_disc(0.1) WITHIN GROUP (ORDER BY first_seen) FROM events"))
        views = {"events": "events", "mentions": "event_mentions", "articles": "articles", "stories": "stories"}
        counts = {table: c.scalar(text(f"SELECT count(*) FROM reader.{view}")) for table, view in views.items()}
    engine.dispose()

    libpq_url = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with tempfile.TemporaryDirectory() as scratch:
        baseline_file = Path(scratch) / "copy.csv"
        with baseline_file.open("wb") as out:
            copy = "COPY (SELECT * FROM reader.events ORDER BY id) TO STDOUT (FORMAT csv, HEADER)"
            baseline, _ = timed(["psql", libpq_url, "-c", copy], stdout=out)
        print(f"baseline: psql COPY of {counts['events']} events to CSV: {baseline:.1f} s", flush=True)
        print(f"{'table':<9} {'format':<8} {'rows':>9} {'seconds':>8} {'× COPY':>7} {'MB':>7} {'rows/s':>9}")
        for table, fmt in RUNS:
            target = Path(scratch) / f"{table}.{fmt}"
            seconds, peak = timed([NEWSFLOW, "export", table, "--format", fmt, "-o", str(target), "--force"])
            rows = counts[table]
            ratio = seconds / baseline
            print(f"{table:<9} {fmt:<8} {rows:>9} {seconds:>8.1f} {ratio:>7.2f} {peak:>7.0f} {rows / seconds:>9.0f}")
            target.unlink()
        until = tenth.isoformat()
        _, peak_tenth = timed(
            [NEWSFLOW, "export", "events", "--until", until, "-o", str(Path(scratch) / "t"), "--force"]
        )
        _, peak_all = timed([NEWSFLOW, "export", "events", "-o", str(Path(scratch) / "a"), "--force"])
    print(f"peak memory, events as JSON lines: a tenth {peak_tenth:.0f} MB, all {peak_all:.0f} MB")
    drop_bench_database(options.database)


if __name__ == "__main__":
    main()
