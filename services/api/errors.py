"""How the API words a request it cannot read."""

from __future__ import annotations

import math
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with what was wrong. As FastAPI's own answer, but an input JSON cannot write back (`1e999` read as
    infinity) is left out of it instead of failing the answer with a 500."""
    return JSONResponse({"detail": jsonable_encoder([_writable(error) for error in exc.errors()])}, status_code=422)


def _writable(error: dict[str, Any]) -> dict[str, Any]:
    value = error.get("input")
    if isinstance(value, float) and not math.isfinite(value):
        return {key: item for key, item in error.items() if key != "input"}
    return error
