"""`newsflow bench --database X` drops X only if an earlier bench created it, or with --force."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, inspect, make_url, text
from typer.testing import CliRunner

from services.bench.run import BenchError, bench_database_url, recreate_database
from services.cli import app
from tests.conftest import RUN_ID

NAME = f"newsflow_bench_own_{RUN_ID}"


def execute(url: str, statement: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(statement))
    engine.dispose()


def tables(url: str) -> set[str]:
    engine = create_engine(url)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    return names


@pytest.fixture
def server_url(postgres_server_url: str) -> Iterator[str]:
    """The admin URL of the test server; the test's database is dropped afterwards."""
    admin = make_url(postgres_server_url).set(database="postgres").render_as_string(hide_password=False)
    yield admin
    execute(admin, f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')


@pytest.fixture
def someones_database(server_url: str) -> str:
    """A database the bench did not create, with a table of someone's in it."""
    execute(server_url, f'CREATE DATABASE "{NAME}"')
    url = bench_database_url(server_url, NAME)
    execute(url, "CREATE TABLE someones_work (id int)")
    return url


def test_a_database_the_bench_did_not_create_is_refused_and_left_as_it_was(someones_database: str) -> None:
    with pytest.raises(BenchError, match=f"database {NAME} exists and no bench created it: .* or add --force"):
        recreate_database(someones_database)
    assert tables(someones_database) == {"someones_work"}


def test_the_bench_drops_the_database_it_created_and_creates_it_afresh(server_url: str) -> None:
    url = bench_database_url(server_url, NAME)
    recreate_database(url)  # it did not exist: created, marked, migrated
    execute(url, "CREATE TABLE left_by_the_last_run (id int)")
    recreate_database(url)
    assert "articles" in tables(url) and "left_by_the_last_run" not in tables(url)


def test_force_drops_a_database_the_bench_did_not_create(someones_database: str) -> None:
    recreate_database(someones_database, force=True)
    assert "articles" in tables(someones_database) and "someones_work" not in tables(someones_database)


def test_the_bench_command_refuses_in_one_line_before_it_runs_anything(
    service_env, redis_client, someones_database: str
) -> None:
    result = CliRunner().invoke(app, ["bench", "--articles", "5", "--database", NAME], env={"COLUMNS": "250"})
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"database {NAME} exists and no bench created it: name another with --database, "
        "or add --force to drop it and everything in it"
    )
    assert tables(someones_database) == {"someones_work"}
