"""The stage graph is declared once, in services/stages.py: everything else derives from it."""

from __future__ import annotations

import ast
from pathlib import Path

from services.stages import GRAPH, STAGES, WAITING_AT, entry_stage, stages_from, waiting_stage
from services.status import FINAL_STATUSES, Status

ROOT = Path(__file__).resolve().parents[1]
# Modules that name stages for a reason of their own, not the graph: the evaluation measures three of them.
NAMES_STAGES_OF_ITS_OWN = {"services/stages.py", "services/evaluation/__init__.py"}


def _own_expressions(statement: ast.stmt):
    """The expressions a statement holds itself, not those of the statements nested in its body."""
    for _name, value in ast.iter_fields(statement):
        values = value if isinstance(value, list) else [value]
        for node in values:
            if isinstance(node, ast.expr):
                yield node
            elif isinstance(node, ast.arguments):  # a function's default values
                yield from node.defaults


def restatements(source: str) -> list[tuple[int, list[str]]]:
    """Statements that write two or more stage names as literals: a piece of the graph written out again."""
    found = []
    for statement in ast.walk(ast.parse(source)):
        if not isinstance(statement, ast.stmt):
            continue
        names = {
            node.value
            for expression in _own_expressions(statement)
            for node in ast.walk(expression)
            if isinstance(node, ast.Constant) and node.value in STAGES
        }
        if len(names) > 1:
            found.append((statement.lineno, sorted(names)))
    return found


def test_no_module_restates_the_stage_graph() -> None:
    offenders = {}
    for path in sorted([*ROOT.glob("services/**/*.py"), *ROOT.glob("workers/**/*.py")]):
        relative = path.relative_to(ROOT).as_posix()
        if relative not in NAMES_STAGES_OF_ITS_OWN and (found := restatements(path.read_text(encoding="utf-8"))):
            offenders[relative] = found
    assert offenders == {}


def test_the_check_finds_a_restated_graph() -> None:
    assert restatements('NEXT = {"fetched": "clean", "cleaned": "dedup"}\n') == [(1, ["clean", "dedup"])]
    assert restatements('def entry(x):\n    return "clean" if x else "fetch"\n') == [(2, ["clean", "fetch"])]
    assert restatements('mark_failed("clean", "unreadable")\n') == []


def test_every_non_final_status_has_the_stage_that_takes_it_on() -> None:
    for status in Status:
        if status in FINAL_STATUSES:
            continue
        for has_content in (True, False):
            stage = waiting_stage(status, has_content=has_content)
            assert status in next(s for s in GRAPH if s.name == stage).accepts


def test_articles_enter_by_url_at_fetch_and_with_content_at_clean() -> None:
    assert entry_stage(has_content=False) == "fetch" and entry_stage(has_content=True) == "clean"
    assert stages_from(entry_stage(has_content=True)) == ("clean", "dedup", "extract", "store")


def test_each_stage_leaves_what_the_next_one_takes() -> None:
    for stage in GRAPH:
        if stage.next is not None:
            assert WAITING_AT[stage.produces] == stage.next
    assert [stage.retry_status for stage in GRAPH] == [
        Status.RECEIVED, Status.RECEIVED, Status.CLEANED, Status.UNIQUE, Status.EXTRACTED,
    ]  # fmt: skip
