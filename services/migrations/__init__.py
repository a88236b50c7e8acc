"""The database's migrations (Alembic, in this package so that they travel with it), applied from code by the
command line, the demo and the tests."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

SCRIPTS = Path(__file__).resolve().parent
# New revision files are named by date: versions/YYYY-MM-DD_<rev>_<slug>.py.
FILE_TEMPLATE = "%%(year)d-%%(month).2d-%%(day).2d_%%(rev)s_%%(slug)s"


def alembic_config(database_url: str) -> Config:
    """An Alembic config for this package's migrations, pointed at a database."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.set_main_option("file_template", FILE_TEMPLATE)
    # Alembic's config is an INI file, where % starts an interpolation.
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Migrate a database up to a revision."""
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str = "base") -> None:
    """Migrate a database down to a revision."""
    command.downgrade(alembic_config(database_url), revision)
