"""Liveness and readiness for orchestrators."""

import redis
from fastapi import APIRouter, HTTPException
from sqlalchemy import text

from services.api.deps import SessionDep, SettingsDep

router = APIRouter(tags=["ops"])


@router.get("/health")
def health() -> dict[str, str]:
    """The process is alive."""
    return {"status": "ok"}


@router.get("/ready")
def ready(session: SessionDep, settings: SettingsDep) -> dict[str, str]:
    """Postgres and Redis are reachable."""
    session.execute(text("SELECT 1"))
    client = redis.Redis.from_url(settings.redis_url, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        raise HTTPException(status_code=503, detail=f"redis unreachable: {exc}") from exc
    finally:
        client.close()
    return {"status": "ready"}
