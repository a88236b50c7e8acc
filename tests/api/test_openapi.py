"""Schemathesis against the app's own OpenAPI spec: every read endpoint answers every request the spec allows with a
response the spec describes, and never a server error."""

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from services.api.app import create_app
from tests.conftest import _truncate, store_seeds


@pytest.fixture(scope="module")
def seeded(service_env, engine) -> Iterator[None]:
    """The seeds run through every step, so that ids in the generated requests can hit real rows."""
    store_seeds(engine)
    yield
    _truncate(engine)


# The app connects on its first request, after the fixtures have pointed the settings at the test database.
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app()).include(tag="read")


@pytest.mark.usefixtures("seeded")
@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_read_endpoints_conform_to_their_spec(case) -> None:
    case.call_and_validate()
