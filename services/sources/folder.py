"""Drop folders: files other tools write there are ingested once, then moved to processed/ or failed/.

A drop folder lies under the operator's drop root (NEWSFLOW_DROP_ROOT); a poller takes only regular files in it,
never follows a symbolic link and never leaves it.

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

from services.models import Source, SourceEntry
from services.sources.ingest import IngestOutcome, add_articles, inputs_from_bytes, too_large
from services.status import Status

CLAIMED, PROCESSED, FAILED = ".claimed", "processed", "failed"
CLAIM_LEASE = 600  # seconds
# Names a writer uses while a file is not finished yet.
PARTIAL_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload")


class FolderRefused(ValueError):
    """A folder that may not be a drop folder (no drop root, outside it, not a directory), or a file not taken."""


def folder_within(location: str | Path, drop_root: Path | None) -> Path:
    """The folder's real path, if it is a directory under the drop root; FolderRefused with the reason if not."""
    if drop_root is None:
        raise FolderRefused("drop folders are disabled: set NEWSFLOW_DROP_ROOT to the directory they must be under")
    root = Path(drop_root).expanduser().resolve()
    folder = Path(location).expanduser().resolve()  # links resolved: a link out of the root is outside it
    if not folder.is_relative_to(root):
        raise FolderRefused(f"{location} is outside the drop root {root} (NEWSFLOW_DROP_ROOT)")
    if not folder.is_dir():
        raise FolderRefused(f"not a directory: {location}")
    return folder


def _own_subfolder(folder: Path, name: str) -> Path:
    """The folder's subfolder `name`, made if missing; FolderRefused if it is a link or not a directory."""
    path = folder / name
    path.mkdir(exist_ok=True)
    if not stat.S_ISDIR(path.lstat().st_mode):
        raise FolderRefused(f"{path} is not a directory of the drop folder's own (a link?)")
    return path


def _is_regular(path: Path) -> os.stat_result | None:
    """The file's status if it is a regular file and not a link; None if not, or if it is gone."""
    try:
        status = path.lstat()
    except FileNotFoundError:
        return None
    return status if stat.S_ISREG(status.st_mode) else None


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
    claimed_dir = _own_subfolder(folder, CLAIMED)
    now = time.time()
    claimed = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name.lower().endswith(PARTIAL_SUFFIXES):
            continue
        status = _is_regular(path)
        if status is None or now - status.st_mtime < settle_seconds:
            continue  # a link, a subfolder, gone to another poller, or a file that may still be being written
        if target := _claim(path, claimed_dir, path.name):
            claimed.append(target)
    for path in sorted(claimed_dir.iterdir()):
        stamp = path.name.split(".", 1)[0]
        stale = path not in claimed and stamp.isdigit() and now - int(stamp) > CLAIM_LEASE and _is_regular(path)
        if stale and (target := _claim(path, claimed_dir, _original_name(path))):
            claimed.append(target)
    return claimed


def read_claimed(claimed: Path, *, max_bytes: int) -> bytes:
    """A claimed file's bytes; FolderRefused if it is a link or not a regular file (swapped in after the check)
    or larger than max_bytes, before anything is read."""
    try:
        # O_NONBLOCK: a FIFO would otherwise block the open until someone writes to it.
        descriptor = os.open(claimed, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        raise FolderRefused(f"not read: {exc.strerror}") from exc
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise FolderRefused("not read: not a regular file")
        if status.st_size > max_bytes:
            raise FolderRefused(too_large(status.st_size, max_bytes))
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew since
        raise FolderRefused(too_large(len(data), max_bytes))
    return data


def ingest_claimed_file(session: Session, source: Source, claimed: Path, *, max_bytes: int) -> list[IngestOutcome]:
    """Add the articles in a claimed file (by its original name), each new one recorded as the source's entry;
    FolderRefused (nothing added) if the file is not taken."""
    origin = str(claimed.parents[1] / _original_name(claimed))
    data = read_claimed(claimed, max_bytes=max_bytes)
    items = [
        replace(item, source=item.source or source.name)
        for item in inputs_from_bytes(data, origin=origin, suffix=Path(origin).suffix)
    ]
    outcomes = add_articles(session, items, max_bytes=max_bytes)
    if new := [o for o in outcomes if o.created]:
        rows = [{"source_id": source.id, "key": f"article:{o.article_id}", "article_id": o.article_id} for o in new]
        session.execute(insert(SourceEntry).values(rows).on_conflict_do_nothing())
    return outcomes


def file_away(claimed: Path, outcomes: list[IngestOutcome], *, refusal: str | None = None) -> Path:
    """Move a claimed file to failed/ (with a .reason file) if it was refused or any of its articles failed, else
    to processed/."""
    failed = [f"{o.origin}: {o.error}" for o in outcomes if o.status is Status.FAILED]
    reasons = (
        [f"{_original_name(claimed)}: {refusal}"]
        if refusal
        else failed or ([] if outcomes else ["no article in the file"])
    )
    folder = claimed.parents[1]
    target_dir = _own_subfolder(folder, FAILED if reasons else PROCESSED)
    name = _original_name(claimed)
    target = target_dir / name
    if target.exists():  # the same name dropped twice: keep both
        target = target_dir / f"{claimed.name.split('.', 2)[0]}.{name}"
    os.rename(claimed, target)
    if reasons:
        _write_new(target.with_name(target.name + ".reason"), "\n".join(reasons) + "\n")
    return target


def _write_new(path: Path, text: str) -> None:
    """Write a file of our own, replacing whatever is at the path without following a link planted there."""
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
