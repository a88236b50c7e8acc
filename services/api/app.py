"""The FastAPI application factory."""

from fastapi import FastAPI

from services.api.routes import failures, ingest, ops, page, read, sources


def create_app() -> FastAPI:
    """Build the API; nothing connects until a request needs it."""
    app = FastAPI(title="newsflow", version="0.1.0", summary="Event-driven news ingestion")
    for module in (ingest, read, sources, failures, ops, page):
        app.include_router(module.router)
    return app
