"""The store step on a real database: merging across articles, corrections, and duplicates that never count."""

from datetime import date, timedelta
from itertools import product

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from services.clean.step import clean_batch, clean_step
from services.dedup.step import dedup_batch, dedup_step
from services.extract.step import extract_batch, extract_step
from services.models import Article, ArticleEvent, Event, EventMention
from services.sources.ingest import ArticleInput, add_article
from services.status import Status
from services.store.merge import DATE_WINDOW, Candidate, Coding, choose_event, type_family
from services.store.postgres import candidate_events, recount_events
from services.store.step import store_batch, store_step

WITHDRAWAL = "Russia withdrew its troops from Syria on Sunday, officials said."
CONDEMNATION = "France condemned the attack on the convoy near Aleppo."
STEPS = (clean_step, dedup_step, extract_step, store_step)


def stored(session: Session, text: str, source: str) -> int:
    given = {"published": "2024-12-09", "source": source}
    item = ArticleInput(source, raw=text.encode(), content_type="text/plain", source=source, given=given)
    article_id = add_article(session, item, max_bytes=10_000).article_id
    for step in STEPS:
        assert step(session, article_id) == article_id
    return article_id


def revise(session: Session, article_id: int, text: str) -> None:
    """A revision of the article runs extract and store again over its new text."""
    article = session.get(Article, article_id)
    article.text, article.status = text, Status.UNIQUE
    session.flush()
    for step in (extract_step, store_step):
        assert step(session, article_id) == article_id


def events(session: Session) -> dict[str, tuple[int, int, int]]:
    rows = session.scalars(select(Event)).all()
    return {e.type: (e.mention_count, e.article_count, e.source_count) for e in rows}


def test_reports_from_several_outlets_are_one_event(db_session: Session) -> None:
    stored(db_session, f"{WITHDRAWAL} {CONDEMNATION}", "Wire")
    stored(db_session, f"Moscow pulled its forces out of Syria on Sunday. {WITHDRAWAL}", "Paper")
    stored(db_session, WITHDRAWAL + " Its troops flew home.", "Wire")
    assert events(db_session) == {"RETREAT": (4, 3, 2), "ACCUSE": (1, 1, 1)}
    retreat = db_session.scalars(select(Event).where(Event.type == "RETREAT")).one()
    alone = db_session.scalars(select(Event).where(Event.type == "ACCUSE")).one()
    assert retreat.confidence > alone.confidence


def test_a_batch_merges_its_articles_as_one_at_a_time_would(db_session: Session) -> None:
    reports = [
        (f"{WITHDRAWAL} {CONDEMNATION}", "Wire"),
        (f"Moscow pulled its forces out of Syria on Sunday. {WITHDRAWAL}", "Paper"),
        (WITHDRAWAL + " Its troops flew home.", "Wire"),
    ]
    ids = [
        add_article(db_session, ArticleInput(f"{source}{n}", raw=text.encode(), content_type="text/plain",
                    source=source, given={"published": "2024-12-09", "source": source}), max_bytes=10_000).article_id
        for n, (text, source) in enumerate(reports)
    ]  # fmt: skip
    for batch in (clean_batch, dedup_batch, extract_batch, store_batch):
        assert batch(db_session, ids) == ids
    # The same events as stored one by one (test_reports_from_several_outlets_are_one_event): later articles of
    # the batch join the event the first one opened.
    assert events(db_session) == {"RETREAT": (4, 3, 2), "ACCUSE": (1, 1, 1)}


def test_a_revised_article_replaces_its_mentions_and_corrects_its_events(db_session: Session) -> None:
    first = stored(db_session, f"{WITHDRAWAL} {CONDEMNATION}", "Wire")
    second = stored(db_session, WITHDRAWAL, "Paper")
    assert events(db_session) == {"RETREAT": (2, 2, 2), "ACCUSE": (1, 1, 1)}

    revise(db_session, first, CONDEMNATION)  # the withdrawal was cut from the first report
    assert events(db_session) == {"RETREAT": (1, 1, 1), "ACCUSE": (1, 1, 1)}

    revise(db_session, second, "The weather in the capital was mild.")  # nothing left that reports it
    assert events(db_session) == {"ACCUSE": (1, 1, 1)}
    assert db_session.scalars(select(ArticleEvent.article_id)).all() == [first]


