"""Tables: articles (the record of every input), text fingerprints, events and their mentions, sources."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    func,
)
from sqlalchemy import text as sql_text  # `text` is also an Article column
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from services.db import Base
from services.status import Status

Timestamp = DateTime(timezone=True)


class Article(Base):
    """One input, from arrival to a final status; every stage's output lives on this row."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    url: Mapped[str | None] = mapped_column(Text, unique=True)
    source: Mapped[str | None] = mapped_column(Text)
    # "text/html" or "text/plain"; None until an article given by URL is fetched.
    content_type: Mapped[str | None] = mapped_column(String(64))
    raw: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    raw_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    # What the ingest call said about the article (title, published, source); never overwritten.
    given: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default="{}")

    text: Mapped[str | None] = mapped_column(Text, deferred=True)
    # What the clean stage removed, each span with its reason: [{"text", "reason"}].
    dropped: Mapped[list[dict[str, str]] | None] = mapped_column(JSONB, deferred=True)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    site_name: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    published_at: Mapped[datetime | None] = mapped_column(Timestamp)
    published_precision: Mapped[str | None] = mapped_column(String(8))
    published_source: Mapped[str | None] = mapped_column(String(16))

    status: Mapped[Status] = mapped_column(
        Enum(
            Status,
            native_enum=False,
            create_constraint=True,
            length=16,
            name="status",
            values_callable=lambda statuses: [s.value for s in statuses],
        ),
        default=Status.RECEIVED,
        server_default=Status.RECEIVED.value,
    )
    error_stage: Mapped[str | None] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Times new content arrived for the same canonical URL; each one re-ran the stages from clean.
    revisions: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"), index=True)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    duplicate_method: Mapped[str | None] = mapped_column(String(16))
    duplicate_similarity: Mapped[float | None] = mapped_column(Float)
    # A kept article that embeds most of an earlier one (a wire story inside a longer report): that article.
    contains_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))

    received_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())
    fetched_at: Mapped[datetime | None] = mapped_column(Timestamp)
    cleaned_at: Mapped[datetime | None] = mapped_column(Timestamp)
    deduped_at: Mapped[datetime | None] = mapped_column(Timestamp)
    extracted_at: Mapped[datetime | None] = mapped_column(Timestamp)
    stored_at: Mapped[datetime | None] = mapped_column(Timestamp)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now(), onupdate=func.now())

    mentions: Mapped[list[EventMention]] = relationship(back_populates="article", passive_deletes=True)

    __table_args__ = (
        Index("ix_articles_status_updated_at", "status", "updated_at"),
        # The last hour's rows, for `newsflow status` and /metrics, without reading the whole table.
        Index("ix_articles_updated_at", "updated_at"),
        Index("ix_articles_contains_id", "contains_id", postgresql_where=sql_text("contains_id IS NOT NULL")),
        # Readers' pages of one outlet's articles in id order (GET /articles?source=). The source never changes after
        # ingest, so the stages' updates stay heap-only.
        Index("ix_articles_source_id", "source", "id"),
    )

    def mark_failed(self, stage: str, reason: str) -> None:
        """Give the article its final `failed` status with a readable reason."""
        self.status = Status.FAILED
        self.error_stage = stage
        self.error = reason

    def mark_skipped(self, stage: str, reason: str) -> None:
        """Give the article its final `skipped` status with the reason it goes no further."""
        self.status = Status.SKIPPED
        self.error_stage = stage
        self.error = reason


class Story(Base):
    """Articles that report one real-world event; copies are linked to the story of their original."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    # The span of its articles' publication times; None while none of them is dated.
    first_seen: Mapped[datetime | None] = mapped_column(Timestamp)
    last_seen: Mapped[datetime | None] = mapped_column(Timestamp, index=True)
    article_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The clustering's profile of the story: term -> weight, unit length.
    terms: Mapped[dict[str, float]] = mapped_column(JSONB)


class StoryTerm(Base):
    """A story's key term: the inverted index by which an article finds the stories it may belong to."""

    __tablename__ = "story_terms"

    term: Mapped[str] = mapped_column(Text, primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True, index=True)


class TextFingerprint(Base):
    """The first article seen with a given normalised text; later ones are its exact duplicates."""

    __tablename__ = "text_fingerprints"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class CodedEvent:
    """The columns that code an event (type, actors, place, date), shared by events and their mentions."""

    type: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str | None] = mapped_column(String(24))
    cameo: Mapped[str] = mapped_column(String(4))
    quad_class: Mapped[int] = mapped_column(SmallInteger)
    source_text: Mapped[str | None] = mapped_column(Text)
    source_code: Mapped[str | None] = mapped_column(String(32))
    target_text: Mapped[str | None] = mapped_column(Text)
    target_code: Mapped[str | None] = mapped_column(String(32))
    location_name: Mapped[str | None] = mapped_column(Text)
    location_country: Mapped[str | None] = mapped_column(String(3))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    event_date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(8))


