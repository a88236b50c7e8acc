"""Mistakes and outages at the command line: one line that says what failed and what to do, and a non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, make_url
from typer.testing import CliRunner

from services.cli import app
from services.db import session_scope
from services.models import Article, Source
from services.status import Status
from tests.conftest import RUN_ID
from tests.databases import drop_database
from tests.outages import SECRET, settings_with

runner = CliRunner()
WIDE = {"COLUMNS": "250"}
ARTICLE = "Russia withdrew its troops from Syria on Sunday, officials said."


def one_line(result) -> str:
    """The whole output of a command that failed, which must be one line and no traceback."""
    assert result.exit_code != 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE)
    return path


@pytest.mark.parametrize(
    "command",
    [["status"], ["status", "--json"], ["failures"], ["ingest", "{article}"], ["sources", "list"], ["retry"],
     ["reconcile"], ["migrate"], ["run"]],
    ids=" ".join,
)  # fmt: skip
def test_every_command_says_in_one_line_that_postgres_is_unreachable(postgres_down, article_file, command) -> None:
    result = runner.invoke(app, [part.format(article=article_file) for part in command], env=WIDE)
    line = one_line(result)
    assert result.exit_code == 1
    assert line.startswith("cannot use Postgres at postgresql+psycopg://postgres:***@127.0.0.1:1/newsflow: ")
    assert "Connection refused" in line and "DATABASE_URL" in line and SECRET not in line


def test_a_missing_database_is_named_with_the_command_that_creates_it(service_env) -> None:
    missing = make_url(service_env["DATABASE_URL"]).set(database=f"newsflow_missing_{RUN_ID}")
    with settings_with(DATABASE_URL=missing.render_as_string(hide_password=False)):
        line = one_line(runner.invoke(app, ["status"], env=WIDE))
    assert f'database "newsflow_missing_{RUN_ID}" does not exist' in line and "`newsflow migrate`" in line


def test_migrate_creates_a_missing_database(service_env) -> None:
    url = make_url(service_env["DATABASE_URL"]).set(database=f"newsflow_migrated_{RUN_ID}")
    try:
        with settings_with(DATABASE_URL=url.render_as_string(hide_password=False)):
            result = runner.invoke(app, ["migrate"], env=WIDE)
        assert result.exit_code == 0, result.output
        assert f"created database newsflow_migrated_{RUN_ID}" in result.output
        migrated = create_engine(url)
        assert "articles" in inspect(migrated).get_table_names()
        migrated.dispose()
    finally:
        drop_database(url.render_as_string(hide_password=False))


@pytest.mark.parametrize("command", [["status"], ["status", "--json"], ["run"]], ids=" ".join)
def test_commands_say_in_one_line_that_redis_is_unreachable(redis_down, clean_tables, command) -> None:
    line = one_line(runner.invoke(app, command, env=WIDE))
    assert line.startswith("cannot use Redis at redis://:***@127.0.0.1:1/0: Error 111 connecting to 127.0.0.1:1")
    assert "REDIS_URL" in line and SECRET not in line


def test_retry_with_redis_down_leaves_the_failed_articles_as_they_were(redis_down, clean_tables) -> None:
    with session_scope() as session:
        session.add(Article(raw=ARTICLE.encode(), status=Status.FAILED, error_stage="clean", error="a reason"))
    line = one_line(runner.invoke(app, ["retry"], env=WIDE))
    assert line.startswith("cannot use Redis at redis://:***@127.0.0.1:1/0: ")
    with session_scope() as session:
        assert session.query(Article).one().status is Status.FAILED


def test_dedup_names_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "records.jsonl"
    assert one_line(runner.invoke(app, ["dedup", str(missing)])) == (
        f"cannot use {missing}: No such file or directory. Check the path."
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (json.dumps({"id": 1}), 'line 2: a record needs an "id" and a "text" string'),
        (json.dumps({"text": ARTICLE}), 'line 2: a record needs an "id" and a "text" string'),
        (json.dumps([1, ARTICLE]), 'line 2: a record needs an "id" and a "text" string'),
        ('{"id": 1, "text": ', "line 2 is not a JSON record (Expecting value"),
        ("[" * 100_000, "line 2 is not a JSON record (maximum recursion depth exceeded"),
    ],
    ids=["no text", "no id", "not an object", "not JSON", "nested too deep"],
)
def test_dedup_names_the_line_of_a_record_it_cannot_read(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"id": 0, "text": ARTICLE}) + "\n" + content + "\n")
    result = runner.invoke(app, ["dedup", str(path)])
    assert result.exit_code == 1
    decided, refused = result.output.strip().splitlines()  # the good record before it is decided
    assert json.loads(decided)["id"] == 0
    assert refused.startswith(f"{path} {problem}")


@pytest.mark.parametrize(
    "content", [b"", b"  \n ", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4], ids=["empty", "blank", "PNG"]
)
def test_extract_refuses_an_empty_or_binary_file_in_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    # The reason is the clean stage's own, as the pipeline would record it.
    assert one_line(result).startswith(f"cannot extract events from {path}: ")


def test_demo_outside_the_repository_says_where_the_seeds_are_expected(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(
        "services.local.demo.INSTALLED_SEEDS", tmp_path / "not-installed"
    )  # an editable install has none
    result = runner.invoke(app, ["demo"], env=WIDE)
    assert result.exit_code == 2
    assert one_line(result).startswith(f"no seeds at {tmp_path / 'seeds'}: run `newsflow demo` in the repository's")


def test_a_source_polled_every_0_seconds_is_refused(service_env, clean_tables) -> None:
    result = runner.invoke(app, ["sources", "add", "https://news.test/feed.xml", "--interval", "0"], env=WIDE)
    assert result.exit_code == 2 and "Invalid value for '--interval'" in result.output
    with session_scope() as session:
        assert session.query(Source).count() == 0


def test_retry_refuses_a_stage_that_does_not_exist(service_env) -> None:
    result = runner.invoke(app, ["retry", "--stage", "nonsense"], env=WIDE)
    assert result.exit_code == 2
    assert "Invalid value for '--stage'" in result.output and "'nonsense' is not one of 'fetch'" in result.output
