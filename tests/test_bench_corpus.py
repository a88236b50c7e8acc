"""The bench's corpora: the generated one (reproducible, realistic enough for every stage to do its work, copies at
the rate), and real articles read from files as ingest reads them, every input counted."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from services.bench.corpus import Failure, make_corpus
from services.bench.files import NO_CONTENT, REPEAT, read_corpus
from services.bench.inprocess import run_in_process
from services.bench.report import by_reason
from services.clean import clean_document
from services.dedup.offline import dedup_records
from services.extract import extract_events


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another() -> None:
    first, again, other = (make_corpus(30, copies=0.2, seed=seed) for seed in (3, 3, 4))
    assert first == again
    assert [a.content for a in first] != [a.content for a in other]
    assert len({a.content for a in first}) == 30  # ingest keys on the bytes: no two articles alike


def test_pages_carry_furniture_that_clean_drops_and_bodies_with_events() -> None:
    corpus = make_corpus(60, copies=0.0, seed=5)
    kinds = {a.content_type for a in corpus}
    assert kinds == {"text/html", "text/plain"}
    for article in corpus:
        result = clean_document(article.content, content_type=article.content_type)
        assert result.language == "en"
        assert "All rights reserved" not in result.text and "Share this article" not in result.text
        assert extract_events(result.text), result.text[:200]


def test_wire_copies_come_at_the_rate_and_dedup_tells_them_from_originals() -> None:
    corpus = make_corpus(300, copies=0.25, seed=6)
    copies = {a.key for a in corpus if a.copy_of is not None}
    assert 0.18 < len(copies) / len(corpus) < 0.32
    records = [
        {"id": a.key, "text": clean_document(a.content, content_type=a.content_type).text, "published": a.published}
        for a in corpus
    ]
    decisions = list(dedup_records(records))
    found = {d["id"] for d in decisions if d["duplicate_of"] is not None}
    assert len(found & copies) >= 0.9 * len(copies)
    assert len(found - copies) <= 0.02 * len(corpus)  # originals are different reports, not near copies
    # Reports follow up a few recent stories each (their countries, town and spokesperson): not one story of all.
    assert len({d["story"] for d in decisions}) >= 5


def test_a_copy_rate_outside_zero_to_one_is_refused() -> None:
    with pytest.raises(ValueError, match="copy rate"):
        make_corpus(10, copies=1.0, seed=1)


def test_files_give_articles_with_what_ingest_is_given_and_set_aside_what_no_side_runs(tmp_path: Path) -> None:
    page = b"<html><body><p>Ministers met in Paris on Monday.</p></body></html>"
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page))
    (tmp_path / "broken.html.gz").write_bytes(b"not gzip at all")
    records = [
        {"text": "Talks went on.", "title": "Talks", "published": "2024-05-02", "source": "Wire"},
        {"url": "https://news.test/only-a-link"},
        {"text": "Talks went on.", "url": "https://news.test/talks"},  # the same bytes as the first record
        {"headline": "not a field ingest knows"},
    ]
    (tmp_path / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    corpus = read_corpus([tmp_path], max_bytes=100_000)
    assert [(Path(a.key).name, a.content_type, a.problem is not None) for a in corpus.articles] == [
        ("page.html.gz", "text/html", False),
        ("records.jsonl:1", "text/plain", False),
        ("records.jsonl:4", None, True),  # ingest stores it failed: both sides count it so
    ]
    assert corpus.articles[0].content == page
    text = corpus.articles[1]
    assert (text.published, text.given, text.as_input().source) == (
        "2024-05-02",
        {"title": "Talks", "published": "2024-05-02", "source": "Wire"},
        "Wire",
    )
    assert by_reason(corpus.set_aside) == {
        "refused at ingest: not a readable gzip file": 1,
        f"skipped at fetch: {NO_CONTENT}": 1,
        f"skipped at ingest: {REPEAT}": 1,
    }


def test_the_baseline_counts_what_ingest_clean_and_extract_would_not_take_by_reason(tmp_path: Path) -> None:
    records = [
        {"text": "Police arrested 12 protesters in Paris on Monday after clashes near parliament, officials said."},
        {"text": "La policía detuvo a doce manifestantes en París el lunes tras los choques, dijo el gobierno."},
        {"html": "<html><body><nav>Home</nav></body></html>"},
        {"headline": "not a field ingest knows"},
    ]
    (tmp_path / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    result = run_in_process(read_corpus([tmp_path], max_bytes=100_000).articles, max_bytes=100_000)
    assert by_reason(result.failures) == {
        "failed at ingest: unknown fields ['headline']; expected ['url', 'html', 'text', 'title', 'published', "
        "'source']": 1,
        "failed at clean: no article text": 1,
        "skipped at extract: language 'es'": 1,
    }
    assert result.stages["extract"].articles == 1 and result.mentions > 0


def test_failures_are_counted_by_the_kind_of_their_reason() -> None:
    failures = [
        Failure("failed", "clean", "no article text: 12 characters left after cleaning, 3 spans dropped"),
        Failure("failed", "clean", "no article text: 40 characters left after cleaning, 9 spans dropped"),
        Failure("refused", "ingest", "too large: 9000000 bytes, the limit is 5000000 (NEWSFLOW_MAX_INPUT_BYTES)"),
    ]
    assert by_reason(failures) == {"failed at clean: no article text": 2, "refused at ingest: too large": 1}
