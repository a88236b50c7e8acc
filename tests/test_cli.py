"""The command line's surface."""

import re
from importlib import metadata

from typer.testing import CliRunner

from services.cli import app
from services.settings import get_settings

runner = CliRunner()


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for command in ("ingest", "migrate", "status", "api", "demo"):
        assert command in result.output


def test_ingest_without_input_is_a_usage_error() -> None:
    result = runner.invoke(app, ["ingest"])
    assert result.exit_code == 2


def test_sources_are_managed_from_the_command_line(service_env, clean_tables, tmp_path, monkeypatch) -> None:
    env = {"COLUMNS": "250"}
    monkeypatch.setattr(get_settings(), "drop_root", None)
    no_root = runner.invoke(app, ["sources", "add", str(tmp_path)], env=env)
    assert no_root.exit_code == 2 and "NEWSFLOW_DROP_ROOT" in no_root.output
    monkeypatch.setattr(get_settings(), "drop_root", tmp_path)
    added = runner.invoke(app, ["sources", "add", "https://news.test/feed.xml", "--interval", "60"], env=env)
    folder = runner.invoke(app, ["sources", "add", str(tmp_path), "--name", "Wire"], env=env)
    assert added.exit_code == 0 and "source #1: feed https://news.test/feed.xml, every 60 s" in added.output
    assert folder.exit_code == 0 and "folder" in folder.output
    assert runner.invoke(app, ["sources", "pause", "1"], env=env).exit_code == 0
    listing = runner.invoke(app, ["sources", "list"], env=env)
    assert listing.exit_code == 0
    rows = [line for line in listing.output.splitlines() if "news.test" in line or "folder" in line]
    assert "paused" in rows[0] and "waiting" in rows[1]
    assert runner.invoke(app, ["sources", "resume", "https://news.test/feed.xml"], env=env).exit_code == 0
    assert runner.invoke(app, ["sources", "remove", "1"], env=env).exit_code == 0
    assert "news.test" not in runner.invoke(app, ["sources", "list"], env=env).output
    missing = runner.invoke(app, ["sources", "remove", "1"], env=env)
    assert missing.exit_code == 1 and "no source 1" in missing.output
    duplicate = runner.invoke(app, ["sources", "add", str(tmp_path)], env=env)
    assert duplicate.exit_code == 2 and "already a source" in duplicate.output


def test_an_oversized_file_is_refused_unread_and_the_others_go_in(service_env, clean_tables, tmp_path, monkeypatch):
    from services.db import session_scope
    from services.models import Article

    monkeypatch.setattr(get_settings(), "max_input_bytes", 1000)
    (tmp_path / "big.txt").write_bytes(b"word " * 1000)
    (tmp_path / "small.txt").write_text("Russia withdrew its troops from Syria on Sunday, officials said.")
    result = runner.invoke(app, ["ingest", str(tmp_path)], env={"COLUMNS": "250"})
    assert result.exit_code == 1
    assert "refused" in result.output and "too large: 5000 bytes" in result.output
    with session_scope() as session:
        assert [a.raw[:6] for a in session.query(Article)] == [b"Russia"]


def test_a_url_that_is_not_one_and_a_mistyped_path_are_refused_not_stored(service_env, clean_tables, tmp_path):
    from services.db import session_scope
    from services.models import Article

    args = ["ingest", str(tmp_path / "typo.txt"), "--url", "not-a-url", "--url", "file:///etc/passwd"]
    result = runner.invoke(app, args, env={"COLUMNS": "250"})
    assert result.exit_code == 1
    assert result.output.count("refused") >= 3 and "not a web address" in result.output
    assert "No such file or directory" in result.output and "3 input(s) refused" in result.output
    with session_scope() as session:
        assert session.query(Article).count() == 0


def test_version_prints_the_installed_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"newsflow {metadata.version('newsflow')}"


def test_ingest_of_many_files_prints_a_summary_and_verbose_a_row_each(service_env, clean_tables, tmp_path) -> None:
    for number in range(30):
        (tmp_path / f"{number:02}.txt").write_text(f"Report {number}: officials in city {number} met on Monday.")
    summary = runner.invoke(app, ["ingest", str(tmp_path)], env={"COLUMNS": "100"})
    assert summary.exit_code == 0, summary.output
    assert "30 inputs; --verbose lists each one" in summary.output and "01.txt" not in summary.output
    assert re.search(r"received\s+│\s+queued\s+│\s+30", summary.output)
    again = runner.invoke(app, ["ingest", "--verbose", str(tmp_path)], env={"COLUMNS": "100"})
    assert again.exit_code == 0 and "0 new article(s), 30 already known" in again.output
    assert again.output.count("already ingested") == 30


def test_the_shell_completes_commands_and_their_choices() -> None:
    import subprocess
    import sys
    from pathlib import Path

    newsflow = str(Path(sys.executable).with_name("newsflow"))

    def complete(words: str) -> list[str]:
        env = {"_NEWSFLOW_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
        done = subprocess.run([newsflow], env=env, capture_output=True, text=True, timeout=60, check=True)
        return done.stdout.split()

    assert complete("newsflow exp") == ["export"]
    assert complete("newsflow export ev") == ["events"]
    assert "--install-completion" in runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).output