class Event(CodedEvent, Base):
    """One real-world event, merged from the mentions that report it."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    mention_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    article_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Distinct outlets among those articles: the independent reports that confidence grows with.
    source_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    confidence: Mapped[float] = mapped_column(Float)
    first_seen: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now(), index=True)
    last_seen: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())

    mentions: Mapped[list[EventMention]] = relationship(back_populates="event")

    __table_args__ = (
        # The store stage's candidate lookup (type and date window), and the type filter of readers.
        # The columns the lookup filters on are in the index, so it reads only the rows that match, not every
        # event of a common type in the window.
        Index(
            "ix_events_type_event_date",
            "type",
            "event_date",
            postgresql_include=["source_code", "target_code", "location_country", "id"],
        ),
        # Readers' type filter with others: a page of one type's events in id order, the columns the other filters
        # read included (so the page's ids come from the index alone); and the type with a recent time.
        Index(
            "ix_events_type_id",
            "type",
            "id",
            postgresql_include=["first_seen", "location_country", "source_code", "target_code"],
        ),
        Index("ix_events_type_first_seen", "type", "first_seen"),
        # Pattern ops, so that actor filters by code prefix ("RUS%") use them whatever the database's collation.
        Index("ix_events_source_code", "source_code", postgresql_ops={"source_code": "varchar_pattern_ops"}),
        Index("ix_events_target_code", "target_code", postgresql_ops={"target_code": "varchar_pattern_ops"}),
        Index("ix_events_location_country", "location_country"),
    )


class ArticleEvent(Base):
    """An event an article's mentions fed when it was last stored: what to recount when it is stored again."""

    __tablename__ = "article_events"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, index=True)


class EventMention(CodedEvent, Base):
    """One event as one article reports it, with the evidence: sentence, trigger and offsets in the clean text."""

    __tablename__ = "event_mentions"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    # Null between extract and store: extract finds mentions, store attaches them to events.
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)
    negated: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    modality: Mapped[str] = mapped_column(String(16))
    sentence_index: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    trigger: Mapped[str] = mapped_column(Text)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)

    article: Mapped[Article] = relationship(back_populates="mentions")
    event: Mapped[Event | None] = relationship(back_populates="mentions")


class DedupShingles(Base):
    """The shingle hashes of an article that is not an exact copy, for verifying near-duplicate candidates, and its
    LSH band keys."""

    __tablename__ = "dedup_shingles"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    shingles: Mapped[list[int]] = mapped_column(ARRAY(Integer))
    # Its key in each band, in band order: where to take it out of `lsh_keys` when it is revised.
    bands: Mapped[list[int]] = mapped_column(ARRAY(BigInteger))


class LshKey(Base):
    """One LSH band key and its latest holders (articles that are not exact copies, newest first): the shared
    near-duplicate index of every dedup worker.

    One row per key, so a lookup reads one row whatever the number of articles indexed; only the latest
    BUCKET_READ holders are ever read, so only they are kept. Rows are rewritten in place as holders arrive: pages
    keep room for that (fillfactor), so the new version stays on its page and the key's index entry is not rewritten.
    """

    __tablename__ = "lsh_keys"
    __table_args__ = {"postgresql_with": {"fillfactor": 70}}

    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    holders: Mapped[list[int]] = mapped_column(ARRAY(BigInteger))


class Source(Base):
    """A place newsflow polls for new articles: an RSS/Atom feed, a news sitemap, or a drop folder."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # "feed", "sitemap" or "folder" (services.sources.registry.KINDS).
    kind: Mapped[str] = mapped_column(String(16))
    # A URL for feeds and sitemaps, a directory path for a drop folder.
    location: Mapped[str] = mapped_column(Text, unique=True)
    # The outlet's name, given to its articles as their source.
    name: Mapped[str | None] = mapped_column(Text)
    interval_seconds: Mapped[int] = mapped_column(Integer)
    paused: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    # Validators of the last answer, sent back as If-None-Match / If-Modified-Since.
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    next_poll_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())
    last_polled_at: Mapped[datetime | None] = mapped_column(Timestamp)
    last_new_at: Mapped[datetime | None] = mapped_column(Timestamp)
    # "new", "unchanged", "not modified", "deferred" or "error": what the last poll found.
    last_outcome: Mapped[str | None] = mapped_column(String(16))
    error_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    consecutive_errors: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(Timestamp)
    # The delay added after errors or a Retry-After; zero when the last poll went well.
    backoff_seconds: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())

    __table_args__ = (Index("ix_sources_due", "paused", "next_poll_at"),)


class SourceEntry(Base):
    """An entry a source has shown (by canonical URL or entry id): seen once, ingested once, across restarts."""

    __tablename__ = "source_entries"

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True)
    # "url:<canonical URL>", "id:<the feed's entry id>" or "file:<origin>" for a drop folder's files.
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    seen_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())

    __table_args__ = (Index("ix_source_entries_source_id_seen_at", "source_id", "seen_at"),)
