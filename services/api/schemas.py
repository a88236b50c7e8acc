"""Request and response bodies."""

from __future__ import annotations

from datetime import datetime

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


class IngestOut(BaseModel):
    """The article an ingested input maps to."""

    id: int
    created: bool
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
    received_at: datetime
    stored_at: datetime | None
