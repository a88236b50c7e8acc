"""Liveness and readiness for orchestrators."""

import redis
from fastapi import APIRouter, HTTPException
from sqlalchemy import text

from services.api.deps import SessionDep, SettingsDep
from services.servers import redis_client

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
