"""The store stage's database side: lock the merge buckets, find candidate events, attach, recount, announce."""

from __future__ import annotations

from dataclasses import astuple, fields
from datetime import UTC, datetime

from sqlalchemy import Date, Text, cast, delete, func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.models import Article, Event, EventMention
from services.status import Status
from services.store import (
    EVENT_CODING_FIELDS,
    FAMILY_PREFIXES,
    LOCK_NAMESPACE,
    Candidate,
    Coding,
    MentionCoding,
    ReportedMention,
    choose_event,
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


def store_article_events(session: Session, article: Article) -> set[int]:
    """Replace the events an article's mentions feed: merge each asserted mention into its event, recount every
    event the article fed before or feeds now, delete those left without mentions; return the ids touched."""
    # A handful of statements per article, whatever its mentions: each round trip costs more than the merge.
    forgotten, mentions = _forget(session, article.id)
    before = forgotten | {m.event_id for m in mentions if m.event_id is not None}
    asserted = [m for m in mentions if m.modality == ASSERTED]
    codings = [_mention_coding(m, article) for m in asserted]
    _lock(session, [*codings, *_event_codings(session, before)])
    candidates = candidate_events(session, codings, article.story_id)
    chosen: list[int] = []  # an event id, or -n for the n-th event this article opens
    opened: list[dict] = []
    for mention, coding in zip(asserted, codings, strict=True):
        event_id = choose_event(coding, candidates)
        if event_id is None:
            fields_ = {name: getattr(mention, name) for name in EVENT_CODING_FIELDS}
            opened.append(fields_ | {"event_date": coding.day, "confidence": mention.confidence})
            event_id = -len(opened)
            candidates.append(Candidate(event_id, coding, same_story=True))  # later mentions may report it too
        chosen.append(event_id)
    if opened:
        new_ids = session.scalars(insert(Event).returning(Event.id, sort_by_parameter_order=True), opened).all()
        chosen = [new_ids[-e - 1] if e < 0 else e for e in chosen]
    fed = set(chosen)
    touched = before | fed
    session.execute(
        ATTACH,
        {
            "article": article.id,
            "mentions": [m.id for m in asserted],
            "events": chosen,
            "fed": sorted(fed),
            "channel": EVENTS_CHANNEL,
            "touched": sorted(touched),
        },
    ).all()
    if touched:
        recount_events(session, touched, updated=fed)
    return touched


# The article's mentions, and the events it fed last time (whether or not a re-run of the extract stage has
# replaced those mentions since), forgotten in the same statement: one row even for an article without mentions.
FORGET = text(f"""
    WITH forgotten AS (DELETE FROM article_events WHERE article_id = :article RETURNING event_id)
    SELECT (SELECT array_agg(event_id) FROM forgotten) AS forgotten,
           m.id, m.event_id, m.modality, m.confidence, {", ".join(f"m.{name}" for name in EVENT_CODING_FIELDS)}
    FROM (SELECT 1) AS one LEFT JOIN event_mentions m ON m.article_id = :article
    ORDER BY m.id""")


def _forget(session: Session, article_id: int) -> tuple[set[int], list]:
    rows = session.execute(FORGET, {"article": article_id}).all()
    return set(rows[0].forgotten or ()), [row for row in rows if row.id is not None]


# Each mention to its chosen event (unasserted ones to none), the article to the events it feeds, and NOTIFY for
# each new, updated or deleted event's id on EVENTS_CHANNEL (Postgres delivers them on commit): one round trip.
ATTACH = text("""
    WITH chosen AS (
        SELECT m.id, c.event_id FROM event_mentions m
        LEFT JOIN unnest(CAST(:mentions AS bigint[]), CAST(:events AS bigint[])) AS c(mention_id, event_id)
            ON c.mention_id = m.id
        WHERE m.article_id = :article
    ), attached AS (
        UPDATE event_mentions SET event_id = chosen.event_id FROM chosen WHERE event_mentions.id = chosen.id
    ), linked AS (
        INSERT INTO article_events (article_id, event_id) SELECT :article, unnest(CAST(:fed AS bigint[]))
    )
    SELECT pg_notify(:channel, id::text) FROM unnest(CAST(:touched AS bigint[])) AS id ORDER BY id""")


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


# For the rest of the transaction, prepared statements keep their generic plan: Postgres would otherwise plan the
# candidate query afresh for every article (its custom plans look cheaper than the generic one, which is the same
# plan), and planning it costs about as much as running it. Set here to spare a round trip of its own.
LOCK = text("""
    SELECT pg_advisory_xact_lock(:namespace, key), set_config('plan_cache_mode', 'force_generic_plan', true)
    FROM unnest(CAST(:keys AS integer[])) AS key""")


# SQL for the rules of `services.store.agreement`, loosened only where SQL cannot see (sectors, distances), so
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
            AS m(type, low, high, source_family, target_family, country, swappable, blank)
    ), near AS (
        -- OFFSET 0 keeps each lookup a per-row index scan: a prepared (generic) plan cannot see how few rows m
        -- has and would otherwise hash-join the whole events table. The index holds every column the filter reads.
        SELECT DISTINCT found.id FROM m CROSS JOIN LATERAL (
            SELECT e.id FROM events e, {NAMED}
            WHERE e.type = m.type AND e.event_date BETWEEN m.low AND m.high AND {MATCHES}
            UNION ALL
            SELECT e.id FROM events e, {NAMED}
            WHERE e.type = m.type AND m.low IS NULL AND e.event_date IS NULL AND {MATCHES}
            OFFSET 0
        ) AS found
    )
    SELECT e.id, {", ".join(f"e.{f.name}" for f in fields(Coding) if f.name != "day")}, e.event_date,
           EXISTS (SELECT 1 FROM article_events ae JOIN articles a ON a.id = ae.article_id
                   WHERE ae.event_id = e.id AND a.story_id = CAST(:story AS bigint)) AS same_story
    FROM near JOIN events e ON e.id = near.id
    ORDER BY e.id""")


def candidate_events(session: Session, codings: list[Coding], story_id: int | None) -> list[Candidate]:
    """The events any of an article's mentions may report (a compatible type, a date in the window, no actor or
    place in conflict and one in common), in one query."""
    ways = sorted({way for c in codings for way in lookups(c)}, key=str)
    if not ways:
        return []
    columns = dict(zip(LOOKUP_PARAMETERS, zip(*(astuple(way) for way in ways), strict=True), strict=True))
    rows = session.execute(CANDIDATES, {"story": story_id, **{k: list(v) for k, v in columns.items()}}).mappings()
    return [Candidate(row["id"], coding_of(row), row["same_story"]) for row in rows]


PUBLISHED_DAY = cast(func.timezone("UTC", Article.published_at), Date)
REPORT_COLUMNS = [
    func.coalesce(EventMention.event_date, PUBLISHED_DAY).label(f.name)
    if f.name == "event_date"
    else getattr(EventMention, f.name)
    for f in fields(MentionCoding)
]


def recount_events(session: Session, event_ids: set[int], *, updated: set[int] = frozenset()) -> None:
    """Recompute events from their mentions (best fields, counts, confidence), skipping mentions of duplicate
    articles; delete events left without a mention; `updated` events get a new `last_seen`."""
    # Row locks in id order: two workers recounting the same events queue instead of deadlocking.
    session.execute(select(Event.id).where(Event.id.in_(event_ids)).order_by(Event.id).with_for_update()).all()
    rows = session.execute(
        select(
            EventMention.event_id,
            EventMention.article_id,
            # An outlet is one independent source; an article with no outlet known counts as its own.
            func.lower(func.coalesce(Article.source, Article.site_name, "article " + cast(Article.id, Text))).label(
                "outlet"
            ),
            *REPORT_COLUMNS,
        )
        .join(Article, Article.id == EventMention.article_id)
        .where(EventMention.event_id.in_(event_ids), Article.status != Status.DUPLICATE)
        .order_by(EventMention.event_id, EventMention.id)
    ).mappings()
    reports: dict[int, list[ReportedMention]] = {}
    for row in rows:
        coding = MentionCoding(**{f.name: row[f.name] for f in fields(MentionCoding)})
        reports.setdefault(row["event_id"], []).append(ReportedMention(row["article_id"], row["outlet"], coding))
    now = datetime.now(UTC)
    changes = [
        {"id": event_id, **summarise_event(found), **({"last_seen": now} if event_id in updated else {})}
        for event_id, found in reports.items()
    ]
    if changes:
        session.execute(update(Event), changes)  # by primary key, batched
    empty = event_ids - reports.keys()
    if empty:
        session.execute(delete(Event).where(Event.id.in_(empty)))
