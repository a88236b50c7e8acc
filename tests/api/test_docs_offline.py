"""The API's documentation pages work on a machine without internet: every asset comes from the service itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from services.api.app import create_app
from tests.browser import OFFLINE, api_process, chromium
from tests.waiting import wait_for

URL = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url\(([^)]+)\)""")


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_a_docs_page_names_no_outside_host_and_its_assets_are_served(page: str) -> None:
    client = TestClient(create_app())
    response = client.get(page)
    assert response.status_code == 200
    assert not re.search(r"(?:https?:)?//", response.text), "the page loads something from another host"
    assets = {a or b for a, b in URL.findall(response.text)}
    assert assets and all(asset.startswith("/") for asset in assets)
    assert all(client.get(asset).status_code == 200 for asset in assets)


@pytest.mark.system  # `newsflow api` and a browser in processes of their own
def test_swagger_ui_renders_in_chromium_with_no_host_but_this_one(service_env, tmp_path: Path) -> None:
    with api_process(service_env, tmp_path / "api.log") as url, chromium(tmp_path / "chromium", OFFLINE) as browser:
        from selenium.webdriver.common.by import By

        browser.get(url + "/docs")
        # Swagger UI draws the API's title and its operations from /openapi.json once its script has run.
        wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".swagger-ui .info .title"), "the API's title")
        assert "newsflow" in browser.find_element(By.CSS_SELECTOR, ".swagger-ui .info .title").text
        wait_for(lambda: len(browser.find_elements(By.CSS_SELECTOR, ".opblock")) > 5, "the operations")
