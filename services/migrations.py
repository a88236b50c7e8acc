"""Apply the Alembic migrations in infra/ from code (CLI, demo, tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

INFRA = Path(__file__).resolve().parent.parent / "infra"


def alembic_config(database_url: str) -> Config:
    """An Alembic config for infra/alembic.ini, pointed at a database."""
    config = Config(str(INFRA / "alembic.ini"))
    config.set_main_option("script_location", str(INFRA / "migrations"))
    # Alembic's config is an INI file, where % starts an interpolation.
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Migrate a database up to a revision."""
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str = "base") -> None:
    """Migrate a database down to a revision."""
    command.downgrade(alembic_config(database_url), revision)
