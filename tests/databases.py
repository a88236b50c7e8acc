"""Databases the tests make and drop on the test server, beside the run's own (see conftest's database_url)."""

from __future__ import annotations

from sqlalchemy import create_engine, make_url, text


def admin_execute(url: str, *statements: str) -> None:
    """Run statements on the server of `url` outside a transaction (CREATE and DROP DATABASE need that)."""
    engine = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


def recreate_database(url: str) -> None:
    """Drop the database `url` names, if it is there, and create it empty."""
    name = make_url(url).database
    admin_execute(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    """Drop the database `url` names, if it is there."""
    admin_execute(url, f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
