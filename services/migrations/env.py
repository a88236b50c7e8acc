"""Alembic environment: the URL comes from the caller's config, else from newsflow's settings."""

from alembic import context
from sqlalchemy import create_engine

from services import models  # noqa: F401  (registers the tables on Base.metadata)
from services.db import Base
from services.settings import get_settings, normalise_database_url

config = context.config
url = normalise_database_url(config.get_main_option("sqlalchemy.url") or get_settings().database_url)


def run_offline() -> None:
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
