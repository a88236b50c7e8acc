"""How the API words a request it cannot read."""

from __future__ import annotations

import math
import re
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException


async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with what was wrong. As FastAPI's own answer, but an input JSON cannot write back (`1e999` read as
    infinity) is left out of it instead of failing the answer with a 500."""
    return JSONResponse({"detail": jsonable_encoder([_writable(error) for error in exc.errors()])}, status_code=422)


def _writable(error: dict[str, Any]) -> dict[str, Any]:
    value = error.get("input")
    if isinstance(value, float) and not math.isfinite(value):
        return {key: item for key, item in error.items() if key != "input"}
    return error


async def http_error(request: Request, exc: HTTPException) -> Response:
    """FastAPI's answer, with a 405's `Allow` naming every method of the path: the router names only those of the
    first route that matched it (`GET /articles` and `POST /articles` are two routes)."""
    if exc.status_code == 405:
        allowed = {method.strip() for method in (exc.headers or {}).get("Allow", "").split(",") if method.strip()}
        for template, operations in request.app.openapi()["paths"].items():
            if re.fullmatch(re.sub(r"\{[^}/]+\}", "[^/]+", template), request.url.path):
                allowed |= {method.upper() for method in operations}
        exc.headers = {**(exc.headers or {}), "Allow": ", ".join(sorted(allowed))}
    return await http_exception_handler(request, exc)
