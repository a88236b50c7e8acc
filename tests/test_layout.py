"""The house's layout: services/ stands without workers/, and only the core lies directly under services/."""

from __future__ import annotations

import ast
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[1] / "services"
# The core every folder stands on; everything else lives in the folder of its stage or concern.
CORE = {
    "__init__.py", "settings.py", "db.py", "models.py", "status.py", "stages.py", "steps.py", "queues.py",
    "dates.py", "urls.py",
}  # fmt: skip


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return names | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}


def test_services_never_import_workers() -> None:
    importers = sorted(
        str(path.relative_to(SERVICES))
        for path in SERVICES.rglob("*.py")
        if any(name == "workers" or name.startswith("workers.") for name in imported_modules(path))
    )
    assert importers == []


def test_only_the_core_lies_directly_under_services() -> None:
    assert {path.name for path in SERVICES.glob("*.py")} <= CORE
