"""The FastAPI application factory."""

import logging

import redis
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException

from services.api.errors import http_error, invalid_request
from services.api.guard import WriteGuard, keyed_routes
from services.api.routes import events_page, failures, ingest, ops, page, read, sources
from services.ops.outages import find_outage
from services.settings import get_settings

logger = logging.getLogger(__name__)


def create_app() -> FastAPI:
    """Build the API; nothing connects until a request needs it."""
    # Swagger UI and ReDoc from the fastapi-offline package, not a CDN: the docs work on a machine without internet.
    app = FastAPIOffline(title="newsflow", version="0.1.0", summary="Event-driven news ingestion")
    routers = [module.router for module in (ingest, read, sources, failures, ops, page, events_page)]
    for router in routers:
        app.include_router(router)
    app.add_middleware(WriteGuard, routes=keyed_routes(routers))
    for error in (DBAPIError, redis.RedisError):
        app.add_exception_handler(error, service_unavailable)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(HTTPException, http_error)
    return app


async def service_unavailable(request: Request, exc: Exception) -> JSONResponse:
    """A request that needed Postgres or Redis while it was not there: 503 with the reason, not a 500."""
    outage = find_outage(exc, get_settings())
    if outage is None:
        raise exc  # another database or Redis error: a bug, answered 500 as any other
    logger.warning("%s %s: %s", request.method, request.url.path, outage)
    # The URL stays in the log: a caller learns which service is down, not where it lives.
    return JSONResponse({"detail": f"{outage.service} is unavailable: {outage.problem}"}, status_code=503)
