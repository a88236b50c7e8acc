"""The API's guard on its keyed routes: the key is checked and the body's size capped before anything reads it.

FastAPI reads and parses a request's body before it runs the route's dependencies, the key check among them.
"""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import APIRouter
from fastapi.routing import APIRoute
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.api.deps import api_key_refusal, require_api_key
from services.settings import get_settings


def keyed_routes(routers: Iterable[APIRouter]) -> list[APIRoute]:
    """The routes that need the API key, by their own dependencies or their router's."""
    return [
        route
        for router in routers
        for route in router.routes
        if isinstance(route, APIRoute)
        and any(depends.dependency is require_api_key for depends in [*router.dependencies, *route.dependencies])
    ]


class WriteGuard:
    """ASGI middleware: a request to a keyed route without the API key, or with a body past
    NEWSFLOW_MAX_INPUT_BYTES, is answered (401/503, 413) before its body is read; a body within the cap is read
    once and handed on whole."""

    def __init__(self, app: ASGIApp, routes: Iterable[APIRoute]) -> None:
        self.app = app
        self.routes = list(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not any(route.matches(scope)[0] is Match.FULL for route in self.routes):
            await self.app(scope, receive, send)
            return
        settings = get_settings()
        headers = Headers(scope=scope)
        if refusal := api_key_refusal(settings, headers.get("x-api-key")):
            code, reason = refusal
            await JSONResponse({"detail": reason}, status_code=code)(scope, receive, send)
            return
        limit = settings.max_input_bytes
        too_large = JSONResponse(
            {"detail": f"the request body is larger than {limit} bytes (NEWSFLOW_MAX_INPUT_BYTES)"}, status_code=413
        )
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await too_large(scope, receive, send)
            return
        body = bytearray()
        while True:  # the body as it streams in, stopped as soon as it passes the cap
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > limit:
                await too_large(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(bytes(body), receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive channel that gives the already-read body first, then whatever the client sends next."""
    given = False

    async def replayed() -> Message:
        nonlocal given
        if given:
            return await receive()
        given = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed
