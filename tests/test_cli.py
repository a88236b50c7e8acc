"""The command line's surface."""

from typer.testing import CliRunner

from services.cli import app

runner = CliRunner()


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for command in ("ingest", "migrate", "status", "api", "demo"):
        assert command in result.output


def test_ingest_without_input_is_a_usage_error() -> None:
    result = runner.invoke(app, ["ingest"])
    assert result.exit_code == 2
