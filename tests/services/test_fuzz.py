"""Random records, pages and texts through ingest, clean and extract: nothing escapes but a stage's own refusal."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from services.clean import UnusableDocument, clean_document
from services.extract import extract_events
from services.sources.ingest import RECORD_FIELDS, add_articles, inputs_from_bytes
from services.status import Status

MAX_BYTES = 200_000
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text that reaches the edges: control characters, NUL, lone surrogates, and the odd dates real pages carry.
odd_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0xDFFF)),
    st.sampled_from(["0001-01-01", "9999-12-31T23:59:59", "1969-12-31", "2024-13-45", "Mon, 1 Jan 0001 00:00 XYZ",
                     "javascript:alert(1)", "file:///etc/passwd", "https://", "\x00", "\ud800", " \t\n "]),
)  # fmt: skip
json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), odd_text),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=10,
)
record = st.dictionaries(st.one_of(st.sampled_from(RECORD_FIELDS), st.text(max_size=8)), json_value, max_size=6)


@FUZZ
@given(records=st.lists(st.one_of(record, json_value), max_size=4), raw_line=st.binary(max_size=200))
def test_any_record_becomes_an_article_or_a_failed_one(db_session: Session, records, raw_line: bytes) -> None:
    data = b"\n".join([json.dumps(r).encode() for r in records] + [raw_line])
    inputs = list(inputs_from_bytes(data, origin="fuzz.jsonl", suffix=".jsonl"))
    with db_session.begin_nested():  # each example's rows go with it
        outcomes = add_articles(db_session, inputs, max_bytes=MAX_BYTES)
        db_session.flush()
    assert len(outcomes) == len(inputs)
    assert all(
        o.status in (Status.RECEIVED, Status.FAILED) and (o.status is Status.RECEIVED or o.error) for o in outcomes
    )


pages = st.one_of(
    st.binary(max_size=2000),
    st.builds(
        lambda head, body, date: (
            f"<html><head><title>{head}</title><meta property='article:published_time' content='{date}'>"
            f'<script type=\'application/ld+json\'>{{"@graph": null, "datePublished": "{date}"}}</script>'
            f"</head><body><article><p>{body}</p></article></body></html>"
        ).encode("utf-8", "surrogatepass"),
        odd_text,
        odd_text,
        odd_text,
    ),
)


@FUZZ
@given(raw=pages, content_type=st.sampled_from(["text/html", "text/plain"]), published=odd_text)
def test_any_page_is_cleaned_or_refused_with_a_reason(raw: bytes, content_type: str, published: str) -> None:
    try:
        result = clean_document(raw, content_type=content_type, given={"published": published})
    except UnusableDocument as refusal:
        assert str(refusal)
        return
    assert "\x00" not in result.text


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False  # a lone surrogate: decoding never makes one, and Postgres could not store it
    return True


@FUZZ
@given(text=st.one_of(odd_text, st.lists(odd_text, max_size=5).map(". ".join)).filter(_is_text))
def test_any_clean_text_is_coded_without_raising(text: str) -> None:
    for event in extract_events(text, published=None):
        assert event.type and event.sentence
