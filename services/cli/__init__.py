"""The `newsflow` command line: the root in `app`, the commands in one module per concern."""

from services.cli import articles, export, local, offline, sources, status  # noqa: F401  (each registers its commands)
from services.cli.app import app

__all__ = ["app"]
