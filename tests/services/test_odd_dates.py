"""Odd dates on real pages (year 1, year 9999, a zone dateutil does not know, before the epoch) crash no stage, and a
date outside the plausible window is not trusted as the publication date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from services.bench.corpus import BenchArticle
from services.bench.inprocess import run_in_process
from services.clean import clean_document
from services.clean.step import clean_step
from services.dates import parse_date, plausible_publication
from services.dedup.offline import dedup_records
from services.dedup.step import dedup_batch, dedup_step
from services.dedup.stories import story_window
from services.extract import extract_events
from services.extract.dates import find_dates
from services.extract.step import extract_batch, extract_step
from services.models import Article
from services.status import Status
from services.store.step import store_batch

BODY = (
    "Russia withdrew its troops from Syria yesterday, officials in Moscow said, ending a deployment that began "
    "in 2015. The defence ministry said the last units had left the Hmeimim air base by the evening."
)
ODD_DATES = [
    "0001-01-01",
    "0001-01-01T00:00:00+05:00",
    "Mon, 01 Jan 0001 00:00:00 GMT",  # what .NET prints for an empty date; dateutil reads it as 2001
    "9999-12-31T23:59:59-05:00",
    "9999-12-31",
    "1900-01-01",
    "1970-01-01T00:00:00Z",  # Unix time 0: an empty timestamp
]


def page_dated(published: str, *, body: str = BODY) -> bytes:
    return (
        f'<html lang="en"><head><title>Troops leave</title><meta property="article:published_time" '
        f'content="{published}"></head><body><article><p>{body}</p></article></body></html>'
    ).encode()


@pytest.mark.parametrize("published", ODD_DATES)
def test_a_page_with_an_implausible_date_is_cleaned_without_it_and_says_so(published: str) -> None:
    result = clean_document(page_dated(published), content_type="text/html")
    assert (result.published, result.published_precision) == (None, None)
    assert result.published_source == "dropped:html"


def test_an_implausible_metadata_date_gives_way_to_the_next_source() -> None:
    body = "14 October 2010\n\n" + BODY
    result = clean_document(body.encode(), content_type="text/plain", given={"published": "0001-01-01"})
    assert (result.published, result.published_source) == (datetime(2010, 10, 14, tzinfo=UTC), "text")
    page = page_dated("0001-01-01").replace(b"<p>", b'<p><time datetime="2010-10-14">14 October 2010</time> ', 1)
    result = clean_document(page, content_type="text/html")
    assert (result.published, result.published_source) == (datetime(2010, 10, 14, tzinfo=UTC), "html")


def test_a_date_before_the_epoch_is_still_a_date() -> None:
    result = clean_document(page_dated("1969-07-21T02:56:00Z"), content_type="text/html")
    assert (result.published, result.published_source) == (datetime(1969, 7, 21, 2, 56, tzinfo=UTC), "html")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 3, 2024 10:00 EST", (datetime(2024, 3, 3, tzinfo=UTC), "day")),
        ("2024-03-03 22:15 XYZT", (datetime(2024, 3, 3, tzinfo=UTC), "day")),
        ("3 March 2024 23:30 CEST", (datetime(2024, 3, 3, tzinfo=UTC), "day")),
        ("Tue, 10 Jun 2003 04:00:00 +0200", (datetime(2003, 6, 10, 2, tzinfo=UTC), "time")),
    ],
)
def test_a_time_in_a_zone_dateutil_does_not_know_keeps_its_day(text: str, expected: tuple) -> None:
    parsed = parse_date(text)
    assert (parsed.value, parsed.precision) == expected


def test_the_plausible_window() -> None:
    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    assert plausible_publication(datetime(1969, 7, 21, tzinfo=UTC), now=now)
    assert plausible_publication(now + timedelta(days=1), now=now)  # a zone ahead, a clock a little fast
    assert not plausible_publication(now + timedelta(days=30), now=now)
    assert not plausible_publication(datetime(1899, 12, 31, tzinfo=UTC), now=now)
    assert not plausible_publication(datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))), now=now)
    assert not plausible_publication(datetime(9999, 12, 31, 23, tzinfo=timezone(-timedelta(hours=5))), now=now)


EXTREMES = [
    datetime(1, 1, 1, tzinfo=UTC),
    datetime(1, 1, 3, 12, tzinfo=UTC),
    datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
    datetime(1960, 5, 1, tzinfo=UTC),
]


def test_the_story_window_of_any_date_is_a_window() -> None:
    for moment in EXTREMES:
        since, until = story_window(moment)
        assert since <= moment <= until


def test_the_dedup_stage_takes_articles_stored_with_any_date(db_session: Session) -> None:
    """Rows cleaned before implausible dates were dropped still carry them."""
    rows = [
        Article(text=f"{BODY} Report number {n} of the withdrawal.", status=Status.CLEANED, published_at=moment)
        for n, moment in enumerate(EXTREMES)
    ]
    db_session.add_all(rows)
    db_session.flush()
    assert dedup_batch(db_session, [row.id for row in rows])
    assert {row.status for row in rows} <= {Status.UNIQUE, Status.DUPLICATE}
    assert all(row.story_id is not None for row in rows)


def test_the_offline_dedup_and_the_in_process_bench_take_any_date() -> None:
    records = [{"id": n, "text": BODY, "published": text} for n, text in enumerate(ODD_DATES)]
    assert [d["duplicate_of"] for d in dedup_records(records)] == [None] + [0] * (len(ODD_DATES) - 1)
    corpus = [
        BenchArticle(f"odd{n}", page_dated(text, body=f"{BODY} Report {n}."), "text/html", text, None)
        for n, text in enumerate(ODD_DATES)
    ]
    result = run_in_process(corpus, max_bytes=1_000_000)
    assert result.stages["store"].articles >= 1 and result.mentions >= 1


@pytest.mark.parametrize("published", [date(1, 1, 1), date(1, 1, 8), date(9999, 12, 31), date(1899, 6, 1)])
def test_an_implausible_publication_day_resolves_no_event_date(published: date) -> None:
    events = extract_events("Russia withdrew its troops from Syria yesterday.", published=published)
    assert events and all(event.event_date is None for event in events)


PHRASES = "yesterday, tomorrow, last week, next weekend, next month, two years ago, three months ago, on Monday"


@settings(max_examples=200, deadline=None)
@given(published=st.dates())
def test_relative_dates_resolve_or_stay_unknown_against_any_day(published: date) -> None:
    mentions = find_dates(PHRASES, published)
    assert len(mentions) == len(PHRASES.split(", "))
    # Only a date that would fall outside the calendar stays unknown.
    if date(3, 1, 1) <= published <= date(9997, 12, 31):
        assert all(mention.value is not None for mention in mentions)


def test_the_extract_and_store_steps_take_articles_stored_with_any_date(db_session: Session) -> None:
    rows = [Article(text=BODY, status=Status.UNIQUE, language="en", published_at=moment) for moment in EXTREMES]
    db_session.add_all(rows)
    db_session.flush()
    ids = [row.id for row in rows]
    assert extract_batch(db_session, ids) == ids
    # An undated mention is dated by its article's publication day, year 1 and 9999 included.
    assert store_batch(db_session, ids) == ids
    assert {row.status for row in rows} == {Status.STORED}


OFFSETS = st.timedeltas(min_value=timedelta(hours=-23, minutes=-59), max_value=timedelta(hours=23, minutes=59))
ZONES = st.one_of(st.timezones(), OFFSETS.map(timezone))


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.datetimes(timezones=ZONES).map(datetime.isoformat), st.text(max_size=40)))
def test_any_string_parses_or_is_no_date(text: str) -> None:
    parsed = parse_date(text)
    # Postgres takes offsets up to 15:59; Python's own stop short of a day.
    assert parsed is None or abs(parsed.value.utcoffset()) <= timedelta(hours=14)


def test_an_offset_that_no_time_zone_has_is_no_date(db_session: Session) -> None:
    for text in ("2024-01-01T10:00:00+23:59", "2024-01-01 10:00 +9999", "Jan 1 2024 10:00 GMT+25"):
        assert parse_date(text) is None
    row = Article(raw=page_dated("2024-01-01T10:00:00+23:59"), content_type="text/html", status=Status.FETCHED)
    db_session.add(row)
    db_session.flush()
    assert clean_step(db_session, row.id) == row.id
    db_session.flush()  # Postgres refused the offset here
    assert (row.status, row.published_at) == (Status.CLEANED, None)


@pytest.mark.parametrize("published", ODD_DATES)
def test_a_page_with_an_odd_date_goes_through_clean_dedup_and_extract(db_session: Session, published: str) -> None:
    row = Article(raw=page_dated(published), content_type="text/html", status=Status.FETCHED)
    db_session.add(row)
    db_session.flush()
    for step in (clean_step, dedup_step, extract_step):
        assert step(db_session, row.id) == row.id
    assert (row.status, row.published_at, row.published_source) == (Status.EXTRACTED, None, "dropped:html")
