"""The FastAPI application factory."""

from fastapi import FastAPI

from services.api.guard import WriteGuard, keyed_routes
from services.api.routes import failures, ingest, ops, page, read, sources


def create_app() -> FastAPI:
    """Build the API; nothing connects until a request needs it."""
    app = FastAPI(title="newsflow", version="0.1.0", summary="Event-driven news ingestion")
    routers = [module.router for module in (ingest, read, sources, failures, ops, page)]
    for router in routers:
        app.include_router(router)
    app.add_middleware(WriteGuard, routes=keyed_routes(routers))
    return app
