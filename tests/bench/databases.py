"""A throwaway database for a benchmark, on the Postgres server the settings name, migrated to head."""

from __future__ import annotations

import os

from sqlalchemy import make_url

from services import migrations
from services.db import get_engine
from services.settings import get_settings
from tests.databases import drop_database, recreate_database


def _url_of(name: str) -> str:
    return make_url(get_settings().database_url).set(database=name).render_as_string(hide_password=False)


def fresh_database(name: str) -> str:
    """Drop and create database `name`, migrate it, point this process's settings at it; return its URL."""
    rendered = _url_of(name)
    recreate_database(rendered)
    migrations.upgrade(rendered)
    return use_database(name)


def use_database(name: str) -> str:
    """Point this process's settings at database `name` on the settings' server, as it is; return its URL."""
    rendered = _url_of(name)
    os.environ["DATABASE_URL"] = rendered
    get_settings.cache_clear()
    get_engine.cache_clear()
    return rendered


def drop_bench_database(name: str) -> None:
    """Drop database `name` on the settings' server."""
    drop_database(_url_of(name))
