"""The one place configuration is read: environment variables `NEWSFLOW_*`, plus `DATABASE_URL` and `REDIS_URL`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def normalise_database_url(url: str) -> str:
    """Make a plain `postgresql://` (or `postgres://`) URL use the psycopg 3 driver."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


class Settings(BaseSettings):
    """newsflow's settings; every field can be set as `NEWSFLOW_<FIELD>`."""

    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", extra="ignore")

    database_url: str = Field(
        "postgresql+psycopg://postgres@127.0.0.1:5432/newsflow",
        validation_alias=AliasChoices("NEWSFLOW_DATABASE_URL", "DATABASE_URL"),
    )
    redis_url: str = Field(
        "redis://127.0.0.1:6379/0",
        validation_alias=AliasChoices("NEWSFLOW_REDIS_URL", "REDIS_URL"),
    )

    # fetch stage
    fetch_connect_timeout: float = 5.0
    fetch_read_timeout: float = 20.0
    # A whole download (feeds and sitemaps too), redirects included: a server sending a byte at a time meets no read
    # timeout, and would hold a worker until the task's time limit (120 s).
    fetch_total_timeout: float = 60.0
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 5
    user_agent: str = "newsflow/0.1 (+https://github.com/newsflow/newsflow)"
    # Loopback, private and link-local addresses are refused (no server-side request forgery) unless allowed.
    fetch_allow_private_addresses: bool = False

    # politeness towards every host, shared by all workers through Redis (poll and fetch alike)
    host_max_concurrency: int = 2
    host_min_interval_seconds: float = 1.0
    # A worker sleeps for its turn at a host up to this long; a longer wait puts the work back on its queue.
    host_max_wait_seconds: float = 10.0
    robots_cache_seconds: int = 3600

    # sources (feeds, sitemaps, drop folders), polled through the `poll` queue
    poll_tick_seconds: float = 10.0
    source_default_interval_seconds: int = 900
    source_max_backoff_seconds: int = 21_600
    poll_max_bytes: int = 20_000_000
    sitemap_max_children: int = 20
    # A dropped file younger than this may still be being written; it waits for the next poll.
    folder_settle_seconds: float = 5.0
    # Drop folders must lie under this directory; unset, no drop folder can be added or polled.
    drop_root: Path | None = None
    # Whether `POST /sources` may add a drop folder (under drop_root); the command line always may.
    api_folder_sources: bool = False

    # input limits: a larger article (or API request body) is refused with the reason instead of stalling a worker
    max_input_bytes: int = 5_000_000

    # Articles per message on every queue but fetch's (downloads go one by one): a worker claims, processes and
    # commits a message's articles in one transaction, so the queue's and the database's cost per task is shared.
    message_batch: int = 50

    # task reliability
    task_max_retries: int = 8
    task_retry_backoff_max: int = 300
    # Must exceed the slowest task, or Redis hands an unacked task to a second worker.
    visibility_timeout: int = 3600
    # An article whose status has not moved for this long is stuck: shown by `status`, re-enqueued by the reconciler.
    stage_timeout_seconds: int = 600

    # Lets the read-only role `newsflow_reader` log in (set when migrating); without it the role cannot log in.
    reader_password: str | None = None

    # Required in the X-API-Key header of write requests; with none set (or a blank one), the API refuses writes.
    api_key: str | None = None

    # Where worker processes write their metrics for the API's /metrics to add up (prometheus-client's multiprocess
    # mode); unset, workers keep no metrics. Empty it when the workers start afresh.
    metrics_dir: str | None = Field(
        None, validation_alias=AliasChoices("NEWSFLOW_METRICS_DIR", "PROMETHEUS_MULTIPROC_DIR")
    )

    # /metrics gives each source its own series up to this many sources (failing ones first), keeping the number
    # of series bounded; the sources by kind and state are always counted in full.
    metrics_max_sources: int = 100

    # The labelled development data `newsflow eval` reads; unset, `../shared/dev` beside the project.
    eval_data: Path | None = None

    api_host: str = "127.0.0.1"
    api_port: int = 8000

    @field_validator("database_url")
    @classmethod
    def _use_psycopg(cls, value: str) -> str:
        return normalise_database_url(value)

    @field_validator("api_key", "drop_root", "eval_data", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        # Compose passes an unset variable as an empty string: an empty key or root is none at all.
        return None if isinstance(value, str) and not value.strip() else value


@lru_cache
def get_settings() -> Settings:
    """The process's settings, read from the environment once, on first use."""
    return Settings()
