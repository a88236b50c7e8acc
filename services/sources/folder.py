"""Drop folders: files other tools write there are ingested once, then moved to processed/ or failed/.

Several pollers may watch one folder. A poller claims a file by renaming it into `.claimed/` (rename is atomic
within a file system, so exactly one poller wins it), ingests it, and moves it on. A claim left behind by a
poller that died is taken up again after CLAIM_LEASE; ingest is idempotent by bytes, so nothing doubles.
"""

from __future__ import annotations

import os
import stat
import time
import uuid
from dataclasses import replace
from pathlib import Path

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.ingest import IngestOutcome, add_articles, inputs_from_file
from services.models import Source, SourceEntry
from services.status import Status

CLAIMED, PROCESSED, FAILED = ".claimed", "processed", "failed"
CLAIM_LEASE = 600  # seconds
# Names a writer uses while a file is not finished yet.
PARTIAL_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload")


def _claim_name(name: str) -> str:
    return f"{int(time.time())}.{uuid.uuid4().hex[:8]}.{name}"


def _original_name(claimed: Path) -> str:
    return claimed.name.split(".", 2)[2]


def _claim(path: Path, claimed_dir: Path, name: str) -> Path | None:
    target = claimed_dir / _claim_name(name)
    try:
        os.rename(path, target)
    except FileNotFoundError:
        return None  # another poller claimed it first
    return target


def claim_files(folder: Path, *, settle_seconds: float) -> list[Path]:
    """Claim the folder's finished files, and stale claims of dead pollers; return the claimed paths."""
    claimed_dir = folder / CLAIMED
    claimed_dir.mkdir(exist_ok=True)
    now = time.time()
    claimed = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name.lower().endswith(PARTIAL_SUFFIXES):
            continue
        try:
            status = path.stat()
        except FileNotFoundError:
            continue  # another poller claimed it since we listed the folder
        if not stat.S_ISREG(status.st_mode) or now - status.st_mtime < settle_seconds:
            continue  # a subfolder, or a file that may still be being written
        if target := _claim(path, claimed_dir, path.name):
            claimed.append(target)
    for path in sorted(claimed_dir.iterdir()):
        stamp = path.name.split(".", 1)[0]
        stale = path not in claimed and stamp.isdigit() and now - int(stamp) > CLAIM_LEASE
        if stale and (target := _claim(path, claimed_dir, _original_name(path))):
            claimed.append(target)
    return claimed


def ingest_claimed_file(session: Session, source: Source, claimed: Path, *, max_bytes: int) -> list[IngestOutcome]:
    """Add the articles in a claimed file (by its original name), each new one recorded as the source's entry."""
    origin = str(claimed.parents[1] / _original_name(claimed))
    items = [replace(item, origin=origin, source=item.source or source.name) for item in inputs_from_file(claimed)]
    outcomes = add_articles(session, items, max_bytes=max_bytes)
    if new := [o for o in outcomes if o.created]:
        rows = [{"source_id": source.id, "key": f"article:{o.article_id}", "article_id": o.article_id} for o in new]
        session.execute(insert(SourceEntry).values(rows).on_conflict_do_nothing())
    return outcomes


def file_away(claimed: Path, outcomes: list[IngestOutcome]) -> Path:
    """Move a claimed file to failed/ (with a .reason file) if any of its articles failed, else processed/."""
    refused = [o for o in outcomes if o.status is Status.FAILED]
    folder = claimed.parents[1]
    target_dir = folder / (FAILED if refused or not outcomes else PROCESSED)
    target_dir.mkdir(exist_ok=True)
    name = _original_name(claimed)
    target = target_dir / name
    if target.exists():  # the same name dropped twice: keep both
        target = target_dir / f"{claimed.name.split('.', 2)[0]}.{name}"
    os.rename(claimed, target)
    if refused or not outcomes:
        reasons = [f"{o.origin}: {o.error}" for o in refused] or ["no article in the file"]
        target.with_name(target.name + ".reason").write_text("\n".join(reasons) + "\n", encoding="utf-8")
    return target