def test_storing_again_leaves_the_same_events(db_session: Session) -> None:
    article_id = stored(db_session, f"{WITHDRAWAL} {CONDEMNATION}", "Wire")
    before = db_session.execute(select(Event.id, Event.type, Event.mention_count)).all()
    db_session.get(Article, article_id).status = Status.EXTRACTED
    assert store_step(db_session, article_id) == article_id
    assert db_session.execute(select(Event.id, Event.type, Event.mention_count)).all() == before


def test_mentions_of_an_article_marked_duplicate_never_count(db_session: Session) -> None:
    stored(db_session, WITHDRAWAL, "Wire")
    later = stored(db_session, f"On Sunday Russia withdrew its forces from Syria. {CONDEMNATION}", "Paper")
    assert events(db_session)["RETREAT"] == (2, 2, 2)
    db_session.get(Article, later).status = Status.DUPLICATE
    fed = set(db_session.scalars(select(EventMention.event_id).where(EventMention.article_id == later)))
    recount_events(db_session, fed)
    assert events(db_session) == {"RETREAT": (1, 1, 1)}


DAY = date(2024, 12, 8)
PLACES = [
    {},
    {"location_name": "Syria", "location_country": "SYR"},
    {"location_name": "Damascus", "location_country": "SYR", "latitude": 33.51, "longitude": 36.29},
    {"location_name": "Aleppo", "location_country": "SYR", "latitude": 36.20, "longitude": 37.16},
    {"location_name": "Moscow", "location_country": "RUS", "latitude": 55.76, "longitude": 37.62},
]
# Countries, sectors of them, organisations, an organisation's group alone, a sector alone, and no code at all.
SOURCES = [None, "", "RUS", "RUSGOV", "RUSREB", "SYR", "IGOUNO", "IGOUNOREF", "IGO", "REB"]
TARGETS = [None, "RUS", "SYR", "SYRGOV", "TUR", "ELI", "GOV"]


def in_window(mention: Coding, event: Coding) -> bool:
    if type_family(mention.type) != type_family(event.type) or (mention.day is None) != (event.day is None):
        return False
    return mention.day is None or abs(mention.day - event.day) <= DATE_WINDOW


def test_the_candidate_query_returns_every_event_the_merge_rules_accept(db_session: Session) -> None:
    days = [DAY, DAY + DATE_WINDOW + timedelta(days=1), None]
    stored = [
        Coding(kind, source, target, day=day, **place)
        for kind, source, target, place, day in product(
            ["RETREAT", "CONCEDE", "CONSULT"], SOURCES, TARGETS, PLACES, days
        )
    ]
    rows = [{"type": c.type, "source_code": c.source_code, "target_code": c.target_code,
             "location_name": c.location_name, "location_country": c.location_country, "latitude": c.latitude,
             "longitude": c.longitude, "event_date": c.day, "cameo": "01", "quad_class": 1, "date_precision": "day",
             "confidence": 0.5} for c in stored]  # fmt: skip
    ids = db_session.scalars(insert(Event).returning(Event.id, sort_by_parameter_order=True), rows).all()
    events_ = [Candidate(event_id, coding, same_story=True) for event_id, coding in zip(ids, stored, strict=True)]
    ruled_out = 0
    mentions = product(
        ["RETREAT", "CONSULT"], [None, "RUS", "RUSREB", "IGOUNO", "REB"], [None, "SYR", "ELI"], PLACES[:3], [DAY, None]
    )
    for kind, source, target, place, day in mentions:
        mention = Coding(kind, source, target, day=day, **place)
        found = {c.event_id for c in candidate_events(db_session, [mention], story_id=None)}
        # Each event on its own and of the same story: the most any rule lets it join.
        accepted = {e.event_id for e in events_ if choose_event(mention, [e]) is not None}
        assert accepted <= found, mention
        ruled_out += sum(1 for e in events_ if in_window(mention, e.coding) and e.event_id not in found)
    assert ruled_out > 0  # actors and places narrow the lookup in SQL, not only type and date
