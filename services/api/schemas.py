"""Request and response bodies."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, model_validator


class ArticleIn(BaseModel):
    """An article to ingest: a URL to fetch, or its HTML or text (with the URL it came from, if known)."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(None, max_length=4096)
    html: str | None = None
    text: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="ISO 8601 date or timestamp, as the source gives it")
    source: str | None = Field(None, description="The outlet's name")

    @model_validator(mode="after")
    def _has_content(self) -> ArticleIn:
        if not (self.url or self.html or self.text):
            raise ValueError("give at least one of url, html, text")
        if self.html and self.text:
            raise ValueError("give html or text, not both")
        return self


class ErrorOut(BaseModel):
    """Why a request was refused."""

    detail: str


class IngestOut(BaseModel):
    """The article an ingested input maps to."""

    id: int
    created: bool
    revised: bool = False  # new content for a known URL: the article goes through the stages again
    status: str
    error: str | None


class ArticleOut(BaseModel):
    """An article's metadata and where it is in the pipeline."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    url: str | None
    source: str | None
    title: str | None
    author: str | None
    site_name: str | None
    language: str | None
    published_at: datetime | None
    published_precision: str | None
    published_source: str | None
    status: str
    error_stage: str | None
    error: str | None
    duplicate_of_id: int | None
    contains_id: int | None
    story_id: int | None
    received_at: datetime
    stored_at: datetime | None


class ArticleDetailOut(ArticleOut):
    """An article with its clean text (paragraphs separated by a blank line; null until cleaned)."""

    text: str | None


class ArticlePage(BaseModel):
    """A page of articles in id order; pass `next` as `after` for the following page (null at the end)."""

    items: list[ArticleOut]
    next: int | None


class EventOut(BaseModel):
    """One real-world event: its coding, and how many reports carry it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    type: str
    mode: str | None
    cameo: str
    quad_class: int
    source_text: str | None
    source_code: str | None
    target_text: str | None
    target_code: str | None
    location_name: str | None
    location_country: str | None
    latitude: float | None
    longitude: float | None
    event_date: date | None
    date_precision: str
    mention_count: int
    article_count: int
    confidence: float
    first_seen: datetime
    last_seen: datetime


class MentionOut(BaseModel):
    """One article's report of an event, with the evidence."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    article_id: int
    sentence_index: int
    sentence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    source_text: str | None
    target_text: str | None
    modality: str
    confidence: float


class EventDetailOut(EventOut):
    """An event with every mention that reports it."""

    mentions: list[MentionOut]


class EventPage(BaseModel):
    """A page of events in id order; pass `next` as `after` for the following page (null at the end)."""

    items: list[EventOut]
    next: int | None


class StoryOut(BaseModel):
    """Articles that report one real-world event."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str | None
    first_seen: datetime | None = Field(description="Earliest publication time of its articles; null if none dated")
    last_seen: datetime | None = Field(description="Latest publication time of its articles; null if none dated")
    article_count: int


class StoryDetailOut(StoryOut):
    """A story with its articles."""

    articles: list[ArticleOut]


class StoryPage(BaseModel):
    """A page of stories, most recently seen first; pass `next` as `before` for the following page."""

    items: list[StoryOut]
    next: int | None
