"""Ingest: files and records become articles once; unusable input is kept, failed, with its reason."""

import gzip
import json
import socket
import tracemalloc
from contextlib import nullcontext
from pathlib import Path

import pytest
import redis
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from services.db import session_scope
from services.models import Article
from services.sources.ingest import (
    ArticleInput,
    Refusal,
    add_article,
    add_articles,
    ingest,
    input_from_record,
    inputs_from_paths,
)
from services.status import Status
from tests.conftest import SEEDS

MAX_BYTES = 100_000


def ingest_paths(session: Session, *paths: Path) -> list:
    return add_articles(session, list(inputs_from_paths(paths, max_bytes=MAX_BYTES)), max_bytes=MAX_BYTES)


def test_the_same_file_twice_makes_one_article(db_session: Session, tmp_path: Path) -> None:
    first = ingest_paths(db_session, SEEDS)
    again = ingest_paths(db_session, SEEDS)
    assert [o.created for o in first] == [True] * 5
    assert [o.created for o in again] == [False] * 5
    assert [o.article_id for o in again] == [o.article_id for o in first]
    assert db_session.scalar(select(func.count()).select_from(Article)) == 5


def test_the_same_url_twice_makes_one_article(db_session: Session) -> None:
    url = "https://news.example/a"
    first = add_article(db_session, ArticleInput("a", url=url), max_bytes=MAX_BYTES)
    second = add_article(db_session, ArticleInput("b", url=url), max_bytes=MAX_BYTES)
    assert (first.created, second.created, second.article_id) == (True, False, first.article_id)
    assert first.entry_stage == "fetch"


