"""Schemathesis against the app's own OpenAPI spec: every read endpoint answers every request the spec allows with a
response the spec describes, and never a server error."""

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from services import pipeline
from services.api.app import create_app
from services.db import session_scope
from services.ingest import add_article, inputs_from_paths
from tests.conftest import SEEDS, _truncate

STEPS = (pipeline.clean_step, pipeline.dedup_step, pipeline.extract_step, pipeline.store_step)


@pytest.fixture(scope="module")
def seeded(service_env, engine) -> Iterator[None]:
    """The seeds run through every step, so that ids in the generated requests can hit real rows."""
    _truncate(engine)
    with session_scope() as session:
        ids = [add_article(session, item, max_bytes=1_000_000).article_id for item in inputs_from_paths([SEEDS])]
    for step in STEPS:
        for article_id in ids:
            with session_scope() as session:
                step(session, article_id)
    yield
    _truncate(engine)


# The app connects on its first request, after the fixtures have pointed the settings at the test database.
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app()).include(tag="read")


@pytest.mark.usefixtures("seeded")
@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_read_endpoints_conform_to_their_spec(case) -> None:
    case.call_and_validate()
