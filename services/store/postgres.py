"""The store stage's database side: lock the merge buckets, find candidate events, attach, recount, announce."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, fields
from datetime import UTC, datetime

from sqlalchemy import Date, Text, cast, delete, distinct, func, select, text, update
from sqlalchemy.orm import Session

from services.db import PLAN_BY_INDEX, copy_rows
from services.models import Article, Event, EventMention
from services.status import Status
from services.store.decide import BatchMerge, FoundEvent, MentionToMerge
from services.store.merge import (
    EVENT_CODING_FIELDS,
    FAMILY_PREFIXES,
    LOCK_NAMESPACE,
    Candidate,
    Coding,
    CodingReports,
    Lookup,
    MentionCoding,
    OutletReports,
    coding_of,
    lock_keys,
    lookups,
    summarise_event,
)

EVENTS_CHANNEL = "newsflow_events"
ASSERTED = "asserted"  # negated, planned or claimed events are kept as mentions only
MENTION_CODING = [getattr(EventMention, name) for name in EVENT_CODING_FIELDS]
EVENT_CODING = [getattr(Event, name) for name in EVENT_CODING_FIELDS]
# The candidate query's arrays, in the order of `Lookup`'s fields.
LOOKUP_PARAMETERS = ("types", "lows", "highs", "source_families", "target_families", "countries", "swappable", "blank")


def store_events(session: Session, articles: Sequence[Article]) -> set[int]:
    """Replace the events the articles' mentions feed: merge each asserted mention into its event, recount every
    event the articles fed before or feed now, delete those left without mentions; return the ids touched.

    Articles are decided in the order given, each seeing the events the earlier ones opened or joined, and the
    batch takes a handful of statements whatever its size: each round trip costs more than the merge.
    """
    article_ids = [article.id for article in articles]
    session.execute(PLANS)
    forgotten, mentions = _forget(session, article_ids)
    before = forgotten | {m.event_id for found in mentions.values() for m in found if m.event_id is not None}
    asserted = {
        a.id: [MentionToMerge(m.id, _event_fields(m), _mention_coding(m, a)) for m in mentions.get(a.id, ())
               if m.modality == ASSERTED]
        for a in articles
    }  # fmt: skip
    every_coding = [mention.coding for found in asserted.values() for mention in found]
    _lock(session, [*every_coding, *_event_codings(session, before)])
    stories = {article.story_id for article in articles if article.story_id is not None}
    merge = BatchMerge(*_find_candidates(session, every_coding, stories))
    for article in articles:
        merge.article(article.id, article.story_id, asserted[article.id])
    if merge.opened:
        new_ids = session.scalars(NEW_EVENT_IDS, {"count": len(merge.opened)}).all()
        rows = [{"id": id_, **fields_} for id_, fields_ in zip(new_ids, merge.opened, strict=True)]
        copy_rows(session, Event.__table__, rows)
        merge.number_opened(new_ids)
    fed = {event_id for _, event_id in merge.links}
    touched = before | fed
    session.execute(
        ATTACH,
        {
            "articles": article_ids,
            "mentions": [mention_id for mention_id, _ in merge.chosen],
            "events": [event_id for _, event_id in merge.chosen],
            "fed_articles": [article_id for article_id, _ in merge.links],
            "fed_events": [event_id for _, event_id in merge.links],
            "channel": EVENTS_CHANNEL,
            "touched": sorted(touched),
        },
    ).all()
    if touched:
        recount_events(session, touched, updated=fed)
    return touched


# For the rest of the transaction, Postgres reads by index (`PLAN_BY_INDEX`), and prepared statements keep their
# generic plan: it would otherwise plan the candidate query afresh for every article (its custom plans look cheaper
# than the generic one, which is the same plan), and planning it costs about as much as running it.
PLANS = text(f"SELECT {PLAN_BY_INDEX}, set_config('plan_cache_mode', 'force_generic_plan', true)")
# Ids for the events a batch opens, ascending, so they are written in one COPY.
NEW_EVENT_IDS = text(
    "SELECT nextval(pg_get_serial_sequence('events', 'id')) FROM generate_series(1, :count) ORDER BY 1"
)


# The articles' mentions, and the events they fed last time (whether or not a re-run of the extract stage has
# replaced those mentions since), forgotten in the same statement: one row even for a batch without mentions.
FORGET = text(f"""
    WITH forgotten AS (
        DELETE FROM article_events WHERE article_id = ANY(CAST(:articles AS bigint[])) RETURNING event_id
    )
    SELECT (SELECT array_agg(event_id) FROM forgotten) AS forgotten, m.article_id,
           m.id, m.event_id, m.modality, m.confidence, {", ".join(f"m.{name}" for name in EVENT_CODING_FIELDS)}
    FROM (SELECT 1) AS one LEFT JOIN event_mentions m ON m.article_id = ANY(CAST(:articles AS bigint[]))
    ORDER BY m.article_id, m.id""")


def _forget(session: Session, article_ids: list[int]) -> tuple[set[int], dict[int, list]]:
    rows = session.execute(FORGET, {"articles": article_ids}).all()
    mentions: dict[int, list] = {}
    for row in rows:
        if row.id is not None:
            mentions.setdefault(row.article_id, []).append(row)
    return set(rows[0].forgotten or ()), mentions


# Each mention to its chosen event (unasserted ones to none), the articles to the events they feed, and NOTIFY for
# each new, updated or deleted event's id on EVENTS_CHANNEL (Postgres delivers them on commit): one round trip.
ATTACH = text("""
    WITH chosen AS (
        SELECT m.id, c.event_id FROM event_mentions m
        LEFT JOIN unnest(CAST(:mentions AS bigint[]), CAST(:events AS bigint[])) AS c(mention_id, event_id)
            ON c.mention_id = m.id
        WHERE m.article_id = ANY(CAST(:articles AS bigint[]))
    ), attached AS (
        UPDATE event_mentions SET event_id = chosen.event_id FROM chosen WHERE event_mentions.id = chosen.id
    ), linked AS (
        INSERT INTO article_events (article_id, event_id)
        SELECT * FROM unnest(CAST(:fed_articles AS bigint[]), CAST(:fed_events AS bigint[]))
    )
    SELECT pg_notify(:channel, id::text) FROM unnest(CAST(:touched AS bigint[])) AS id ORDER BY id""")


def _event_fields(mention) -> dict:
    return {name: getattr(mention, name) for name in (*EVENT_CODING_FIELDS, "confidence")}


def _mention_coding(mention, article: Article) -> Coding:
    # An undated sentence in a dated article is placed on its publication day (with precision "unknown").
    published = article.published_at.astimezone(UTC).date() if article.published_at else None
    fields_ = {name: getattr(mention, name) for name in EVENT_CODING_FIELDS}
    return coding_of(fields_ | {"event_date": mention.event_date or published})


def _event_codings(session: Session, event_ids: set[int]) -> list[Coding]:
    if not event_ids:
        return []
    return [coding_of(row) for row in session.execute(select(*EVENT_CODING).where(Event.id.in_(event_ids))).mappings()]


def _lock(session: Session, codings: list[Coding]) -> None:
    """Take the advisory locks of every bucket these codings touch, in one sorted pass (so workers cannot deadlock)."""
    keys = sorted(set().union(*(lock_keys(c) for c in codings))) if codings else []
    if keys:
        # unnest returns the sorted array in order, so the locks are taken in that order.
        session.execute(LOCK, {"namespace": LOCK_NAMESPACE, "keys": keys}).all()


LOCK = text("SELECT pg_advisory_xact_lock(:namespace, key) FROM unnest(CAST(:keys AS integer[])) AS key")


# SQL for the rules of `services.store.merge.agreement`, loosened only where SQL cannot see (sectors, distances), so
# that every event the rules accept comes back and most they refuse do not: the candidates of a common type and
# country in a busy week are hundreds, and weighing each in Python cost more than the rest of the step.
KNOWN_FAMILY = ", ".join(f"'{prefix}'" for prefix in FAMILY_PREFIXES)
# Whether each of the event's actor codes names a country or an organisation (null when it has no code).
NAMED = f"""LATERAL (SELECT left(e.source_code, 3) IN ({KNOWN_FAMILY}) AS source,
                         left(e.target_code, 3) IN ({KNOWN_FAMILY}) AS target) AS named"""


def _no_conflict(actor: str, family: str) -> str:
    """The event's actor is unknown, of no known family, or of the mention's family."""
    code = f"e.{actor}_code"
    return f"({code} IS NULL OR {family} IS NULL OR {code} LIKE {family} || '%' OR NOT named.{actor})"


def _shares(actor: str, family: str) -> str:
    return f"e.{actor}_code LIKE {family} || '%'"


# Something in common first: it is the test most events of the type and window fail, and the cheapest.
MATCHES = f"""CASE WHEN m.blank
    THEN coalesce(e.location_country, '') = '' AND NOT coalesce(named.source OR named.target, false)
    ELSE (e.location_country = m.country
             OR {_shares("source", "m.source_family")} OR {_shares("target", "m.target_family")}
             OR m.swappable AND ({_shares("source", "m.target_family")} OR {_shares("target", "m.source_family")}))
        AND (m.country IS NULL OR coalesce(e.location_country, '') IN ('', m.country))
        AND ({_no_conflict("source", "m.source_family")} AND {_no_conflict("target", "m.target_family")}
             OR m.swappable AND {_no_conflict("source", "m.target_family")}
                AND {_no_conflict("target", "m.source_family")})
    END"""
# One fixed statement for every article (so it is compiled and prepared once): each row of `m` is one `Lookup`.
CANDIDATES = text(f"""
    WITH m AS (
        SELECT * FROM unnest(CAST(:types AS text[]), CAST(:lows AS date[]), CAST(:highs AS date[]),
                             CAST(:source_families AS text[]), CAST(:target_families AS text[]),
                             CAST(:countries AS text[]), CAST(:swappable AS boolean[]), CAST(:blank AS boolean[]))
            WITH ORDINALITY AS m(type, low, high, source_family, target_family, country, swappable, blank, way)
    ), near AS (
        -- OFFSET 0 keeps each lookup a per-row index scan: a prepared (generic) plan cannot see how few rows m
        -- has and would otherwise hash-join the whole events table. The index holds every column the filter reads.
        SELECT m.way, found.id FROM m CROSS JOIN LATERAL (
            SELECT e.id FROM events e, {NAMED}
            WHERE e.type = m.type AND e.event_date BETWEEN m.low AND m.high AND {MATCHES}
            UNION ALL
            SELECT e.id FROM events e, {NAMED}
            WHERE e.type = m.type AND m.low IS NULL AND e.event_date IS NULL AND {MATCHES}
            OFFSET 0
        ) AS found
    )
    SELECT e.id, {", ".join(f"e.{f.name}" for f in fields(Coding) if f.name != "day")}, e.event_date,
           array_agg(near.way) AS ways,
           ARRAY(SELECT DISTINCT a.story_id FROM article_events ae JOIN articles a ON a.id = ae.article_id
                 WHERE ae.event_id = e.id AND a.story_id = ANY(CAST(:stories AS bigint[]))) AS stories
    FROM near JOIN events e ON e.id = near.id
    GROUP BY e.id
    ORDER BY e.id""")


def _find_candidates(
    session: Session, codings: list[Coding], stories: set[int]
) -> tuple[dict[Lookup, int], list[FoundEvent]]:
    """The events any of the mentions may report (a compatible type, a date in the window, no actor or place in
    conflict and one in common), in one query; with the lookups by number, as the events name them."""
    ways = sorted({way for c in codings for way in lookups(c)}, key=str)
    if not ways:
        return {}, []
    columns = dict(zip(LOOKUP_PARAMETERS, zip(*(astuple(way) for way in ways), strict=True), strict=True))
    rows = session.execute(CANDIDATES, {"stories": sorted(stories), **{k: list(v) for k, v in columns.items()}})
    found = [
        FoundEvent(row["id"], coding_of(row), tuple(row["ways"]), tuple(row["stories"])) for row in rows.mappings()
    ]
    return {way: number for number, way in enumerate(ways, start=1)}, found


def candidate_events(session: Session, codings: list[Coding], story_id: int | None) -> list[Candidate]:
    """The events any of an article's mentions may report, `same_story` when one of them is in the article's story."""
    stories = set() if story_id is None else {story_id}
    _, found = _find_candidates(session, codings, stories)
    return [Candidate(event.event_id, event.coding, bool(event.stories)) for event in found]


PUBLISHED_DAY = cast(func.timezone("UTC", Article.published_at), Date)
# The fields a mention reports, as the summary weighs them: the event day falls back to the publication day.
REPORTED = [
    func.coalesce(EventMention.event_date, PUBLISHED_DAY) if name == "event_date" else getattr(EventMention, name)
    for name in EVENT_CODING_FIELDS
]
# An outlet is one independent source; an article with no outlet known counts as its own.
OUTLET = func.lower(func.coalesce(Article.source, Article.site_name, "article " + cast(Article.id, Text)))


def recount_events(session: Session, event_ids: set[int], *, updated: set[int] = frozenset()) -> None:
    """Recompute events from their mentions (best fields, counts, confidence), skipping mentions of duplicate
    articles; delete events left without a mention; `updated` events get a new `last_seen`.

    Postgres groups the mentions by coding and by outlet: a big event's reports mostly repeat a few codings, so
    the summary reads a handful of rows where the event has hundreds of mentions.
    """
    # Row locks in id order: two workers recounting the same events queue instead of deadlocking.
    session.execute(select(Event.id).where(Event.id.in_(event_ids)).order_by(Event.id).with_for_update()).all()
    counted = (EventMention.event_id.in_(event_ids), Article.status != Status.DUPLICATE)
    codings: dict[int, list[CodingReports]] = {}
    for row in session.execute(
        select(
            EventMention.event_id,
            *(column.label(name) for column, name in zip(REPORTED, EVENT_CODING_FIELDS, strict=True)),
            func.count().label("mentions"),
            func.max(EventMention.confidence).label("confidence"),
        )
        .join(Article, Article.id == EventMention.article_id)
        .where(*counted)
        .group_by(EventMention.event_id, *REPORTED)
        .order_by(EventMention.event_id, func.min(EventMention.id))  # first reported first, as ties are decided
    ).mappings():
        coding = MentionCoding(**{f.name: row[f.name] for f in fields(MentionCoding)})
        codings.setdefault(row["event_id"], []).append(CodingReports(coding, row["mentions"]))
    outlets: dict[int, list[OutletReports]] = {}
    for row in session.execute(
        select(
            EventMention.event_id,
            OUTLET.label("outlet"),
            func.count().label("mentions"),
            func.count(distinct(EventMention.article_id)).label("articles"),
            func.max(EventMention.confidence).label("confidence"),
        )
        .join(Article, Article.id == EventMention.article_id)
        .where(*counted)
        .group_by(EventMention.event_id, OUTLET)
    ):
        reports = OutletReports(row.outlet, row.mentions, row.articles, row.confidence)
        outlets.setdefault(row.event_id, []).append(reports)
    seen = {"last_seen": datetime.now(UTC)}
    changes = [
        {"id": event_id, **summarise_event(found, outlets[event_id]), **(seen if event_id in updated else {})}
        for event_id, found in codings.items()
    ]
    if changes:
        session.execute(update(Event), changes)  # by primary key, batched
    empty = event_ids - codings.keys()
    if empty:
        session.execute(delete(Event).where(Event.id.in_(empty)))