def test_a_batch_with_repeats_and_new_content_for_a_url_decides_as_one_at_a_time(db_session: Session) -> None:
    url = "https://news.example/a"
    first = ArticleInput("first", url=url, raw=b"Ministers met on Monday.", content_type="text/plain")
    repeat = ArticleInput("repeat", url=url, raw=b"Ministers met on Monday.", content_type="text/plain")
    revised = ArticleInput("revised", url=url, raw=b"Ministers met on Tuesday.", content_type="text/plain")
    link = ArticleInput("link", url="https://news.example/b")
    empty = ArticleInput("empty", raw=b"", content_type="text/plain")
    outcomes = add_articles(db_session, [first, repeat, revised, link, empty], max_bytes=MAX_BYTES)
    ids = [o.article_id for o in outcomes]
    expected = [(True, False), (False, False), (False, True), (True, False), (True, False)]
    assert [(o.created, o.revised) for o in outcomes] == expected
    assert ids[0] == ids[1] == ids[2] and len(set(ids)) == 3
    assert [o.entry_stage for o in outcomes[3:]] == ["fetch", "clean"]
    assert outcomes[4].status is Status.FAILED and outcomes[4].error.startswith("empty input")
    assert db_session.get(Article, ids[0]).raw == b"Ministers met on Tuesday."


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty input"),
        ("blank.txt", b" \n\t \n", "empty input"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        ("noise.txt", bytes(range(256)) * 4, "binary input"),
        ("notes.docx", b"some text", "unsupported file type '.docx'"),
        ("broken.json", b'{"url": ', "invalid JSON"),
        ("record.json", b'{"headline": "x"}', "unknown fields"),
        ("nothing.json", b'{"title": "x"}', "none of url, html, text"),
        ("list.json", b'{"text": "Ministers met.", "title": ["a", "b"]}', "wrong field types: title is an array"),
        ("number.json", b'{"text": "Ministers met.", "published": 1734220800}', "published is a number"),
        ("url.json", b'{"url": {"href": "https://news.example/a"}, "source": true}', "url is an object, source is a"),
    ],
)
def test_unusable_input_is_stored_failed_with_a_reason(
    db_session: Session, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [outcome] = ingest_paths(db_session, path)
    article = db_session.get(Article, outcome.article_id)
    assert article.status is Status.FAILED
    assert article.error_stage == "ingest"
    assert reason in article.error


def test_a_bad_line_in_a_jsonl_file_fails_alone(db_session: Session, tmp_path: Path) -> None:
    records = [
        json.dumps({"url": "https://news.example/1", "text": "Ministers met in Paris on Monday to agree a plan."}),
        "{not json",
        json.dumps({"html": "<p>A page</p>", "title": "Given title", "published": "2024-12-15", "source": "Wire"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(records) + "\n")
    outcomes = ingest_paths(db_session, path)
    assert [o.status for o in outcomes] == [Status.RECEIVED, Status.FAILED, Status.RECEIVED]
    assert [o.origin for o in outcomes] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    html = db_session.get(Article, outcomes[2].article_id)
    assert (html.content_type, html.source) == ("text/html", "Wire")
    assert html.given == {"title": "Given title", "published": "2024-12-15", "source": "Wire"}


def test_an_oversized_file_is_refused_unread_and_an_oversized_record_fails(db_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * MAX_BYTES)
    [refusal] = inputs_from_paths([path], max_bytes=MAX_BYTES)
    assert refusal == Refusal(
        str(path), f"too large: {5 * MAX_BYTES} bytes, the limit is {MAX_BYTES} (NEWSFLOW_MAX_INPUT_BYTES)"
    )
    [outcome] = add_articles(db_session, [ArticleInput("api", raw=b"word " * MAX_BYTES)], max_bytes=MAX_BYTES)
    assert outcome.status is Status.FAILED and "too large" in outcome.error


def test_latin1_text_is_accepted(db_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes("Le café de la gare a fermé après une décision du préfet de Paris.".encode("latin-1"))
    [outcome] = ingest_paths(db_session, path)
    assert outcome.status is Status.RECEIVED


def test_directories_are_walked_for_supported_files_only(db_session: Session, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("An article about ministers meeting in Paris on Monday.")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    assert [o.origin for o in ingest_paths(db_session, tmp_path)] == [str(tmp_path / "sub" / "a.txt")]


BAD_RECORDS = {
    "nested": ('{"text": "Deep.", "title": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    "long integer": ('{"text": "Big.", "title": ' + "9" * 5000 + "}", "4300 digits"),
    "infinite": ('{"text": "Huge.", "title": 1e999}', "title is a number"),
    "nul title": ('{"text": "A text.", "title": "a\\u0000b"}', "title holds a NUL character"),
    "nul source": ('{"text": "A text.", "source": "Wire\\u0000"}', "source holds a NUL character"),
    "nul url": ('{"url": "https://news.test/a\\u0000"}', "url holds a NUL character"),
    "nul date": ('{"text": "A text.", "published": "2024\\u0000"}', "published holds a NUL character"),
    "surrogate title": ('{"text": "A text.", "title": "\\ud800"}', "title holds an unpaired surrogate"),
    "surrogate text": ('{"text": "Half \\udfff a text."}', "text holds an unpaired surrogate"),
    "ftp url": ('{"url": "ftp://news.test/a"}', "not a web address"),
    "file url": ('{"url": "file:///etc/passwd"}', "not a web address"),
    "no host": ('{"url": "https:///story"}', "not a web address"),
}


def test_each_bad_record_fails_alone_with_its_reason_among_good_files(db_session: Session, tmp_path: Path) -> None:
    for n in range(60):
        (tmp_path / f"good-{n:02}.txt").write_text(f"Article {n}: the talks in Geneva went on for a {n}th day.")
    (tmp_path / "bad.jsonl").write_text("\n".join(line for line, _ in BAD_RECORDS.values()) + "\n")
    inputs = list(inputs_from_paths([tmp_path], max_bytes=1_000_000))
    outcomes = add_articles(db_session, inputs, max_bytes=1_000_000)
    assert [o.status for o in outcomes].count(Status.RECEIVED) == 60
    failed = [o for o in outcomes if o.status is Status.FAILED]
    assert len(failed) == len(BAD_RECORDS)
    for outcome, (name, (_, reason)) in zip(failed, BAD_RECORDS.items(), strict=True):
        assert reason in outcome.error, name


def test_a_missing_file_is_refused_not_stored(tmp_path: Path) -> None:
    [refusal] = inputs_from_paths([tmp_path / "typo.txt"], max_bytes=MAX_BYTES)
    assert refusal == Refusal(str(tmp_path / "typo.txt"), "cannot read the file: No such file or directory")


def test_gzipped_files_are_read_as_the_suffix_before_gz_says(db_session: Session, tmp_path: Path) -> None:
    page = b"<html><body><p>Ministers met in Paris on Monday to agree a plan.</p></body></html>"
    records = [{"text": "Talks in Geneva went on for a third day.", "title": "Talks"}, {"url": "https://news.test/a"}]
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page))
    (tmp_path / "feed.JSONL.GZ").write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode()))
    (tmp_path / "archive.tar.gz").write_bytes(gzip.compress(b"not an article"))  # not a type ingest reads
    outcomes = ingest_paths(db_session, tmp_path)
    assert [o.origin for o in outcomes] == [f"{tmp_path / 'feed.JSONL.GZ'}:{n}" for n in (1, 2)] + [
        str(tmp_path / "page.html.gz")
    ]
    assert [o.status for o in outcomes] == [Status.RECEIVED] * 3
    html = db_session.get(Article, outcomes[2].article_id)
    assert (html.raw, html.content_type) == (page, "text/html")
    assert db_session.get(Article, outcomes[0].article_id).given == {"title": "Talks"}


def test_a_corrupt_gzip_file_is_refused_with_a_readable_reason(tmp_path: Path) -> None:
    text = b"Ministers met in Paris on Monday. " * 200
    damaged = bytearray(gzip.compress(text))
    damaged[-8] ^= 0xFF  # the trailer's CRC of the decompressed bytes
    (tmp_path / "damaged.txt.gz").write_bytes(damaged)
    (tmp_path / "cut-short.txt.gz").write_bytes(gzip.compress(text)[:-10])
    (tmp_path / "not-gzip.html.gz").write_bytes(b"<html>plain bytes under a .gz name</html>")
    refusals = list(inputs_from_paths([tmp_path], max_bytes=MAX_BYTES))
    reasons = {Path(r.origin).name: r.reason for r in refusals if isinstance(r, Refusal)}
    assert len(refusals) == len(reasons) == 3
    assert reasons["cut-short.txt.gz"] == (
        "not a readable gzip file: Compressed file ended before the end-of-stream marker was reached"
    )
    assert reasons["damaged.txt.gz"].startswith("not a readable gzip file: CRC check failed")
    assert reasons["not-gzip.html.gz"] == "not a readable gzip file: Not a gzipped file (b'<h')"


def test_a_gzip_bomb_is_refused_without_decompressing_it_into_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb") as file:
        for _ in range(50):
            file.write(bytes(1024 * 1024))  # 50 MB of zeros in about 50 kB
    assert bomb.stat().st_size < MAX_BYTES
    tracemalloc.start()
    try:
        [refusal] = inputs_from_paths([bomb], max_bytes=MAX_BYTES)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refusal == Refusal(
        str(bomb), f"too large once decompressed: past the limit of {MAX_BYTES} bytes (NEWSFLOW_MAX_INPUT_BYTES)"
    )
    assert peak < 20 * MAX_BYTES


def test_bulk_ingest_stores_pages_compressed_with_lz4_where_the_server_has_it(db_session: Session) -> None:
    has_lz4 = db_session.scalar(
        text("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
    )
    page = " ".join(f"word{n}" for n in range(20_000)).encode()  # past the size Postgres starts to compress at
    [outcome] = ingest(
        [ArticleInput("page", raw=page, content_type="text/plain")],
        session_scope=lambda: nullcontext(db_session), enqueue=lambda *_: None, max_bytes=1_000_000,
    )  # fmt: skip
    stored_with = db_session.scalar(
        text("SELECT pg_column_compression(raw) FROM articles WHERE id = :id"), {"id": outcome.article_id}
    )
    assert stored_with == ("lz4" if has_lz4 else "pglz")
    assert db_session.get(Article, outcome.article_id).raw == page


def test_an_unreadable_publication_date_is_reported_and_the_article_kept(db_session: Session) -> None:
    item = input_from_record({"text": "A text about talks.", "published": "the other day"}, origin="api")
    [outcome] = add_articles(db_session, [item], max_bytes=MAX_BYTES)
    assert outcome.status is Status.RECEIVED and "'the other day' is not a date" in outcome.note


def test_an_article_stored_while_redis_was_down_is_queued_by_the_next_ingest(service_env, clean_tables) -> None:
    down = redis.Redis(host="127.0.0.1", port=free_port(), socket_connect_timeout=1)
    items = [ArticleInput(f"a{n}", raw=f"Article {n} about the talks.".encode(), content_type="text/plain")
             for n in range(3)] + [ArticleInput("u", url="https://news.test/story")]  # fmt: skip

    def send_while_down(stage: str, *article_ids: int) -> None:
        down.rpush(stage, *article_ids)

    with pytest.raises(redis.ConnectionError):
        list(ingest(items, session_scope=session_scope, enqueue=send_while_down, max_bytes=MAX_BYTES))
    sent: list[tuple[str, int]] = []
    again = list(ingest(items, session_scope=session_scope, enqueue=lambda s, *ids: sent.extend((s, i) for i in ids),
                        max_bytes=MAX_BYTES))  # fmt: skip
    assert not any(o.created for o in again)
    assert sorted(sent) == sorted([("clean", o.article_id) for o in again[:3]] + [("fetch", again[3].article_id)])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
