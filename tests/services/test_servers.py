"""The demo's last resort: Postgres and Redis from PyPI packages, on Unix sockets."""

from pathlib import Path

from sqlalchemy import create_engine, inspect

from services import migrations
from services.db import create_database_if_missing
from services.local.servers import embedded_servers, postgres_reachable, redis_reachable
from services.queues import redis_client
from services.settings import normalise_database_url


def test_embedded_servers_start_take_the_migrations_and_stop(tmp_path: Path) -> None:
    with embedded_servers(tmp_path) as (database_url, redis_url):
        database_url = normalise_database_url(database_url)
        assert redis_url.startswith("redis+socket://")
        assert postgres_reachable(database_url) and redis_reachable(redis_url)
        assert create_database_if_missing(database_url)
        migrations.upgrade(database_url)
        engine = create_engine(database_url)
        assert "articles" in inspect(engine).get_table_names()
        engine.dispose()
        client = redis_client(redis_url)
        client.rpush("clean", b"1")
        assert client.llen("clean") == 1
        client.close()
    assert not postgres_reachable(database_url)
    assert not redis_reachable(redis_url)
