"""A plain (not editable) install of the wheel works away from the repository: it migrates a fresh database from the
migrations it carries and runs the demo on the seeds it installed. The wheel's dependencies are this environment's,
so the test installs nothing from the network but the build backend."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from sqlalchemy import make_url

from tests.databases import drop_database

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.system


def run(*command: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=600, **options)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A new virtual environment with the wheel installed in it, seeing this environment's packages for its
    dependencies only (not this checkout, which its editable install maps)."""
    work = tmp_path_factory.mktemp("wheel")
    built = run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(work), str(ROOT))
    assert built.returncode == 0, built.stderr
    [wheel] = work.glob("newsflow-*.whl")
    venv = work / "venv"
    assert run(sys.executable, "-m", "venv", "--without-pip", str(venv)).returncode == 0
    site = Path(run(str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
                .stdout.strip())  # fmt: skip
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    done = run(sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet",
               "--no-deps", str(wheel))  # fmt: skip
    assert done.returncode == 0, done.stderr
    return venv


def test_the_wheel_migrates_a_fresh_database_and_runs_the_demo(installed: Path, database_url, redis_url, tmp_path):
    fresh = make_url(database_url).set(database=f"{make_url(database_url).database}_wheel")
    url = fresh.render_as_string(hide_password=False)
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": redis_url, "PYTHONPATH": ""}
    where = run(str(installed / "bin" / "python"), "-c", "import services; print(services.__file__)", cwd=tmp_path,
                env=env)  # fmt: skip
    assert where.stdout.startswith(str(installed)), where.stdout + where.stderr
    try:
        migrated = run(str(installed / "bin" / "newsflow"), "migrate", cwd=tmp_path, env=env)
        assert migrated.returncode == 0, migrated.stdout + migrated.stderr
        assert f"created database {fresh.database}" in migrated.stdout
        demo = run(str(installed / "bin" / "newsflow"), "demo", cwd=tmp_path, env={**env, "COLUMNS": "200"})
        assert demo.returncode == 0, demo.stdout + demo.stderr
        assert "ingested 5 new article(s) of 5" in demo.stdout
    finally:
        drop_database(url)
