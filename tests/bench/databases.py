"""A throwaway database for a benchmark, on the Postgres server the settings name, migrated to head."""

from __future__ import annotations

import os

from sqlalchemy import create_engine, make_url, text

from services import migrations
from services.db import get_engine
from services.settings import get_settings


def fresh_database(name: str) -> str:
    """Drop and create database `name`, migrate it, point this process's settings at it; return its URL."""
    url = make_url(get_settings().database_url).set(database=name)
    _admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    rendered = url.render_as_string(hide_password=False)
    migrations.upgrade(rendered)
    os.environ["DATABASE_URL"] = rendered
    get_settings.cache_clear()
    get_engine.cache_clear()
    return rendered


def drop_database(name: str) -> None:
    """Drop database `name` on the settings' server."""
    _admin(make_url(get_settings().database_url).set(database=name), f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin(url, *statements: str) -> None:
    engine = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()
