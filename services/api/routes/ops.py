"""Operations: liveness and readiness for orchestrators, the status figures as JSON, Prometheus metrics."""

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text
from sqlalchemy.orm import Session

from services.api.deps import SessionDep, SettingsDep
from services.api.schemas import ErrorOut
from services.ops.health import PipelineHealth, pipeline_health
from services.ops.metrics import render_metrics
from services.queues import redis_client
from services.settings import Settings

router = APIRouter(tags=["ops"])
# A route that needs Postgres or Redis answers 503 with the reason while one is down (the app's exception handler).
UNAVAILABLE: dict[int | str, dict] = {
    503: {"model": ErrorOut, "description": "Postgres or Redis is unavailable; the detail says which and why"}
}


@router.get("/health")
def health() -> dict[str, str]:
    """The process is alive."""
    return {"status": "ok"}


@router.get("/ready", responses=UNAVAILABLE)
def ready(session: SessionDep, settings: SettingsDep) -> dict[str, str]:
    """Postgres and Redis are reachable (503 with the reason when one is not, from the app's handler)."""
    session.execute(text("SELECT 1"))
    client = redis_client(settings.redis_url)
    try:
        client.ping()
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


@router.get("/status.json", responses=UNAVAILABLE)
def status_json(session: SessionDep, settings: SettingsDep) -> dict:
    """The figures of `newsflow status --json`: per stage backlog, messages, finished, failed, workers; lag."""
    return current_health(session, settings).as_dict()


@router.get("/metrics", response_class=Response, responses=UNAVAILABLE)
def metrics(session: SessionDep, settings: SettingsDep) -> Response:
    """Prometheus exposition: the workers' counters added up, and queue and database gauges read now."""
    body = render_metrics(
        current_health(session, settings), metrics_dir=settings.metrics_dir, max_sources=settings.metrics_max_sources
    )
    return Response(body, media_type=CONTENT_TYPE_LATEST)
