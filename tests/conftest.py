"""Fixtures: a throwaway Postgres database migrated to head and a Redis keyspace, per test run.

Servers come from NEWSFLOW_TEST_DATABASE_URL / NEWSFLOW_TEST_REDIS_URL, else the default local ports when
they answer, else testcontainers (where a Docker engine runs).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
from sqlalchemy import Engine, make_url, text
from sqlalchemy.orm import Session

from services import migrations
from services.db import Base, get_engine
from services.local.servers import postgres_reachable, redis_reachable
from services.settings import get_settings, normalise_database_url
from tests.databases import drop_database, recreate_database
from tests.outages import POSTGRES_DOWN, REDIS_DOWN, settings_with

LOCAL_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
LOCAL_REDIS = "redis://127.0.0.1:6379/0"
TEST_REDIS_DB = 15
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RUN_ID = uuid.uuid4().hex[:8]
TESTS = Path(__file__).resolve().parent
# Every fixture that reaches Postgres or Redis depends on one of these.
SERVER_FIXTURES = frozenset({"postgres_server_url", "redis_server_url"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Sort every test into its tier: system (worker or command processes), integration (a server), or unit."""
    for item in items:
        if item.get_closest_marker("system") or item.path.relative_to(TESTS).parts[0] == "workers":
            tier = pytest.mark.system
        elif SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            tier = pytest.mark.integration
        else:
            tier = pytest.mark.unit
        item.add_marker(tier)


@pytest.fixture(scope="session")
def _containers() -> Iterator[ExitStack]:
    with ExitStack() as stack:
        yield stack


@pytest.fixture(scope="session")
def postgres_server_url(_containers: ExitStack) -> str:
    """A URL of a Postgres server we may create databases on."""
    if url := os.environ.get("NEWSFLOW_TEST_DATABASE_URL"):
        return normalise_database_url(url)
    if postgres_reachable(LOCAL_POSTGRES):
        return LOCAL_POSTGRES
    from testcontainers.postgres import PostgresContainer

    container = _containers.enter_context(PostgresContainer("postgres:16-alpine", driver="psycopg"))
    return container.get_connection_url()


@pytest.fixture(scope="session")
def redis_server_url(_containers: ExitStack) -> str:
    """A URL of a Redis server; this run owns database 15, or the database NEWSFLOW_TEST_REDIS_URL names."""
    if url := os.environ.get("NEWSFLOW_TEST_REDIS_URL"):
        return url
    if redis_reachable(LOCAL_REDIS):
        return LOCAL_REDIS
    from testcontainers.redis import RedisContainer

    container = _containers.enter_context(RedisContainer("redis:7-alpine"))
    return f"redis://{container.get_container_host_ip()}:{container.get_exposed_port(6379)}/0"


@pytest.fixture(scope="session")
def database_url(postgres_server_url: str) -> Iterator[str]:
    """A fresh database for this test run, migrated to head by the real migrations, dropped afterwards."""
    name = f"newsflow_test_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{RUN_ID}"
    url = make_url(postgres_server_url).set(database=name).render_as_string(hide_password=False)
    recreate_database(url)
    migrations.upgrade(url)
    yield url
    drop_database(url)


@pytest.fixture(scope="session")
def redis_url(redis_server_url: str) -> str:
    """The Redis URL of this run's keyspace: NEWSFLOW_TEST_REDIS_URL's database as given, else database 15."""
    if os.environ.get("NEWSFLOW_TEST_REDIS_URL"):
        return redis_server_url
    return urlunsplit(urlsplit(redis_server_url)._replace(path=f"/{TEST_REDIS_DB}"))


@pytest.fixture(scope="session")
def service_env(database_url: str, redis_url: str) -> Iterator[dict[str, str]]:
    """Point this process's settings (and worker processes started with this env) at the test services."""
    env = {"DATABASE_URL": database_url, "REDIS_URL": redis_url}
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    get_settings.cache_clear()
    get_engine.cache_clear()
    yield env
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    get_engine().dispose()
    get_settings.cache_clear()
    get_engine.cache_clear()


@pytest.fixture(scope="session")
def engine(service_env: dict[str, str]) -> Engine:
    """The engine the code under test uses, bound to the test database."""
    return get_engine()


@pytest.fixture
def db_session(engine: Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test; commits become savepoints."""
    with engine.connect() as connection, connection.begin() as outer:
        session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
        yield session
        session.close()
        outer.rollback()


@pytest.fixture
def clean_tables(engine: Engine) -> Iterator[None]:
    """Empty every table before and after a test that needs committed rows (worker tests)."""
    _truncate(engine)
    yield
    _truncate(engine)


def _truncate(engine: Engine) -> None:
    names = ", ".join(table.name for table in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture
def redis_client(redis_url: str) -> Iterator[redis.Redis]:
    """A client of this run's Redis keyspace, emptied before the test."""
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.close()


def store_seeds(engine: Engine) -> list[int]:
    """Empty the tables and run the seeds through every step after fetch, each in its own transaction."""
    from services.clean.step import clean_step
    from services.db import session_scope
    from services.dedup.step import dedup_step
    from services.extract.step import extract_step
    from services.sources.ingest import add_article, inputs_from_paths
    from services.store.step import store_step

    _truncate(engine)
    with session_scope() as session:
        ids = [
            add_article(session, item, max_bytes=1_000_000).article_id
            for item in inputs_from_paths([SEEDS], max_bytes=1_000_000)
        ]
    for step in (clean_step, dedup_step, extract_step, store_step):
        for article_id in ids:
            with session_scope() as session:
                step(session, article_id)
    return ids


@pytest.fixture(scope="session")
def dev_data() -> Path:
    """The labelled development data (NEWSFLOW_EVAL_DATA, else ../shared/dev beside the project), never copied into
    the project; a test that needs it is skipped, saying why, where it is not."""
    from services.evaluation.data import MissingData, data_dir

    try:
        return data_dir()
    except MissingData as exc:
        pytest.skip(str(exc))


@pytest.fixture
def postgres_down(service_env) -> Iterator[None]:
    """The settings pointed at a Postgres where nothing listens."""
    with settings_with(DATABASE_URL=POSTGRES_DOWN):
        yield


@pytest.fixture
def redis_down(service_env) -> Iterator[None]:
    """The settings pointed at a Redis where nothing listens."""
    with settings_with(REDIS_URL=REDIS_DOWN):
        yield
