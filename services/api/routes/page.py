"""The status page for people, at the root of the API."""

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from services.api.deps import SessionDep, SettingsDep
from services.api.page import render_status_page
from services.api.routes.ops import UNAVAILABLE, current_health
from services.ops.failures import failure_groups
from services.ops.health import recent_failures
from services.ops.history import stage_history

router = APIRouter(tags=["ops"])


@router.get("/", response_class=HTMLResponse, responses=UNAVAILABLE)
def status_page(session: SessionDep, settings: SettingsDep) -> HTMLResponse:
    """Queue depth and throughput per stage over the last hour, recent failures, links to the JSON."""
    page = render_status_page(
        current_health(session, settings), stage_history(session), failure_groups(session), recent_failures(session)
    )
    return HTMLResponse(page)
