"""WARC input: one article per HTML page fetched with 200, the rest of a crawl counted by kind."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from services.cli import app
from services.sources.ingest import ArticleInput, Refusal, inputs_from_paths
from tests.warcs import ARTICLE_PAGE, crawl, write_warc

MAX_BYTES = 1_000_000
SKIPPED = [
    "1 record(s) skipped: not HTML",
    "2 record(s) skipped: HTTP status other than 200",
    "5 record(s) skipped: not a response (a request, metadata or warcinfo record)",
]


def read(path: Path, max_bytes: int = MAX_BYTES) -> tuple[list[ArticleInput], list[Refusal]]:
    items = list(inputs_from_paths([path], max_bytes=max_bytes))
    return [i for i in items if isinstance(i, ArticleInput)], [i for i in items if isinstance(i, Refusal)]


def test_a_crawl_gives_its_html_page_with_url_and_fetch_time_and_counts_the_rest(tmp_path: Path) -> None:
    articles, refusals = read(crawl(tmp_path / "crawl.warc.gz"))
    assert [(a.url, a.raw, a.content_type, a.problem) for a in articles] == [
        ("https://news.example.org/world/withdrawal", ARTICLE_PAGE, "text/html", None)
    ]
    assert articles[0].given["fetched"].startswith("20")
    assert all(r.skipped for r in refusals)
    assert sorted(r.reason for r in refusals) == SKIPPED


def test_an_uncompressed_warc_in_a_directory_is_read_too(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.warc", [("https://a.example/x", "200 OK", "text/html", ARTICLE_PAGE)], gzip=False)
    articles, _ = read(tmp_path)
    assert [a.url for a in articles] == ["https://a.example/x"]


def test_a_page_past_the_input_limit_fails_with_its_reason_and_the_crawl_goes_on(tmp_path: Path) -> None:
    big = b"<html><body><p>" + b"word " * 2000 + b"</p></body></html>"
    path = write_warc(
        tmp_path / "crawl.warc.gz",
        [("https://a.example/big", "200 OK", "text/html", big), ("https://a.example/small", "200 OK", "text/html",
          ARTICLE_PAGE)],
    )  # fmt: skip
    articles, _ = read(path, max_bytes=len(ARTICLE_PAGE) + 10)
    assert [(a.url, a.raw is None, bool(a.problem)) for a in articles] == [
        ("https://a.example/big", True, True),
        ("https://a.example/small", False, False),
    ]
    assert "too large" in articles[0].problem


def test_a_file_that_is_not_a_warc_is_refused_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("these are my notes, not a crawl\n")
    articles, refusals = read(path)
    assert articles == []
    assert [(r.skipped, r.reason.split(":")[0]) for r in refusals] == [(False, "not a readable WARC file")]


def test_ingest_takes_a_warc_and_reports_the_skipped_records_without_failing(
    tmp_path: Path, service_env, clean_tables
) -> None:
    result = CliRunner().invoke(
        app, ["ingest", str(crawl(tmp_path / "crawl.warc.gz"))], env={**service_env, "COLUMNS": "250"}
    )
    assert result.exit_code == 0, result.output
    assert "1 new article(s)" in result.output
    assert all(line in result.output for line in SKIPPED)
    assert os.environ.get("COLUMNS") != "250"  # the runner's env did not leak


def test_a_crawl_cut_short_keeps_the_pages_before_the_break_and_fails_the_cut_one(tmp_path: Path) -> None:
    pages = [("https://a.example/1", "200 OK", "text/html", ARTICLE_PAGE)] * 2
    for compressed in (False, True):
        whole = write_warc(tmp_path / f"whole-{compressed}.warc", pages, gzip=compressed)
        cut = tmp_path / f"cut-{compressed}.warc"
        cut.write_bytes(whole.read_bytes()[:-40])
        articles, _ = read(cut)
        assert [(a.raw == ARTICLE_PAGE, a.problem) for a in articles][0] == (True, None)
        assert articles[1].raw is None and articles[1].problem.startswith("cut short")
