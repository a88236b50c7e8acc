"""Operations: liveness and readiness for orchestrators, the status figures as JSON, Prometheus metrics."""

import redis
from fastapi import APIRouter, HTTPException, Response
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text
from sqlalchemy.orm import Session

from services.api.deps import SessionDep, SettingsDep
from services.health import PipelineHealth, pipeline_health
from services.metrics import render_metrics
from services.servers import redis_client
from services.settings import Settings

router = APIRouter(tags=["ops"])


@router.get("/health")
def health() -> dict[str, str]:
    """The process is alive."""
    return {"status": "ok"}


@router.get("/ready")
def ready(session: SessionDep, settings: SettingsDep) -> dict[str, str]:
    """Postgres and Redis are reachable."""
    session.execute(text("SELECT 1"))
    client = redis_client(settings.redis_url)
    try:
        client.ping()
    except redis.RedisError as exc:
        raise HTTPException(status_code=503, detail=f"redis unreachable: {exc}") from exc
    finally:
        client.close()
    return {"status": "ready"}


def current_health(session: Session, settings: Settings) -> PipelineHealth:
    """A snapshot of the pipeline's health, as `newsflow status` gathers it."""
    client = redis_client(settings.redis_url)
    try:
        return pipeline_health(session, client, stage_timeout=settings.stage_timeout_seconds)
    finally:
        client.close()


@router.get("/status.json")
def status_json(session: SessionDep, settings: SettingsDep) -> dict:
    """The figures of `newsflow status --json`: per stage backlog, messages, finished, failed, workers; lag."""
    return current_health(session, settings).as_dict()


@router.get("/metrics", response_class=Response)
def metrics(session: SessionDep, settings: SettingsDep) -> Response:
    """Prometheus exposition: the workers' counters added up, and queue and database gauges read now."""
    body = render_metrics(
        current_health(session, settings), metrics_dir=settings.metrics_dir, max_sources=settings.metrics_max_sources
    )
    return Response(body, media_type=CONTENT_TYPE_LATEST)
